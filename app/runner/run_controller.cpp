// RunController's lifecycle: construction and teardown, start, pause, resume, stop, and the
// run as a value (snapshot, frames with the lock events drained since the last one). The poll
// and the end of a run are in run_supervision.cpp, the watchdog's part in run_watch.cpp,
// fault injection in run_faults.cpp.
#include "runner/run_controller.h"

#include "runner/graceful_signals.h"
#include "runner/left_behind.h"
#include "runner/machine_once.h"
#include "runner/run_timing.h"
#include "runner/segment_cleanup.h"
#include "segment/bus_guard.h"
#include "segment/clock.h"
#include "segment/futex.h"
#include "segment/queue_file.h"
#include "segment/snapshot.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <csignal>

namespace {
using run_timing::kPollMs;
// Drained events wait here for the next frame; a window that stops taking frames (minimised,
// or a test that never asks) must not grow without bound.
// Rings hold 8192 events and are drained every 10 ms: 256k covers a frame 250 ms apart (the
// paced window's slowest) at the most a ring can deliver (~820k events/s, one worker per core).
constexpr size_t kMaxPendingEvents = 262'144; // per worker: at most 4 MiB, as filled
} // namespace

RunController::RunController(QObject* parent) : QObject(parent) {
    m_procs.onStderr = [this](uint32_t k, std::string_view text) {
        if (k < m_stderr.size()) m_stderr[k].append(text);
    };
    m_procs.onExit = [this](uint32_t k, WorkerProcesses::Exit e) { onWorkerFinished(k, e); };
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
        // The receiver waits on no sender (a dead one leaves a cell, not a lock): 2 s is only a
        // guard against a thread the machine never scheduled.
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
    m_procs.onExit = {};
    m_procs.onStderr = {};
    if (m_mpirun) m_mpirun->disconnect(this);
    // A window closed during the check of 10^9 elements closes now, not seconds later.
    m_verifyStop.request_stop();
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
    m_procs.clear(); // killed and reaped
    if (m_segment) {
        killLeftBehind();
        m_segment->unlink();
        segment_cleanup::forget(m_segment->name());
    }
}

// Every worker has exited: a process that still carries one's mark (a daemonised grandchild)
// would outlive the run, and the app. It is killed, and the report says whose it was. Only
// runs with --worker-command workers are looked after: shmscope-worker starts no process, and
// the look reads every process's environment, which every run would pay for (a window's
// benchmark makes thousands of runs).
void RunController::killLeftBehind() {
    if (!m_segment || std::none_of(m_exits.begin(), m_exits.end(),
                                   [](const shm::WorkerRecord& e) { return e.external; }))
        return;
    for (const left_behind::Process& p : left_behind::find(m_segment->name())) {
        ::kill(pid_t(p.pid), SIGKILL);
        m_meta.errors.push_back(
            (p.worker >= 0 ? "worker " + std::to_string(p.worker) : std::string("a worker")) +
            " left process " + std::to_string(p.pid) + " running after it exited: killed");
    }
}

void RunController::setPhase(shm::Phase p) {
    if (m_phase == p) return;
    m_phase = p;
    // The 1 ms barrier poll ends however Starting ends (opened, stopped or failed).
    if (p != shm::Phase::Starting && m_poll.interval() != kPollMs) m_poll.setInterval(kPollMs);
    emit phaseChanged(p);
}

// --transport queue: the result queue beside the new segment (queue_file.h); on failure the
// segment goes too and the error is returned.
QString RunController::createQueue() {
    const std::string& name = m_segment->name();
    const uint64_t key = shm::newQueueKey();
    const std::string queue = shm::queueName(name, key);
    try {
        segment_cleanup::remember(queue);
        m_receiver = std::make_unique<shm::QueueReceiver>(m_segment, key);
        return {};
    } catch (const shm::SegmentError& e) {
        segment_cleanup::forget(queue);
        segment_cleanup::forget(name);
        m_segment.reset(); // unlinks it
        return QString::fromUtf8(e.what());
    }
}

// Empty when `cfg` can start here: valid, fitting, and its workers' programs found.
QString RunController::whyNotStartable(const shm::ExperimentConfig& cfg) const {
    if (auto err = shm::validate(cfg)) return QString::fromStdString(*err);
    if (auto err = shm::checkFits(cfg)) return QString::fromStdString(*err);
    if (cfg.transport == shm::Transport::Mpi) return checkMpi(cfg);
    if (m_command.empty() || (m_command.count != 0 && m_command.count < cfg.workers))
        if (!QFileInfo(m_workerPath).isExecutable())
            return tr("worker executable not found: %1").arg(m_workerPath);
    return {};
}

bool RunController::start(const shm::ExperimentConfig& cfg, QString* error) {
    if (isActive()) {
        if (error) *error = tr("a run is already in progress");
        return false;
    }
    // The finished run goes without a pass through Idle: announced, it flipped the window to
    // its welcome page and back, repainting and laying out every widget twice per run (a tenth
    // of the GUI thread's time with runs of 100 ms). Only a refused start ends Idle.
    clearRun();
    auto refuse = [this, error](const QString& why) {
        if (error) *error = why;
        setPhase(shm::Phase::Idle);
        return false;
    };
    if (QString err = whyNotStartable(cfg); !err.isEmpty()) return refuse(err);
    // Before any worker exists (the probe keeps two CPUs busy) and outside the run's wall time;
    // from the per-boot cache, or measured once per process.
    shm::MachineFigures machine = machine_once::figures();
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
    if (cfg.transport == shm::Transport::Queue)
        if (QString err = createQueue(); !err.isEmpty()) return refuse(err);

    m_report = {};
    m_final = {};
    m_haveFinal = false;
    m_meta = {};
    m_meta.version = QCoreApplication::applicationVersion().toStdString();
    m_meta.segmentName = name;
    m_meta.segmentBytes = m_segment->size();
    m_meta.workerCommand = m_command.text.toStdString();
    m_meta.machine = std::move(machine);
    m_scheduling = shm::workerScheduling(cfg, m_windowed, shm::allowedCpus());
    m_meta.workerScheduling = std::string(shm::toString(m_scheduling));
    m_failed = false;
    beginWatch(cfg);
    m_stopRequested = false;
    m_releaseNs = 0;
    m_exits.assign(cfg.workers, shm::WorkerRecord{});
    for (uint32_t k = 0; k < cfg.workers; ++k)
        m_exits[k].external =
            cfg.transport != shm::Transport::Mpi && m_command.runs(k, cfg.workers);
    m_pendingEvents.assign(cfg.workers, {});
    m_eventsDiscarded = 0;
    m_tapEvents.assign(cfg.workers, {});
    m_tapDiscarded = 0;
    m_lastTapNs = 0;
    m_verified = {};
    m_parkWanted = -1;
    m_sampler.reset();
    // Its thread starts now, not when the barrier opens: starting a thread took the CPU of a
    // worker that had just begun (up to 2 ms on this VM), enough for two workers of a short
    // run never to run at once. It reads a worker only from that worker's start.
    if (cfg.transport != shm::Transport::Mpi && !CpuSampler::disabledByEnvironment())
        m_sampler = std::make_unique<CpuSampler>(m_segment, cfg.workers);
    m_pauses.clear();
    setPhase(shm::Phase::Starting);
    if (cfg.transport == shm::Transport::Mpi)
        spawnMpirun(name);
    else
        for (uint32_t k = 0; k < cfg.workers; ++k)
            spawnWorker(k, name);
    m_attachClock.start();
    m_lastAttached = 0;
    m_pauseStartNs = 0;
    m_pausedTotalNs = 0;
    // Every 1 ms until the barrier opens: the last worker's attach should start the run at
    // once, not at the next 10 ms tick (a whole seed job computes in ~100 ms).
    m_poll.start(run_timing::kBarrierPollMs);
    return true;
}

void RunController::spawnWorker(uint32_t k, const std::string& name) {
    std::vector<std::string> argv;
    if (m_exits[k].external) // the user's command, with the same two arguments appended
        for (const QString& a : m_command.argv)
            argv.push_back(a.toStdString());
    else
        argv.push_back(m_workerPath.toStdString());
    for (std::string a :
         {std::string("--segment"), name, std::string("--worker"), std::to_string(k)})
        argv.push_back(std::move(a));
    // Marked, so whatever a worker leaves running when it exits can be found (left_behind.h).
    // Its stderr lines become report errors (read as they come into a bounded capture); its
    // stdout is unused.
    const std::vector<std::string> env{std::string(left_behind::kSegmentVar) + "=" + name,
                                       std::string(left_behind::kWorkerVar) + "=" +
                                           std::to_string(k)};
    std::string error;
    // The pid as the OS gave it: a worker killed before it attached never published its own.
    m_exits[k].pid = m_procs.start(argv, env, &error);
    if (!m_exits[k].pid) {
        onWorkerStartFailed(k, QString::fromStdString(error));
        return;
    }
    // Lowered from here once it runs shmscope-worker, not by the child before its exec:
    // posix_spawn waits until each child has exec'd, and a child already at nice 19 waited for
    // a CPU behind the workers started before it. 64 workers took the GUI thread 330-410 ms to
    // start (25-52 ms of it CPU). The worker does nothing but start up until the barrier
    // opens, which it cannot before all are lowered.
    shm::lowerProcess(m_exits[k].pid, m_scheduling);
}

void RunController::pause() {
    if (m_phase != shm::Phase::Running || !m_segment) return;
    writeRunState(shm::RunState::Paused);
    m_pauseStartNs = shm::nowNs();
    setPhase(shm::Phase::Paused);
}

void RunController::resume() {
    if (m_phase != shm::Phase::Paused || !m_segment) return;
    writeRunState(shm::RunState::Running);
    m_pauses.emplace_back(m_pauseStartNs, shm::nowNs());
    m_pausedTotalNs += shm::nowNs() - m_pauseStartNs;
    m_pauseStartNs = 0;
    setPhase(shm::Phase::Running);
}

void RunController::stop() {
    // While verifying every worker has exited already: only the check is left to stop.
    if (m_verifying) {
        m_verifyStop.request_stop();
        return;
    }
    if (!isActive() || m_phase == shm::Phase::Stopping || !m_segment) return;
    m_stopRequested = true;
    writeRunState(shm::RunState::Stopping);
    setPhase(shm::Phase::Stopping);
    m_stopDeadline.start(run_timing::kStopTimeoutMs);
}

void RunController::terminate(int sig) {
    if (!isActive()) return;
    if (!m_meta.terminatedBySignal) {
        m_meta.terminatedBySignal = sig;
        // Who sent it (SA_SIGINFO), so a report never leaves the user guessing whether a worker,
        // the app or someone else ended the run.
        const segment_cleanup::SignalInfo first = segment_cleanup::firstSignal();
        const QString what = first.signal == sig ? GracefulSignals::describe(first)
                                                 : GracefulSignals::describe({sig, 0, 0, 0, 1});
        m_meta.errors.push_back(
            tr("terminated by %1 before the run ended").arg(what).toStdString());
    }
    stop();
}

void RunController::setDelayUs(uint32_t us) {
    m_cfg.delayUs = std::min(us, shm::limits::kMaxDelayUs);
    if (m_segment && isActive()) writeControl(&shm::SegmentHeader::delayUs, m_cfg.delayUs);
}

void RunController::reset() {
    if (isActive()) return;
    clearRun();
    setPhase(shm::Phase::Idle);
}

void RunController::clearRun() {
    m_procs.clear();
    delete m_mpirun;
    m_mpirun = nullptr;
    m_mpirunPid = 0;
    if (m_segment) segment_cleanup::forget(m_segment->name());
    m_receiver.reset();
    m_segment.reset();
    m_sampler.reset();
    m_pauses.clear();
    m_exits.clear();
    m_pendingEvents.clear();
    m_final = {};
    m_haveFinal = false;
    m_meta = {};
    m_report = {};
    m_releaseNs = 0;
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
        w.byUserSignal = e.byUserSignal;
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
    const bool tap = bool(m_tap) && m_tapEvents.size() == m_pendingEvents.size();
    for (uint32_t k = 0; k < m_pendingEvents.size(); ++k) {
        auto& q = m_pendingEvents[k];
        const size_t before = q.size();
        if (!m_keepEvents && tap) {
            // Headless with a recorder: drained straight into the tap's buffer, no copy.
            auto& t = m_tapEvents[k];
            if (t.size() >= kMaxPendingEvents) {
                discard.clear();
                m_tapDiscarded += shm::drainEvents(*m_segment, k, discard);
            } else {
                shm::drainEvents(*m_segment, k, t, kMaxPendingEvents - t.size());
            }
            continue;
        }
        if (!m_keepEvents) {
            discard.clear();
            shm::drainEvents(*m_segment, k, discard); // headless: the counters say it all
        } else if (q.size() >= kMaxPendingEvents) {
            discard.clear();
            m_eventsDiscarded += shm::drainEvents(*m_segment, k, discard);
            if (tap) m_tapDiscarded += discard.size();
        } else {
            shm::drainEvents(*m_segment, k, q, kMaxPendingEvents - q.size());
        }
        if (tap && q.size() > before) {
            auto& t = m_tapEvents[k];
            const size_t n = std::min(q.size() - before,
                                      kMaxPendingEvents - std::min(t.size(), kMaxPendingEvents));
            t.insert(t.end(), q.begin() + std::ptrdiff_t(before),
                     q.begin() + std::ptrdiff_t(before + n));
            m_tapDiscarded += q.size() - before - n;
        }
    }
}

void RunController::tapFrame(const shm::RunSnapshot& s) {
    if (!m_tap) return;
    m_lastTapNs = s.nowNs;
    shm::RunFrame f;
    f.snapshot = s;
    f.newEvents = std::move(m_tapEvents);
    f.discardedEvents = m_tapDiscarded;
    m_tapEvents.assign(m_exits.size(), {});
    m_tap(std::move(f));
}
