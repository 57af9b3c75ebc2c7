#include "cli/config_json.h"

#include "cli/cli_text.h"
#include "cli/setting_words.h"

#include <QJsonValue>

#include <cmath>

namespace {

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// A key: the flag name ("lock-scope") or the report key ("lock_scope").
const shm::SettingRow* settingForKey(const QString& key) {
    for (const shm::SettingRow& r : shm::kSettings)
        if (key == QLatin1String(r.name.data(), qsizetype(r.name.size())) ||
            key == QLatin1String(r.reportKey.data(), qsizetype(r.reportKey.size())))
            return &r;
    return nullptr;
}

// The JSON type a row takes: numbers for counts, strings for enums, true/false for booleans.
// Puts the value's text form in *text, or returns a one-line error.
QString jsonValueText(const shm::SettingRow& row, const QString& where, const QString& key,
                      const QJsonValue& v, QString* text) {
    switch (row.kind) {
    case shm::SettingKind::Bool:
        if (!v.isBool()) return CliText::tr("%1: field '%2' must be true or false").arg(where, key);
        *text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return {};
    case shm::SettingKind::Enum:
        if (!v.isString())
            return CliText::tr("%1: field '%2' must be a string (%3)")
                .arg(where, key, setting_words::allowed(row));
        *text = v.toString();
        return {};
    case shm::SettingKind::Count:
        break;
    }
    if (v.isNull() && !row.none.empty()) { // what the report prints for "not set"
        *text = fromView(row.none);
        return {};
    }
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::floor(d) != d)
        return CliText::tr("%1: field '%2' must be a whole number").arg(where, key);
    if (d < 0 || d > 1.8e19) return CliText::tr("%1: field '%2' is out of range").arg(where, key);
    *text = QString::number(qulonglong(d));
    return {};
}

} // namespace

QString applySettingsObject(const QJsonObject& obj, shm::ExperimentConfig& cfg,
                            const QString& where, const QString& source, QStringList* given) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const shm::SettingRow* row = settingForKey(it.key());
        if (!row) return CliText::tr("%1: unknown field '%2' in '%3'").arg(where, it.key(), source);
        QString text;
        if (QString err = jsonValueText(*row, where, it.key(), it.value(), &text); !err.isEmpty())
            return err;
        if (QString err = setting_words::valueError(*row, text); !err.isEmpty())
            return QStringLiteral("%1 '%2': %3").arg(where, source, err);
        if (auto err = shm::applySetting(cfg, *row, text.toStdString()))
            return QStringLiteral("%1 '%2': ").arg(where, source) + QString::fromStdString(*err);
        if (given) *given << fromView(row->name);
    }
    return {};
}
