#include "cli/config_json.h"

#include "cli/cli_text.h"
#include "cli/setting_words.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>

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

namespace {
// The string token that starts at json[i] (a '"'), as JSON decodes it; i moves past it.
QString readString(const QByteArray& json, qsizetype& i) {
    const qsizetype start = i++;
    bool escaped = false;
    for (; i < json.size() && json[i] != '"'; ++i)
        if (json[i] == '\\') {
            escaped = true;
            ++i; // the escaped character, a quote included
        }
    const qsizetype end = std::min(i + 1, json.size()); // past the closing quote
    i = end;
    const QByteArray raw = json.mid(start, end - start);
    if (!escaped) return QString::fromUtf8(raw.mid(1, raw.size() - 2));
    // Escapes (\u0077orkers is "workers") decoded by the JSON parser itself, for this key only.
    return QJsonDocument::fromJson(QByteArray('[' + raw + ']')).array().at(0).toString();
}
} // namespace

QStringList repeatedKeys(const QByteArray& json) {
    QHash<QString, int> seen;
    QStringList repeated;
    int depth = 0;
    for (qsizetype i = 0; i < json.size();) {
        const char c = json[i];
        if (c == '"') {
            QString s = readString(json, i);
            if (depth != 1) continue; // a value inside a nested array or object
            qsizetype j = i;
            while (j < json.size() &&
                   (json[j] == ' ' || json[j] == '\t' || json[j] == '\n' || json[j] == '\r'))
                ++j;
            if (j < json.size() && json[j] == ':' && ++seen[s] == 2) repeated << std::move(s);
            continue;
        }
        if (c == '{' || c == '[') ++depth;
        if (c == '}' || c == ']') --depth;
        ++i;
    }
    std::sort(repeated.begin(), repeated.end());
    return repeated;
}
