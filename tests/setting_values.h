#pragma once
// Values derived from a row of shm::kSettings, for table-driven tests: every test that uses
// these walks the real table, so a new row is tested without touching the tests.
#include "model/settings.h"

#include <QList>
#include <QString>
#include <QTest>

#include <limits>

namespace settingvalues {

inline QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

inline QString flag(const shm::SettingRow& r) {
    return QStringLiteral("--") + qs(r.name);
}

// A valid value other than the default that keeps the default config valid and small.
inline uint64_t nonDefault(const shm::SettingRow& r) {
    switch (r.kind) {
    case shm::SettingKind::Count:
        if (shm::isNone(r, r.def)) return r.min;
        return r.def < r.max ? r.def + 1 : r.def - 1;
    case shm::SettingKind::Enum:
        return (r.def + 1) % r.choices.size();
    case shm::SettingKind::Bool:
        break;
    }
    return 1 - r.def;
}

// The text a flag takes for value v of row r ("5", "histogram", "false").
inline QString text(const shm::SettingRow& r, uint64_t v) {
    shm::ExperimentConfig c;
    r.set(c, v);
    return QString::fromStdString(shm::settingText(r, c));
}

struct BadValue {
    QString tag;
    QString value;
    QString says; // what the one-line error must say besides the flag
};

// Values the row must refuse on the command line.
inline QList<BadValue> badValues(const shm::SettingRow& r) {
    QList<BadValue> out;
    switch (r.kind) {
    case shm::SettingKind::Count:
        if (r.max < std::numeric_limits<uint64_t>::max())
            out.append({QStringLiteral("above max"), QString::number(r.max + 1),
                        QStringLiteral("is out of range")});
        if (r.min > 0)
            out.append({QStringLiteral("below min"), QString::number(r.min - 1),
                        QStringLiteral("is out of range")});
        out.append({QStringLiteral("not a number"), QStringLiteral("12abc"),
                    QStringLiteral("is not a whole number")});
        out.append({QStringLiteral("negative"), QStringLiteral("-1"),
                    QStringLiteral("is not a whole number")});
        out.append({QStringLiteral("fraction"), QStringLiteral("1.5"),
                    QStringLiteral("is not a whole number")});
        break;
    case shm::SettingKind::Enum:
        out.append({QStringLiteral("unknown name"), QStringLiteral("no-such-choice"),
                    QStringLiteral("unknown value")});
        out.append({QStringLiteral("index"), QStringLiteral("1"), QStringLiteral("unknown value")});
        break;
    case shm::SettingKind::Bool:
        out.append({QStringLiteral("not a boolean"), QStringLiteral("maybe"),
                    QStringLiteral("is not a boolean")});
        break;
    }
    out.append({QStringLiteral("empty"), QString(), QString()});
    return out;
}

// A `row` column with one data row per setting, named after it: for the table-driven tests.
inline void addRowPerSetting() {
    QTest::addColumn<int>("row");
    for (size_t i = 0; i < std::size(shm::kSettings); ++i)
        QTest::addRow("%s", std::string(shm::kSettings[i].name).c_str()) << int(i);
}

} // namespace settingvalues
