#include "cli/setting_words.h"

#include "cli/cli_text.h"

#include <QByteArray>

namespace setting_words {

namespace {

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// A value as the user gave it, cut as core cuts it (a pasted file stays one short line).
QString quoted(const QString& v) {
    return QLatin1Char('\'') + v.left(40) + (v.size() > 40 ? QStringLiteral("...") : QString()) +
           QLatin1Char('\'');
}

// The table's units, for lupdate (core's table holds them as plain English words).
[[maybe_unused]] constexpr const char* kUnits[] = {
    QT_TRANSLATE_NOOP("CliText", "elements"), QT_TRANSLATE_NOOP("CliText", "bins"),
    QT_TRANSLATE_NOOP("CliText", "locks"),    QT_TRANSLATE_NOOP("CliText", "ms"),
    QT_TRANSLATE_NOOP("CliText", "µs"),       QT_TRANSLATE_NOOP("CliText", "per worker")};

// A count with the row's unit: "20 µs".
QString withUnit(const shm::SettingRow& r, const QString& value) {
    if (r.unit.empty()) return value;
    const QByteArray unit(r.unit.data(), qsizetype(r.unit.size()));
    return value + QLatin1Char(' ') + CliText::tr(unit.constData());
}

} // namespace

QString help(const shm::SettingRow& row) {
    // The table's texts are literals, so data() ends in a NUL; a copy keeps that a non-issue.
    const QByteArray text(row.help.data(), qsizetype(row.help.size()));
    return QCoreApplication::translate("shm::kSettings", text.constData());
}

QString allowed(const shm::SettingRow& r) {
    switch (r.kind) {
    case shm::SettingKind::Count: {
        const QString span = CliText::tr("%1 to %2").arg(r.min).arg(r.max);
        return r.none.empty() ? span : CliText::tr("%1 or %2").arg(span, fromView(r.none));
    }
    case shm::SettingKind::Bool:
        return QStringLiteral("true|false");
    case shm::SettingKind::Enum:
        break;
    }
    QStringList names;
    for (const shm::SettingChoice& c : r.choices)
        names << fromView(c.name);
    return names.join(QLatin1Char('|'));
}

QString range(const shm::SettingRow& r) {
    QString def = shm::isNone(r, r.def)               ? fromView(r.none)
                  : r.kind == shm::SettingKind::Count ? QString::number(r.def)
                  : r.kind == shm::SettingKind::Bool ? QString::fromLatin1(r.def ? "true" : "false")
                                                     : fromView(r.choices[r.def].name);
    def = withUnit(r, def);
    if (r.windowDef != shm::kNoWindowDef)
        def = CliText::tr("%1 (in the window: %2)")
                  .arg(def, withUnit(r, QString::number(r.windowDef)));
    return CliText::tr("%1; default %2").arg(allowed(r), def);
}

QString valueError(const shm::SettingRow& r, const QString& value) {
    const auto problem = shm::valueProblem(r, value.toStdString());
    if (!problem) return {};
    const QString flag = QStringLiteral("--") + fromView(r.name);
    switch (*problem) {
    case shm::ValueProblem::NotWholeNumber:
        return CliText::tr("%1: %2 is not a whole number (%3)")
            .arg(flag, quoted(value), allowed(r));
    case shm::ValueProblem::OutOfRange:
        return CliText::tr("%1: %2 is out of range (%3)").arg(flag, value, allowed(r));
    case shm::ValueProblem::UnknownChoice:
        return CliText::tr("%1: unknown value %2 (expected %3)")
            .arg(flag, quoted(value), allowed(r));
    case shm::ValueProblem::NotBoolean:
        break;
    }
    return CliText::tr("%1: %2 is not a boolean (true|false)").arg(flag, quoted(value));
}

} // namespace setting_words
