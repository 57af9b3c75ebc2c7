// Results that leave the app, from real headless runs: --csv (the workers), --array-csv (the
// array beside the expected values) and --trace (Perfetto / Chrome Trace Event Format: one
// process per worker with its real pid, wait and hold slices, holds of one lock never
// overlapping). Bad paths and oversize arrays exit 2 before anything runs.
#include "../test_util.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

class TestExports : public QObject {
    Q_OBJECT
  private slots:
    void workersAndArrayCsv();
    void traceOfAMutexRun();
    void badOutputsExitTwo_data();
    void badOutputsExitTwo();
};

namespace {
QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

using testutil::args;

void TestExports::workersAndArrayCsv() {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("workers.csv"));
    const QString array = dir.filePath(QStringLiteral("array.csv"));
    const auto r = testutil::runCli(args({"--headless", "--json", "--workers", "3", "--elements",
                                          "1000", "--workload", "sin", "--csv"})
                                    << csv << QStringLiteral("--array-csv") << array);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    const QJsonArray workers = report[QLatin1String("workers")].toArray();
    const QList<QByteArray> rows = readAll(csv).trimmed().split('\n');
    QCOMPARE(rows.size(), 4); // header + 3 workers
    const QList<QByteArray> header = rows[0].split(',');
    QCOMPARE(header[0], QByteArray("id"));
    for (int k = 0; k < 3; ++k) {
        const QList<QByteArray> cells = rows[k + 1].split(',');
        QCOMPARE(cells.size(), header.size());
        const QJsonObject w = workers[k].toObject();
        QCOMPARE(cells[header.indexOf("pid")].toLongLong(),
                 qint64(w[QLatin1String("pid")].toDouble()));
        QCOMPARE(cells[header.indexOf("processed")].toLongLong(),
                 qint64(w[QLatin1String("processed")].toDouble()));
        QVERIFY(std::abs(cells[header.indexOf("cpu_seconds")].toDouble() -
                         w[QLatin1String("cpu_seconds")].toDouble()) < 1e-6);
    }
    const QList<QByteArray> lines = readAll(array).trimmed().split('\n');
    QCOMPARE(lines.size(), 1001);
    QCOMPARE(lines[0], QByteArray("index,value,expected,owner"));
    QSet<QByteArray> owners;
    for (int i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> c = lines[i].split(',');
        QCOMPARE(c.size(), 4);
        QCOMPARE(c[0].toInt(), i - 1);
        QVERIFY(std::abs(c[1].toDouble() - std::sin(double(i - 1))) < 1e-12); // a[i] = sin(i)
        QCOMPARE(c[1], c[2]); // verified: value == expected
        owners << c[3];
    }
    QCOMPARE(owners, (QSet<QByteArray>{"0", "1", "2"}));
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

void TestExports::traceOfAMutexRun() {
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("run.json"));
    const testutil::MachineCpu before = testutil::machineCpu();
    const auto r =
        testutil::runCli(args({"--headless", "--json", "--workers", "4", "--sync", "mutex",
                               "--elements", "20000", "--delay-us", "5", "--trace"})
                         << trace);
    const testutil::MachineCpu after = testutil::machineCpu();
    QCOMPARE(r.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(readAll(trace), &err);
    QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(err.errorString()));
    QCOMPARE(doc.object()[QLatin1String("displayTimeUnit")].toString(), QStringLiteral("ns"));
    const QJsonArray events = doc.object()[QLatin1String("traceEvents")].toArray();
    QMap<qint64, QString> processNames;
    QMap<qint64, QList<QPair<double, double>>> lockHolds; // lock process -> (ts, end)
    int waits = 0, holds = 0, counters = 0, work = 0;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        const QString ph = e[QLatin1String("ph")].toString();
        const qint64 pid = qint64(e[QLatin1String("pid")].toDouble());
        const QString name = e[QLatin1String("name")].toString();
        if (ph == QLatin1String("M") && name == QLatin1String("process_name"))
            processNames[pid] =
                e[QLatin1String("args")].toObject()[QLatin1String("name")].toString();
        if (ph == QLatin1String("C")) ++counters;
        if (ph != QLatin1String("X")) continue;
        QVERIFY(e[QLatin1String("ts")].toDouble() >= 0);
        QVERIFY(e[QLatin1String("dur")].toDouble() >= 0);
        if (name == QLatin1String("work")) ++work;
        if (name == QLatin1String("wait") || name == QLatin1String("hold")) {
            QVERIFY(e[QLatin1String("args")].toObject().contains(QLatin1String("lock")));
            ++(name == QLatin1String("wait") ? waits : holds);
        }
        if (pid >= 1'000'000'000) {
            const double ts = e[QLatin1String("ts")].toDouble();
            lockHolds[pid] << qMakePair(ts, ts + e[QLatin1String("dur")].toDouble());
        }
    }
    // One process per worker, named with its real pid.
    const QJsonArray workers = report[QLatin1String("workers")].toArray();
    QCOMPARE(workers.size(), 4);
    for (int k = 0; k < 4; ++k) {
        const qint64 pid = qint64(workers[k].toObject()[QLatin1String("pid")].toDouble());
        QCOMPARE(processNames.value(pid), QStringLiteral("w%1 (pid %2)").arg(k).arg(pid));
    }
    QCOMPARE(work, 4);
    QVERIFY(counters > 0);
    QVERIFY2(holds >= 20000 && waits > 0,
             qPrintable(QStringLiteral("%1 holds, %2 waits").arg(holds).arg(waits)));
    // The mutex's own track: its holds, one after another, never two at once.
    QCOMPARE(lockHolds.size(), 1);
    QList<QPair<double, double>> h = lockHolds.first();
    QCOMPARE(h.size(), 20000); // one hold per element (element scope), none trimmed here
    std::sort(h.begin(), h.end());
    // A hold's end is stamped just after the unlock when nobody waits (core/work/locks.h): a
    // holder preempted between the two ends after the next one began. Beside others using a
    // quarter of the machine or more that is the load (seen here beside two CPU hogs), not
    // two holders at once, and cannot be judged.
    const double others =
        testutil::othersShare(before, after, report[QLatin1String("cpu_seconds")].toDouble());
    for (int i = 1; i < h.size(); ++i) {
        const QString overlap = QStringLiteral("hold %1 starts at %2 before %3 ends at %4")
                                    .arg(i)
                                    .arg(h[i].first, 0, 'f', 3)
                                    .arg(i - 1)
                                    .arg(h[i - 1].second, 0, 'f', 3);
        if (h[i].first < h[i - 1].second - 1e-3 && others >= 0.25)
            QSKIP(qPrintable(QStringLiteral("the machine was busy (others used %1%): ")
                                 .arg(others * 100, 0, 'f', 0) +
                             overlap));
        QVERIFY2(h[i].first >= h[i - 1].second - 1e-3, qPrintable(overlap)); // µs, ns resolution
    }
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

void TestExports::badOutputsExitTwo_data() {
    QTest::addColumn<QStringList>("given");
    QTest::addColumn<QString>("says");
    QTest::newRow("trace directory missing")
        << args({"--trace", "/nonexistent-dir/t.json"}) << QStringLiteral("--trace");
    QTest::newRow("csv not writable")
        << args({"--csv", "/proc/x.csv"}) << QStringLiteral("--csv /proc/x.csv");
    QTest::newRow("array too large") << args({"--array-csv", "a.csv", "--elements", "20000000"})
                                     << QStringLiteral("more than the 10000000");
    QTest::newRow("trace with a lesson")
        << args({"--trace", "t.json", "--lesson", "seed-job"}) << QStringLiteral("--trace");
}

void TestExports::badOutputsExitTwo() {
    QFETCH(QStringList, given);
    QFETCH(QString, says);
    const auto r = testutil::runCli(QStringList{QStringLiteral("--headless")} << given);
    SHMSCOPE_VERIFY_REFUSED(r, says);
}

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
