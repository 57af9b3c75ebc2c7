#include "run_controller.h"

#include "clock.h"
#include "segment_cleanup.h"
#include "verify.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace {
constexpr int kPollMs = 10;
constexpr int kAttachTimeoutMs = 15'000;
constexpr int kStopTimeoutMs = 3'000;
constexpr size_t kMaxEventsKept = 200'000; // per worker, for timelines
constexpr uint64_t kStallNs = 30'000'000'000ull;
} // namespace

RunController::RunController(QObject* parent) : QObject(parent) {
    m_workerPath = QCoreApplication::applicationDirPath() + QStringLiteral("/shmscope-worker");
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &RunController::poll);
    m_stopDeadline.setSingleShot(true);
    connect(&m_stopDeadline, &QTimer::timeout, this, [this] {
        if (!isActive()) return;
        m_report.errors.push_back("workers did not stop within 3 s and were killed");
        killAll();
    });
}

RunController::~RunController() {
    // Scope guard for the children: never leave a worker running or a segment behind. Their
    // signals are cut first: a finished() arriving now would run the end-of-run path into an
    // object (and a window) that is being destroyed.
    for (QProcess* p : m_procs)
        p->disconnect(this);
    if (m_verifyThread.joinable()) m_verifyThread.join();
    for (QProcess* p : m_procs) {
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(2000);
        }
    }
    if (m_segment) {
        m_segment->unlink();
        segment_cleanup::forget(m_segment->name());
    }
}

void RunController::setPhase(Phase p) {
    if (m_phase == p) return;
    m_phase = p;
    emit phaseChanged(p);
}

bool RunController::start(const shm::ExperimentConfig& cfg, QString* error) {
    if (isActive()) {
        if (error) *error = QStringLiteral("a run is already in progress");
        return false;
    }
    reset();
    if (auto err = shm::validate(cfg)) {
        if (error) *error = QString::fromStdString(*err);
        return false;
    }
    if (auto err = shm::checkFits(cfg)) {
        if (error) *error = QString::fromStdString(*err);
        return false;
    }
    if (!QFileInfo(m_workerPath).isExecutable()) {
        if (error) *error = QStringLiteral("worker executable not found: %1").arg(m_workerPath);
        return false;
    }
    m_cfg = cfg;
    m_wall.start();
    const std::string name =
        m_requestedName.isEmpty() ? shm::makeSegmentName() : m_requestedName.toStdString();
    try {
        m_segment = shm::Segment::create(name, cfg);
    } catch (const shm::SegmentError& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    segment_cleanup::remember(name);

    m_report = {};
    m_report.version = QCoreApplication::applicationVersion().toStdString();
    m_report.config = cfg;
    m_report.segmentName = name;
    m_report.segmentBytes = m_segment->size();
    m_failed = false;
    m_stopRequested = false;
    m_releaseNs = 0;
    m_exit.assign(cfg.workers, WorkerView{});
    m_events.assign(cfg.workers, {});
    setPhase(Phase::Starting);

    for (uint32_t k = 0; k < cfg.workers; ++k) {
        auto* p = new QProcess(this);
        p->setProgram(m_workerPath);
        p->setArguments({QStringLiteral("--segment"), QString::fromStdString(name),
                         QStringLiteral("--worker"), QString::number(k)});
        // Workers' stderr lines become report errors; their stdout is unused.
        p->setProcessChannelMode(QProcess::SeparateChannels);
        p->setStandardOutputFile(QProcess::nullDevice());
        connect(p, &QProcess::finished, this,
                [this, k](int code, QProcess::ExitStatus st) { onWorkerFinished(k, code, st); });
        connect(p, &QProcess::errorOccurred, this,
                [this, k](QProcess::ProcessError e) { onWorkerError(k, e); });
        m_procs.push_back(p);
        p->start();
    }
    m_attachClock.start();
    m_lastAttached = 0;
    m_pauseStartNs = 0;
    m_pausedTotalNs = 0;
    m_poll.start();
    return true;
}

void RunController::pause() {
    if (m_phase != Phase::Running || !m_segment) return;
    m_segment->header().runState.store(uint32_t(shm::RunState::Paused), std::memory_order_release);
    m_pauseStartNs = shm::nowNs();
    setPhase(Phase::Paused);
}

void RunController::resume() {
    if (m_phase != Phase::Paused || !m_segment) return;
    m_segment->header().runState.store(uint32_t(shm::RunState::Running), std::memory_order_release);
    m_pausedTotalNs += shm::nowNs() - m_pauseStartNs;
    m_pauseStartNs = 0;
    setPhase(Phase::Running);
}

void RunController::stop() {
    if (!isActive() || m_phase == Phase::Stopping || !m_segment) return;
    m_stopRequested = true;
    m_segment->header().runState.store(uint32_t(shm::RunState::Stopping),
                                       std::memory_order_release);
    setPhase(Phase::Stopping);
    m_stopDeadline.start(kStopTimeoutMs);
}

void RunController::killWorker(uint32_t k) {
    if (k >= m_procs.size() || m_procs[k]->state() == QProcess::NotRunning) return;
    m_procs[k]->kill(); // SIGKILL: the worker gets no chance to release anything
}

void RunController::setDelayUs(uint32_t us) {
    m_cfg.delayUs = std::min(us, shm::limits::kMaxDelayUs);
    if (m_segment && isActive())
        m_segment->header().delayUs.store(m_cfg.delayUs, std::memory_order_relaxed);
}

void RunController::reset() {
    if (isActive()) return;
    qDeleteAll(m_procs);
    m_procs.clear();
    if (m_segment) segment_cleanup::forget(m_segment->name());
    m_segment.reset();
    m_exit.clear();
    m_events.clear();
    m_releaseNs = 0;
    setPhase(Phase::Idle);
}

RunController::Snapshot RunController::snapshot() const {
    Snapshot s;
    s.phase = m_phase;
    if (!m_segment) return s;
    const uint64_t now = shm::nowNs();
    uint64_t lastDone = 0;
    bool allDone = true;
    s.workers.reserve(m_exit.size());
    for (uint32_t k = 0; k < m_exit.size(); ++k) {
        WorkerView v = m_exit[k];
        v.live = shm::readWorker(*m_segment, k);
        // A worker adds a pause to its pausedNs only when it resumes; count the current one
        // now so busy time, rates and wait shares freeze while paused instead of drifting.
        if (m_pauseStartNs && v.live.state == shm::WorkerState::Paused)
            v.live.pausedNs += now - m_pauseStartNs;
        v.state = v.exited && v.state >= shm::WorkerState::Failed ? v.state : v.live.state;
        s.processed += v.live.processed;
        s.lock += v.live.lock;
        s.droppedEvents += v.live.droppedEvents;
        lastDone = std::max(lastDone, v.live.doneNs);
        allDone = allDone && v.live.doneNs != 0;
        s.workers.push_back(v);
    }
    if (m_releaseNs) {
        const uint64_t end = (!isActive() && allDone && lastDone) ? lastDone
                             : isActive()                         ? now
                                                                  : std::max(lastDone, m_releaseNs);
        const uint64_t paused = m_pausedTotalNs + (m_pauseStartNs ? now - m_pauseStartNs : 0);
        const uint64_t span = end - m_releaseNs;
        s.elapsedSeconds = double(span - std::min(span, paused)) / 1e9;
    }
    return s;
}

void RunController::drainEvents() {
    if (!m_segment) return;
    std::vector<shm::Event> buf;
    for (uint32_t k = 0; k < m_events.size(); ++k) {
        buf.clear();
        shm::drainEvents(*m_segment, k, buf);
        m_eventsSeen += buf.size();
        if (!m_keepEvents) continue;
        auto& q = m_events[k];
        q.insert(q.end(), buf.begin(), buf.end());
        if (q.size() > kMaxEventsKept)
            q.erase(q.begin(), q.begin() + ptrdiff_t(q.size() - kMaxEventsKept));
    }
}

void RunController::poll() {
    if (!m_segment) return;
    auto& h = m_segment->header();
    drainEvents();
    if (m_phase == Phase::Starting) {
        if (h.attached.load(std::memory_order_acquire) == m_cfg.workers) {
            // Everyone is mapped and validated: open the barrier.
            m_releaseNs = shm::nowNs();
            h.releaseNs.store(m_releaseNs, std::memory_order_relaxed);
            h.runState.store(uint32_t(shm::RunState::Running), std::memory_order_release);
            setPhase(Phase::Running);
        } else if (const uint32_t n = h.attached.load(std::memory_order_relaxed);
                   n != m_lastAttached) {
            // Big segments take workers a while to map: only a pause in attaching is a failure.
            m_lastAttached = n;
            m_attachClock.restart();
        } else if (m_attachClock.elapsed() > kAttachTimeoutMs) {
            fail(QStringLiteral("only %1 of %2 workers attached (none more in %3 s)")
                     .arg(h.attached.load())
                     .arg(m_cfg.workers)
                     .arg(kAttachTimeoutMs / 1000));
        }
        return;
    }
    if (m_phase == Phase::Running) {
        // Hung, not slow: no live worker has published anything for this long. A worker that
        // waits for a lock legitimately stays silent for as long as the holder holds it, so
        // the run as a whole is judged (a stopped holder silences everyone) rather than each
        // worker alone.
        const uint64_t now = shm::nowNs();
        uint64_t newest = m_releaseNs;
        bool anyLive = false;
        for (uint32_t k = 0; k < m_exit.size(); ++k) {
            if (m_exit[k].exited) continue;
            anyLive = true;
            newest = std::max(newest, shm::readWorker(*m_segment, k).heartbeatNs);
        }
        const uint64_t allowed = kStallNs + uint64_t(m_cfg.delayUs) * 1000 * 2;
        if (anyLive && now > newest && now - newest > allowed)
            fail(QStringLiteral("workers stopped responding (no progress for %1 s)")
                     .arg((now - newest) / 1'000'000'000ull));
    }
}

void RunController::onWorkerError(uint32_t k, QProcess::ProcessError err) {
    if (err != QProcess::FailedToStart) return; // crashes arrive through finished()
    m_exit[k].exited = true;
    m_exit[k].state = shm::WorkerState::Failed;
    fail(
        QStringLiteral("worker %1 could not be started: %2").arg(k).arg(m_procs[k]->errorString()));
    maybeFinish();
}

void RunController::onWorkerFinished(uint32_t k, int exitCode, QProcess::ExitStatus status) {
    WorkerView& v = m_exit[k];
    v.exited = true;
    const QByteArray err = m_procs[k]->readAllStandardError().trimmed();
    if (!err.isEmpty())
        for (const QByteArray& line : err.split('\n'))
            m_report.errors.push_back("worker " + std::to_string(k) + ": " + line.toStdString());
    if (status == QProcess::CrashExit) {
        // Qt reports the terminating signal as the exit code of a crashed process.
        v.signal = exitCode;
        v.state = shm::WorkerState::Crashed;
        if (m_segment) v.diedHoldingLock = m_segment->slot(k).holdingLock.load() != 0;
        if (!v.terminatedByUs && !m_failed) {
            fail(QStringLiteral("worker %1 was killed by signal %2%3")
                     .arg(k)
                     .arg(exitCode)
                     .arg(v.diedHoldingLock ? QStringLiteral(" while holding a lock") : QString()));
        }
    } else {
        v.exitCode = exitCode;
        if (exitCode != 0) {
            v.state = shm::WorkerState::Failed;
            if (!m_failed)
                fail(QStringLiteral("worker %1 failed with exit code %2").arg(k).arg(exitCode));
        } else {
            v.state = shm::WorkerState::Done;
        }
    }
    emit workerExited(k, v.exitCode, v.signal, v.diedHoldingLock);
    maybeFinish();
}

void RunController::fail(const QString& why) {
    if (!m_failed) m_report.errors.push_back(why.toStdString());
    m_failed = true;
    if (m_segment)
        m_segment->header().runState.store(uint32_t(shm::RunState::Stopping),
                                           std::memory_order_release);
    if (m_phase != Phase::Finished) setPhase(Phase::Stopping);
    // The others may be blocked forever on a lock the dead worker held (the mutex is not
    // robust): end them now instead of waiting.
    killAll();
}

void RunController::killAll() {
    for (uint32_t k = 0; k < m_procs.size(); ++k) {
        QProcess* p = m_procs[k];
        if (p->state() == QProcess::NotRunning) continue;
        m_exit[k].terminatedByUs = true;
        p->kill();
    }
}

void RunController::maybeFinish() {
    for (const WorkerView& v : m_exit)
        if (!v.exited) return;
    finish();
}

void RunController::finish() {
    if (m_phase == Phase::Finished || m_verifying) return;
    if (m_pauseStartNs) { // stopped while paused
        m_pausedTotalNs += shm::nowNs() - m_pauseStartNs;
        m_pauseStartNs = 0;
    }
    m_poll.stop();
    m_stopDeadline.stop();
    drainEvents();
    shm::RunReport& r = m_report;
    r.wallSeconds = double(m_wall.nsecsElapsed()) / 1e9;
    const auto live = shm::readWorkers(*m_segment);
    uint64_t lastDone = 0;
    double busySum = 0, busyMax = 0;
    uint32_t busyCount = 0;
    r.workers.clear();
    for (uint32_t k = 0; k < live.size(); ++k) {
        const auto& w = live[k];
        const WorkerView& v = m_exit[k];
        shm::WorkerReport wr;
        wr.id = k;
        wr.pid = w.pid; // published by the worker itself (0 if it never attached)
        wr.processed = w.processed;
        wr.assigned = w.assigned;
        wr.exitCode = v.exitCode;
        wr.signal = v.signal;
        wr.diedHoldingLock = v.diedHoldingLock;
        wr.lock = w.lock;
        if (v.state == shm::WorkerState::Crashed)
            wr.state = v.terminatedByUs ? "terminated" : "crashed";
        else if (v.state == shm::WorkerState::Failed)
            wr.state = "failed";
        else
            wr.state =
                (m_stopRequested || m_failed) && w.processed < w.assigned ? "stopped" : "done";
        if (w.startNs && w.doneNs >= w.startNs) {
            wr.busySeconds =
                double(w.doneNs - w.startNs - std::min(w.pausedNs, w.doneNs - w.startNs)) / 1e9;
            busySum += wr.busySeconds;
            busyMax = std::max(busyMax, wr.busySeconds);
            ++busyCount;
        }
        lastDone = std::max(lastDone, w.doneNs);
        r.processed += w.processed;
        r.lock += w.lock;
        r.droppedEvents += w.droppedEvents;
        r.workers.push_back(wr);
    }
    r.imbalance = busyCount && busySum > 0 ? busyMax / (busySum / busyCount) : 0;
    r.computeSeconds =
        m_releaseNs && lastDone > m_releaseNs ? double(lastDone - m_releaseNs) / 1e9 : 0;
    // The name goes now; the mapping stays so a window can keep showing the final array.
    r.segmentRemoved = m_segment->unlink() && !shm::segmentExists(m_segment->name());
    segment_cleanup::forget(m_segment->name());
    if (!r.segmentRemoved)
        r.errors.push_back("segment " + m_segment->name() + " could not be removed");
    // Verify even a failed run: what was written is still worth comparing. Off the GUI thread:
    // recomputing 10^8 expected values (mandelbrot: seconds) must not freeze the window. The
    // phase stays Stopping until then, so reset() cannot unmap the array under the thread.
    m_verifying = true;
    m_verifyThread = std::thread([this, cfg = m_cfg, data = m_segment->data()] {
        const shm::VerifyResult vr = shm::verify(cfg, data);
        QMetaObject::invokeMethod(
            this, [this, vr] { completeFinish(vr); }, Qt::QueuedConnection);
    });
}

void RunController::completeFinish(const shm::VerifyResult& vr) {
    if (m_verifyThread.joinable()) m_verifyThread.join();
    m_verifying = false;
    shm::RunReport& r = m_report;
    r.mismatches = vr.mismatches;
    r.unwritten = vr.unwritten;
    r.lostUpdates = vr.lostUpdates;
    r.status = m_failed ? "failed" : "finished";
    setPhase(Phase::Finished);
    emit finished();
}
