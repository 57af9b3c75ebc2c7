// Supervision: the poll (rings, barrier, the watchdog's turn), the workers' exits and crashes,
// failing a run, and its end (the queue drained, the segment removed, the array verified off
// the GUI thread, the report built).
#include "runner/run_controller.h"

#include "runner/graceful_signals.h"
#include "runner/run_timing.h"
#include "runner/segment_cleanup.h"
#include "segment/clock.h"
#include "segment/futex.h"
#include "segment/snapshot.h"
#include "segment/update_log_reader.h"

#include <unistd.h>

#include <csignal>

void RunController::poll() {
    if (!m_segment || !checkSegmentIntact()) return;
    // The app itself did not run for a while (a loaded machine, a VM paused by its host, a
    // debugger): whatever the workers did meanwhile was not watched, so nobody's silence
    // counts from before (watchdog::notePoll).
    m_watch = watchdog::notePoll(std::move(m_watch), shm::nowNs());
    drainRings();
    if (m_tap && m_phase != shm::Phase::Starting && shm::nowNs() >= m_lastTapNs + kTapNs)
        tapFrame(snapshot());
    checkControl();
    if (m_phase == shm::Phase::Starting) {
        pollBarrier();
        // A worker stopped (SIGSTOP) before it attached is named too, not left to the 15 s
        // attach timeout (the fault campaign caught "only 3 of 4 workers attached"). Every
        // 100 polls: the barrier is polled every 1 ms.
        if (m_phase == shm::Phase::Starting && ++m_pollTick % 100 == 0 && !m_failed) {
            watchdog::Reading r = readWatch(true);
            watchSuspended(r);
        }
        return;
    }
    checkParked();
    // /proc is read every 100 ms, not every poll: 64 workers × 100 reads a second would cost
    // the GUI thread several per cent.
    // (Not once the run failed: the suspended check is over then.)
    const bool procTick = ++m_pollTick % 10 == 0 && !m_failed;
    watchdog::Reading r = readWatch(procTick);
    if (procTick) watchSuspended(r);
    if (procTick) checkSegmentName();
    if (mpi()) checkMpiEnded(r);
    if (m_phase == shm::Phase::Running) watchRunning(r);
    if (procTick && (m_phase == shm::Phase::Running || m_phase == shm::Phase::Paused))
        watchLocks(r);
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
        writeRunState(shm::RunState::Running);
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
    } else if (m_attachClock.elapsed() > run_timing::kAttachTimeoutMs) {
        fail(tr("only %1 of %2 workers attached (none more in %3 s)")
                 .arg(attached)
                 .arg(m_cfg.workers)
                 .arg(run_timing::kAttachTimeoutMs / 1000));
    }
}

void RunController::onWorkerStartFailed(uint32_t k, const QString& why) {
    m_exits[k].exited = true;
    m_exits[k].failedToStart = true;
    m_exits[k].exitNs = shm::nowNs();
    fail(tr("worker %1 could not be started: %2").arg(k).arg(why));
    maybeFinish();
}

void RunController::onWorkerFinished(uint32_t k, WorkerProcesses::Exit exit) {
    checkSegmentIntact(); // a worker that found the segment shrunk: name the cause first
    shm::WorkerRecord& e = m_exits[k];
    e.exited = true;
    e.exitNs = shm::nowNs();
    // Escaped (no ESC or BEL reaches a terminal) and bounded (worker_output.h).
    for (const std::string& line : m_stderr[k].lines())
        m_meta.errors.push_back("worker " + std::to_string(k) + ": " + line);
    if (exit.signal) {
        onCrash(k, exit.signal);
    } else {
        e.exitCode = exit.code;
        onExit(k, exit.code);
        if (exit.code != 0 && !m_failed)
            fail(tr("worker %1 failed with exit code %2").arg(k).arg(exit.code));
    }
    emit workerExited(k);
    maybeFinish();
}

namespace {
// The kernel queues a group's signal to the app before any worker can die of it, and mostly to
// this (the main) thread, whose handler then runs before it learns of the death. When another
// thread takes it, its handler may come a moment later: wait up to 20 ms for it. Only for a
// worker that died of SIGINT, SIGTERM or SIGHUP.
bool appReceivedToo(int sig) {
    for (int i = 0; i < 20 && !segment_cleanup::received(sig); ++i)
        ::usleep(1000);
    return segment_cleanup::received(sig);
}
} // namespace

void RunController::onCrash(uint32_t k, int signal) {
    shm::WorkerRecord& e = m_exits[k];
    e.signal = signal;
    // Ctrl+C (or a kill of the whole process group) reaches the workers as well as the app. A
    // worker that died of a signal the app has received too was stopped by the user, not
    // crashed: the run is terminated by that signal.
    if (!e.terminatedByUs && GracefulSignals::stopsTheRun(signal) && appReceivedToo(signal)) {
        e.byUserSignal = true;
        terminate(signal);
        // Survivors that ignore the signal would wait for a lock this worker held; the stop
        // deadline ends them.
        return;
    }
    const uint32_t holding = m_segment ? m_segment->slot(k).holdingLock.load() : 0;
    watchdog::CrashStep step =
        watchdog::onCrash(m_watch, k, holding, e.terminatedByUs, m_failed, m_cfg.sync);
    m_watch = std::move(step.state);
    e.diedHoldingLock = step.diedHoldingLock;
    applyVerdict(step.verdict);
}

// A worker that exits is trusted no more than one that crashes: exiting while its slot says it
// holds a lock, or with code 0 before it said Done, is judged (watchdog::onExit).
void RunController::onExit(uint32_t k, int exitCode) {
    if (!m_segment) return;
    shm::WorkerRecord& e = m_exits[k];
    const shm::WorkerSlot& slot = m_segment->slot(k);
    const uint32_t holding = slot.holdingLock.load(std::memory_order_relaxed);
    const auto state = shm::WorkerState(slot.state.load(std::memory_order_acquire));
    watchdog::CrashStep step = watchdog::onExit(m_watch, k, e.pid, exitCode, holding, state,
                                                m_failed || e.terminatedByUs, m_cfg.sync);
    m_watch = std::move(step.state);
    e.diedHoldingLock = step.diedHoldingLock;
    applyVerdict(step.verdict);
}

void RunController::fail(const QString& why) {
    if (!m_failed) {
        m_meta.errors.push_back(why.toStdString());
        m_meta.failure = why.toStdString();
    }
    m_failed = true;
    if (m_segment) writeRunState(shm::RunState::Stopping);
    if (m_phase != shm::Phase::Finished) setPhase(shm::Phase::Stopping);
    if (m_receiver && !m_verifying) {
        // Queue senders are asked to stop, not killed: what they have batched still reaches
        // the array, so the verification counts only what was really lost. A sender that
        // finds no room gives up itself once nobody reads (result_queue.h); any other still
        // running goes at the stop deadline.
        if (!m_stopDeadline.isActive()) m_stopDeadline.start(run_timing::kStopTimeoutMs);
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
        // A stopped mpirun acts on the SIGTERM only once continued: it then ends its ranks
        // and removes its files itself.
        if (m_mpirunPid) ::kill(pid_t(m_mpirunPid), SIGCONT);
        QTimer::singleShot(3000, m_mpirun, [p = m_mpirun] {
            if (p->state() != QProcess::NotRunning) p->kill();
        });
    }
    for (uint32_t k = 0; k < m_procs.size(); ++k) {
        if (!m_procs.running(k)) continue;
        m_exits[k].terminatedByUs = true;
        m_procs.signal(k, SIGKILL);
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
    // A crash the run was allowed to outlive still fails it unless a survivor recovered it; a
    // dead holder nobody deadlocked on still fails it.
    if (!m_failed && m_segment) {
        std::vector<bool> recovered(m_exits.size());
        for (uint32_t k = 0; k < m_exits.size(); ++k)
            recovered[k] = m_segment->slot(k).recoveredBy.load() != 0;
        applyVerdict(watchdog::atEnd(m_watch, recovered));
    }
    checkSegmentIntact();
    killLeftBehind();
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
    if (m_receiver) {
        // The receiver waits on nobody (queue_ring.h), so it has ended; the guard stays for a
        // thread the machine did not schedule within 2 s.
        if (!m_receiver->done()) {
            m_meta.errors.push_back("the result queue's receiver did not end within 2 s: the "
                                    "array is incomplete");
            m_receiver->abandon(); // it keeps the segment mapped for itself
        }
        if (const uint64_t n = m_receiver->unpublished())
            m_meta.errors.push_back(std::to_string(n) +
                                    " result message(s) claimed in the queue but never written "
                                    "(a worker died inside send()): the array is incomplete");
        checkSegmentIntact(); // a corrupt message found in the final drain fails the run
    }
    checkSegmentName(); // a run that ended before the next check of it
    drainRings();
    // Taken while a pause (stopped or killed while paused) still counts as current.
    m_final = snapshot();
    m_final.phase = shm::Phase::Finished;
    m_final.ended = true;
    m_haveFinal = true;
    tapFrame(m_final); // the last events, and the array as it ended
    measureOverlap();
    if (m_pauseStartNs) {
        m_pausedTotalNs += shm::nowNs() - m_pauseStartNs;
        m_pauseStartNs = 0;
    }
    m_meta.wallSeconds = double(m_wall.nsecsElapsed()) / 1e9;
    removeMpiDir(); // mpirun has ended: its files go before the segment that names them
    // The queue's name goes before the segment's: the segment names its queue, so an app that
    // dies in between leaves nothing the sweep cannot prove ours (queue_file.h).
    bool queueRemoved = true;
    if (m_receiver) {
        const std::string& q = m_receiver->name();
        queueRemoved = shm::removeQueue(q);
        if (!queueRemoved) m_meta.errors.push_back("queue " + q + " could not be removed");
        segment_cleanup::forget(q);
    }
    // The name goes now; the mapping stays so a window can keep showing the final array.
    // Ours is gone once unlinked, or removed by another process (checkSegmentName() said so);
    // a file another process put under the name is not ours to remove.
    const bool segmentGone =
        m_segment->unlink() && m_segment->nameState() != shm::Segment::NameState::Ours;
    m_meta.segmentRemoved = segmentGone && queueRemoved;
    segment_cleanup::forget(m_segment->name());
    if (!segmentGone)
        m_meta.errors.push_back("segment " + m_segment->name() + " could not be removed");
    // Verify even a failed run: what was written is still worth comparing. Off the GUI thread:
    // recomputing 10^8 expected values (mandelbrot: seconds) must not freeze the window. The
    // phase stays Stopping until then, so reset() cannot unmap the array under the thread.
    // The update log's reconstruction (histogram) goes with it: it reads the same final bins.
    // Stop, SIGTERM and closing the window stop it (m_verifyStop): 10^9 elements take seconds.
    m_verifyStop = std::stop_source();
    m_verifyChecked = 0;
    m_verifyThread = std::thread([this, cfg = m_cfg, seg = m_segment.get(),
                                  releaseNs = m_final.releaseNs, stop = m_verifyStop.get_token()] {
        shm::VerifyOptions options;
        options.stop = stop;
        options.checked = &m_verifyChecked;
        const shm::VerifyResult vr = shm::verify(cfg, seg->data(), options);
        auto collisions = std::make_shared<shm::CollisionReport>(shm::reconstructCollisions(
            shm::readUpdateLog(*seg, releaseNs), {seg->data(), cfg.dataCount()}, vr.lostUpdates,
            cfg.elements));
        QMetaObject::invokeMethod(
            this, [this, vr, collisions] { completeFinish(vr, std::move(*collisions)); },
            Qt::QueuedConnection);
    });
    emit verifying();
}

void RunController::measureOverlap() {
    if (mpi()) {
        m_meta.overlap = shm::unmeasuredOverlap(
            "--transport mpi (ranks' CPU times reach the segment through rank 0)");
    } else if (CpuSampler::disabledByEnvironment()) {
        m_meta.overlap = shm::unmeasuredOverlap("SHMSCOPE_NO_CPU_SAMPLER is set");
    } else if (!m_sampler || !m_final.releaseNs) {
        m_meta.overlap = shm::unmeasuredOverlap("the run never started computing");
    } else {
        const auto points = m_sampler->stop();
        auto pauses = m_pauses;
        if (m_pauseStartNs) pauses.emplace_back(m_pauseStartNs, shm::nowNs());
        m_meta.overlap =
            shm::measuredOverlap(points, m_final.releaseNs, shm::runEndNs(m_final), pauses,
                                 CpuSampler::periodNs(m_cfg.workers), m_sampler->halvings());
    }
    m_sampler.reset();
}

void RunController::completeFinish(const shm::VerifyResult& vr, shm::CollisionReport collisions) {
    if (m_verifyThread.joinable()) m_verifyThread.join();
    checkSegmentIntact(); // shrunk by someone who still had it open: the array read was zeros
    m_verifying = false;
    m_verified = vr;
    if (vr.cancelled)
        m_meta.errors.push_back(
            "verification stopped after " + std::to_string(m_verifyChecked.load()) + " of " +
            std::to_string(m_cfg.elements) + " elements: the array is not verified");
    m_meta.collisions = std::move(collisions);
    m_report = shm::buildReport(m_final, vr, m_meta);
    setPhase(shm::Phase::Finished);
    emit finished();
}
