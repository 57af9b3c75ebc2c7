// The watchdog's part of RunController: read what watchdog.h's pure functions judge (each
// worker's slot, its exit, /proc), hand it over with the time, and act on the verdict: a
// failed run with a message the user reads.
#include "runner/run_controller.h"

#include "segment/clock.h"
#include "segment/futex.h"
#include "segment/snapshot.h"

#include <pthread.h>
#include <string>
#include <unistd.h>

// "the mutex", "stripe 3's mutex", "the spin lock": the lock a worker holds or died holding.
QString RunController::lockName(uint32_t holdingLock) const {
    switch (m_cfg.sync) {
    case shm::SyncMode::Striped: // lock 0, the global mutex, is no stripe's (stripes are 1..)
        return holdingLock > 1 ? QStringLiteral("stripe %1's mutex").arg(holdingLock - 1)
                               : QStringLiteral("the mutex");
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
        x.foreign = e.external;
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
    // The queue's shrink or corruption fails the run too, but the segment is still good to read.
    if (m_receiver && !shrunkTo) {
        // Corruption first: once it is seen, a shrink that caused it is visible to fstat too.
        const bool corrupt = m_receiver->corruption().has_value();
        step = watchdog::checkQueue(m_watch, m_receiver->shrunkTo(), corrupt);
        m_watch = std::move(step.state);
        applyVerdict(step.verdict);
    }
    return !shrunkTo;
}

// A name removed from /dev/shm under the run leaves the run's mapping intact, but no viewer or
// late worker can attach, and the report must not say "could not be removed" for a name that
// was removed by someone else (nor remove a file another process put in its place).
void RunController::checkSegmentName() {
    if (!m_segment || m_watch.nameReported) return;
    const shm::Segment::NameState n = m_segment->nameState();
    watchdog::Step step = watchdog::checkSegmentName(m_watch, n == shm::Segment::NameState::Gone,
                                                     n == shm::Segment::NameState::Replaced);
    m_watch = std::move(step.state);
    applyVerdict(step.verdict);
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
        fail(tr("%1 stopped publishing: running, but silent for %2 s%3")
                 .arg(workerWithPid(k, v.pid))
                 .arg(double(v.silentNs) / 1e9, 0, 'f', 1)
                 .arg(v.holdingLock ? tr(" while holding %1").arg(holding) : QString()));
        return;
    case Finding::StalledRun:
        fail(tr("workers stopped responding (no progress for %1 s)")
                 .arg(double(v.silentNs) / 1e9, 0, 'f', 1));
        return;
    case Finding::Suspended:
        fail(tr("%1 is suspended (SIGSTOP)%2 for more than %3 ms")
                 .arg(workerWithPid(k, v.pid))
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
    case Finding::QueueCorrupt:
        applyQueueVerdict(v);
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
    case Finding::Deadlock:
    case Finding::Unrecovered:
    case Finding::DeadHolderLeft:
        applyDeadHolder(v);
        return;
    case Finding::SegmentRemoved:
        applySegmentRemoved(v);
        return;
    case Finding::ForeignWrite:
        applyForeignWrite(v);
        return;
    case Finding::OrphanLock:
        applyOrphanLock(v);
        return;
    case Finding::ExitedEarly:
    case Finding::ExitedHolding:
        applyExitVerdict(v);
        return;
    }
}

// The result queue's file changed under the run: the cause of what follows (senders that
// fault on it or find no room and give up), so it replaces whatever failure came first.
void RunController::applyQueueVerdict(const watchdog::Verdict& v) {
    m_meta.failure.clear();
    m_failed = false;
    const QString name = QString::fromStdString(m_receiver->name());
    if (v.finding == watchdog::Finding::QueueShrunk) {
        fail(tr("result queue %1 shrank to %2 bytes (from %3) — changed by another process")
                 .arg(name)
                 .arg(v.shrunkTo)
                 .arg(m_receiver->size()));
        return;
    }
    fail(tr("result queue %1: %2 — changed by another process")
             .arg(name, QString::fromStdString(m_receiver->corruption().value_or(std::string()))));
}

// A worker gone while holding a lock (killed by a signal, or exited: watchdog::onExit): the
// deadlock behind it, a robust mutex nobody recovered, or a holder nobody deadlocked on.
void RunController::applyDeadHolder(const watchdog::Verdict& v) {
    using watchdog::Finding;
    const uint32_t k = v.worker;
    switch (v.finding) {
    case Finding::Deadlock:
        if (m_exits[k].signal == 0) { // it exited, holding the lock (onExit)
            fail(tr("deadlock: worker %1 %2 holding %3, %4 workers blocked")
                     .arg(k)
                     .arg(endedAs(k))
                     .arg(lockName(v.holdingLock))
                     .arg(v.blocked));
            return;
        }
        fail(tr("deadlock: worker %1 died holding %2, %3 workers blocked")
                 .arg(k)
                 .arg(lockName(v.holdingLock))
                 .arg(v.blocked));
        return;
    case Finding::Unrecovered:
        if (m_exits[k].signal == 0) { // it exited, its slot saying it held the mutex (onExit)
            fail(tr("worker %1 %2 holding the robust mutex and no survivor locked it again to "
                    "take its work over")
                     .arg(k)
                     .arg(endedAs(k)));
            return;
        }
        fail(tr("worker %1 died holding the robust mutex and no survivor locked it again to "
                "take its work over")
                 .arg(k));
        return;
    case Finding::DeadHolderLeft:
        if (m_exits[k].signal == 0)
            fail(tr("worker %1 %2 while its slot said it held a lock").arg(k).arg(endedAs(k)));
        else
            fail(tr("worker %1 was killed by signal %2 while holding a lock")
                     .arg(k)
                     .arg(m_exits[k].signal));
        return;
    default:
        return;
    }
}

// A run that failed before keeps its cause; the removal is said either way.
void RunController::applySegmentRemoved(const watchdog::Verdict& v) {
    const QString line =
        v.value ? tr("segment %1 was replaced in /dev/shm by another process's file during the "
                     "run (that file is left alone)")
                      .arg(QString::fromStdString(m_segment->name()))
                : tr("segment %1 was removed from /dev/shm by another process during the run")
                      .arg(QString::fromStdString(m_segment->name()));
    if (m_failed)
        m_meta.errors.push_back(line.toStdString());
    else
        fail(line);
}

// "died" for a worker killed by a signal, "exited with code N" for one that exited: how a
// worker named by a lock it left held ended.
QString RunController::endedAs(uint32_t k) const {
    const shm::WorkerRecord& e = m_exits[k];
    if (e.signal != 0 || !e.exited) return tr("died");
    return tr("exited with code %1").arg(e.exitCode);
}

void RunController::beginWatch(const shm::ExperimentConfig& cfg) {
    m_watch = watchdog::State::forRun(cfg.workers);
    m_control = {uint32_t(shm::RunState::Created), 0, 0, cfg.delayUs}; // as Segment::create wrote
    m_stderr.assign(cfg.workers, worker_output::Capture{});
}

void RunController::writeRunState(shm::RunState s) {
    m_control.runState = uint32_t(s);
    shm::publishRunState(m_segment->header(), s);
}

void RunController::writeControl(std::atomic<uint32_t> shm::SegmentHeader::*field, uint32_t value) {
    if (field == &shm::SegmentHeader::parkWorker) m_control.parkWorker = value;
    if (field == &shm::SegmentHeader::hangWorker) m_control.hangWorker = value;
    if (field == &shm::SegmentHeader::delayUs) m_control.delayUs = value;
    (m_segment->header().*field).store(value, std::memory_order_relaxed);
}

// Four loads a poll: a worker that writes what only the app writes (a run state of Paused
// pauses everyone for good, a park request parks worker 0 inside the lock) is caught at once.
void RunController::checkControl() {
    if (m_failed || !m_segment) return;
    const shm::SegmentHeader& h = m_segment->header();
    const watchdog::Control reads{
        h.runState.load(std::memory_order_acquire), h.parkWorker.load(std::memory_order_relaxed),
        h.hangWorker.load(std::memory_order_relaxed), h.delayUs.load(std::memory_order_relaxed)};
    if (reads == m_control) return;
    applyForeignWrite(watchdog::checkControl(readWatch(false), m_control, reads));
}

void RunController::applyForeignWrite(const watchdog::Verdict& v) {
    if (!v) return;
    QString what;
    switch (v.field) {
    case watchdog::Field::RunState: {
        static const char* const kStates[] = {"created", "running", "paused", "stopping"};
        what = tr("the run state was set to %1")
                   .arg(v.value < 4 ? QString::fromLatin1(kStates[v.value])
                                    : QString::number(v.value));
        break;
    }
    case watchdog::Field::ParkWorker:
        what = tr("parkWorker was set to %1 (a request to park worker %2 inside the lock)")
                   .arg(v.value)
                   .arg(qint64(v.value) - 1);
        break;
    case watchdog::Field::HangWorker:
        what = tr("hangWorker was set to %1").arg(v.value);
        break;
    default:
        what = tr("delayUs was set to %1").arg(v.value);
        break;
    }
    fail(tr("%1 by another process (only the app writes it)%2")
             .arg(what)
             .arg(v.named ? tr("; worker %1 (pid %2) runs --worker-command and is the likely "
                               "writer")
                                .arg(v.worker)
                                .arg(v.pid)
                          : QString()));
}

namespace {
// Whether `tid` is a thread of one of the live workers (a worker is one process; its threads
// are under /proc/PID/task).
bool liveWorkerThread(const watchdog::Reading& r, int64_t tid) {
    if (tid <= 0) return false;
    for (const watchdog::Worker& w : r.workers) {
        if (w.exited || w.pid <= 0) continue;
        if (w.pid == tid) return true;
        const std::string task = "/proc/" + std::to_string(w.pid) + "/task/" + std::to_string(tid);
        if (::access(task.c_str(), F_OK) == 0) return true;
    }
    return false;
}
// A pthread mutex's futex word and recorded owner (glibc keeps both in __data: the owner's
// tid for every mutex type, and for a robust one the tid in the word too).
struct MutexBytes {
    int word = 0;
    int owner = 0;
};
MutexBytes mutexBytes(const void* m) {
    MutexBytes b;
#if defined(__GLIBC__)
    const auto* p = static_cast<const pthread_mutex_t*>(m);
    b.word = __atomic_load_n(&p->__data.__lock, __ATOMIC_RELAXED);
    b.owner = __atomic_load_n(&p->__data.__owner, __ATOMIC_RELAXED);
#else
    (void)m;
#endif
    return b;
}
} // namespace

std::vector<watchdog::LockSeen> RunController::readLocks(const watchdog::Reading& r) const {
    std::vector<watchdog::LockSeen> out;
    if (!m_segment || !m_cfg.usesLock() || mpi()) return out;
    shm::SegmentHeader& h = m_segment->header();
    const auto add = [&](bool taken, int64_t owner, uint64_t acquisitions) {
        watchdog::LockSeen l;
        l.id = uint32_t(out.size()) + 1;
        l.taken = taken;
        l.ownerTid = owner;
        l.ownerLive = taken && liveWorkerThread(r, owner); // /proc only for a taken lock
        l.acquisitions = acquisitions;
        out.push_back(l);
    };
    if (m_cfg.sync == shm::SyncMode::Spin) {
        add(h.spin.word.load(std::memory_order_relaxed) != 0, 0, h.spin.acquisitions.load());
    } else if (m_cfg.sync == shm::SyncMode::Robust) {
        // A dead owner's tid is cleared by the kernel (FUTEX_OWNER_DIED): that one is not
        // orphaned, the next locker recovers it.
        const int tid = mutexBytes(&h.robust.mutex).word & 0x3fffffff; // FUTEX_TID_MASK
        add(tid != 0, tid, h.robust.acquisitions.load());
    } else {
        const shm::PaddedMutex* locks = m_segment->locks();
        for (uint64_t i = 0; i < h.lockCount; ++i) {
            const MutexBytes b = mutexBytes(&locks[i].mutex);
            add(b.word != 0, b.owner, locks[i].acquisitions.load());
        }
    }
    return out;
}

// A lock that stays taken with nobody alive to release it (its owner exited without
// unlocking, or a worker wrote "locked" into its bytes): every waiter would wait forever, and
// instrumented waiters say they wait, which the stall check never blames.
void RunController::watchLocks(const watchdog::Reading& r) {
    if (m_failed) return;
    watchdog::Step step = watchdog::checkLocks(m_watch, r, readLocks(r), m_cfg);
    m_watch = std::move(step.state);
    applyOrphanLock(step.verdict);
}

void RunController::applyOrphanLock(const watchdog::Verdict& v) {
    if (!v) return;
    const QString lock = lockName(v.holdingLock);
    const QString held = QString::number(double(v.silentNs) / 1e9, 'f', 1);
    if (v.named)
        fail(tr("%1 (pid %2) %3 and left %4 locked: no live worker holds it (%5 s)")
                 .arg(workerName(v.worker))
                 .arg(v.pid)
                 .arg(endedAs(v.worker))
                 .arg(lock)
                 .arg(held));
    else if (v.pid != 0)
        fail(tr("%1 has been locked for %2 s by thread %3, which is no live worker's")
                 .arg(lock)
                 .arg(held)
                 .arg(v.pid));
    else
        fail(tr("%1 has read as locked for %2 s with no owner and no live worker holding it: "
                "its bytes were written by another process%3")
                 .arg(lock)
                 .arg(held)
                 .arg(v.writerPid ? tr("; worker %1 (pid %2) runs --worker-command and is the "
                                       "likely writer")
                                        .arg(v.worker)
                                        .arg(v.writerPid)
                                  : QString()));
}

void RunController::applyExitVerdict(const watchdog::Verdict& v) {
    using watchdog::Finding;
    if (v.finding == Finding::ExitedEarly && v.state == shm::WorkerState::Starting)
        fail(tr("%1 (pid %2) exited with code 0 before it attached to the segment")
                 .arg(workerName(v.worker))
                 .arg(v.pid));
    else if (v.finding == Finding::ExitedEarly)
        fail(tr("%1 (pid %2) exited with code 0 without finishing its share (its slot says %3)")
                 .arg(workerName(v.worker))
                 .arg(v.pid)
                 .arg(QString::fromLatin1(shm::toString(v.state).data(),
                                          qsizetype(shm::toString(v.state).size()))));
    else if (v.finding == Finding::ExitedHolding)
        fail(tr("%1 (pid %2) exited holding %3")
                 .arg(workerName(v.worker))
                 .arg(v.pid)
                 .arg(lockName(v.holdingLock)));
}
