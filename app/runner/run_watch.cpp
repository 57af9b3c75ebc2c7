// The watchdog's part of RunController: read what watchdog.h's pure functions judge (each
// worker's slot, its exit, /proc), hand it over with the time, and act on the verdict: a
// failed run with a message the user reads.
#include "runner/run_controller.h"

#include "segment/clock.h"
#include "segment/snapshot.h"

// "the mutex", "stripe 3's mutex", "the spin lock": the lock a worker holds or died holding.
QString RunController::lockName(uint32_t holdingLock) const {
    switch (m_cfg.sync) {
    case shm::SyncMode::Striped:
        return QStringLiteral("stripe %1's mutex").arg(holdingLock - 1);
    case shm::SyncMode::Spin:
        return QStringLiteral("the spin lock");
    default:
        return QStringLiteral("the mutex");
    }
}

// withProc: also ask /proc whether each live worker is stopped (every 100 ms, not each poll).
watchdog::Reading RunController::readWatch(bool withProc) const {
    watchdog::Reading r;
    r.nowNs = shm::nowNs();
    r.releaseNs = m_releaseNs;
    r.workers.reserve(m_exits.size());
    for (uint32_t k = 0; k < m_exits.size(); ++k) {
        const shm::WorkerRecord& e = m_exits[k];
        const shm::WorkerRecord w = shm::readWorker(*m_segment, k);
        watchdog::Worker x;
        x.pid = e.pid;
        x.state = w.state;
        x.heartbeatNs = w.heartbeatNs;
        x.holdingLock = w.holdingLock;
        x.exited = e.exited;
        x.suspended = e.suspended;
        if (withProc && !e.exited) {
            const char st = shm::readProcStat(e.pid).state;
            x.stopped = st == 'T' || st == 't';
        }
        r.workers.push_back(x);
    }
    return r;
}

bool RunController::checkSegmentIntact() {
    if (!m_segment) return true;
    const std::optional<uint64_t> shrunkTo = m_segment->shrunkTo();
    watchdog::Step step = watchdog::checkSegment(m_watch, shrunkTo);
    m_watch = std::move(step.state);
    applyVerdict(step.verdict);
    // The queue's shrink fails the run too, but the segment is still good to read.
    if (m_receiver && !shrunkTo) {
        step = watchdog::checkQueue(m_watch, m_receiver->shrunkTo());
        m_watch = std::move(step.state);
        applyVerdict(step.verdict);
    }
    return !shrunkTo;
}

// A stopped worker (SIGSTOP, a debugger) publishes nothing and may hold the lock everyone
// waits for: name it within a second (its row says "suspended"), fail the run after
// suspend-timeout-ms, and let SIGCONT before that carry on as if nothing happened.
void RunController::watchSuspended(watchdog::Reading& r) {
    if (m_failed || m_verifying) return;
    watchdog::Step step = watchdog::checkSuspended(m_watch, r, m_cfg);
    m_watch = std::move(step.state);
    for (uint32_t k = 0; k < m_exits.size(); ++k) {
        m_exits[k].suspended = m_watch.suspended(k);
        r.workers[k].suspended = m_exits[k].suspended; // what the stall check skips
    }
    applyVerdict(step.verdict);
    if (mpi()) watchMpirun(r);
}

void RunController::watchRunning(const watchdog::Reading& r) {
    if (m_failed) return;
    watchdog::Step step = watchdog::checkDeadlock(m_watch, r, m_cfg);
    m_watch = std::move(step.state);
    applyVerdict(step.verdict);
    if (m_failed) return;
    step = watchdog::checkStall(m_watch, r, m_cfg);
    m_watch = std::move(step.state);
    applyVerdict(step.verdict);
}

void RunController::applyVerdict(const watchdog::Verdict& v) {
    using watchdog::Finding;
    const uint32_t k = v.worker;
    const QString holding = v.holdingLock ? lockName(v.holdingLock) : QString();
    switch (v.finding) {
    case Finding::None:
        return;
    case Finding::StalledWorker:
        fail(tr("%1 (pid %2) stopped publishing: running, but silent for %3 s%4")
                 .arg(workerName(k))
                 .arg(v.pid)
                 .arg(double(v.silentNs) / 1e9, 0, 'f', 1)
                 .arg(v.holdingLock ? tr(" while holding %1").arg(holding) : QString()));
        return;
    case Finding::StalledRun:
        fail(tr("workers stopped responding (no progress for %1 s)")
                 .arg(double(v.silentNs) / 1e9, 0, 'f', 1));
        return;
    case Finding::Deadlock:
        fail(tr("deadlock: worker %1 died holding %2, %3 workers blocked")
                 .arg(k)
                 .arg(lockName(v.holdingLock))
                 .arg(v.blocked));
        return;
    case Finding::Suspended:
        fail(tr("%1 (pid %2) is suspended (SIGSTOP)%3 for more than %4 ms")
                 .arg(workerName(k))
                 .arg(v.pid)
                 .arg(v.holdingLock ? tr(" and holds %1").arg(holding) : QString())
                 .arg(m_cfg.suspendTimeoutMs));
        return;
    case Finding::SegmentShrunk:
        // Replaces whatever failure was recorded first: every later symptom (a worker's exit
        // code 3, mismatches) follows from this.
        m_meta.failure.clear();
        m_failed = false;
        fail(tr("segment shrank to %1 bytes (from %2) — changed by another process")
                 .arg(v.shrunkTo)
                 .arg(m_segment->size()));
        return;
    case Finding::QueueShrunk:
        // Like the segment's: the senders' exits (SIGBUS on the queue) follow from it.
        m_meta.failure.clear();
        m_failed = false;
        fail(tr("result queue %1 shrank to %2 bytes (from %3) — changed by another process")
                 .arg(QString::fromStdString(m_receiver->name()))
                 .arg(v.shrunkTo)
                 .arg(m_receiver->size()));
        return;
    case Finding::MpirunStopped:
        fail(tr("mpirun (pid %1) was stopped (SIGSTOP) for %2 s: ShmScope ended it and its ranks")
                 .arg(v.pid)
                 .arg(double(v.silentNs) / 1e9, 0, 'f', 1));
        return;
    case Finding::MpiNotExited:
        m_meta.errors.push_back("every rank finished but mpirun did not exit within 5 s: ended it");
        killAll();
        return;
    case Finding::Crashed:
        fail(tr("worker %1 was killed by signal %2%3")
                 .arg(k)
                 .arg(m_exits[k].signal)
                 .arg(m_exits[k].diedHoldingLock ? tr(" while holding a lock") : QString()));
        return;
    case Finding::Unrecovered:
        fail(tr("worker %1 died holding the robust mutex and no survivor locked it again to "
                "take its work over")
                 .arg(k));
        return;
    case Finding::DeadHolderLeft:
        fail(tr("worker %1 was killed by signal %2 while holding a lock")
                 .arg(k)
                 .arg(m_exits[k].signal));
        return;
    }
}
