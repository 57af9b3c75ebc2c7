// The random configuration of each run, chosen so that its fault can strike.
#include "campaign.h"

namespace campaign {

QStringList Campaign::randomConfig(Trial& t) {
    if (isCareless(t.f)) return carelessConfig(t);
    static const char* const syncs[] = {"none", "mutex", "striped", "spin", "atomic", "robust"};
    static const char* const lockSyncs[] = {"mutex", "striped", "spin", "robust"};
    static const char* const partitions[] = {"block", "cyclic", "dynamic", "guided"};
    static const char* const workloads[] = {"sin", "wave", "histogram"};
    static const char* const transports[] = {"shared", "shared", "shared", "private", "queue"};
    const Fault f = t.f;
    // Killing a lock's holder needs a lock and, to be sure of catching it, two workers.
    const uint64_t workers = pick(f == Fault::LockHolderKill ? 2 : 1, 5);
    // 50-400 ms of slow-motion work per worker, so a fault 0-150 ms in finds most runs live.
    // Under a lock the delay is slept holding it, so the workers' delays add up: 50-400 ms for
    // the whole run. Per worker, 4 robust workers at 6 µs took 10 s on 2 quiet CPUs and 28-31
    // s beside two CPU hogs, past the 20 s a run may take after its fault.
    const uint64_t delay = pick(5, 30);
    const QString sync = f == Fault::LockHolderKill ? oneOf(lockSyncs) : oneOf(syncs);
    const bool locked = sync != QLatin1String("none") && sync != QLatin1String("atomic");
    const uint64_t elements = (locked ? 1 : workers) * pick(50, 400) * 1000 / delay;
    QStringList a{QStringLiteral("--headless"),
                  QStringLiteral("--json"),
                  QStringLiteral("--workers"),
                  QString::number(workers),
                  QStringLiteral("--elements"),
                  QString::number(elements),
                  QStringLiteral("--delay-us"),
                  QString::number(delay),
                  QStringLiteral("--sync"),
                  sync,
                  QStringLiteral("--partition"),
                  oneOf(partitions),
                  QStringLiteral("--workload"),
                  oneOf(workloads),
                  QStringLiteral("--suspend-timeout-ms"),
                  QStringLiteral("300"),
                  QStringLiteral("--stall-timeout-ms"),
                  QStringLiteral("1000")}; // 300 ms blamed starved workers beside a build
    const bool queue = f == Fault::TruncateQueue || f == Fault::SquatQueue;
    // Queue senders take no lock of ours; the private transport's workers do (copy-on-write
    // data, shared locks).
    static const char* const lockTransports[] = {"shared", "private"};
    const QString transport = queue                        ? QStringLiteral("queue")
                              : f == Fault::LockHolderKill ? oneOf(lockTransports)
                                                           : oneOf(transports);
    if (f != Fault::Hang) a << QStringLiteral("--transport") << transport;
    if (f == Fault::Hang)
        a << QStringLiteral("--kill-worker") << QString::number(pick(0, workers - 1))
          << QStringLiteral("--kill-at-ms") << QString::number(pick(0, 150))
          << QStringLiteral("--fault-action") << QStringLiteral("hang");
    return a;
}

// Two to four workers, the last of them careless; the real ones take 1-1.5 s (slow motion
// inside the lock), so the careless one strikes while they run (as tst_careless_workers).
QStringList Campaign::carelessConfig(Trial& t) {
    const uint64_t workers = pick(2, 4);
    t.careless = int(workers - 1);
    const QString careless = QStringLiteral(SHMSCOPE_CARELESS_WORKER);
    QString command;
    switch (t.f) {
    case Fault::CarelessExitHolding:
        command = QStringLiteral("\"%1\" exit-holding").arg(careless);
        break;
    case Fault::CarelessPause:
        command = QStringLiteral("\"%1\" pause").arg(careless);
        break;
    case Fault::CarelessPark:
        command = QStringLiteral("\"%1\" park").arg(careless);
        break;
    case Fault::CarelessLockBytes:
        command = QStringLiteral("\"%1\" lock-bytes").arg(careless);
        break;
    case Fault::CarelessNeverAttach:
        command = QStringLiteral("/bin/true");
        break;
    default: // CarelessDaemonise
        command = QStringLiteral("\"%1\" daemonise \"%2\"").arg(careless, testutil::workerPath());
        break;
    }
    // The lock's faults need it; the others' runs are shorter without (slow motion inside the
    // lock serialises the workers).
    const bool lockFree = t.f == Fault::CarelessNeverAttach || t.f == Fault::CarelessDaemonise;
    return QStringList{QStringLiteral("--headless"),
                       QStringLiteral("--json"),
                       QStringLiteral("--workers"),
                       QString::number(workers),
                       QStringLiteral("--elements"),
                       QString::number(workers * pick(100, 150) * (lockFree ? 200 : 1000)),
                       QStringLiteral("--delay-us"),
                       QStringLiteral("10"),
                       QStringLiteral("--sync"),
                       lockFree ? QStringLiteral("none") : QStringLiteral("mutex"),
                       QStringLiteral("--stall-timeout-ms"),
                       QStringLiteral("1000"),
                       QStringLiteral("--worker-command-count"),
                       QStringLiteral("1"),
                       QStringLiteral("--worker-command"),
                       command};
}

} // namespace campaign
