#include "cli/compare_with.h"

#include "cli/config_json.h"
#include "model/settings.h"

#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <iterator>

PinnedRun pinnedRun(const shm::RunReport& r) {
    return {shm::keyFigures(r), r.config};
}

PinnedRun pinnedRun(const QJsonObject& report) {
    PinnedRun p;
    p.figures.computeSeconds = report[QLatin1String("compute_seconds")].toDouble();
    p.figures.throughput = report[QLatin1String("throughput")].toDouble();
    p.figures.waitShare =
        report[QLatin1String("lock")].toObject()[QLatin1String("wait_share")].toDouble();
    p.figures.cpuSeconds = report[QLatin1String("cpu_seconds")].toDouble();
    p.figures.lostUpdates = report[QLatin1String("lost_updates")].toDouble();
    p.figures.mismatches = report[QLatin1String("mismatches")].toDouble();
    // Key by key, so one the table no longer has (or a bad value) spoils nothing else.
    const QJsonObject cfg = report[QLatin1String("config")].toObject();
    for (auto it = cfg.begin(); it != cfg.end(); ++it) {
        shm::ExperimentConfig next = p.config;
        if (applySettingsObject(QJsonObject{{it.key(), it.value()}}, next, QString(), QString())
                .isEmpty())
            p.config = next;
    }
    return p;
}

namespace {
// The pinned report's settings as the run it describes had them: a value the settings table
// refuses, or settings no run could have (validate()), make the report no run's, and it would
// otherwise be shown with defaults in their place ("workers 4"). A key this version does not
// know is a newer version's (report keys are only ever added) and is left out.
QString checkPinnedSettings(const QJsonObject& cfg, const QString& path) {
    // "--compare-with PATH: field 'workers' must be ..." or "--compare-with PATH 'config':
    // --workers: 100000 is out of range (1 to 256)".
    const QString where = QStringLiteral("--compare-with %1").arg(path);
    shm::ExperimentConfig c;
    for (auto it = cfg.begin(); it != cfg.end(); ++it) {
        const std::string key = it.key().toStdString();
        const bool known = std::any_of(
            std::begin(shm::kSettings), std::end(shm::kSettings),
            [&key](const shm::SettingRow& r) { return r.name == key || r.reportKey == key; });
        if (!known) continue;
        const QString err = applySettingsObject(QJsonObject{{it.key(), it.value()}}, c, where,
                                                QStringLiteral("config"));
        if (!err.isEmpty()) return err;
    }
    if (auto err = shm::validate(c))
        return QStringLiteral("--compare-with %1: its settings are not a valid run: %2")
            .arg(path, QString::fromStdString(*err));
    return {};
}
} // namespace

QString loadPinnedReport(const QString& path, QJsonObject* out) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("--compare-with %1: %2").arg(path, f.errorString());
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(64 << 20), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("--compare-with %1: not a JSON object (%2)")
            .arg(path, err.error != QJsonParseError::NoError ? err.errorString()
                                                             : QStringLiteral("an array"));
    const QJsonObject o = doc.object();
    if (!o[QLatin1String("config")].isObject() || !o[QLatin1String("compute_seconds")].isDouble())
        return QStringLiteral("--compare-with %1: not a run report (save one with --headless "
                              "--json; a sweep's or a lesson's output will not do)")
            .arg(path);
    if (QString err = checkPinnedSettings(o[QLatin1String("config")].toObject(), path);
        !err.isEmpty())
        return err;
    *out = o;
    return {};
}

std::string comparisonWith(const shm::RunReport& now, const QJsonObject& pinned,
                           const QString& path, bool json) {
    const PinnedRun then = pinnedRun(pinned);
    const auto figures = shm::compareFigures(shm::keyFigures(now), then.figures);
    // Which settings differ, so a ratio is read against what changed.
    const std::vector<std::string> differs = shm::differingSettings(now.config, then.config);
    return json ? shm::comparisonJson(figures, path.toStdString(), differs)
                : shm::comparisonText(figures, path.toStdString(), differs);
}
