// --rehearse (app/lessons/rehearsal_headless.h) through the real binary: a lesson played N
// times is counted N times with each expectation's observed range; a require that cannot hold
// makes every play inconclusive with its reason; bad counts are refused in one line with exit
// 2; SIGINT ends it with the table so far and no segment left.
#include "../test_util.h"
#include "segment/exit_codes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestRehearsal : public QObject {
    Q_OBJECT
  private slots:
    void twoPlaysOfAFastLesson();
    void badCountsRefused_data();
    void badCountsRefused();
    void requireThatCannotHoldIsInconclusive();
    void textTable();
    void interruptPrintsTheTableSoFar();

  private:
    QTemporaryDir m_dir;
};

namespace {
QJsonObject rehearsalOf(const QByteArray& out) {
    return QJsonDocument::fromJson(out).object()[QLatin1String("rehearsal")].toObject();
}
} // namespace

void TestRehearsal::twoPlaysOfAFastLesson() {
    const auto r = testutil::runCli(
        testutil::args({"--rehearse", "2", "--lesson", "seed-split", "--json"}), 300000);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = rehearsalOf(r.out);
    QCOMPARE(j[QLatin1String("count")].toInt(), 2);
    QCOMPARE(j[QLatin1String("load")].toArray().size(), 2);
    QVERIFY(j[QLatin1String("load")].toArray()[0].isDouble());
    const QJsonArray lessons = j[QLatin1String("lessons")].toArray();
    QCOMPARE(lessons.size(), 1);
    const QJsonObject l = lessons[0].toObject();
    QCOMPARE(l[QLatin1String("id")].toString(), QStringLiteral("seed-split"));
    QCOMPARE(l[QLatin1String("plays")].toInt(), 2);
    QCOMPARE(l[QLatin1String("seen")].toInt() + l[QLatin1String("not_seen")].toInt() +
                 l[QLatin1String("inconclusive")].toInt(),
             2);
    // seed-split's figures do not depend on the machine: five ranges for four workers, A
    // leaves one element, B none.
    QMap<QString, QJsonObject> expect;
    for (const QJsonValue& e : l[QLatin1String("expect")].toArray())
        expect.insert(e[QLatin1String("describe")].toString(), e.toObject());
    QCOMPARE(expect.value(QStringLiteral("A.seed_split.ranges"))[QLatin1String("max")].toDouble(),
             5.0);
    const QJsonObject a = expect.value(QStringLiteral("A.unwritten"));
    QCOMPARE(a[QLatin1String("op")].toString(), QStringLiteral("=="));
    QCOMPARE(a[QLatin1String("min")].toDouble(), 1.0);
    QCOMPARE(a[QLatin1String("max")].toDouble(), 1.0);
    QCOMPARE(a[QLatin1String("holds")].toInt(), 2);
    QCOMPARE(expect.value(QStringLiteral("B.unwritten"))[QLatin1String("max")].toDouble(), 0.0);
    QCOMPARE(l[QLatin1String("seen")].toInt(), 2);
    QVERIFY(l[QLatin1String("reasons")].toArray().isEmpty());
    // A line per play on stderr.
    QVERIFY2(r.err.contains("seed-split 1/2: seen\n"), r.err.constData());
    QVERIFY2(r.err.contains("seed-split 2/2: seen\n"), r.err.constData());
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

void TestRehearsal::badCountsRefused_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("zero") << testutil::args({"--rehearse", "0"}) << QStringLiteral("--rehearse");
    QTest::newRow("word") << testutil::args({"--rehearse", "x"}) << QStringLiteral("'x'");
    QTest::newRow("too many") << testutil::args({"--rehearse=101"}) << QStringLiteral("101");
    QTest::newRow("unknown lesson") << testutil::args({"--rehearse", "--lesson", "no-such-lesson"})
                                    << QStringLiteral("no-such-lesson");
    QTest::newRow("with a sweep") << testutil::args({"--rehearse", "--sweep", "workers=2,3"})
                                  << QStringLiteral("--sweep");
}

void TestRehearsal::badCountsRefused() {
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const auto r = testutil::runCli(args);
    SHMSCOPE_VERIFY_REFUSED(r, says);
    QVERIFY(r.out.isEmpty());
}

void TestRehearsal::requireThatCannotHoldIsInconclusive() {
    const QString file = m_dir.filePath(QStringLiteral("never.json"));
    QVERIFY(testutil::writeFile(file, R"({
      "id": "never-enough", "title": "A precondition no run meets",
      "story": "s", "look_for": "l", "explain": "e",
      "runs": [{"label": "A", "config": {"workers": 2, "elements": 2000}}],
      "expect": [{"run": "A", "figure": "unwritten", "op": "==", "value": 0}],
      "require": [{"figure": "A.processed", "op": ">", "value": 1e12}]})"));
    const auto r = testutil::runCli(
        testutil::args({"--rehearse", "2", "--lesson", "never-enough", "--json", "--lesson-file"})
        << file);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject l = rehearsalOf(r.out)[QLatin1String("lessons")].toArray()[0].toObject();
    QCOMPARE(l[QLatin1String("plays")].toInt(), 2);
    QCOMPARE(l[QLatin1String("inconclusive")].toInt(), 2);
    QCOMPARE(l[QLatin1String("seen")].toInt(), 0);
    const QJsonObject q = l[QLatin1String("require")].toArray()[0].toObject();
    QCOMPARE(q[QLatin1String("describe")].toString(), QStringLiteral("A.processed"));
    QCOMPARE(q[QLatin1String("holds")].toInt(), 0);
    QCOMPARE(q[QLatin1String("min")].toDouble(), 2000.0);
    const QJsonArray reasons = l[QLatin1String("reasons")].toArray();
    QCOMPARE(reasons.size(), 1);
    QCOMPARE(reasons[0][QLatin1String("count")].toInt(), 2);
    QCOMPARE(reasons[0][QLatin1String("text")].toString(),
             QStringLiteral("A.processed was 2000, needed > 1000000000000"));
    QVERIFY(r.err.contains("never-enough 2/2: inconclusive — A.processed was 2000"));
}

void TestRehearsal::textTable() {
    const auto r = testutil::runCli(
        testutil::args({"--rehearse=1", "--lesson", "seed-split", "--lang", "en"}), 300000);
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.startsWith(QStringLiteral("Rehearsal: 1 × each lesson, load ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("\nseed-split   1/1       0/1           0/1\n")),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("  A.unwritten == 1: observed 1, held 1/1\n")),
             qPrintable(out));
}

// SIGINT during the second play: the first is in the table, the second left out, its
// segment removed, and the process dies of the signal as a headless run does.
void TestRehearsal::interruptPrintsTheTableSoFar() {
    QProcess p;
    p.start(testutil::shmscopePath(),
            testutil::args({"--rehearse", "3", "--lesson", "seed-split", "--json", "--elements",
                            "400000", "--delay-us", "20"}));
    QVERIFY(p.waitForStarted());
    // Kept now: once the process has ended processId() is 0, and shmEntries(0) would list the
    // segments of every test running beside this one (ctest -j2).
    const qint64 pid = p.processId();
    QByteArray err;
    QVERIFY(QTest::qWaitFor(
        [&] {
            err += p.readAllStandardError();
            return err.contains("seed-split 1/3:");
        },
        240000));
    QTest::qWait(300); // into the second play
    ::kill(pid_t(pid), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit); // died of SIGINT, as the shell expects
    const QJsonObject l =
        rehearsalOf(p.readAllStandardOutput())[QLatin1String("lessons")].toArray()[0].toObject();
    QCOMPARE(l[QLatin1String("plays")].toInt(), 1);
    QVERIFY(testutil::shmEntries(pid).isEmpty());
}

QTEST_GUILESS_MAIN(TestRehearsal)
#include "tst_rehearsal.moc"
