// The command line's recordings (docs/recording.md): --record on a run, a lesson and a sweep,
// --open FILE --headless [--json] printing what a live run printed, and every bad file refused
// with one line naming it (exit 2, nothing left in /dev/shm). Real runs, real files.
#include "../test_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestRecordingCli : public QObject {
    Q_OBJECT
  private slots:
    void aRunReopensWithTheSameReport();
    void aLessonReopensWithTheSameVerdict();
    void aSweepKeepsEveryRun();
    void badFilesAreRefused_data();
    void badFilesAreRefused();
    void recordToAnUnwritablePathFailsFirst();
    void openRefusesRunSettings();

  private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }
};

namespace {
QJsonObject jsonOf(const QByteArray& out) {
    return QJsonDocument::fromJson(out).object();
}
// Everything the window, scripts and lessons read of a report: every figure, equal. The
// reports are compared as printed JSON, so "equal" is exact, not within a tolerance.
void compareReports(const QJsonObject& live, const QJsonObject& opened) {
    QCOMPARE(opened.keys(), live.keys());
    for (const QString& k : live.keys())
        QVERIFY2(opened[k] == live[k], qPrintable(k));
}
} // namespace

void TestRecordingCli::aRunReopensWithTheSameReport() {
    const QString file = path("run.shmscope");
    const auto live = testutil::runCli(testutil::args({"--headless", "--json", "--workers", "3",
                                                       "--sync", "mutex", "--elements", "200000"}) +
                                       QStringList{QStringLiteral("--record"), file});
    QCOMPARE(live.exitCode, 0);
    QVERIFY(QFile::exists(file));
    const auto opened =
        testutil::runCli({QStringLiteral("--open"), file, QStringLiteral("--headless"),
                          QStringLiteral("--json")});
    QCOMPARE(opened.exitCode, 0);
    QCOMPARE(opened.out, live.out); // byte for byte: the same contract as the live run
    // A lone file argument opens it too; without --json the text report.
    const auto text = testutil::runCli({file, QStringLiteral("--headless")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("workers"), text.out.constData());
}

void TestRecordingCli::aLessonReopensWithTheSameVerdict() {
    const QString file = path("lesson.shmscope");
    const auto live = testutil::runCli(
        {QStringLiteral("--lesson"), QStringLiteral("lost-updates"), QStringLiteral("--headless"),
         QStringLiteral("--json"), QStringLiteral("--record"), file},
        300000);
    QCOMPARE(live.exitCode, 0);
    const auto opened =
        testutil::runCli({QStringLiteral("--open"), file, QStringLiteral("--headless"),
                          QStringLiteral("--json")});
    QCOMPARE(opened.exitCode, 0);
    const QJsonObject a = jsonOf(live.out), b = jsonOf(opened.out);
    QCOMPARE(b[QLatin1String("lesson")], a[QLatin1String("lesson")]); // same verdict
    const QJsonArray ra = a[QLatin1String("runs")].toArray(), rb = b[QLatin1String("runs")].toArray();
    QCOMPARE(ra.size(), 3);
    QCOMPARE(rb.size(), ra.size());
    for (qsizetype i = 0; i < ra.size(); ++i)
        compareReports(ra[i].toObject(), rb[i].toObject());
    QCOMPARE(opened.out, live.out);
}

void TestRecordingCli::aSweepKeepsEveryRun() {
    const QString file = path("sweep.shmscope");
    const auto live = testutil::runCli(
        testutil::args({"--sweep", "workers=1,2", "--repeat", "1", "--elements", "100000",
                        "--json"}) +
        QStringList{QStringLiteral("--record"), file});
    QCOMPARE(live.exitCode, 0);
    const auto opened =
        testutil::runCli({QStringLiteral("--open"), file, QStringLiteral("--headless"),
                          QStringLiteral("--json")});
    QCOMPARE(opened.exitCode, 0);
    // One report per run, in the order they ran: workers 1, then 2.
    const QList<QByteArray> lines = opened.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(jsonOf(lines[0])[QLatin1String("config")][QLatin1String("workers")].toInt(), 1);
    QCOMPARE(jsonOf(lines[1])[QLatin1String("config")][QLatin1String("workers")].toInt(), 2);
}

void TestRecordingCli::badFilesAreRefused_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("says");
    QTest::newRow("not a recording") << QByteArray("hello, not a database\n")
                                     << QStringLiteral("not a ShmScope recording");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("a SQLite header and nothing else")
        << QByteArray("SQLite format 3\0", 16) + QByteArray(84, '\0')
        << QStringLiteral("bad.shmscope");
}

void TestRecordingCli::badFilesAreRefused() {
    QFETCH(QByteArray, content);
    QFETCH(QString, says);
    const QString file = path("bad.shmscope");
    QVERIFY(testutil::writeFile(file, content));
    for (const QStringList& extra : {QStringList{QStringLiteral("--headless")},
                                     QStringList{QStringLiteral("--headless"),
                                                 QStringLiteral("--json")}}) {
        const auto r = testutil::runCli(QStringList{QStringLiteral("--open"), file} + extra);
        SHMSCOPE_VERIFY_REFUSED(r, says);
        QVERIFY(r.err.contains(file.toUtf8())); // names the file
        QVERIFY(r.out.isEmpty());
    }
    const auto missing = testutil::runCli(
        {QStringLiteral("--open"), path("missing.shmscope"), QStringLiteral("--headless")});
    SHMSCOPE_VERIFY_REFUSED(missing, QStringLiteral("missing.shmscope"));
}

void TestRecordingCli::recordToAnUnwritablePathFailsFirst() {
    const auto r = testutil::runCli(
        testutil::args({"--headless", "--workers", "2", "--elements", "100000", "--record",
                        "/nonexistent-dir/x.shmscope"}));
    SHMSCOPE_VERIFY_REFUSED(r, QStringLiteral("/nonexistent-dir/x.shmscope"));
    QVERIFY(r.out.isEmpty()); // refused before the run, not after it
}

void TestRecordingCli::openRefusesRunSettings() {
    const auto r = testutil::runCli(
        {QStringLiteral("--open"), path("x.shmscope"), QStringLiteral("--workers"),
         QStringLiteral("4"), QStringLiteral("--headless")});
    SHMSCOPE_VERIFY_REFUSED(r, QStringLiteral("--workers does not apply"));
    const auto run = testutil::runCli(testutil::args({"--run", "A", "--headless"}));
    SHMSCOPE_VERIFY_REFUSED(run, QStringLiteral("--run goes with --open"));
}

QTEST_GUILESS_MAIN(TestRecordingCli)
#include "tst_recording_cli.moc"
