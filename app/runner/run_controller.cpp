#include "runner/run_controller.h"

#include "runner/segment_cleanup.h"
#include "segment/bus_guard.h"
#include "segment/clock.h"
#include "segment/futex.h"
#include "segment/snapshot.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <csignal>

#include <algorithm>

namespace {
constexpr int kPollMs = 10;       // ring drain + barrier + stall check; rings hold 8192 events each
constexpr int kBarrierPollMs = 1; // until every worker has attached
constexpr int kAttachTimeoutMs = 15'000; // without any new worker attaching
constexpr int kStopTimeoutMs = 3'000;
// Drained events wait here for the next frame; a window that stops taking frames (minimised,
// or a test that never asks) must not grow without bound.
// Rings hold 8192 events and are drained every 10 ms: 256k covers a frame 250 ms apart (the
// paced window's slowest) at the most a ring can deliver (~820k events/s, one worker per core).
constexpr size_t kMaxPendingEvents = 262'144; // per worker: at most 4 MiB, as filled
// A deadlock is declared once every survivor has looked blocked for this long (the window
// shows them waiting meanwhile); a worker silent for kSilentNs counts as blocked even without
// lock timings (--no-instrument does not publish "waiting for lock").
constexpr uint64_t kDeadlockConfirmNs = 500'000'000;
constexpr uint64_t kSilentNs = 1'000'000'000;

// "the mutex", "stripe 3's mutex", "the spin lock": the lock a worker died holding.
QString lockName(const shm::ExperimentConfig& c, uint32_t holdingLock) {
    switch (c.sync) {
    case shm::SyncMode::Striped:
        return QStringLiteral("stripe %1's mutex").arg(holdingLock - 1);
    case shm::SyncMode::Spin:
        return QStringLiteral("the spin lock");
    default:
        return QStringLiteral("the mutex");
    }
}
} // namespace

RunController::RunController(QObject* parent) : QObject(parent) {
    // Reads of a segment another process shrank read zeros instead of killing the app;
    // checkSegmentIntact() turns that into a failed run.
    shm::bus_guard::install(shm::bus_guard::Mode::Remap);
    m_workerPath = QCoreApplication::applicationDirPath() + QStringLiteral("/shmscope-worker");
    m_mpiWorkerPath =
        QCoreApplication::applicationDirPath() + QStringLiteral("/shmscope-mpi-worker");
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &RunController::poll);
    m_faultTimer.setSingleShot(true);
    m_faultTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_faultTimer, &QTimer::timeout, this, &RunController::fireScriptedFault);
    m_drainWait.setInterval(5);
    connect(&m_drainWait, &QTimer::timeout, this, [this] {
        // A sender killed inside send() holds the queue's lock for good: give up after 2 s.
        if (m_receiver && !m_receiver->done() && m_drainClock.elapsed() < 2000) return;
        m_drainWait.stop();
        finishDrained();
    });
    m_stopDeadline.setSingleShot(true);
    connect(&m_stopDeadline, &QTimer::timeout, this, [this] {
        if (!isActive() || m_verifying) return;
        m_meta.errors.push_back("workers did not stop within 3 s and were killed");
        killAll();
    });
}

RunController::~RunController() {
    // Scope guard for the children: never leave a worker running or a segment behind. Their
    // signals are cut first: a finished() arriving now would run the end-of-run path into an
    // object (and a window) that is being destroyed.
    for (QProcess* p : m_procs)
        p->disconnect(this);
    if (m_mpirun) m_mpirun->disconnect(this);
    if (m_verifyThread.joinable()) m_verifyThread.join();
    if (m_mpirun && m_mpirun->state() != QProcess::NotRunning) {
        // SIGTERM: mpirun takes every rank down with it (a SIGKILL would leave them to their
        // PR_SET_PDEATHSIG).
        m_mpirun->terminate();
        if (!m_mpirun->waitForFinished(3000)) {
            m_mpirun->kill();
            m_mpirun->waitForFinished(2000);
        }
    }
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

void RunController::setPhase(shm::Phase p) {
    if (m_phase == p) return;
    m_phase = p;
    // The 1 ms barrier poll ends however Starting ends (opened, stopped or failed).
    if (p != shm::Phase::Starting && m_poll.interval() != kPollMs) m_poll.setInterval(kPollMs);
    emit phaseChanged(p);
}

bool RunController::start(const shm::ExperimentConfig& cfg, QString* error) {
    auto refuse = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (isActive()) return refuse(tr("a run is already in progress"));
    reset();
    if (auto err = shm::validate(cfg)) return refuse(QString::fromStdString(*err));
    if (auto err = shm::checkFits(cfg)) return refuse(QString::fromStdString(*err));
    if (cfg.transport == shm::Transport::Mpi) {
        if (QString err = checkMpi(cfg); !err.isEmpty()) return refuse(err);
    } else if (m_command.empty() || (m_command.count != 0 && m_command.count < cfg.workers))
        if (!QFileInfo(m_workerPath).isExecutable())
            return refuse(tr("worker executable not found: %1").arg(m_workerPath));
    m_cfg = cfg;
    m_wall.start();
    const std::string name =
        m_requestedName.isEmpty() ? shm::makeSegmentName() : m_requestedName.toStdString();
    try {
        m_segment = shm::Segment::create(name, cfg);
    } catch (const shm::SegmentError& e) {
        return refuse(QString::fromUtf8(e.what()));
    }
    segment_cleanup::remember(name);
    if (cfg.transport == shm::Transport::Queue) {
        try {
            segment_cleanup::remember(shm::queueName(name));
            m_receiver = std::make_unique<shm::QueueReceiver>(m_segment);
        } catch (const shm::SegmentError& e) {
            segment_cleanup::forget(shm::queueName(name));
            segment_cleanup::forget(name);
            m_segment.reset(); // unlinks it
            return refuse(QString::fromUtf8(e.what()));
        }
    }

    m_report = {};
    m_final = {};
    m_haveFinal = false;
    m_meta = {};
    m_meta.version = QCoreApplication::applicationVersion().toStdString();
    m_meta.segmentName = name;
    m_meta.segmentBytes = m_segment->size();
    m_meta.workerCommand = m_command.text.toStdString();
    m_failed = false;
    m_shrunk = false;
    m_lastPollNs = m_stallEpochNs = 0;
    m_stopRequested = false;
    m_releaseNs = 0;
    m_exits.assign(cfg.workers, shm::WorkerRecord{});
    for (uint32_t k = 0; k < cfg.workers; ++k)
        m_exits[k].external =
            cfg.transport != shm::Transport::Mpi && m_command.runs(k, cfg.workers);
    m_pendingEvents.assign(cfg.workers, {});
    m_eventsDiscarded = 0;
    m_parkWanted = -1;
    m_deadHolder = -1;
    m_allBlockedNs = 0;
    m_suspendedSinceNs.assign(cfg.workers, 0);
    m_awaitingRecovery.clear();
    setPhase(shm::Phase::Starting);
    if (cfg.transport == shm::Transport::Mpi)
        spawnMpirun(name);
    else
        for (uint32_t k = 0; k < cfg.workers; ++k)
            m_procs.push_back(spawnWorker(k, name));
    m_attachClock.start();
    m_lastAttached = 0;
    m_pauseStartNs = 0;
    m_pausedTotalNs = 0;
    // Every 1 ms until the barrier opens: the last worker's attach should start the run at
    // once, not at the next 10 ms tick (a whole seed job computes in ~100 ms).
    m_poll.start(kBarrierPollMs);
    return true;
}

QProcess* RunController::spawnWorker(uint32_t k, const std::string& name) {
    auto* p = new QProcess(this);
    const QStringList args{QStringLiteral("--segment"), QString::fromStdString(name),
                           QStringLiteral("--worker"), QString::number(k)};
    if (m_exits[k].external) { // the user's command, with the same two arguments appended
        p->setProgram(m_command.argv.first());
        p->setArguments(m_command.argv.mid(1) + args);
    } else {
        p->setProgram(m_workerPath);
        p->setArguments(args);
    }
    // Workers' stderr lines become report errors; their stdout is unused.
    p->setProcessChannelMode(QProcess::SeparateChannels);
    p->setStandardOutputFile(QProcess::nullDevice());
    connect(p, &QProcess::finished, this,
            [this, k](int code, QProcess::ExitStatus st) { onWorkerFinished(k, code, st); });
    // The pid as the OS gave it: a worker killed before it attached never published its own.
    connect(p, &QProcess::started, this, [this, k, p] { m_exits[k].pid = p->processId(); });
    connect(p, &QProcess::errorOccurred, this,
            [this, k](QProcess::ProcessError e) { onWorkerError(k, e); });
    p->start();
    return p;
}

void RunController::pause() {
    if (m_phase != shm::Phase::Running || !m_segment) return;
    shm::publishRunState(m_segment->header(), shm::RunState::Paused);
    m_pauseStartNs = shm::nowNs();
    setPhase(shm::Phase::Paused);
}

void RunController::resume() {
    if (m_phase != shm::Phase::Paused || !m_segment) return;
    shm::publishRunState(m_segment->header(), shm::RunState::Running);
    m_pausedTotalNs += shm::nowNs() - m_pauseStartNs;
    m_pauseStartNs = 0;
    setPhase(shm::Phase::Running);
}

void RunController::stop() {
    // While verifying every worker has exited already: nothing to stop.
    if (!isActive() || m_phase == shm::Phase::Stopping || !m_segment || m_verifying) return;
    m_stopRequested = true;
    shm::publishRunState(m_segment->header(), shm::RunState::Stopping);
    setPhase(shm::Phase::Stopping);
    m_stopDeadline.start(kStopTimeoutMs);
}

void RunController::terminate(int sig) {
    if (!isActive()) return;
    if (!m_meta.terminatedBySignal) {
        m_meta.terminatedBySignal = sig;
        m_meta.errors.push_back("terminated by signal " + std::to_string(sig) +
                                " before the run ended");
    }
    stop();
}

void RunController::killWorker(uint32_t k, shm::KillWhen when, shm::FaultAction action) {
    if (mpi()) {
        killRank(k, action);
        return;
    }
    if (k >= m_procs.size() || m_procs[k]->state() == QProcess::NotRunning) return;
    if (when == shm::KillWhen::Holding && m_cfg.usesLock() && m_segment && !m_failed) {
        // Parked inside the critical section first; checkParked() sends the kill.
        m_parkWanted = int(k);
        m_parkAction = action;
        m_segment->header().parkWorker.store(k + 1, std::memory_order_relaxed);
        return;
    }
    if (!m_meta.fault.killed && m_cfg.killWorker == k && m_releaseNs) {
        m_meta.fault.killed = true;
        m_meta.fault.atMs = double(shm::nowNs() - m_releaseNs) / 1e6;
    }
    switch (action) {
    case shm::FaultAction::Kill:
        m_procs[k]->kill(); // SIGKILL: the worker gets no chance to release anything
        break;
    case shm::FaultAction::Stop:
        ::kill(pid_t(m_procs[k]->processId()), SIGSTOP); // checkSuspended() takes it from here
        break;
    case shm::FaultAction::Hang:
        m_segment->header().hangWorker.store(k + 1, std::memory_order_relaxed); // checkStall()
        break;
    }
}

void RunController::fireScriptedFault() {
    if (m_phase != shm::Phase::Running && m_phase != shm::Phase::Paused) return;
    killWorker(m_cfg.killWorker, m_cfg.killWhen, m_cfg.faultAction);
}

// The worker asked to park holds its lock and waits: kill it there.
void RunController::checkParked() {
    if (m_parkWanted < 0) return;
    const auto k = uint32_t(m_parkWanted);
    if (m_exits[k].exited) {
        m_parkWanted = -1;
        return;
    }
    if (!m_segment->slot(k).parked.load(std::memory_order_acquire)) return;
    m_parkWanted = -1;
    m_segment->header().parkWorker.store(0, std::memory_order_relaxed);
    killWorker(k, shm::KillWhen::Time, m_parkAction);
}

// A worker died holding a lock nobody can recover: the survivors that need it block forever.
// Declared once every live worker has looked blocked for kDeadlockConfirmNs; until then they
// show as "waiting for lock" and the lock timeline's lanes turn red.
void RunController::checkDeadlock() {
    if (m_deadHolder < 0 || m_failed) return;
    const uint64_t now = shm::nowNs();
    const uint64_t silent = kSilentNs + uint64_t(m_cfg.delayUs) * 2000;
    uint32_t blocked = 0;
    for (uint32_t k = 0; k < m_exits.size(); ++k) {
        if (m_exits[k].exited) continue;
        const shm::WorkerRecord w = shm::readWorker(*m_segment, k);
        const bool isBlocked = w.state == shm::WorkerState::WaitingForLock ||
                               (w.heartbeatNs < now && now - w.heartbeatNs > silent);
        if (!isBlocked) {
            m_allBlockedNs = 0;
            return;
        }
        ++blocked;
    }
    if (blocked == 0) return; // everyone else exited: maybeFinish() ends the run
    if (!m_allBlockedNs) {
        m_allBlockedNs = now;
        return;
    }
    if (now - m_allBlockedNs < kDeadlockConfirmNs) return;
    const auto k = uint32_t(m_deadHolder);
    fail(tr("deadlock: worker %1 died holding %2, %3 workers blocked")
             .arg(k)
             .arg(lockName(m_cfg, m_segment->slot(k).holdingLock.load()))
             .arg(blocked));
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
    delete m_mpirun;
    m_mpirun = nullptr;
    if (m_segment) segment_cleanup::forget(m_segment->name());
    m_receiver.reset();
    m_segment.reset();
    m_exits.clear();
    m_pendingEvents.clear();
    m_final = {};
    m_haveFinal = false;
    m_meta = {};
    m_report = {};
    m_releaseNs = 0;
    setPhase(shm::Phase::Idle);
}

shm::RunSnapshot RunController::snapshot() const {
    if (m_haveFinal) {
        // Every worker has exited: the run's figures are final even while it is verified.
        shm::RunSnapshot s = m_final;
        s.phase = m_phase;
        s.nowNs = shm::nowNs();
        return s;
    }
    shm::RunSnapshot s;
    s.phase = m_phase;
    s.config = m_cfg;
    s.nowNs = shm::nowNs();
    if (!m_segment) return s;
    s.releaseNs = m_releaseNs;
    s.pausedNs = m_pausedTotalNs + (m_pauseStartNs ? s.nowNs - m_pauseStartNs : 0);
    s.stopRequested = m_stopRequested;
    s.failed = m_failed;
    s.cursor = m_segment->header().cursor.load(std::memory_order_relaxed);
    if (m_receiver) {
        const shm::QueueReceiver::Stats q = m_receiver->stats();
        s.queue = {true,
                   q.messages,
                   q.bytes,
                   m_receiver->depth(),
                   q.maxDepth,
                   shm::kQueueCapacity,
                   m_receiver->done() ? q.lastWriteNs : 0};
    }
    s.workers.reserve(m_exits.size());
    for (uint32_t k = 0; k < m_exits.size(); ++k) {
        shm::WorkerRecord w = shm::readWorker(*m_segment, k);
        const shm::WorkerRecord& e = m_exits[k];
        if (!w.pid) w.pid = e.pid;
        w.exited = e.exited;
        w.failedToStart = e.failedToStart;
        w.exitCode = e.exitCode;
        w.signal = e.signal;
        w.terminatedByUs = e.terminatedByUs;
        w.diedHoldingLock = e.diedHoldingLock;
        w.suspended = e.suspended && !e.exited;
        w.exitNs = e.exitNs;
        w.external = e.external;
        // A worker adds a pause to its pausedNs only when it resumes; count the current one
        // now so busy time, rates and wait shares freeze while paused instead of drifting. A
        // worker killed while paused never resumes: its pause ends when it died.
        if (m_pauseStartNs && w.state == shm::WorkerState::Paused) {
            const uint64_t end = w.exitNs ? std::min(w.exitNs, s.nowNs) : s.nowNs;
            if (end > m_pauseStartNs) w.pausedNs += end - m_pauseStartNs;
        }
        s.workers.push_back(w);
    }
    s.array = shm::ArrayRef{m_segment->data(), m_segment->owner(), m_cfg.dataCount(), m_segment};
    return s;
}

shm::RunFrame RunController::takeFrame() {
    if (isActive()) drainRings();
    shm::RunFrame f;
    f.snapshot = snapshot();
    f.newEvents = std::move(m_pendingEvents);
    f.discardedEvents = m_eventsDiscarded;
    m_pendingEvents.assign(m_exits.size(), {});
    return f;
}

void RunController::drainRings() {
    if (!m_segment) return;
    static thread_local std::vector<shm::Event> discard;
    for (uint32_t k = 0; k < m_pendingEvents.size(); ++k) {
        auto& q = m_pendingEvents[k];
        if (!m_keepEvents) {
            discard.clear();
            shm::drainEvents(*m_segment, k, discard); // headless: the counters say it all
        } else if (q.size() >= kMaxPendingEvents) {
            discard.clear();
            m_eventsDiscarded += shm::drainEvents(*m_segment, k, discard);
        } else {
            shm::drainEvents(*m_segment, k, q, kMaxPendingEvents - q.size());
        }
    }
}

void RunController::poll() {
    if (!m_segment || !checkSegmentIntact()) return;
    // The app itself did not run for a while (a loaded machine, a VM paused by its host, a
    // debugger): whatever the workers did meanwhile was not watched, so nobody's silence
    // counts from before. Seen once under ctest -j2: a 2.2 s gap blamed a worker that was
    // publishing every millisecond.
    const uint64_t pollNs = shm::nowNs();
    if (m_lastPollNs && pollNs - m_lastPollNs > 10 * uint64_t(kPollMs) * 1'000'000)
        m_stallEpochNs = pollNs;
    m_lastPollNs = pollNs;
    drainRings();
    if (m_phase == shm::Phase::Starting) {
        pollBarrier();
        // A worker stopped (SIGSTOP) before it attached is named too, not left to the 15 s
        // attach timeout (the fault campaign caught "only 3 of 4 workers attached"). Every
        // 100 polls: the barrier is polled every 1 ms.
        if (m_phase == shm::Phase::Starting && ++m_pollTick % 100 == 0) checkSuspended();
        return;
    }
    checkParked();
    // /proc is read every 100 ms, not every poll: 64 workers × 100 reads a second would cost
    // the GUI thread several per cent.
    if (++m_pollTick % 10 == 0) checkSuspended();
    if (mpi()) checkMpiEnded();
    if (m_phase == shm::Phase::Running) {
        checkDeadlock();
        checkStall();
    }
}

void RunController::pollBarrier() {
    auto& h = m_segment->header();
    // Attached = a slot past Starting (and not given up): each worker says so with one aligned
    // store to its own slot, so a worker in any language needs no atomic read-modify-write.
    uint32_t attached = 0;
    for (uint32_t k = 0; k < m_cfg.workers; ++k) {
        const auto st = shm::WorkerState(m_segment->slot(k).state.load(std::memory_order_acquire));
        attached += st != shm::WorkerState::Starting && st != shm::WorkerState::Failed;
    }
    if (attached == m_cfg.workers) {
        // Everyone is mapped and validated: open the barrier.
        m_releaseNs = shm::nowNs();
        h.releaseNs.store(m_releaseNs, std::memory_order_relaxed);
        shm::publishRunState(h, shm::RunState::Running);
        if (mpi()) {
            m_meta.mpiLauncherSeconds = double(m_releaseNs - m_mpirunStartNs) / 1e9;
            // Ranks on this host (rank 0's, host 0) get the pid checks local workers get
            // (suspended: SIGSTOP); a pid from another host means nothing here.
            for (uint32_t k = 0; k < m_cfg.workers; ++k) {
                const shm::WorkerRecord w = shm::readWorker(*m_segment, k);
                if (w.hostIndex == 0) m_exits[k].pid = w.pid;
            }
        }
        setPhase(shm::Phase::Running);
        if (m_cfg.killWorker != shm::kNoWorker) m_faultTimer.start(int(m_cfg.killAtMs));
    } else if (attached != m_lastAttached) {
        // Big segments take workers a while to map: only a pause in attaching is a failure.
        m_lastAttached = attached;
        m_attachClock.restart();
    } else if (m_attachClock.elapsed() > kAttachTimeoutMs) {
        fail(tr("only %1 of %2 workers attached (none more in %3 s)")
                 .arg(attached)
                 .arg(m_cfg.workers)
                 .arg(kAttachTimeoutMs / 1000));
    }
}

// A stopped worker (SIGSTOP, a debugger) publishes nothing and may hold the lock everyone
// waits for: name it within a second (its row says "suspended"), fail the run after
// suspend-timeout-ms, and let SIGCONT before that carry on as if nothing happened.
void RunController::checkSuspended() {
    if (m_failed || m_verifying) return;
    const uint64_t now = shm::nowNs();
    for (uint32_t k = 0; k < m_exits.size(); ++k) {
        shm::WorkerRecord& e = m_exits[k];
        const char st = e.exited ? 0 : shm::readProcStat(e.pid).state;
        e.suspended = st == 'T' || st == 't';
        if (!e.suspended) {
            m_suspendedSinceNs[k] = 0;
            continue;
        }
        if (!m_suspendedSinceNs[k]) m_suspendedSinceNs[k] = now;
        if (now - m_suspendedSinceNs[k] < uint64_t(m_cfg.suspendTimeoutMs) * 1'000'000) continue;
        const uint32_t holding = m_segment->slot(k).holdingLock.load();
        fail(tr("%1 (pid %2) is suspended (SIGSTOP)%3 for more than %4 ms")
                 .arg(workerName(k))
                 .arg(e.pid)
                 .arg(holding ? tr(" and holds %1").arg(lockName(m_cfg, holding)) : QString())
                 .arg(m_cfg.suspendTimeoutMs));
        return;
    }
}

bool RunController::continueWorkers() {
    bool any = false;
    for (uint32_t k = 0; k < m_exits.size(); ++k)
        if (m_exits[k].suspended && !m_exits[k].exited && m_exits[k].pid > 0) {
            ::kill(pid_t(m_exits[k].pid), SIGCONT);
            any = true;
        }
    return any;
}

bool RunController::checkSegmentIntact() {
    if (!m_segment) return true;
    const std::optional<uint64_t> now = m_segment->shrunkTo();
    if (!now) return true;
    if (!m_shrunk) {
        m_shrunk = true;
        // Replaces whatever failure was recorded first: every later symptom (a worker's exit
        // code 3, mismatches) follows from this.
        const QString why = tr("segment shrank to %1 bytes (from %2) — changed by another process")
                                .arg(*now)
                                .arg(m_segment->size());
        m_meta.failure.clear();
        m_failed = false;
        fail(why);
    }
    return false;
}

// Hung, not slow: a worker that runs (not suspended: checkSuspended() names those) but has
// published nothing for stall-timeout-ms. Waiting for a lock is silence too, for as long as the
// holder holds it: a worker that says it waits (instrumented runs) is never judged; without
// instrumentation waiters do not say so, and only the run as a whole is (no live worker
// published anything), since a stalled holder silences everyone queued behind it.
void RunController::checkStall() {
    if (m_failed) return;
    // A suspended worker can hold what others block on without saying so (the result queue's
    // lock, a page of its pipe): while one is, checkSuspended() owns the verdict.
    for (const shm::WorkerRecord& e : m_exits)
        if (e.suspended && !e.exited) return;
    const uint64_t now = shm::nowNs();
    const uint64_t allowed =
        uint64_t(m_cfg.stallTimeoutMs) * 1'000'000 + uint64_t(m_cfg.delayUs) * 1000 * 2;
    const bool waitersSaySo = m_cfg.instrument || !m_cfg.usesLock();
    uint64_t newest = std::max(m_releaseNs, m_stallEpochNs);
    bool anyLive = false;
    for (uint32_t k = 0; k < m_exits.size(); ++k) {
        if (m_exits[k].exited || m_exits[k].suspended) continue;
        anyLive = true;
        const shm::WorkerRecord w = shm::readWorker(*m_segment, k);
        const uint64_t heard = std::max({w.heartbeatNs, m_releaseNs, m_stallEpochNs});
        newest = std::max(newest, heard);
        if (!waitersSaySo || w.state != shm::WorkerState::Running) continue; // waiting, done
        if (now <= heard || now - heard <= allowed) continue;
        const uint32_t holding = m_segment->slot(k).holdingLock.load();
        fail(tr("%1 (pid %2) stopped publishing: running, but silent for %3 s%4")
                 .arg(workerName(k))
                 .arg(m_exits[k].pid)
                 .arg(double(now - heard) / 1e9, 0, 'f', 1)
                 .arg(holding ? tr(" while holding %1").arg(lockName(m_cfg, holding)) : QString()));
        return;
    }
    if (!waitersSaySo && anyLive && now > newest && now - newest > allowed)
        fail(tr("workers stopped responding (no progress for %1 s)")
                 .arg(double(now - newest) / 1e9, 0, 'f', 1));
}

void RunController::onWorkerError(uint32_t k, QProcess::ProcessError err) {
    if (err != QProcess::FailedToStart) return; // crashes arrive through finished()
    m_exits[k].exited = true;
    m_exits[k].failedToStart = true;
    m_exits[k].exitNs = shm::nowNs();
    fail(tr("worker %1 could not be started: %2").arg(k).arg(m_procs[k]->errorString()));
    maybeFinish();
}

void RunController::onWorkerFinished(uint32_t k, int exitCode, QProcess::ExitStatus status) {
    checkSegmentIntact(); // a worker that found the segment shrunk: name the cause first
    shm::WorkerRecord& e = m_exits[k];
    e.exited = true;
    e.exitNs = shm::nowNs();
    const QByteArray err = m_procs[k]->readAllStandardError().trimmed();
    if (!err.isEmpty())
        for (const QByteArray& line : err.split('\n'))
            m_meta.errors.push_back("worker " + std::to_string(k) + ": " + line.toStdString());
    if (status == QProcess::CrashExit) {
        onCrash(k, exitCode); // Qt reports the terminating signal as the exit code
    } else {
        e.exitCode = exitCode;
        if (exitCode != 0 && !m_failed)
            fail(tr("worker %1 failed with exit code %2").arg(k).arg(exitCode));
    }
    emit workerExited(k);
    maybeFinish();
}

void RunController::onCrash(uint32_t k, int signal) {
    shm::WorkerRecord& e = m_exits[k];
    e.signal = signal;
    // Only a worker that died on its own can have left the lock held: one the app killed
    // was killed because of an earlier failure (and may well be blocked on that lock).
    e.diedHoldingLock =
        !e.terminatedByUs && m_segment && m_segment->slot(k).holdingLock.load() != 0;
    if (e.terminatedByUs || m_failed) return;
    const QString what = tr("worker %1 was killed by signal %2%3")
                             .arg(k)
                             .arg(signal)
                             .arg(e.diedHoldingLock ? tr(" while holding a lock") : QString());
    if (e.diedHoldingLock && m_cfg.sync == shm::SyncMode::Robust) {
        // The next locker gets EOWNERDEAD and takes the dead worker's work over; finish()
        // checks that someone did.
        m_awaitingRecovery.push_back(k);
    } else if (e.diedHoldingLock && m_deadHolder < 0) {
        // Show the deadlock rather than end it at once: checkDeadlock() ends the run when
        // every survivor is blocked (or the survivors finish without needing the lock).
        m_deadHolder = int(k);
        m_allBlockedNs = 0;
    } else {
        fail(what);
    }
}

void RunController::fail(const QString& why) {
    if (!m_failed) {
        m_meta.errors.push_back(why.toStdString());
        m_meta.failure = why.toStdString();
    }
    m_failed = true;
    if (m_segment) shm::publishRunState(m_segment->header(), shm::RunState::Stopping);
    if (m_phase != shm::Phase::Finished) setPhase(shm::Phase::Stopping);
    if (m_receiver && !m_verifying) {
        // Queue senders are asked to stop, not killed: a sender killed inside send() would
        // leave the queue's lock held and the rest of the results unreadable (measured: 5 of
        // 12 runs when the survivors were killed at once). Any blocked for good go at the
        // stop deadline.
        if (!m_stopDeadline.isActive()) m_stopDeadline.start(kStopTimeoutMs);
        return;
    }
    // The others may be blocked forever on a lock the dead worker held (the mutex is not
    // robust): end them now instead of waiting.
    killAll();
}

void RunController::killAll() {
    if (m_mpirun && m_mpirun->state() != QProcess::NotRunning) {
        for (uint32_t k = 0; k < m_exits.size(); ++k) // a rank that finished is not ended by us
            if (!m_exits[k].exited && m_segment->slot(k).state.load(std::memory_order_relaxed) !=
                                          uint32_t(shm::WorkerState::Done))
                m_exits[k].terminatedByUs = true;
        m_mpirun->terminate(); // mpirun ends every rank; onMpirunFinished() follows
        QTimer::singleShot(3000, m_mpirun, [p = m_mpirun] {
            if (p->state() != QProcess::NotRunning) p->kill();
        });
    }
    for (uint32_t k = 0; k < m_procs.size(); ++k) {
        QProcess* p = m_procs[k];
        if (p->state() == QProcess::NotRunning) continue;
        m_exits[k].terminatedByUs = true;
        p->kill();
    }
}

void RunController::maybeFinish() {
    for (const shm::WorkerRecord& e : m_exits)
        if (!e.exited) return;
    finish();
}

void RunController::finish() {
    if (m_phase == shm::Phase::Finished || m_verifying) return;
    m_poll.stop();
    m_stopDeadline.stop();
    m_faultTimer.stop();
    // A kill sent as the worker was exiting on its own did not strike.
    if (m_meta.fault.killed && m_cfg.killWorker < m_exits.size() &&
        m_exits[m_cfg.killWorker].signal == 0)
        m_meta.fault = {};
    // A crash the run was allowed to outlive still fails it unless a survivor recovered it.
    for (uint32_t k : m_awaitingRecovery)
        if (!m_failed && m_segment->slot(k).recoveredBy.load() == 0)
            fail(tr("worker %1 died holding the robust mutex and no survivor locked it again to "
                    "take its work over")
                     .arg(k));
    if (m_deadHolder >= 0 && !m_failed)
        fail(tr("worker %1 was killed by signal %2 while holding a lock")
                 .arg(m_deadHolder)
                 .arg(m_exits[uint32_t(m_deadHolder)].signal));
    checkSegmentIntact();
    m_verifying = true; // from here the run's figures are final: no stop, no reset
    if (m_receiver) {
        // Every sender has exited: the receiver writes what is still queued, then ends.
        m_receiver->requestStop();
        m_drainClock.start();
        m_drainWait.start();
        return;
    }
    finishDrained();
}

void RunController::finishDrained() {
    if (m_receiver && !m_receiver->done()) {
        m_meta.errors.push_back("the result queue could not be drained (a worker died inside "
                                "send() and left its lock held): the array is incomplete");
        m_receiver->abandon(); // it keeps the segment mapped for itself
    }
    drainRings();
    // Taken while a pause (stopped or killed while paused) still counts as current.
    m_final = snapshot();
    m_final.phase = shm::Phase::Finished;
    m_final.ended = true;
    m_haveFinal = true;
    if (m_pauseStartNs) {
        m_pausedTotalNs += shm::nowNs() - m_pauseStartNs;
        m_pauseStartNs = 0;
    }
    m_meta.wallSeconds = double(m_wall.nsecsElapsed()) / 1e9;
    // The name goes now; the mapping stays so a window can keep showing the final array.
    m_meta.segmentRemoved = m_segment->unlink() && !shm::segmentExists(m_segment->name());
    segment_cleanup::forget(m_segment->name());
    if (m_receiver) {
        const std::string q = shm::queueName(m_segment->name());
        if (!shm::removeQueue(m_segment->name())) {
            m_meta.segmentRemoved = false;
            m_meta.errors.push_back("queue " + q + " could not be removed");
        }
        segment_cleanup::forget(q);
    }
    if (!m_meta.segmentRemoved)
        m_meta.errors.push_back("segment " + m_segment->name() + " could not be removed");
    // Verify even a failed run: what was written is still worth comparing. Off the GUI thread:
    // recomputing 10^8 expected values (mandelbrot: seconds) must not freeze the window. The
    // phase stays Stopping until then, so reset() cannot unmap the array under the thread.
    m_verifyThread = std::thread([this, cfg = m_cfg, data = m_segment->data()] {
        const shm::VerifyResult vr = shm::verify(cfg, data);
        QMetaObject::invokeMethod(
            this, [this, vr] { completeFinish(vr); }, Qt::QueuedConnection);
    });
}

void RunController::completeFinish(const shm::VerifyResult& vr) {
    if (m_verifyThread.joinable()) m_verifyThread.join();
    checkSegmentIntact(); // shrunk by someone who still had it open: the array read was zeros
    m_verifying = false;
    m_report = shm::buildReport(m_final, vr, m_meta);
    setPhase(shm::Phase::Finished);
    emit finished();
}
