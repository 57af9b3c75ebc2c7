// The worker-priority setting on real workers: what each value makes of a run's workers, read
// back from /proc (scheduling policy and nice value), and what the report says was used.
// Crowded runs have one worker more than the CPUs this process may use, or two per CPU.
#include "../test_util.h"
#include "runner/run_controller.h"
#include "work/worker_priority.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <sched.h>
#include <sys/resource.h>

using namespace shm;
Q_DECLARE_METATYPE(shm::WorkerPriority)

namespace {
struct Sched {
    int policy = -1;
    int nice = 99;
};
// Fields 19 (nice) and 41 (policy) of /proc/PID/stat, counted after the command's ')'.
std::optional<Sched> schedOf(int64_t pid) {
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) return std::nullopt;
    const QByteArray all = f.readAll();
    const QList<QByteArray> fields = all.mid(all.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 39) return std::nullopt;
    return Sched{fields[38].toInt(), fields[16].toInt()}; // field n is fields[n - 3]
}
} // namespace

class TestWorkerPriority : public QObject {
    Q_OBJECT
  private slots:
    void crowdNiceKeepsTheWindowsShare();
    void crowdsOweDelaysNoLockSpans();
    void workersGetWhatTheSettingSays_data();
    void workersGetWhatTheSettingSays();
};

// The workers sharing one CPU weigh at most half a nice-0 thread: 2 per CPU at nice 7 (215
// each), 32 per CPU only at nice 19 (15 each); beyond that nice 19 is the floor.
void TestWorkerPriority::crowdNiceKeepsTheWindowsShare() {
    QCOMPARE(crowdNice(3, 2), 5);
    QCOMPARE(crowdNice(4, 2), 7);
    QCOMPARE(crowdNice(8, 2), 10);
    QCOMPARE(crowdNice(16, 2), 13);
    QCOMPARE(crowdNice(64, 2), 19);
    QCOMPARE(crowdNice(256, 2), 19);
    QCOMPARE(crowdNice(64, 8), 13);
    QCOMPARE(crowdNice(5, 0), crowdNice(5, 1)); // no CPU counted: as one
}

// Slept together once they add up to a millisecond per worker sharing a CPU (at most 32); never
// under a lock (the delay is its hold) and never without a crowd.
void TestWorkerPriority::crowdsOweDelaysNoLockSpans() {
    QCOMPARE(owedDelayQuantumNs(SyncMode::None, 64, 2), 32'000'000ull);
    QCOMPARE(owedDelayQuantumNs(SyncMode::Atomic, 3, 2), 2'000'000ull);
    QCOMPARE(owedDelayQuantumNs(SyncMode::None, 256, 2), 32'000'000ull); // about a frame
    QCOMPARE(owedDelayQuantumNs(SyncMode::None, 2, 2), 0ull); // no crowd: element by element
    QCOMPARE(owedDelayQuantumNs(SyncMode::None, 5, 0), 5'000'000ull); // no CPU counted: as one
    for (SyncMode locked : {SyncMode::Mutex, SyncMode::Striped, SyncMode::Spin, SyncMode::Robust})
        QCOMPARE(owedDelayQuantumNs(locked, 64, 2), 0ull);
}

void TestWorkerPriority::workersGetWhatTheSettingSays_data() {
    QTest::addColumn<WorkerPriority>("priority");
    QTest::addColumn<bool>("windowed");
    QTest::addColumn<int>("crowd"); // 0: one worker; 1: one more than the CPUs; 2: two per CPU
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("niceAtLeast");
    QTest::addColumn<QString>("reported");
    const int app = getpriority(PRIO_PROCESS, 0);
    const int five = std::max(app, 5);
    const int cpus = int(allowedCpus());
    const int twoPerCpu = crowdNice(uint32_t(2 * cpus), unsigned(cpus));
    using P = WorkerPriority;
    QTest::newRow("auto, window, one more than the CPUs")
        << P::Auto << true << 1 << SCHED_OTHER << std::max(app, crowdNice(cpus + 1, cpus))
        << QStringLiteral("nice %1").arg(crowdNice(cpus + 1, cpus));
    QTest::newRow("auto, window, two per CPU")
        << P::Auto << true << 2 << SCHED_OTHER << std::max(app, twoPerCpu)
        << QStringLiteral("nice %1").arg(twoPerCpu);
    QTest::newRow("auto, headless, two per CPU")
        << P::Auto << false << 2 << SCHED_OTHER << five << "nice 5";
    QTest::newRow("auto, window, one worker")
        << P::Auto << true << 0 << SCHED_OTHER << app << "normal";
    QTest::newRow("normal, window, two per CPU")
        << P::Normal << true << 2 << SCHED_OTHER << five << "nice 5";
    QTest::newRow("low, headless") << P::Low << false << 0 << SCHED_OTHER << 19 << "nice 19";
    // A worker that lowers itself to nice 5 when crowded must not raise a nice 19 back.
    QTest::newRow("low, crowded") << P::Low << false << 1 << SCHED_OTHER << 19 << "nice 19";
    QTest::newRow("idle, headless") << P::Idle << false << 0 << SCHED_IDLE << app << "idle";
}

void TestWorkerPriority::workersGetWhatTheSettingSays() {
    QFETCH(WorkerPriority, priority);
    QFETCH(bool, windowed);
    QFETCH(int, crowd);
    QFETCH(int, policy);
    QFETCH(int, niceAtLeast);
    QFETCH(QString, reported);
    RunController c;
    c.setWorkerPath(testutil::workerPath());
    c.setSegmentName(testutil::segmentName(QStringLiteral("prio")));
    c.setWindowed(windowed);
    ExperimentConfig cfg;
    cfg.workers = crowd == 0 ? 1 : crowd == 1 ? allowedCpus() + 1 : 2 * allowedCpus();
    cfg.elements = 200000;
    cfg.delayUs = 100; // long enough to look at every worker while it computes
    cfg.workerPriority = priority;
    QSignalSpy done(&c, &RunController::finished);
    QVERIFY(testutil::startOrWarn(c, cfg));
    // Every worker computing (it lowers itself to nice 5 before the barrier, if it does).
    QTRY_VERIFY_WITH_TIMEOUT(c.phase() == Phase::Running, 15000);
    const std::vector<WorkerRecord> workers = c.snapshot().workers;
    QCOMPARE(workers.size(), size_t(cfg.workers));
    for (const WorkerRecord& w : workers) {
        const std::optional<Sched> s = schedOf(w.pid);
        QVERIFY2(s, qPrintable(QStringLiteral("no /proc entry for worker pid %1").arg(w.pid)));
        QCOMPARE(s->policy, policy);
        QVERIFY2(
            s->nice >= niceAtLeast,
            qPrintable(QStringLiteral("nice %1, expected >= %2").arg(s->nice).arg(niceAtLeast)));
        if (policy == SCHED_OTHER && niceAtLeast == getpriority(PRIO_PROCESS, 0))
            QCOMPARE(s->nice, niceAtLeast); // not lowered at all
    }
    c.stop();
    QVERIFY(done.wait(30000));
    QCOMPARE(QString::fromStdString(c.report().workerScheduling), reported);
}

QTEST_GUILESS_MAIN(TestWorkerPriority)
#include "tst_worker_priority.moc"
