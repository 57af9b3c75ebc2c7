// The machine's figures in what the command line prints: --probe, a headless --json report and
// a sweep's, and the per-boot cache that lets the second process reuse the first one's probe.
// XDG_CACHE_HOME is this test's own temporary directory (the shmscope processes inherit it).
#include "../test_util.h"
#include "probe/machine_probe.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using testutil::args;
using testutil::runCli;

namespace {
const char* const kKeys[] = {
    "version",        "probed_at",       "boot_id",   "probe_seconds",       "cores",
    "parallel_cores", "line_pinned",     "line_cpus", "line_shared_ns",      "line_private_ns",
    "line_overlap",   "line_cost_ratio", "line_note", "timer_resolution_ns", "timer_step_ns",
    "shm_fs",         "shm_hugepages"};

QJsonObject objectOf(const QByteArray& text) {
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError) qWarning() << text;
    return doc.object();
}

// Every key there, and the figures the probe always has.
void verifyMachine(const QJsonObject& m) {
    for (const char* key : kKeys)
        QVERIFY2(m.contains(QLatin1String(key)), key);
    QVERIFY(m[QLatin1String("cores")].toInt() >= 1);
    QVERIFY(m[QLatin1String("parallel_cores")].toDouble() > 0);
    QVERIFY(m[QLatin1String("timer_resolution_ns")].toDouble() > 0);
    QCOMPARE(m[QLatin1String("boot_id")].toString(), QString::fromStdString(shm::readBootId()));
    const QJsonValue ratio = m[QLatin1String("line_cost_ratio")];
    QVERIFY(ratio.isDouble() ? ratio.toDouble() > 0
                             : !m[QLatin1String("line_note")].toString().isEmpty());
}
} // namespace

class TestMachineReport : public QObject {
    Q_OBJECT
    QTemporaryDir m_cache;
    QString cacheFile() const { return m_cache.path() + QStringLiteral("/shmscope/probe.json"); }

  private slots:
    void initTestCase() {
        QVERIFY(m_cache.isValid());
        qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    }
    void headlessReportCarriesTheMachine();
    void probeMeasuresAgainAndRewritesTheCache();
    void sweepCarriesTheMachine();
};

void TestMachineReport::headlessReportCarriesTheMachine() {
    QFile::remove(cacheFile());
    const auto first =
        runCli(args({"--headless", "--json", "--workers", "2", "--elements", "20000"}));
    QCOMPARE(first.exitCode, 0);
    const QJsonObject m1 = objectOf(first.out)[QLatin1String("machine")].toObject();
    verifyMachine(m1);
    QVERIFY(QFile::exists(cacheFile())); // probed before the run, and kept for this boot
    // The next process reuses it: the very same figures, probed at the same moment.
    const auto second =
        runCli(args({"--headless", "--json", "--workers", "2", "--elements", "20000"}));
    QCOMPARE(second.exitCode, 0);
    const QJsonObject m2 = objectOf(second.out)[QLatin1String("machine")].toObject();
    QCOMPARE(m2, m1);
}

void TestMachineReport::probeMeasuresAgainAndRewritesTheCache() {
    const auto r = runCli(args({"--probe", "--json"}));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject printed = objectOf(r.out);
    verifyMachine(printed);
    QFile f(cacheFile());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(objectOf(f.readAll()), printed); // the cache holds what --probe printed
    // A corrupt cache: --probe does not care, a run measures again silently.
    f.close();
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("{\"version\":1,\"cor");
    f.close();
    const auto run = runCli(args({"--headless", "--json", "--workers", "1", "--elements", "1000"}));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(!run.err.contains("probe"), run.err.constData());
    verifyMachine(objectOf(run.out)[QLatin1String("machine")].toObject());
    // The plain form: a readable table, one row per figure.
    const auto plain = runCli(args({"--probe"}));
    QCOMPARE(plain.exitCode, 0);
    QVERIFY2(plain.out.contains("CPUs online"), plain.out.constData());
    QVERIFY2(plain.out.contains("Cache line between two CPUs"), plain.out.constData());
}

void TestMachineReport::sweepCarriesTheMachine() {
    const auto r = runCli(args({"--headless", "--json", "--sweep", "workers=1,2", "--elements",
                                "20000", "--repeat", "1"}));
    QCOMPARE(r.exitCode, 0);
    verifyMachine(objectOf(r.out)[QLatin1String("machine")].toObject());
}

QTEST_GUILESS_MAIN(TestMachineReport)
#include "tst_machine_report.moc"
