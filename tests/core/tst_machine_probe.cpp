// The machine probe (core/probe): sane figures on any machine, loaded or not; the "machine"
// object's JSON both ways; the per-boot cache reused, or ignored when it is another boot's or
// corrupt. XDG_CACHE_HOME points at a temporary directory here, never at ~/.cache.
#include "analysis/report.h"
#include "probe/machine_probe.h"
#include "probe/probe_cache.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>

using namespace shm;

namespace {
const char* const kKeys[] = {
    "version",        "probed_at",       "boot_id",   "probe_seconds",       "cores",
    "parallel_cores", "line_pinned",     "line_cpus", "line_shared_ns",      "line_private_ns",
    "line_overlap",   "line_cost_ratio", "line_note", "timer_resolution_ns", "timer_step_ns",
    "shm_fs",         "shm_hugepages"};

QByteArray bytes(const std::string& s) {
    return QByteArray::fromStdString(s);
}

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}
} // namespace

class TestMachineProbe : public QObject {
    Q_OBJECT
    QTemporaryDir m_cache;

  private slots:
    void initTestCase() {
        QVERIFY(m_cache.isValid());
        qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    }
    void figuresAreSane();
    void jsonHasEveryKeyBothWays();
    void unprobedReportsSayNull();
    void cacheReusedForThisBootOnly();
    void shmMountRead_data();
    void shmMountRead();
};

// Holds with CPU hogs beside it: nothing here asserts a time, only what must be true however
// busy the machine is.
void TestMachineProbe::figuresAreSane() {
    const MachineFigures m = measureMachine();
    QVERIFY(m.probed());
    QVERIFY(m.cores && *m.cores >= 1);
    QVERIFY(m.parallelCores);
    QVERIFY2(*m.parallelCores > 0 && *m.parallelCores <= *m.cores + 0.5,
             qPrintable(QString::number(*m.parallelCores)));
    QVERIFY(m.timerResolutionNs && *m.timerResolutionNs > 0);
    QVERIFY(m.timerStepNs && *m.timerStepNs > 0);
    QVERIFY(m.probeSeconds && *m.probeSeconds > 0);
    QVERIFY(m.lineOverlap && *m.lineOverlap >= 0 && *m.lineOverlap <= 1);
    if (m.lineCostRatio) {
        QVERIFY(*m.lineCostRatio > 0);
        QVERIFY(m.lineSharedNs && m.linePrivateNs && *m.lineSharedNs > 0 && *m.linePrivateNs > 0);
        // Each rounded to three decimals.
        QVERIFY(std::abs(*m.lineCostRatio - *m.lineSharedNs / *m.linePrivateNs) <
                0.002 * (1 + *m.lineCostRatio / *m.linePrivateNs));
        QVERIFY(m.lineNote.empty());
    } else {
        QVERIFY2(!m.lineNote.empty(), "no ratio and no reason");
    }
    if (*m.cores >= 2) QVERIFY(m.linePinned.has_value());
    QCOMPARE(m.bootId, readBootId());
    if (QFile::exists(QStringLiteral("/proc/mounts"))) QVERIFY(!m.shmFs.empty());
    qInfo("cores %d, parallel %.2f, line %s (shared %.2f, private %.2f ns, overlap %.2f), "
          "timer %.0f / %.0f ns, probe %.2f s",
          *m.cores, *m.parallelCores,
          m.lineCostRatio ? QByteArray::number(*m.lineCostRatio).constData() : m.lineNote.c_str(),
          m.lineSharedNs.value_or(0), m.linePrivateNs.value_or(0), *m.lineOverlap,
          *m.timerResolutionNs, *m.timerStepNs, *m.probeSeconds);
}

void TestMachineProbe::jsonHasEveryKeyBothWays() {
    MachineFigures m;
    m.probedAt = "2026-12-06T10:00:00Z";
    m.bootId = "a-b";
    m.cores = 2;
    m.parallelCores = 1.93;
    m.linePinned = true;
    m.lineCpus = "0/1";
    m.lineSharedNs = 3.25;
    m.linePrivateNs = 1.5;
    m.lineOverlap = 0.75;
    m.lineCostRatio = 3.25 / 1.5;
    m.timerResolutionNs = 1;
    m.timerStepNs = 20;
    m.shmFs = "tmpfs";
    m.shmHugepages = false;
    const std::string json = machineJson(m);
    for (const char* key : kKeys)
        QVERIFY2(json.find("\"" + std::string(key) + "\":") != std::string::npos, key);
    const auto back = machineFromJson(json);
    QVERIFY(back);
    QCOMPARE(bytes(machineJson(*back)), bytes(json));
    QCOMPARE(back->lineCpus, std::string("0/1"));
    QCOMPARE(*back->cores, 2);
    QVERIFY(back->lineNote.empty());
    // Another format, or not an object: nothing.
    std::string other = json;
    other.replace(other.find("\"version\":1"), 11, "\"version\":9");
    QVERIFY(!machineFromJson(other));
    QVERIFY(!machineFromJson("{\"version\":1,\"cores\":"));
    QVERIFY(!machineFromJson("not json"));
    QVERIFY(!machineFromJson(""));
}

// A run that never started still has every "machine" key (the lesson-file validator derives
// the figure paths from a report's keys), null when this process has not probed.
void TestMachineProbe::unprobedReportsSayNull() {
    const std::string never = toJson(failedToStartReport(ExperimentConfig{}, "t", "cannot"));
    for (const char* key : kKeys)
        QVERIFY2(never.find("\"" + std::string(key) + "\":") != std::string::npos, key);
    QVERIFY(never.find("\"line_cost_ratio\":null") != std::string::npos);
    QVERIFY(never.find("\"cores\":null") != std::string::npos);
    // And read back from a whole report, as recordings do.
    MachineFigures m;
    m.probedAt = "2026-12-06T10:00:00Z";
    m.cores = 4;
    m.lineNote = "a \"quoted\" reason, with } and {";
    const std::string report = toJson(failedToStartReport(ExperimentConfig{}, "t", "x", m));
    const auto back = machineInReport(report);
    QVERIFY(back);
    QCOMPARE(bytes(machineJson(*back)), bytes(machineJson(m)));
    QVERIFY(!machineInReport("{\"version\":\"t\"}"));
}

void TestMachineProbe::cacheReusedForThisBootOnly() {
    const std::string path = probeCachePath();
    QCOMPARE(QString::fromStdString(path), m_cache.path() + QStringLiteral("/shmscope/probe.json"));
    QFile::remove(QString::fromStdString(path));
    const std::string boot = readBootId();
    QVERIFY(!boot.empty());

    // No file: measured, and written for the next process.
    bool measured = false;
    const MachineFigures first = cachedOrMeasuredMachine(false, &measured);
    QVERIFY(measured);
    QVERIFY(QFile::exists(QString::fromStdString(path)));
    // This boot's file without a cache-line figure (probed while the other CPUs were busy):
    // measured again by the next process rather than kept "not measured" all day.
    MachineFigures incomplete = first;
    incomplete.lineCostRatio.reset();
    QVERIFY(!storeCachedMachine(path, incomplete));
    (void)cachedOrMeasuredMachine(false, &measured);
    QVERIFY(measured);
    // This boot's complete file: reused as it is.
    MachineFigures complete = first;
    if (!complete.lineCostRatio) complete.lineCostRatio = 2.0;
    QVERIFY(!storeCachedMachine(path, complete));
    const MachineFigures again = cachedOrMeasuredMachine(false, &measured);
    QVERIFY(!measured);
    QCOMPARE(bytes(machineJson(again)), bytes(machineJson(complete)));
    QVERIFY(loadCachedMachine(path, boot));

    // Another boot's figures: ignored, measured again and rewritten for this boot.
    MachineFigures stale = first;
    stale.bootId = "another-boot";
    stale.cores = 999;
    QVERIFY(!storeCachedMachine(path, stale));
    QVERIFY(!loadCachedMachine(path, boot));
    const MachineFigures fresh = cachedOrMeasuredMachine(false, &measured);
    QVERIFY(measured);
    QVERIFY(fresh.cores != stale.cores);
    QCOMPARE(loadCachedMachine(path, boot)->bootId, boot);

    // A corrupt file: ignored silently, measured again, rewritten whole.
    writeFile(QString::fromStdString(path),
              "{\"version\":1,\"boot_id\":\"" + QByteArray::fromStdString(boot) + "\",\"cor");
    QVERIFY(!loadCachedMachine(path, boot));
    cachedOrMeasuredMachine(false, &measured);
    QVERIFY(measured);
    QVERIFY(loadCachedMachine(path, boot));

    // Measuring again ignores a good cache.
    cachedOrMeasuredMachine(true, &measured);
    QVERIFY(measured);
    // No temporary file left beside it.
    QDir dir(m_cache.path() + QStringLiteral("/shmscope"));
    QCOMPARE(dir.entryList(QDir::Files), QStringList{QStringLiteral("probe.json")});
}

void TestMachineProbe::shmMountRead_data() {
    QTest::addColumn<QByteArray>("mounts");
    QTest::addColumn<QString>("fs");
    QTest::addColumn<bool>("huge");
    QTest::addRow("tmpfs") << QByteArray("/dev/sda1 / ext4 rw 0 0\n"
                                         "tmpfs /dev/shm tmpfs rw,nosuid,nodev 0 0\n")
                           << QStringLiteral("tmpfs") << false;
    QTest::addRow("tmpfs huge=always")
        << QByteArray("tmpfs /dev/shm tmpfs rw,size=65536k,huge=always 0 0\n")
        << QStringLiteral("tmpfs") << true;
    QTest::addRow("tmpfs huge=advise") << QByteArray("tmpfs /dev/shm tmpfs rw,huge=advise 0 0\n")
                                       << QStringLiteral("tmpfs") << false;
    QTest::addRow("hugetlbfs") << QByteArray("none /dev/shm hugetlbfs rw,pagesize=2M 0 0\n")
                               << QStringLiteral("hugetlbfs") << true;
    QTest::addRow("on /dev") << QByteArray("/dev/sda1 / ext4 rw 0 0\n"
                                           "devtmpfs /dev devtmpfs rw,size=10k 0 0\n"
                                           "tmpfs /dev/shmx tmpfs rw,huge=always 0 0\n")
                             << QStringLiteral("devtmpfs") << false;
    QTest::addRow("mounted over") << QByteArray("tmpfs /dev/shm tmpfs rw 0 0\n"
                                                "tmpfs /dev/shm tmpfs rw,huge=within_size 0 0\n")
                                  << QStringLiteral("tmpfs") << true;
}

void TestMachineProbe::shmMountRead() {
    QFETCH(QByteArray, mounts);
    QFETCH(QString, fs);
    QFETCH(bool, huge);
    const QString path = m_cache.path() + QStringLiteral("/mounts");
    writeFile(path, mounts);
    MachineFigures m;
    readShmMount(m, path.toStdString());
    QCOMPARE(QString::fromStdString(m.shmFs), fs);
    QVERIFY(m.shmHugepages);
    QCOMPARE(*m.shmHugepages, huge);
}

QTEST_GUILESS_MAIN(TestMachineProbe)
#include "tst_machine_probe.moc"
