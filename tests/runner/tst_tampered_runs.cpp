// What another process does to a run's inputs and segment, told truthfully: a pinned report
// (--compare-with) whose settings no run could have is refused rather than shown with defaults
// in their place, and a segment whose name another process removed mid-run is reported as
// removed by someone else, not as "could not be removed".
#include "../test_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

class TestTamperedRuns : public QObject {
    Q_OBJECT
  private slots:
    void pinnedReportWithBadSettingsRefused_data();
    void pinnedReportWithBadSettingsRefused();
    void pinnedReportOfANewerVersionAccepted();
    void segmentRemovedMidRunIsSaidSo();
};

using testutil::args;

namespace {
// A report as --headless --json writes it, trimmed to what --compare-with reads, with `config`.
QByteArray reportWith(const QJsonObject& config) {
    QJsonObject r{{QStringLiteral("compute_seconds"), 0.5},
                  {QStringLiteral("throughput"), 1e6},
                  {QStringLiteral("config"), config}};
    return QJsonDocument(r).toJson();
}
} // namespace

void TestTamperedRuns::pinnedReportWithBadSettingsRefused_data() {
    QTest::addColumn<QJsonObject>("config");
    QTest::addColumn<QString>("says");
    QTest::newRow("workers out of range")
        << QJsonObject{{QStringLiteral("workers"), 100000}, {QStringLiteral("elements"), 1000}}
        << QStringLiteral("workers");
    QTest::newRow("workers as text")
        << QJsonObject{{QStringLiteral("workers"), QStringLiteral("eight")}}
        << QStringLiteral("'workers'");
    QTest::newRow("unknown workload")
        << QJsonObject{{QStringLiteral("workload"), QStringLiteral("teleport")}}
        << QStringLiteral("workload");
    QTest::newRow("bins out of range")
        << QJsonObject{{QStringLiteral("workload"), QStringLiteral("histogram")},
                       {QStringLiteral("bins"), 0}}
        << QStringLiteral("--bins");
    // Each value in range, together no run: a fault aimed at worker 5 of 2.
    QTest::newRow("no valid run") << QJsonObject{{QStringLiteral("workers"), 2},
                                                 {QStringLiteral("kill_worker"), 5}}
                                  << QStringLiteral("not a valid run");
}

void TestTamperedRuns::pinnedReportWithBadSettingsRefused() {
    QFETCH(QJsonObject, config);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString pinned = dir.filePath(QStringLiteral("pinned.json"));
    QVERIFY(testutil::writeFile(pinned, reportWith(config)));
    // Headless, and the window (the same options; it never opens).
    for (const QStringList& mode :
         {args({"--headless", "--workers", "1", "--elements", "1000"}),
          args({"--screenshot", "/nonexistent/x.png", "--workers", "1", "--elements", "1000"})}) {
        const auto r =
            testutil::runCli(mode + QStringList{QStringLiteral("--compare-with"), pinned});
        SHMSCOPE_VERIFY_REFUSED(r, QStringLiteral("--compare-with"));
        QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(pinned), r.err.constData());
    }
}

// A key this version does not know comes from a newer one: left out, the rest compared.
void TestTamperedRuns::pinnedReportOfANewerVersionAccepted() {
    QTemporaryDir dir;
    const QString pinned = dir.filePath(QStringLiteral("pinned.json"));
    QVERIFY(testutil::writeFile(pinned,
                                reportWith({{QStringLiteral("workers"), 2},
                                            {QStringLiteral("elements"), 1000},
                                            {QStringLiteral("a_setting_from_the_future"), 7}})));
    const auto r = testutil::runCli(
        args({"--headless", "--json", "--workers", "1", "--elements", "1000", "--compare-with"})
        << pinned);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject cmp =
        QJsonDocument::fromJson(r.out).object()[QLatin1String("compare")].toObject();
    QCOMPARE(cmp[QLatin1String("differs")].toArray(),
             QJsonArray{QStringLiteral("workers 2 -> 1")}); // the pinned run's own workers
}

// rm /dev/shm/<segment> while the workers compute: their mapping lives on and they finish, but
// the run says who removed the segment, and fails.
void TestTamperedRuns::segmentRemovedMidRunIsSaidSo() {
    QProcess app;
    app.start(testutil::shmscopePath(), args({"--headless", "--json", "--workers", "2",
                                              "--elements", "400000", "--delay-us", "10"}));
    QVERIFY(app.waitForStarted());
    const qint64 pid = app.processId(); // 0 once it exited
    QElapsedTimer t;
    t.start();
    while (testutil::processedByApp(pid) == 0 && t.elapsed() < 60000)
        QThread::msleep(10);
    const QStringList names = testutil::shmEntries(pid);
    QCOMPARE(names.size(), 1);
    QVERIFY(QFile::remove(QStringLiteral("/dev/shm/") + names.first()));
    QVERIFY(app.waitForFinished(120000));
    const QByteArray out = app.readAllStandardOutput();
    const QByteArray err = app.readAllStandardError();
    QCOMPARE(app.exitCode(), int(shm::exit_code::kRunFailed));
    const QJsonObject rep = QJsonDocument::fromJson(out).object();
    QCOMPARE(rep[QLatin1String("status")].toString(), QStringLiteral("failed"));
    QVERIFY2(rep[QLatin1String("failure")].toString().contains(
                 QStringLiteral("was removed from /dev/shm by another process")),
             err.constData());
    QVERIFY2(!err.contains("could not be removed"), err.constData());
    QVERIFY(testutil::shmEntries(pid).isEmpty());
}

QTEST_GUILESS_MAIN(TestTamperedRuns)
#include "tst_tampered_runs.moc"
