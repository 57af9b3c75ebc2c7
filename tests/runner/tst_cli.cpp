// The headless CLI contract: bad input is refused with exit 2 and a message naming the flag or
// field, nothing is created in /dev/shm; good input runs and prints the documented JSON.
#include "../setting_values.h"
#include "../test_util.h"
#include "analysis/report.h"
#include "cli/cli_options.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>
#include <sys/stat.h>

using testutil::runCli;

class TestCli : public QObject {
    Q_OBJECT
  private slots:
    void badInput_data();
    void badInput();
    void jsonContract_data();
    void jsonContract();
    void configFileAndFlagOverride();
    void interruptPrintsTheJsonReport();
    void configThatIsNotARegularFileOrTooBig();
    void warningsForRepeatsAndEndlessSlowMotion();
    void configWithManyKeysIsQuick_data();
    void configWithManyKeysIsQuick();
    void noneIsNullInConfigFiles();
    void textReport();
    void textRunErrorOnStderr();
    void textReportLinesOnce();
    void helpAndVersion();
    // Table-driven: one row per entry of shm::kSettings (in process, Qt Core only).
    void everySettingReachesTheReport_data();
    void everySettingReachesTheReport();
    void everySettingRefusesBadValues_data();
    void everySettingRefusesBadValues();
    void everySettingRefusesWrongJsonTypes_data();
    void everySettingRefusesWrongJsonTypes();
    void helpListsExactlyTheReportConfigKeys();
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
    add("workers huge", {QStringLiteral("--workers"), QStringLiteral("257")},
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
    add("array range reversed", {QStringLiteral("--array-range"), QStringLiteral("500:400")},
        QStringLiteral("--array-range"));
    add("array range one number", {QStringLiteral("--array-range"), QStringLiteral("500")},
        QStringLiteral("--array-range"));
    add("array range past the end", {QStringLiteral("--array-range"), QStringLiteral("0:1000001")},
        QStringLiteral("--array-range"));
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
    // Found by fuzz_inputs: Qt's JSON parser takes a raw newline inside a key, and the error
    // quoted it verbatim (two lines). Quoted text is shown escaped.
    add("config key with a newline",
        {QStringLiteral("--config"), data + QStringLiteral("/newline-key.json")},
        QStringLiteral("unknown field 'v\\norkers'"));
    add("flag value with an escape", {QStringLiteral("--sync"), QStringLiteral("mu\x1b[2Jtex")},
        QStringLiteral("mu\\x1b[2Jtex"));
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

// A failed headless text run: the report (with its "error:" line) on stdout, and the error on
// stderr too, as --json has it.
void TestCli::textRunErrorOnStderr() {
    const auto r =
        runCli({QStringLiteral("--headless"), QStringLiteral("--elements"), QStringLiteral("10000"),
                QStringLiteral("--worker-command"), QStringLiteral("/bin/false")});
    QCOMPARE(r.exitCode, 3);
    const QString out = QString::fromLocal8Bit(r.out);
    const QString err = QString::fromLocal8Bit(r.err);
    QVERIFY2(out.contains(QStringLiteral("status failed")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("error: ")), qPrintable(out));
    QVERIFY2(err.contains(QStringLiteral("shmscope: ")), qPrintable(err));
    // Each error line of the report is on stderr as well.
    static const QRegularExpression errorLine(QStringLiteral("^error: (.*)$"),
                                              QRegularExpression::MultilineOption);
    for (auto it = errorLine.globalMatch(out); it.hasNext();) {
        const QString e = it.next().captured(1);
        QVERIFY2(err.contains(e), qPrintable(QStringLiteral("'%1' not on stderr").arg(e)));
    }
}

// The text report's parts each appear once, in order (its writer is split into parts; one of
// them once repeated the summary).
void TestCli::textReportLinesOnce() {
    const auto r =
        runCli({QStringLiteral("--headless"), QStringLiteral("--elements"), QStringLiteral("20000"),
                QStringLiteral("--sync"), QStringLiteral("mutex"), QStringLiteral("--transport"),
                QStringLiteral("queue")});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromLocal8Bit(r.out);
    const QStringList starts = {
        QStringLiteral("ShmScope "), QStringLiteral("status "),     QStringLiteral("mismatches "),
        QStringLiteral("result: "),  QStringLiteral("cpu "),        QStringLiteral("queue: "),
        QStringLiteral("lock: "),    QStringLiteral("worker  pid"), QStringLiteral("segment ")};
    const QStringList lines = out.split(QLatin1Char('\n'));
    qsizetype last = -1;
    for (const QString& start : starts) {
        qsizetype at = -1, count = 0;
        for (qsizetype i = 0; i < lines.size(); ++i)
            if (lines[i].startsWith(start)) {
                at = i;
                ++count;
            }
        QVERIFY2(count == 1,
                 qPrintable(start + QStringLiteral(": %1 times in\n").arg(count) + out));
        QVERIFY2(at > last, qPrintable(start + QStringLiteral(" out of order in\n") + out));
        last = at;
    }
}

void TestCli::helpAndVersion() {
    auto r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("--headless"));
    r = runCli({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("shmscope "));
}

namespace {
const shm::SettingRow& rowAt(int index) {
    return shm::kSettings[size_t(index)];
}

// The report's "config" object as printed, and its keys in printed order.
QJsonObject reportConfig(const shm::ExperimentConfig& c, QStringList* keysInOrder = nullptr) {
    shm::RunReport r;
    r.config = c;
    const QByteArray json = QByteArray::fromStdString(shm::toJson(r));
    const qsizetype begin = json.indexOf("\"config\":{") + 9;
    const qsizetype end = json.indexOf('}', begin);
    if (keysInOrder) {
        static const QRegularExpression key(QStringLiteral("\"([^\"]+)\":"));
        const QString cfg = QString::fromUtf8(json.mid(begin, end - begin + 1));
        for (const auto& m : key.globalMatch(cfg))
            *keysInOrder << m.captured(1);
    }
    return QJsonDocument::fromJson(json).object()[QLatin1String("config")].toObject();
}

QString writeConfigFile(const QTemporaryDir& dir, const QString& key, const QJsonValue& v) {
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return {};
    f.write(QJsonDocument(QJsonObject{{key, v}}).toJson());
    return path;
}
} // namespace

void TestCli::everySettingReachesTheReport_data() {
    settingvalues::addRowPerSetting();
}

// Flag -> ExperimentConfig -> the report's config JSON, and the same through --config with
// either key spelling.
void TestCli::everySettingReachesTheReport() {
    using namespace settingvalues;
    QFETCH(int, row);
    const shm::SettingRow& r = rowAt(row);
    const uint64_t v = nonDefault(r);
    QVERIFY(v != r.def);
    shm::ExperimentConfig expected;
    r.set(expected, v);

    for (const QStringList& args :
         {QStringList{flag(r), text(r, v)}, QStringList{flag(r) + QLatin1Char('=') + text(r, v)}}) {
        const CliParse p = parseCommandLine(args);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.options.config, expected);
        QCOMPARE(p.options.settingsGiven, QStringList{qs(r.name)});
    }

    const QJsonObject cfg = reportConfig(expected);
    const QString key = qs(r.reportKey);
    QVERIFY2(cfg.contains(key), qPrintable(key));
    const QJsonValue json = cfg[key];
    switch (r.kind) {
    case shm::SettingKind::Count:
        QVERIFY(json.isDouble());
        QCOMPARE(quint64(json.toInteger()), quint64(v));
        break;
    case shm::SettingKind::Enum:
        QVERIFY(json.isString());
        QCOMPARE(json.toString(), qs(r.choices[v].name));
        break;
    case shm::SettingKind::Bool:
        QVERIFY(json.isBool());
        QCOMPARE(json.toBool(), v != 0);
        break;
    }
    // Every other key still shows its default.
    QCOMPARE(reportConfig(shm::ExperimentConfig{}).size(), cfg.size());
    for (const shm::SettingRow& other : shm::kSettings)
        if (&other != &r) QCOMPARE(cfg[qs(other.reportKey)], reportConfig({})[qs(other.reportKey)]);

    // What the report prints is what a --config file takes, under either spelling.
    QTemporaryDir dir;
    for (const QString& fileKey : {qs(r.name), qs(r.reportKey)}) {
        const QString path = writeConfigFile(dir, fileKey, json);
        const CliParse p = parseCommandLine({QStringLiteral("--config"), path});
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.options.config, expected);
    }
    if (r.kind == shm::SettingKind::Bool && v == 0) { // the --no-NAME alias
        const CliParse p = parseCommandLine({QStringLiteral("--no-") + qs(r.name)});
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.options.config, expected);
    }
}

void TestCli::everySettingRefusesBadValues_data() {
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("says");
    for (const shm::SettingRow& r : shm::kSettings)
        for (const auto& bad : settingvalues::badValues(r))
            QTest::addRow("%s %s", std::string(r.name).c_str(), qPrintable(bad.tag))
                << settingvalues::flag(r) << bad.value << bad.says;
}

void TestCli::everySettingRefusesBadValues() {
    QFETCH(QString, flag);
    QFETCH(QString, value);
    QFETCH(QString, says);
    const CliParse p = parseCommandLine({flag, value});
    QVERIFY2(p.error.startsWith(flag + QLatin1Char(':')),
             qPrintable(QStringLiteral("'%1' does not start with %2").arg(p.error, flag)));
    QVERIFY2(p.error.contains(says), qPrintable(p.error));
    QVERIFY(!p.error.contains(QLatin1Char('\n')));
    QVERIFY(!parseCommandLine({flag}).error.isEmpty()); // and a missing value
}

void TestCli::everySettingRefusesWrongJsonTypes_data() {
    QTest::addColumn<int>("row");
    QTest::addColumn<QJsonValue>("value");
    for (size_t i = 0; i < std::size(shm::kSettings); ++i) {
        const shm::SettingRow& r = shm::kSettings[i];
        const std::string name(r.name);
        const bool isCount = r.kind == shm::SettingKind::Count;
        const bool isEnum = r.kind == shm::SettingKind::Enum;
        if (!isCount) QTest::addRow("%s number", name.c_str()) << int(i) << QJsonValue(1);
        if (!isEnum)
            QTest::addRow("%s string", name.c_str()) << int(i) << QJsonValue(QStringLiteral("1"));
        if (r.kind != shm::SettingKind::Bool)
            QTest::addRow("%s bool", name.c_str()) << int(i) << QJsonValue(true);
        if (isCount) QTest::addRow("%s fraction", name.c_str()) << int(i) << QJsonValue(1.5);
        if (r.none.empty()) // null is the "none" of rows that have one
            QTest::addRow("%s null", name.c_str()) << int(i) << QJsonValue();
    }
}

void TestCli::everySettingRefusesWrongJsonTypes() {
    QFETCH(int, row);
    QFETCH(QJsonValue, value);
    const QString key = settingvalues::qs(rowAt(row).reportKey);
    QTemporaryDir dir;
    const CliParse p =
        parseCommandLine({QStringLiteral("--config"), writeConfigFile(dir, key, value)});
    QVERIFY2(p.error.contains(QLatin1Char('\'') + key + QLatin1Char('\'')), qPrintable(p.error));
    QVERIFY(!p.error.contains(QLatin1Char('\n')));
}

// The "Experiment settings" section of `shmscope --help` lists one flag per key of the
// report's config object, in the same order, and nothing else.
void TestCli::helpListsExactlyTheReportConfigKeys() {
    const auto r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'));
    const qsizetype start = lines.indexOf(QStringLiteral("Experiment settings:"));
    QVERIFY(start >= 0);
    QStringList flags;
    for (qsizetype i = start + 1; i < lines.size() && !lines[i].isEmpty(); ++i) {
        static const QRegularExpression line(
            QStringLiteral("^  --([a-z-]+) (N|NAME|BOOL) +\\S.*\\(.+; default .+\\)$"));
        const auto m = line.match(lines[i]);
        QVERIFY2(m.hasMatch(), qPrintable(lines[i]));
        flags << m.captured(1).replace(QLatin1Char('-'), QLatin1Char('_'));
    }
    QStringList keys;
    reportConfig({}, &keys);
    QCOMPARE(flags, keys);
}

void TestCli::interruptRemovesSegment_data() {
    QTest::addColumn<int>("sig");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

// A FIFO would block the read for ever; a file over 16 MiB was cut and reported as a JSON error.
void TestCli::configThatIsNotARegularFileOrTooBig() {
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("settings.fifo"));
    QVERIFY(::mkfifo(fifo.toLocal8Bit().constData(), 0600) == 0);
    CliParse p = parseCommandLine({QStringLiteral("--config"), fifo});
    QVERIFY2(p.error.contains(QStringLiteral("is not a regular file")), qPrintable(p.error));
    const QString big = dir.filePath(QStringLiteral("big.json"));
    QFile f(big);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize((16 << 20) + 1));
    f.close();
    p = parseCommandLine({QStringLiteral("--config"), big});
    QVERIFY2(p.error.contains(QStringLiteral("larger than 16 MiB")), qPrintable(p.error));
}

void TestCli::warningsForRepeatsAndEndlessSlowMotion() {
    CliParse p = parseCommandLine({QStringLiteral("--workers"), QStringLiteral("2"),
                                   QStringLiteral("--workers"), QStringLiteral("3")});
    QVERIFY(p.error.isEmpty());
    QCOMPARE(p.options.config.workers, 3u);
    QCOMPARE(p.warnings.size(), 1);
    QVERIFY(p.warnings[0].contains(QStringLiteral("--workers given more than once")));
    p = parseCommandLine({QStringLiteral("--delay-us"), QStringLiteral("1000000"),
                          QStringLiteral("--elements"), QStringLiteral("1000000")});
    QVERIFY(p.error.isEmpty());
    QCOMPARE(p.warnings.size(), 1);
    QVERIFY2(p.warnings[0].contains(QStringLiteral("hours of slow motion")),
             qPrintable(p.warnings[0]));
    QVERIFY(
        parseCommandLine({QStringLiteral("--workers"), QStringLiteral("2")}).warnings.isEmpty());
    // A key given twice in a --config file.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("twice.json"));
    QVERIFY(testutil::writeFile(path, "{\"workers\": 2, \"sync\": \"mutex\", \"workers\" : 3}"));
    p = parseCommandLine({QStringLiteral("--config"), path});
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.options.config.workers, 3u);
    QCOMPARE(p.warnings.size(), 1);
    QVERIFY2(p.warnings[0].contains(QStringLiteral("field 'workers' given more than once")),
             qPrintable(p.warnings[0]));
    // Many repeats: ten named, the rest counted in one line.
    QVERIFY(testutil::writeFile(
        path, "{\"workers\": 2, \"elements\": 1000, \"chunk\": 64, \"bins\": 16, \"stripes\": 4, "
              "\"delay_us\": 0, \"increments\": 1000, \"kill_at_ms\": 0, \"suspend_timeout_ms\": "
              "2000, \"stall_timeout_ms\": 30000, \"instrument\": true, \"sync\": \"mutex\", "
              "\"workers\": 2, \"elements\": 1000, \"chunk\": 64, \"bins\": 16, \"stripes\": 4, "
              "\"delay_us\": 0, \"increments\": 1000, \"kill_at_ms\": 0, \"suspend_timeout_ms\": "
              "2000, \"stall_timeout_ms\": 30000, \"instrument\": true, \"sync\": \"mutex\"}"));
    p = parseCommandLine({QStringLiteral("--config"), path});
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.warnings.size(), 11);
    QVERIFY2(p.warnings[10].contains(QStringLiteral("2 more fields given more than once")),
             qPrintable(p.warnings[10]));
    // The same key spelled with an escape is the same key.
    QVERIFY(testutil::writeFile(path, "{\"workers\": 2, \"w\\u006frkers\": 3}"));
    p = parseCommandLine({QStringLiteral("--config"), path});
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.options.config.workers, 3u);
    QCOMPARE(p.warnings.size(), 1);
    QVERIFY2(p.warnings[0].contains(QStringLiteral("field 'workers' given more than once")),
             qPrintable(p.warnings[0]));
}

void TestCli::configWithManyKeysIsQuick_data() {
    QTest::addColumn<int>("repeats"); // each key this often
    QTest::newRow("100k different keys") << 1;
    QTest::newRow("50k keys twice") << 2;
}

// A 1.3 MB --config of 100k keys: the repeated-key check searched the whole text once per key
// (20k keys 13.7 s, 100k over 30 s). Now one pass: refused (unknown fields) in well under a
// second on an idle machine; the bound is generous for a loaded one. The real binary, timed
// from start to exit.
void TestCli::configWithManyKeysIsQuick() {
    QFETCH(int, repeats);
    constexpr int kKeys = 100'000;
    QByteArray json = "{";
    for (int i = 0; i < kKeys; ++i)
        json += (i ? ", \"k" : "\"k") + QByteArray::number(i / repeats).rightJustified(6, '0') +
                "\": 1";
    json += "}";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("many.json"));
    QVERIFY(testutil::writeFile(path, json));
    QElapsedTimer took;
    took.start();
    const auto r = runCli({QStringLiteral("--headless"), QStringLiteral("--config"), path}, 60000);
    const qint64 ms = took.elapsed();
    qInfo("--config of %d keys (%lld bytes): exit %d after %lld ms", kKeys, qint64(json.size()),
          r.exitCode, ms);
    SHMSCOPE_VERIFY_REFUSED(r, QStringLiteral("unknown field 'k000000'"));
    QVERIFY2(ms < 5000, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
}

// --json: the partial report, status "terminated", on stdout before the signal ends the app.
void TestCli::interruptPrintsTheJsonReport() {
    QProcess p;
    p.start(testutil::shmscopePath(),
            {QStringLiteral("--headless"), QStringLiteral("--json"), QStringLiteral("--elements"),
             QStringLiteral("100000"), QStringLiteral("--delay-us"), QStringLiteral("1000")});
    QVERIFY(p.waitForStarted());
    const qint64 pid = p.processId();
    // The workers have processed something (the report's "processed" > 0 depends on it).
    QTRY_VERIFY_WITH_TIMEOUT(testutil::processedByApp(pid) > 0, 30000);
    ::kill(pid_t(pid), SIGTERM);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);
    const QJsonObject j = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(j[QLatin1String("status")].toString(), QStringLiteral("terminated"));
    QVERIFY(j[QLatin1String("processed")].toInteger() > 0);
    QVERIFY(j[QLatin1String("processed")].toInteger() < 100000);
    QVERIFY(j[QLatin1String("segment")].toObject()[QLatin1String("removed")].toBool());
    QVERIFY(testutil::shmEntries(pid).isEmpty());
}

void TestCli::interruptRemovesSegment() {
    QFETCH(int, sig);
    QProcess p;
    p.start(testutil::shmscopePath(),
            {QStringLiteral("--headless"), QStringLiteral("--elements"), QStringLiteral("100000"),
             QStringLiteral("--delay-us"), QStringLiteral("1000")});
    QVERIFY(p.waitForStarted());
    const qint64 pid = p.processId();
    QTRY_VERIFY_WITH_TIMEOUT(testutil::processedByApp(pid) > 0, 30000); // the workers work
    ::kill(pid_t(pid), sig);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit); // re-raised: the shell sees the signal
    QCOMPARE(p.exitCode(), sig);
    QVERIFY2(testutil::shmEntries(pid).isEmpty(), "segment left behind after a signal");
    // The report of the run so far was printed first.
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(out.contains("status terminated"), out.constData());
    // Workers die with the app (PR_SET_PDEATHSIG): none of them keeps running.
    const QByteArray mine = "--segment shmscope-" + QByteArray::number(pid) + "-";
    QTRY_VERIFY_WITH_TIMEOUT(testutil::processesWith(mine).isEmpty(), 5000);
}

// A setting with a "none" word (--kill-worker) prints null in the report's config and takes
// null (or "none" as a flag) back: a saved report's config is a valid --config file.
void TestCli::noneIsNullInConfigFiles() {
    QTemporaryDir dir;
    const QString path = writeConfigFile(dir, QStringLiteral("kill_worker"), QJsonValue());
    CliParse p = parseCommandLine(
        {QStringLiteral("--kill-worker"), QStringLiteral("2"), QStringLiteral("--config"), path});
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.options.config.killWorker, 2u); // the flag wins over the file
    p = parseCommandLine({QStringLiteral("--config"), path});
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.options.config.killWorker, shm::kNoWorker);
    p = parseCommandLine({QStringLiteral("--kill-worker"), QStringLiteral("none")});
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.options.config.killWorker, shm::kNoWorker);
    QVERIFY(reportConfig(p.options.config)[QLatin1String("kill_worker")].isNull());
    // null stays wrong where a setting has no "none".
    const QString bad = writeConfigFile(dir, QStringLiteral("workers"), QJsonValue());
    p = parseCommandLine({QStringLiteral("--config"), bad});
    QVERIFY(p.error.contains(QStringLiteral("'workers'")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
