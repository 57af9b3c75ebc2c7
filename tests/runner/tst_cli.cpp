// The headless CLI contract: bad input is refused with exit 2 and a message naming the flag or
// field, nothing is created in /dev/shm; good input runs and prints the documented JSON.
#include "test_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <signal.h>

using testutil::runCli;

class TestCli : public QObject {
    Q_OBJECT
  private slots:
    void badInput_data();
    void badInput();
    void jsonContract_data();
    void jsonContract();
    void configFileAndFlagOverride();
    void textReport();
    void helpAndVersion();
    void interruptRemovesSegment_data();
    void interruptRemovesSegment();
};

void TestCli::badInput_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named"); // text the one-line error must contain
    const QString data = QStringLiteral(SHMSCOPE_TEST_DATA);
    auto add = [](const char* tag, QStringList a, const QString& named) {
        QTest::newRow(tag) << (QStringList{QStringLiteral("--headless")} + a) << named;
    };
    add("workers zero", {QStringLiteral("--workers"), QStringLiteral("0")},
        QStringLiteral("--workers"));
    add("workers negative", {QStringLiteral("--workers"), QStringLiteral("-3")},
        QStringLiteral("--workers"));
    add("workers huge", {QStringLiteral("--workers"), QStringLiteral("65")},
        QStringLiteral("--workers"));
    add("workers text", {QStringLiteral("--workers"), QStringLiteral("four")},
        QStringLiteral("--workers"));
    add("workers missing value", {QStringLiteral("--workers")}, QStringLiteral("--workers"));
    add("elements zero", {QStringLiteral("--elements"), QStringLiteral("0")},
        QStringLiteral("--elements"));
    add("elements overflow",
        {QStringLiteral("--elements"), QStringLiteral("99999999999999999999999")},
        QStringLiteral("--elements"));
    add("elements beyond /dev/shm", {QStringLiteral("--elements"), QStringLiteral("17000000000")},
        QStringLiteral("--elements"));
    add("elements float", {QStringLiteral("--elements=1e6")}, QStringLiteral("--elements"));
    add("chunk zero", {QStringLiteral("--chunk"), QStringLiteral("0")}, QStringLiteral("--chunk"));
    add("bins zero", {QStringLiteral("--bins"), QStringLiteral("0")}, QStringLiteral("--bins"));
    add("stripes zero", {QStringLiteral("--stripes"), QStringLiteral("0")},
        QStringLiteral("--stripes"));
    add("delay negative", {QStringLiteral("--delay-us"), QStringLiteral("-1")},
        QStringLiteral("--delay-us"));
    add("unknown workload", {QStringLiteral("--workload"), QStringLiteral("cos")},
        QStringLiteral("--workload"));
    add("unknown partition", {QStringLiteral("--partition"), QStringLiteral("random")},
        QStringLiteral("--partition"));
    add("unknown sync", {QStringLiteral("--sync"), QStringLiteral("semaphore")},
        QStringLiteral("--sync"));
    add("unknown scope", {QStringLiteral("--lock-scope"), QStringLiteral("array")},
        QStringLiteral("--lock-scope"));
    add("unknown flag", {QStringLiteral("--threads"), QStringLiteral("4")},
        QStringLiteral("--threads"));
    add("striped chunk histogram",
        {QStringLiteral("--sync"), QStringLiteral("striped"), QStringLiteral("--lock-scope"),
         QStringLiteral("chunk"), QStringLiteral("--workload"), QStringLiteral("histogram")},
        QStringLiteral("--lock-scope"));
    add("config missing",
        {QStringLiteral("--config"), QStringLiteral("/nonexistent/shmscope.json")},
        QStringLiteral("--config"));
    add("config not json", {QStringLiteral("--config"), data + QStringLiteral("/not-json.json")},
        QStringLiteral("not valid JSON"));
    add("config array", {QStringLiteral("--config"), data + QStringLiteral("/array.json")},
        QStringLiteral("JSON object"));
    add("config workers string",
        {QStringLiteral("--config"), data + QStringLiteral("/workers-string.json")},
        QStringLiteral("'workers'"));
    add("config workers fraction",
        {QStringLiteral("--config"), data + QStringLiteral("/workers-fraction.json")},
        QStringLiteral("'workers'"));
    add("config sync number",
        {QStringLiteral("--config"), data + QStringLiteral("/sync-number.json")},
        QStringLiteral("'sync'"));
    add("config instrument string",
        {QStringLiteral("--config"), data + QStringLiteral("/instrument-string.json")},
        QStringLiteral("'instrument'"));
    add("config unknown field",
        {QStringLiteral("--config"), data + QStringLiteral("/unknown-field.json")},
        QStringLiteral("'wrokers'"));
}

void TestCli::badInput() {
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    const auto r = runCli(args);
    QCOMPARE(r.status, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromLocal8Bit(r.err).trimmed();
    QVERIFY2(err.contains(named),
             qPrintable(QStringLiteral("stderr '%1' does not name %2").arg(err, named)));
    QVERIFY2(!err.contains(QLatin1Char('\n')), "error is more than one line");
    QVERIFY(r.out.isEmpty());
    QVERIFY2(testutil::shmEntries(r.pid).isEmpty(), "a segment was left behind");
}

void TestCli::jsonContract_data() {
    QTest::addColumn<QString>("workload");
    QTest::addColumn<QString>("partition");
    QTest::addColumn<QString>("sync");
    QTest::addColumn<QString>("scope");
    for (const char* w : {"sin", "wave", "histogram", "mandelbrot"})
        for (const char* p : {"block", "cyclic", "block-cyclic", "dynamic", "guided"})
            for (const char* s : {"none", "mutex", "striped", "spin", "atomic"})
                QTest::addRow("%s %s %s", w, p, s)
                    << QString::fromLatin1(w) << QString::fromLatin1(p) << QString::fromLatin1(s)
                    << QStringLiteral("element");
    // Chunk-scoped critical sections, where they are allowed.
    for (const char* s : {"mutex", "spin", "striped"})
        QTest::addRow("wave dynamic %s chunk", s)
            << QStringLiteral("wave") << QStringLiteral("dynamic") << QString::fromLatin1(s)
            << QStringLiteral("chunk");
    QTest::addRow("histogram guided mutex chunk")
        << QStringLiteral("histogram") << QStringLiteral("guided") << QStringLiteral("mutex")
        << QStringLiteral("chunk");
}

void TestCli::jsonContract() {
    QFETCH(QString, workload);
    QFETCH(QString, partition);
    QFETCH(QString, sync);
    QFETCH(QString, scope);
    const quint64 n = workload == QLatin1String("mandelbrot") ? 20000 : 50000;
    const auto r = runCli(
        {QStringLiteral("--headless"), QStringLiteral("--json"), QStringLiteral("--workers"),
         QStringLiteral("3"), QStringLiteral("--elements"), QString::number(n),
         QStringLiteral("--chunk"), QStringLiteral("500"), QStringLiteral("--workload"), workload,
         QStringLiteral("--partition"), partition, QStringLiteral("--sync"), sync,
         QStringLiteral("--lock-scope"), scope, QStringLiteral("--bins"), QStringLiteral("32")});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &perr);
    QVERIFY2(perr.error == QJsonParseError::NoError, r.out.constData());
    const QJsonObject o = doc.object();
    for (const char* key :
         {"version", "config", "status", "compute_seconds", "wall_seconds", "processed",
          "mismatches", "lost_updates", "imbalance", "lock", "workers", "segment", "errors"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    const QJsonObject cfg = o[QLatin1String("config")].toObject();
    for (const char* key : {"workers", "elements", "workload", "bins", "partition", "chunk", "sync",
                            "stripes", "lock_scope", "delay_us", "instrument"})
        QVERIFY2(cfg.contains(QLatin1String(key)), key);
    QCOMPARE(cfg[QLatin1String("workload")].toString(), workload);
    QCOMPARE(cfg[QLatin1String("partition")].toString(), partition);
    QCOMPARE(cfg[QLatin1String("sync")].toString(), sync);
    QVERIFY(cfg[QLatin1String("instrument")].isBool());
    QCOMPARE(o[QLatin1String("status")].toString(), QStringLiteral("finished"));
    QCOMPARE(o[QLatin1String("processed")].toInteger(), qint64(n));
    QVERIFY(o[QLatin1String("compute_seconds")].toDouble() > 0);
    QVERIFY(o[QLatin1String("wall_seconds")].toDouble() >=
            o[QLatin1String("compute_seconds")].toDouble());
    QVERIFY(o[QLatin1String("imbalance")].toDouble() >= 1.0);
    const bool racy = workload == QLatin1String("histogram") && sync == QLatin1String("none");
    if (!racy) {
        // Disjoint writes (wave/sin/mandelbrot) are correct under any mode; histogram only
        // with real synchronization.
        QCOMPARE(o[QLatin1String("mismatches")].toInteger(), 0);
        QCOMPARE(o[QLatin1String("lost_updates")].toInteger(), 0);
    }
    const QJsonObject lock = o[QLatin1String("lock")].toObject();
    for (const char* key : {"acquisitions", "contended", "wait_ns", "hold_ns"})
        QVERIFY2(lock.contains(QLatin1String(key)), key);
    const bool locks = sync == QLatin1String("mutex") || sync == QLatin1String("striped") ||
                       sync == QLatin1String("spin");
    if (locks)
        QVERIFY(lock[QLatin1String("acquisitions")].toInteger() > 0);
    else
        QCOMPARE(lock[QLatin1String("acquisitions")].toInteger(), 0);
    const QJsonArray workers = o[QLatin1String("workers")].toArray();
    QCOMPARE(workers.size(), 3);
    qint64 sum = 0;
    for (const auto& wv : workers) {
        const QJsonObject w = wv.toObject();
        for (const char* key :
             {"id", "pid", "state", "processed", "busy_seconds", "exit_code", "signal", "lock"})
            QVERIFY2(w.contains(QLatin1String(key)), key);
        QCOMPARE(w[QLatin1String("state")].toString(), QStringLiteral("done"));
        QCOMPARE(w[QLatin1String("exit_code")].toInt(), 0);
        QVERIFY(w[QLatin1String("pid")].toInteger() > 0);
        QVERIFY(w[QLatin1String("lock")].toObject().contains(QLatin1String("max_wait_ns")));
        sum += w[QLatin1String("processed")].toInteger();
    }
    QCOMPARE(sum, qint64(n));
    const QJsonObject seg = o[QLatin1String("segment")].toObject();
    QVERIFY(seg[QLatin1String("name")].toString().startsWith(
        QStringLiteral("shmscope-%1-").arg(r.pid)));
    QVERIFY(seg[QLatin1String("bytes")].toInteger() > 0);
    QCOMPARE(seg[QLatin1String("removed")].toBool(), true);
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

void TestCli::configFileAndFlagOverride() {
    const QString cfg = QStringLiteral(SHMSCOPE_TEST_DATA "/good.json");
    const auto r =
        runCli({QStringLiteral("--headless"), QStringLiteral("--json"), QStringLiteral("--config"),
                cfg, QStringLiteral("--workers"), QStringLiteral("2")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject c =
        QJsonDocument::fromJson(r.out).object()[QLatin1String("config")].toObject();
    QCOMPARE(c[QLatin1String("workers")].toInt(), 2); // the flag wins over the file
    QCOMPARE(c[QLatin1String("elements")].toInt(), 5000);
    QCOMPARE(c[QLatin1String("workload")].toString(), QStringLiteral("histogram"));
    QCOMPARE(c[QLatin1String("sync")].toString(), QStringLiteral("atomic"));
    QCOMPARE(c[QLatin1String("instrument")].toBool(), false);
}

void TestCli::textReport() {
    const auto r = runCli(
        {QStringLiteral("--headless"), QStringLiteral("--elements"), QStringLiteral("10000")});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromLocal8Bit(r.out);
    QVERIFY(out.contains(QStringLiteral("status finished")));
    QVERIFY(out.contains(QStringLiteral("mismatches 0")));
    QVERIFY(out.contains(QStringLiteral("removed")));
}

void TestCli::helpAndVersion() {
    auto r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("--headless"));
    r = runCli({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("shmscope "));
}

void TestCli::interruptRemovesSegment_data() {
    QTest::addColumn<int>("sig");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

void TestCli::interruptRemovesSegment() {
    QFETCH(int, sig);
    QProcess p;
    p.start(testutil::shmscopePath(),
            {QStringLiteral("--headless"), QStringLiteral("--elements"), QStringLiteral("100000"),
             QStringLiteral("--delay-us"), QStringLiteral("1000")});
    QVERIFY(p.waitForStarted());
    const qint64 pid = p.processId();
    QTRY_VERIFY_WITH_TIMEOUT(!testutil::shmEntries(pid).isEmpty(), 10000);
    QTest::qWait(300); // let the workers get going
    ::kill(pid_t(pid), sig);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit); // re-raised: the shell sees the signal
    QVERIFY2(testutil::shmEntries(pid).isEmpty(), "segment left behind after a signal");
    // Workers die with the app (PR_SET_PDEATHSIG): none of them keeps running.
    const QByteArray mine = "--segment shmscope-" + QByteArray::number(pid) + "-";
    QTRY_VERIFY_WITH_TIMEOUT(testutil::processesWith(mine).isEmpty(), 5000);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
