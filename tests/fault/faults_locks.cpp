// Faults inside the run's synchronisation: a lock holder killed from outside, the scripted
// hang, and careless --worker-command workers. Whether each struck is read from the segment
// (attached like a viewer), never assumed.
#include "campaign.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <pthread.h>
#include <signal.h>

namespace campaign {

namespace {
using shm::SyncMode;

// The thread that owns a pthread mutex (glibc records it for every mutex type).
int ownerOf(const boost::interprocess::interprocess_mutex& m) {
    return reinterpret_cast<const pthread_mutex_t*>(&m)->__data.__owner;
}
int wordOf(const boost::interprocess::interprocess_mutex& m) {
    return reinterpret_cast<const pthread_mutex_t*>(&m)->__data.__lock;
}

// Whether lock `id` is held by worker k (pid `pid`), as the lock itself says.
bool lockSaysHeld(const shm::Segment& seg, uint32_t id, int k, qint64 pid) {
    const shm::SegmentHeader& h = seg.header();
    switch (SyncMode(h.sync)) {
    case SyncMode::Mutex:
    case SyncMode::Striped:
        return ownerOf(seg.locks()[id].mutex) == pid;
    case SyncMode::Spin: // it records no owner: taken, and the holder's slot says so
        return h.spin.word.load() == 1;
    case SyncMode::Robust:
        return h.robust.holder.load() == uint32_t(k) + 1;
    default:
        return false;
    }
}

bool waitStopped(qint64 pid) {
    for (int i = 0; i < 1000; ++i) {
        const shm::ProcStat s = shm::readProcStat(pid);
        if (!s.exists || s.state == 'Z') return false;
        if (s.state == 'T') return true;
        QThread::usleep(100);
    }
    return false;
}

qint64 parentOf(qint64 pid) {
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    const QByteArray s = f.readAll();
    const QList<QByteArray> rest = s.mid(s.lastIndexOf(')') + 2).split(' ');
    return rest.size() > 1 ? rest[1].toLongLong() : 0;
}
} // namespace

namespace {
// A live worker whose slot says it holds a lock now (the first from a random place), or -1.
int slotHoldingNow(const shm::Segment& seg, uint32_t from) {
    const uint32_t n = seg.config().workers;
    for (uint32_t i = 0; i < n; ++i) {
        const uint32_t k = (from + i) % n;
        const qint64 pid = qint64(seg.slot(k).pid.load());
        if (seg.slot(k).holdingLock.load() != 0 && pid > 0 && alive(pid)) return int(k);
    }
    return -1;
}
} // namespace

// Waits for a worker's slot to say it holds a lock, stops that worker, and kills it only if its
// slot and the lock both say so while it is stopped: the kill lands inside the critical section.
void Campaign::killLockHolder(Trial& t) {
    SegmentWatch w;
    QElapsedTimer clock;
    clock.start();
    while (!w.attach(t.pid) && clock.elapsed() < 3000 && alive(t.pid))
        QThread::usleep(200);
    if (!w.seg) return;
    const shm::Segment& seg = *w.seg;
    const uint32_t from = uint32_t(pick(0, seg.config().workers - 1));
    int tries = 0;
    while (clock.elapsed() < 5000 && alive(t.pid) && tries < 50) {
        const int k = slotHoldingNow(seg, from);
        if (k < 0) {
            QThread::usleep(20);
            continue;
        }
        ++tries;
        const qint64 pid = qint64(seg.slot(uint32_t(k)).pid.load());
        if (::kill(pid_t(pid), SIGSTOP) != 0) continue;
        if (!waitStopped(pid)) {
            ::kill(pid_t(pid), SIGCONT);
            continue;
        }
        const uint32_t held = seg.slot(uint32_t(k)).holdingLock.load();
        if (held && lockSaysHeld(seg, held - 1, k, pid)) {
            t.victim = pid;
            t.victimSlot = k;
            t.struck = ::kill(pid_t(pid), SIGKILL) == 0;
            t.detail = QStringLiteral("worker %1 killed holding lock %2 (try %3)")
                           .arg(k)
                           .arg(held - 1)
                           .arg(tries);
            return;
        }
        ::kill(pid_t(pid), SIGCONT);
    }
    t.detail = QStringLiteral("no hold caught in %1 tries").arg(tries);
}

// What the hang and the careless workers did, read from the segment every poll.
struct Watched {
    uint64_t beat = 0, processed = 0;
    QElapsedTimer sinceChange;
    bool ordered = false;
    bool attached = false, seenEmpty = false; // CarelessNeverAttach
    uint64_t lockAcquisitions = ~uint64_t(0);
    QElapsedTimer lockSince;
    QElapsedTimer procScan;
};

std::function<void()> Campaign::watchFor(Trial& t, SegmentWatch& w) {
    if (t.f != Fault::Hang && !isCareless(t.f)) return {};
    auto seen = std::make_shared<Watched>();
    int k = t.careless;
    if (t.f == Fault::Hang) k = t.args[t.args.indexOf(QStringLiteral("--kill-worker")) + 1].toInt();
    return [&t, &w, seen, k] {
        if (t.f == Fault::CarelessDaemonise) {
            // A process of the run that is not the app's child: the daemon's grandchild.
            if (seen->procScan.isValid() && seen->procScan.elapsed() < 20) return;
            seen->procScan.start();
            for (qint64 p : testutil::processesWith(t.needle))
                if (parentOf(p) != t.pid) t.struck = true;
            return;
        }
        if (!w.attach(t.pid) || uint32_t(k) >= w.seg->config().workers) return;
        const shm::SegmentHeader& h = w.seg->header();
        const shm::WorkerSlot& s = w.seg->slot(uint32_t(k));
        switch (t.f) {
        case Fault::Hang: {
            if (h.hangWorker.load() != uint32_t(k) + 1 ||
                shm::WorkerState(s.state.load()) != shm::WorkerState::Running)
                return;
            const uint64_t beat = s.heartbeatNs.load(), done = s.processed.load();
            if (!seen->ordered || beat != seen->beat || done != seen->processed) {
                seen->ordered = true;
                seen->beat = beat;
                seen->processed = done;
                seen->sinceChange.start();
            } else if (seen->sinceChange.elapsed() >= 300 && alive(qint64(s.pid.load()))) {
                t.struck = true; // silent 0.3 s after the order, alive and "running"
            }
            return;
        }
        case Fault::CarelessExitHolding:
            if (s.holdingLock.load() != 0 && s.pid.load() != 0 && !alive(qint64(s.pid.load())))
                t.struck = true;
            return;
        case Fault::CarelessPause: // seen in the header, or in a real worker that obeyed it
            if (shm::RunState(h.runState.load()) == shm::RunState::Paused) t.struck = true;
            for (uint32_t j = 0; j + 1 < w.seg->config().workers; ++j)
                if (shm::WorkerState(w.seg->slot(j).state.load()) == shm::WorkerState::Paused)
                    t.struck = true;
            return;
        case Fault::CarelessPark:
            if (h.parkWorker.load() == 1) t.struck = true;
            return;
        case Fault::CarelessLockBytes: {
            // Taken with no owner, and nobody acquired it for 5 ms: a real holder's take and
            // owner store are a few instructions apart, and it holds ~10 us.
            const auto& m = w.seg->locks()[0];
            const bool ownerless = wordOf(m.mutex) != 0 && ownerOf(m.mutex) == 0;
            const uint64_t acq = m.acquisitions.load();
            if (!ownerless || acq != seen->lockAcquisitions) {
                seen->lockAcquisitions = ownerless ? acq : ~uint64_t(0);
                seen->lockSince.start();
            } else if (seen->lockSince.elapsed() >= 5) {
                t.struck = true;
            }
            return;
        }
        default: { // CarelessNeverAttach: its slot empty at every look while the run was live
            if (s.pid.load() != 0)
                seen->attached = true;
            else
                seen->seenEmpty = true;
            t.struck = seen->seenEmpty && !seen->attached;
            return;
        }
        }
    };
}

void Campaign::judgeLocks(Trial& t) {
    const QString worker =
        QStringLiteral("worker %1 ").arg(t.f == Fault::LockHolderKill ? t.victimSlot : t.careless);
    const QString named = QStringLiteral("worker %1 (pid").arg(t.careless);
    const QString& why = t.failure;
    auto has = [&](const char* s) { return why.contains(QLatin1String(s)); };
    bool ok = false;
    switch (t.f) {
    case Fault::LockHolderKill: {
        const bool recovered = !t.j[QLatin1String("recoveries")].toArray().isEmpty();
        ok = (t.failed() && why.contains(worker)) || (recovered && t.finished());
        if (t.struck) {
            bool shown = false;
            for (const QJsonValue& w : t.ws)
                if (w[QLatin1String("pid")].toInteger() == t.victim)
                    shown = w[QLatin1String("signal")].toInt() == SIGKILL;
            if (!shown)
                bad(t, &Counts::unreported,
                    QStringLiteral("the lock holder's SIGKILL is not in the report"));
        }
        break;
    }
    case Fault::Hang: {
        const int k = t.args[t.args.indexOf(QStringLiteral("--kill-worker")) + 1].toInt();
        ok = t.failed() && has("stopped publishing") &&
             why.contains(QStringLiteral("worker %1 (pid").arg(k));
        break;
    }
    case Fault::CarelessExitHolding:
        ok = t.failed() && why.contains(worker) && has("holding the mutex");
        break;
    case Fault::CarelessPause:
        ok = t.failed() && has("set to paused by another process") && why.contains(named);
        break;
    case Fault::CarelessPark:
        ok = t.failed() && has("parkWorker was set to 1") && why.contains(named);
        break;
    case Fault::CarelessLockBytes:
        ok = t.failed() && has("has read as locked") && why.contains(named);
        break;
    case Fault::CarelessNeverAttach:
        ok = t.failed() && has("before it attached") && why.contains(named);
        break;
    default: // CarelessDaemonise: the run itself is right; what it left running is killed
        ok = t.finished() &&
             t.err.contains(QStringLiteral("worker %1 left process").arg(t.careless).toUtf8());
        break;
    }
    ok = ok && !why.contains(QLatin1Char('\n'));
    // A careless act not seen in the segment may not have happened: the worker did something
    // else (lock-bytes spins, silent, until the mutex reads free), and a line naming it is owed.
    if (!t.struck && isCareless(t.f) && t.failed() && why.contains(named)) ok = true;
    // Not struck: the run may finish as if nothing happened, or still name what it saw.
    if (!ok && !(!t.struck && t.finished()) && !t.hung)
        bad(t, &Counts::wrongExit,
            QStringLiteral("wanted the run ended with one line naming the worker, got %1 %2 "
                           "(%3) %4")
                .arg(t.crashed ? QStringLiteral("signal") : QStringLiteral("exit"))
                .arg(t.code)
                .arg(t.report(), t.detail));
}

} // namespace campaign
