// The worker-priority setting on real workers: what each value makes of a run's workers, read
// back from /proc (scheduling policy and nice value), and what the report says was used.
// Crowded runs have one worker more than the CPUs this process may use.
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
    void workersGetWhatTheSettingSays_data();
    void workersGetWhatTheSettingSays();
};

void TestWorkerPriority::workersGetWhatTheSettingSays_data() {
    QTest::addColumn<WorkerPriority>("priority");
    QTest::addColumn<bool>("windowed");
    QTest::addColumn<bool>("crowded");
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("niceAtLeast");
    QTest::addColumn<QString>("reported");
    const int app = getpriority(PRIO_PROCESS, 0);
    const int five = std::max(app, 5);
    using P = WorkerPriority;
    QTest::newRow("auto, window, crowded")
        << P::Auto << true << true << SCHED_IDLE << app << "idle";
    QTest::newRow("auto, headless, crowded")
        << P::Auto << false << true << SCHED_OTHER << five << "nice 5";
    QTest::newRow("auto, window, one worker")
        << P::Auto << true << false << SCHED_OTHER << app << "normal";
    QTest::newRow("normal, window, crowded")
        << P::Normal << true << true << SCHED_OTHER << five << "nice 5";
    QTest::newRow("low, headless") << P::Low << false << false << SCHED_OTHER << 19 << "nice 19";
    // A worker that lowers itself to nice 5 when crowded must not raise a nice 19 back.
    QTest::newRow("low, crowded") << P::Low << false << true << SCHED_OTHER << 19 << "nice 19";
    QTest::newRow("idle, headless") << P::Idle << false << false << SCHED_IDLE << app << "idle";
}

void TestWorkerPriority::workersGetWhatTheSettingSays() {
    QFETCH(WorkerPriority, priority);
    QFETCH(bool, windowed);
    QFETCH(bool, crowded);
    QFETCH(int, policy);
    QFETCH(int, niceAtLeast);
    QFETCH(QString, reported);
    RunController c;
    c.setWorkerPath(testutil::workerPath());
    c.setSegmentName(testutil::segmentName(QStringLiteral("prio")));
    c.setWindowed(windowed);
    ExperimentConfig cfg;
    cfg.workers = crowded ? allowedCpus() + 1 : 1;
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
