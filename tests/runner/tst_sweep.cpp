// Sweeps and A/B on real runs of the shmscope binary (small sizes): the JSON contract, a 2-D
// grid, the CSV, a failed point that does not end the sweep, SIGINT in the middle, bad flags,
// and --compare-with. The fit and Karp–Flatt on known numbers.
#include "../test_util.h"
#include "analysis/sweep.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>

class TestSweep : public QObject {
    Q_OBJECT
  private slots:
    void amdahlFitRecoversAKnownFraction();
    void workersSweepReportsSpeedupAndFit();
    void gridCsvAndAFailedPoint();
    void sigintPrintsWhatWasMeasured();
    void badSweepFlagsExitTwo_data();
    void badSweepFlagsExitTwo();
    void compareWithPrintsRatios();
    void cleanupTestCase();
};

namespace {
QJsonObject jsonOf(const testutil::Result& r) {
    return QJsonDocument::fromJson(r.out).object();
}
} // namespace

using testutil::args;

void TestSweep::amdahlFitRecoversAKnownFraction() {
    const double f = 0.1;
    std::vector<std::pair<double, double>> pts;
    for (double p : {1.0, 2.0, 4.0, 8.0})
        pts.emplace_back(p, 1 / (f + (1 - f) / p));
    const shm::AmdahlFit fit = shm::fitAmdahl(pts);
    QVERIFY(fit.valid);
    QVERIFY2(std::abs(fit.serialFraction - f) < 1e-4,
             qPrintable(QString::number(fit.serialFraction)));
    QVERIFY(fit.rmse < 1e-3);
    QVERIFY(!shm::fitAmdahl({{1.0, 1.0}}).valid); // nothing beyond the baseline: no fit
    // Karp–Flatt: 1.8 on 2 processors leaves (1/1.8 - 1/2) / (1 - 1/2) = 0.111 serial.
    QVERIFY(std::abs(*shm::karpFlatt(1.8, 2) - (1 / 1.8 - 0.5) / 0.5) < 1e-12);
    QVERIFY(!shm::karpFlatt(1.0, 1));
}

void TestSweep::workersSweepReportsSpeedupAndFit() {
    const auto r =
        testutil::runCli(args({"--headless", "--json", "--sweep", "workers=1,2", "--workload",
                               "sin", "--elements", "400000", "--repeat", "2"}));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = jsonOf(r);
    const QJsonObject sweep = j[QLatin1String("sweep")].toObject();
    QCOMPARE(sweep[QLatin1String("settings")].toArray(), QJsonArray{QStringLiteral("workers")});
    QCOMPARE(sweep[QLatin1String("repeat")].toInt(), 2);
    QVERIFY(sweep[QLatin1String("cores")].toInt() >= 1);
    QCOMPARE(sweep[QLatin1String("runs")].toInt(), 4);
    const QJsonArray points = j[QLatin1String("points")].toArray();
    QCOMPARE(points.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject p = points[i].toObject();
        QCOMPARE(p[QLatin1String("config")].toObject()[QLatin1String("workers")].toInt(), i + 1);
        QCOMPARE(p[QLatin1String("runs")].toInt(), 2);
        const QJsonObject c = p[QLatin1String("compute_seconds")].toObject();
        const double med = c[QLatin1String("median")].toDouble();
        QVERIFY(c[QLatin1String("min")].toDouble() <= med &&
                med <= c[QLatin1String("max")].toDouble());
        for (const char* key : {"throughput", "speedup", "efficiency", "imbalance", "cpu_seconds",
                                "lock", "mismatches", "lost_updates", "karp_flatt"})
            QVERIFY2(p.contains(QLatin1String(key)), key);
        QCOMPARE(p[QLatin1String("mismatches")].toInt(), 0);
    }
    const QJsonObject p0 = points[0].toObject(), p1 = points[1].toObject();
    QCOMPARE(p0[QLatin1String("speedup")].toDouble(), 1.0);
    QVERIFY(p0[QLatin1String("karp_flatt")].isNull()); // undefined on one processor
    // Speedup is the baseline's median over this point's; efficiency is speedup per worker.
    const double s1 = p1[QLatin1String("speedup")].toDouble();
    const auto median = [](const QJsonObject& p) {
        return p[QLatin1String("compute_seconds")].toObject()[QLatin1String("median")].toDouble();
    };
    QVERIFY(std::abs(s1 - median(p0) / median(p1)) < 1e-6 * s1);
    QVERIFY(std::abs(p1[QLatin1String("efficiency")].toDouble() - s1 / 2) < 1e-6);
    const QJsonObject fit = j[QLatin1String("fit")].toObject();
    QVERIFY(fit[QLatin1String("amdahl_serial_fraction")].isDouble());
    QVERIFY(fit[QLatin1String("rmse")].isDouble());
    QVERIFY(
        fit[QLatin1String("all")].toObject()[QLatin1String("amdahl_serial_fraction")].isDouble());
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

// A 2-D grid: every combination once, the CSV a spreadsheet opens. Then a point whose runs
// all fail (a worker killed by the scripted fault): reported, and the sweep goes on.
void TestSweep::gridCsvAndAFailedPoint() {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("points.csv"));
    auto r = testutil::runCli(
        args({"--headless", "--json", "--sweep", "workers=1,2", "--sweep", "sync=none,atomic",
              "--workload", "histogram", "--elements", "20000", "--repeat", "1", "--csv"})
        << csv);
    QCOMPARE(r.exitCode, 0);
    const QJsonArray points = jsonOf(r)[QLatin1String("points")].toArray();
    QCOMPARE(points.size(), 4);
    QSet<QString> seen;
    for (const QJsonValue& v : points) {
        const QJsonObject c = v.toObject()[QLatin1String("config")].toObject();
        seen << QStringLiteral("%1/%2")
                    .arg(c[QLatin1String("workers")].toInt())
                    .arg(c[QLatin1String("sync")].toString());
    }
    QCOMPARE(seen, (QSet<QString>{QStringLiteral("1/none"), QStringLiteral("1/atomic"),
                                  QStringLiteral("2/none"), QStringLiteral("2/atomic")}));
    QCOMPARE(jsonOf(r)[QLatin1String("lines")].toArray().size(), 2); // one per sync value
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines[0].startsWith("workers,sync,compute_median_s"));
    for (const QByteArray& l : lines)
        QCOMPARE(l.count(','), lines[0].count(','));
    QVERIFY(lines[1].startsWith("1,none,"));

    r = testutil::runCli(
        args({"--headless", "--json", "--sweep", "kill-worker=none,0", "--workers", "2",
              "--elements", "400000", "--delay-us", "2", "--kill-at-ms", "20", "--repeat", "1"}));
    QCOMPARE(r.exitCode, 0); // the sweep ran, one point failed
    const QJsonArray two = jsonOf(r)[QLatin1String("points")].toArray();
    QCOMPARE(two.size(), 2);
    QCOMPARE(two[0].toObject()[QLatin1String("runs")].toInt(), 1);
    const QJsonObject failed = two[1].toObject();
    QCOMPARE(failed[QLatin1String("runs")].toInt(), 0);
    QCOMPARE(failed[QLatin1String("failed")].toInt(), 1);
    QVERIFY(!failed[QLatin1String("errors")].toArray().isEmpty());
    QVERIFY(failed[QLatin1String("compute_seconds")].isNull());
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

// Ctrl+C in the middle: the current run stops, the table of what was measured is printed, and
// the app dies of the signal; no segment or worker is left.
void TestSweep::sigintPrintsWhatWasMeasured() {
    QProcess p;
    p.start(testutil::shmscopePath(), args({"--headless", "--sweep", "workers=1,2", "--elements",
                                            "100000", "--delay-us", "200", "--repeat", "1"}));
    QVERIFY(p.waitForStarted());
    const qint64 pid = p.processId();
    QTest::qWait(1500);
    ::kill(pid_t(pid), SIGINT);
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(out.startsWith("sweep: workers = 1, 2"), out.constData());
    QVERIFY(testutil::shmEntries(pid).isEmpty());
    QTRY_VERIFY(testutil::processesWith("--segment shmscope-" + QByteArray::number(pid)).isEmpty());
}

void TestSweep::badSweepFlagsExitTwo_data() {
    QTest::addColumn<QStringList>("given");
    QTest::addColumn<QString>("says");
    // A file that is not JSON at all (not __FILE__: a compiler cache may make that relative).
    const QString report = QStringLiteral(SHMSCOPE_TEST_DATA "/not-json.json");
    QTest::newRow("unknown setting")
        << args({"--sweep", "wrokers=1,2"}) << QStringLiteral("unknown setting");
    QTest::newRow("no values") << args({"--sweep", "workers="}) << QStringLiteral("SETTING=V1,V2");
    QTest::newRow("bad value") << args({"--sweep", "workers=1,0"}) << QStringLiteral("--workers");
    QTest::newRow("value twice") << args({"--sweep", "workers=2,2"})
                                 << QStringLiteral("given twice");
    QTest::newRow("empty value") << args({"--sweep", "workers=1,,2"})
                                 << QStringLiteral("empty value");
    QTest::newRow("swept twice") << args({"--sweep", "workers=1,2", "--sweep", "workers=3"})
                                 << QStringLiteral("swept twice");
    QTest::newRow("three axes") << args({"--sweep", "workers=1", "--sweep", "sync=none", "--sweep",
                                         "chunk=8"})
                                << QStringLiteral("once or twice");
    QTest::newRow("point invalid") << args({"--sweep", "kill-worker=1,5", "--workers", "2"})
                                   << QStringLiteral("--sweep point kill-worker=5");
    QTest::newRow("repeat alone") << args({"--repeat", "2"})
                                  << QStringLiteral("--repeat goes with --sweep");
    QTest::newRow("repeat zero") << args({"--sweep", "workers=1", "--repeat", "0"})
                                 << QStringLiteral("--repeat");
    QTest::newRow("csv with a sweep's picture")
        << args({"--sweep", "workers=1", "--csv", "x.csv", "--screenshot", "x.png"})
        << QStringLiteral("Export Sweep Points");
    QTest::newRow("sweep with lesson")
        << args({"--sweep", "workers=1", "--lesson", "seed-job"}) << QStringLiteral("--lesson");
    QTest::newRow("compare missing file") << args({"--compare-with", "/nonexistent/r.json"})
                                          << QStringLiteral("--compare-with /nonexistent");
    QTest::newRow("compare not a report")
        << (args({"--compare-with"}) << report) << QStringLiteral("not a JSON object");
    QTest::newRow("compare with sweep")
        << args({"--sweep", "workers=1", "--compare-with", "r.json"})
        << QStringLiteral("not with --sweep");
}

void TestSweep::badSweepFlagsExitTwo() {
    QFETCH(QStringList, given);
    QFETCH(QString, says);
    const auto r = testutil::runCli(QStringList{QStringLiteral("--headless")} << given);
    SHMSCOPE_VERIFY_REFUSED(r, says);
    QVERIFY(r.out.isEmpty());
}

void TestSweep::compareWithPrintsRatios() {
    QTemporaryDir dir;
    const QString pinned = dir.filePath(QStringLiteral("pinned.json"));
    auto r = testutil::runCli(args({"--headless", "--json", "--workload", "histogram", "--sync",
                                    "mutex", "--elements", "50000", "--workers", "2"}));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(testutil::writeFile(pinned, r.out));
    const double pinnedCompute = jsonOf(r)[QLatin1String("compute_seconds")].toDouble();
    r = testutil::runCli(args({"--headless", "--json", "--workload", "histogram", "--sync",
                               "atomic", "--elements", "50000", "--workers", "2", "--compare-with"})
                         << pinned);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = jsonOf(r);
    const QJsonObject cmp = j[QLatin1String("compare")].toObject();
    QCOMPARE(cmp[QLatin1String("with")].toString(), pinned);
    QCOMPARE(cmp[QLatin1String("differs")].toArray(),
             QJsonArray{QStringLiteral("sync mutex -> atomic")});
    const QJsonObject compute =
        cmp[QLatin1String("figures")].toObject()[QLatin1String("compute_seconds")].toObject();
    QCOMPARE(compute[QLatin1String("pinned")].toDouble(), pinnedCompute);
    QCOMPARE(compute[QLatin1String("this")].toDouble(),
             j[QLatin1String("compute_seconds")].toDouble());
    QVERIFY(std::abs(compute[QLatin1String("ratio")].toDouble() -
                     compute[QLatin1String("this")].toDouble() / pinnedCompute) < 1e-6);
    for (const char* key : {"throughput", "lock.wait_share", "cpu_seconds", "lost_updates"})
        QVERIFY2(cmp[QLatin1String("figures")].toObject().contains(QLatin1String(key)), key);
    // Without --json: the table under the report.
    r = testutil::runCli(args({"--headless", "--workload", "histogram", "--sync", "atomic",
                               "--elements", "50000", "--workers", "2", "--compare-with"})
                         << pinned);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("compared with") && r.out.contains("compute (s)"), r.out.constData());
}

void TestSweep::cleanupTestCase() {
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
