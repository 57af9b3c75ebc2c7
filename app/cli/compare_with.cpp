#include "compare_with.h"

#include "compare.h"
#include "settings.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonValue>

namespace {

// The value as a flag would give it: 4, mutex, true, none.
QString flagText(const QJsonValue& v) {
    if (v.isNull()) return QStringLiteral("none");
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble()) return QString::number(v.toDouble(), 'g', 17);
    return v.toString();
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
    *out = o;
    return {};
}

std::string comparisonWith(const shm::RunReport& now, const QJsonObject& pinned,
                           const QString& path, bool json) {
    shm::KeyFigures then;
    then.computeSeconds = pinned[QLatin1String("compute_seconds")].toDouble();
    then.throughput = pinned[QLatin1String("throughput")].toDouble();
    then.waitShare =
        pinned[QLatin1String("lock")].toObject()[QLatin1String("wait_share")].toDouble();
    then.cpuSeconds = pinned[QLatin1String("cpu_seconds")].toDouble();
    then.lostUpdates = pinned[QLatin1String("lost_updates")].toDouble();
    then.mismatches = pinned[QLatin1String("mismatches")].toDouble();
    const auto figures = shm::compareFigures(shm::keyFigures(now), then);
    // Which settings differ, so a ratio is read against what changed.
    std::vector<std::string> differs;
    const QJsonObject cfg = pinned[QLatin1String("config")].toObject();
    for (const shm::SettingRow& row : shm::kSettings) {
        const QString key =
            QString::fromLatin1(row.reportKey.data(), qsizetype(row.reportKey.size()));
        if (!cfg.contains(key)) continue; // a report from an older version
        const QString mine = QString::fromStdString(shm::settingText(row, now.config));
        const QString theirs = flagText(cfg[key]);
        if (mine != theirs)
            differs.push_back(std::string(row.name) + " " + theirs.toStdString() + " -> " +
                              mine.toStdString());
    }
    return json ? shm::comparisonJson(figures, path.toStdString(), differs)
                : shm::comparisonText(figures, path.toStdString(), differs);
}
