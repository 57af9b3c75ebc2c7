// The controls panel is generated from shm::kSettings: for every row, a value set on the
// command line survives ControlsPanel::setConfig -> config(), the row's widget has the
// published object name, its range, tooltips and enabling come from the row.
#include "../setting_values.h"
#include "cli/cli_options.h"
#include "gui/controls_panel.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

using namespace settingvalues;

class TestControlsSettings : public QObject {
    Q_OBJECT
  private slots:
    void everySettingRoundTrips_data();
    void everySettingRoundTrips();
    void publishedObjectNames();
    void enablingFollowsTheRowAndThePhase();
};

namespace {
// The naming rule: camelCase of the flag + Spin, Combo or Check; the delay slider keeps its
// published name.
QString expectedObjectName(const shm::SettingRow& r) {
    if (r.widget == shm::SettingWidget::DelaySlider) return QStringLiteral("delaySlider");
    const QStringList parts = qs(r.name).split(QLatin1Char('-'));
    QString name = parts.first();
    for (qsizetype i = 1; i < parts.size(); ++i)
        name += parts[i].left(1).toUpper() + parts[i].mid(1);
    if (r.kind == shm::SettingKind::Count) return name + QStringLiteral("Spin");
    if (r.kind == shm::SettingKind::Enum) return name + QStringLiteral("Combo");
    return name + QStringLiteral("Check");
}

QWidget* widgetFor(const ControlsPanel& panel, const shm::SettingRow& r) {
    return panel.findChild<QWidget*>(expectedObjectName(r));
}
} // namespace

void TestControlsSettings::everySettingRoundTrips_data() {
    settingvalues::addRowPerSetting();
}

// Command line -> ExperimentConfig -> setConfig -> config(): equal, for a non-default value
// of every row, and the widget shows the row's range and help.
void TestControlsSettings::everySettingRoundTrips() {
    QFETCH(int, row);
    const shm::SettingRow& r = shm::kSettings[size_t(row)];
    const uint64_t v = nonDefault(r);
    const CliParse p = parseCommandLine({flag(r), text(r, v)});
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(r.get(p.options.config), v);
    QVERIFY(!(p.options.config == shm::ExperimentConfig{}));

    ControlsPanel panel;
    QCOMPARE(panel.config(), shm::ExperimentConfig{});
    panel.setConfig(p.options.config);
    QCOMPARE(panel.config(), p.options.config);
    panel.setConfig(shm::ExperimentConfig{});
    QCOMPARE(panel.config(), shm::ExperimentConfig{});

    QWidget* w = widgetFor(panel, r);
    QVERIFY2(w, "no widget for the row");
    QVERIFY(w->toolTip().contains(QString::fromStdString(shm::rangeText(r))));
    if (auto* s = qobject_cast<QSpinBox*>(w)) {
        // A row with a "none" word shows it one step below its minimum.
        QCOMPARE(qint64(s->minimum()), qint64(r.min) - (r.none.empty() ? 0 : 1));
        QCOMPARE(s->specialValueText(), qs(r.none));
        QCOMPARE(quint64(s->maximum()), quint64(r.max));
    } else if (auto* d = qobject_cast<QDoubleSpinBox*>(w)) {
        QCOMPARE(quint64(d->minimum()), quint64(r.min));
        QCOMPARE(quint64(d->maximum()), quint64(r.max));
    } else if (auto* c = qobject_cast<QComboBox*>(w)) {
        QCOMPARE(size_t(c->count()), r.choices.size());
        for (int i = 0; i < c->count(); ++i) {
            QCOMPARE(c->itemText(i), qs(r.choices[size_t(i)].name));
            QCOMPARE(c->itemData(i, Qt::ToolTipRole).toString(), qs(r.choices[size_t(i)].help));
        }
    } else {
        QVERIFY(qobject_cast<QCheckBox*>(w) || qobject_cast<QSlider*>(w));
    }
}

// Other tests and scripts find the widgets by these names.
void TestControlsSettings::publishedObjectNames() {
    ControlsPanel panel;
    for (const char* name : {"workersSpin", "elementsSpin", "binsSpin", "chunkSpin", "stripesSpin"})
        QVERIFY2(qobject_cast<QAbstractSpinBox*>(panel.findChild<QWidget*>(QLatin1String(name))),
                 name);
    for (const char* name : {"workloadCombo", "partitionCombo", "syncCombo", "lockScopeCombo"})
        QVERIFY2(panel.findChild<QComboBox*>(QLatin1String(name)), name);
    QVERIFY(panel.findChild<QCheckBox*>(QStringLiteral("instrumentCheck")));
    QVERIFY(panel.findChild<QSlider*>(QStringLiteral("delaySlider")));
}

// Idle: a widget is enabled when its row applies to the config; during a run only live rows.
void TestControlsSettings::enablingFollowsTheRowAndThePhase() {
    ControlsPanel panel;
    shm::ExperimentConfig configs[3];
    configs[1].workload = shm::Workload::Histogram;
    configs[1].sync = shm::SyncMode::Striped;
    configs[2].sync = shm::SyncMode::Mutex;
    for (const auto& c : configs) {
        panel.setConfig(c);
        for (auto phase : {shm::Phase::Idle, shm::Phase::Running}) {
            panel.setPhase(phase);
            const bool idle = phase == shm::Phase::Idle;
            for (const shm::SettingRow& r : shm::kSettings) {
                QWidget* w = widgetFor(panel, r);
                QVERIFY(w);
                QCOMPARE(w->isEnabled(), (idle || r.live) && r.appliesTo(c));
            }
        }
    }
}

QTEST_MAIN(TestControlsSettings)
#include "tst_controls_settings.moc"
