// The settings table (shm::kSettings) and what the Qt-free core derives from it: the text form
// of every value, validation messages, the enum names and the report's "config" object.
#include "../setting_values.h"
#include "analysis/report.h"
#include "model/settings.h"

#include <QRegularExpression>
#include <QTest>

using namespace settingvalues;

namespace {
// The default config with one setting changed (unchecked: validation is what is tested).
shm::ExperimentConfig with(const shm::SettingRow& r, uint64_t value) {
    shm::ExperimentConfig c;
    r.set(c, value);
    return c;
}
// KillWhen and FaultAction have no *FromString: the value among the first `count` whose name
// is `n`, else one no setting has (99), so a wrong toString cannot round-trip by accident.
template <typename E, uint32_t count> E byName(std::string_view n) {
    for (uint32_t i = 0; i < count; ++i)
        if (shm::toString(E(i)) == n) return E(i);
    return E(99);
}
} // namespace

class TestSettings : public QObject {
    Q_OBJECT
  private slots:
    void reportConfigKeepsThePublishedKeys();
    void textRoundTrip_data();
    void textRoundTrip();
    void validateNamesTheFlag_data();
    void validateNamesTheFlag();
    void enumWrappersReadTheTable();
    void combinationRuleStays();
    void workersUpTo256();
};

// A published contract, so spelled out here on purpose: the keys of the report's "config"
// object and their order. Keys are never removed or reordered; a new setting may only add
// its key after these.
void TestSettings::reportConfigKeepsThePublishedKeys() {
    const QString json = QString::fromStdString(shm::toJson(shm::RunReport{}));
    const qsizetype begin = json.indexOf(QStringLiteral("\"config\":{"));
    QVERIFY(begin >= 0);
    const QString cfg = json.mid(begin + 10, json.indexOf(QLatin1Char('}'), begin) - begin - 10);
    QStringList keys;
    static const QRegularExpression key(QStringLiteral("\"([^\"]+)\":"));
    for (const auto& m : key.globalMatch(cfg))
        keys << m.captured(1);
    const QStringList published{
        QStringLiteral("workers"),  QStringLiteral("elements"),  QStringLiteral("workload"),
        QStringLiteral("bins"),     QStringLiteral("partition"), QStringLiteral("chunk"),
        QStringLiteral("sync"),     QStringLiteral("stripes"),   QStringLiteral("lock_scope"),
        QStringLiteral("delay_us"), QStringLiteral("instrument")};
    QVERIFY(keys.size() >= published.size());
    QCOMPARE(keys.mid(0, published.size()), published);
    QVERIFY(cfg.contains(QStringLiteral("\"workload\":\"wave\"")));
    QVERIFY(cfg.contains(QStringLiteral("\"instrument\":true")));
    QVERIFY(cfg.contains(QStringLiteral("\"elements\":1000000")));
}

void TestSettings::textRoundTrip_data() {
    QTest::addColumn<int>("row");
    QTest::addColumn<quint64>("value");
    for (size_t i = 0; i < std::size(shm::kSettings); ++i) {
        const shm::SettingRow& r = shm::kSettings[i];
        for (uint64_t v : {r.min, r.max, r.def, nonDefault(r)})
            QTest::addRow("%s %llu", std::string(r.name).c_str(), (unsigned long long)v)
                << int(i) << quint64(v);
    }
}

// settingText -> applySetting gives the value back (QSettings and flags use this form).
void TestSettings::textRoundTrip() {
    QFETCH(int, row);
    QFETCH(quint64, value);
    const shm::SettingRow& r = shm::kSettings[size_t(row)];
    const shm::ExperimentConfig set = with(r, value);
    QCOMPARE(quint64(r.get(set)), value);
    shm::ExperimentConfig parsed;
    const auto err = shm::applySetting(parsed, r.name, shm::settingText(r, set));
    QVERIFY2(!err, err ? err->c_str() : "");
    QCOMPARE(parsed, set);
}

void TestSettings::validateNamesTheFlag_data() {
    QTest::addColumn<int>("row");
    QTest::addColumn<quint64>("value");
    for (size_t i = 0; i < std::size(shm::kSettings); ++i) {
        const shm::SettingRow& r = shm::kSettings[i];
        if (r.kind != shm::SettingKind::Count) continue;
        QTest::addRow("%s above", std::string(r.name).c_str()) << int(i) << quint64(r.max + 1);
        if (r.min > 0)
            QTest::addRow("%s below", std::string(r.name).c_str()) << int(i) << quint64(r.min - 1);
    }
}

// A config built in code (the window, a test) is refused with the flag's name and range.
void TestSettings::validateNamesTheFlag() {
    QFETCH(int, row);
    QFETCH(quint64, value);
    const shm::SettingRow& r = shm::kSettings[size_t(row)];
    const auto err = shm::validate(with(r, value));
    QVERIFY(err);
    QCOMPARE(QString::fromStdString(*err),
             QStringLiteral("%1: %2 is out of range (%3 to %4%5)")
                 .arg(flag(r))
                 .arg(value)
                 .arg(quint64(r.min))
                 .arg(quint64(r.max))
                 .arg(r.none.empty() ? QString() : QStringLiteral(" or ") + qs(r.none)));
    QVERIFY(!shm::validate(shm::ExperimentConfig{}));
}

// toString / *FromString stay thin wrappers over the table rows.
void TestSettings::enumWrappersReadTheTable() {
    auto names = [](std::string_view setting) {
        QStringList out;
        for (const auto& c : shm::findSetting(setting)->choices)
            out << qs(c.name);
        return out;
    };
    // Every enum value's name round-trips through the wrappers and equals the table's order.
    const auto check = [&](const char* setting, auto toEnum, auto fromName) {
        QStringList seen;
        for (uint32_t i = 0; i < uint32_t(names(setting).size()); ++i) {
            const auto e = toEnum(i);
            seen << qs(shm::toString(e));
            QVERIFY(fromName(shm::toString(e)) == e);
        }
        QCOMPARE(seen, names(setting));
    };
    check(
        "workload", [](uint32_t i) { return shm::Workload(i); }, shm::workloadFromString);
    check(
        "partition", [](uint32_t i) { return shm::Partition(i); }, shm::partitionFromString);
    check(
        "sync", [](uint32_t i) { return shm::SyncMode(i); }, shm::syncFromString);
    check(
        "lock-scope", [](uint32_t i) { return shm::LockScope(i); }, shm::lockScopeFromString);
    check(
        "kill-when", [](uint32_t i) { return shm::KillWhen(i); }, byName<shm::KillWhen, 2>);
    check(
        "fault-action", [](uint32_t i) { return shm::FaultAction(i); },
        byName<shm::FaultAction, 3>);
    QVERIFY(shm::toString(shm::Partition::BlockCyclic) == "block-cyclic");
    QVERIFY(!shm::syncFromString("semaphore"));
}

void TestSettings::combinationRuleStays() {
    shm::ExperimentConfig c;
    c.sync = shm::SyncMode::Striped;
    c.lockScope = shm::LockScope::Chunk;
    c.workload = shm::Workload::Histogram;
    const auto err = shm::validate(c);
    QVERIFY(err);
    QVERIFY(err->starts_with("--lock-scope chunk with --sync striped cannot protect histogram"));
    c.lockScope = shm::LockScope::Element;
    QVERIFY(!shm::validate(c));
}

// The worker limit: 256 is taken from text (flags, --config, saved settings) and from code;
// 257 is refused naming the flag and the range.
void TestSettings::workersUpTo256() {
    QCOMPARE(shm::limits::kMaxWorkers, 256u);
    shm::ExperimentConfig cfg;
    QVERIFY(!shm::applySetting(cfg, "workers", "256"));
    QCOMPARE(cfg.workers, 256u);
    QVERIFY(!shm::validate(cfg));
    const auto refused = shm::applySetting(cfg, "workers", "257");
    QVERIFY(refused);
    QVERIFY2(refused->find("--workers") != std::string::npos, refused->c_str());
    QVERIFY2(refused->find("1 to 256") != std::string::npos, refused->c_str());
    QCOMPARE(cfg.workers, 256u); // unchanged
    cfg.workers = 257;
    const auto err = shm::validate(cfg);
    QVERIFY(err);
    QCOMPARE(QString::fromStdString(*err),
             QStringLiteral("--workers: 257 is out of range (1 to 256)"));
    // The scripted kill names any of the 256 (0-based).
    shm::ExperimentConfig kill;
    kill.workers = 256;
    QVERIFY(!shm::applySetting(kill, "kill-worker", "255"));
    QCOMPARE(kill.killWorker, 255u);
    QVERIFY(shm::applySetting(kill, "kill-worker", "256"));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
