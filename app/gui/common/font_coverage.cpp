#include "gui/common/font_coverage.h"

#include <QCoreApplication>
#include <QStringList>

namespace font_coverage {

namespace {

using WS = QFontDatabase::WritingSystem;

// The writing system a letter of `script` needs; Any for scripts not checked.
WS writingSystemOf(QChar::Script script) {
    switch (script) {
    case QChar::Script_Hangul:
        return QFontDatabase::Korean;
    // Han alone: any CJK font has it, so one of them is enough (see uncovered()).
    case QChar::Script_Han:
        return QFontDatabase::SimplifiedChinese;
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
        return QFontDatabase::Japanese;
    case QChar::Script_Cyrillic:
        return QFontDatabase::Cyrillic;
    case QChar::Script_Greek:
        return QFontDatabase::Greek;
    case QChar::Script_Arabic:
        return QFontDatabase::Arabic;
    case QChar::Script_Hebrew:
        return QFontDatabase::Hebrew;
    case QChar::Script_Thai:
        return QFontDatabase::Thai;
    case QChar::Script_Devanagari:
        return QFontDatabase::Devanagari;
    default:
        return QFontDatabase::Any;
    }
}

// A Korean or Japanese font draws Han too.
bool covers(WS ws, const HasFont& has) {
    if (has(ws)) return true;
    if (ws != QFontDatabase::SimplifiedChinese) return false;
    for (WS other :
         {QFontDatabase::TraditionalChinese, QFontDatabase::Japanese, QFontDatabase::Korean})
        if (has(other)) return true;
    return false;
}

// The script's name in English, for a warning that cannot be shown in the language's own letters.
QString englishName(WS ws) {
    switch (ws) {
    case QFontDatabase::Korean:
        return QStringLiteral("Korean");
    case QFontDatabase::SimplifiedChinese:
        return QStringLiteral("Chinese");
    case QFontDatabase::Japanese:
        return QStringLiteral("Japanese");
    case QFontDatabase::Cyrillic:
        return QStringLiteral("Cyrillic");
    case QFontDatabase::Greek:
        return QStringLiteral("Greek");
    case QFontDatabase::Arabic:
        return QStringLiteral("Arabic");
    case QFontDatabase::Hebrew:
        return QStringLiteral("Hebrew");
    case QFontDatabase::Thai:
        return QStringLiteral("Thai");
    default:
        return QStringLiteral("Devanagari");
    }
}

// Which Debian package brings the letters, for the message.
QString packageFor(WS ws) {
    switch (ws) {
    case QFontDatabase::Korean:
        return QStringLiteral("fonts-nanum");
    case QFontDatabase::SimplifiedChinese:
    case QFontDatabase::Japanese:
        return QStringLiteral("fonts-noto-cjk");
    default:
        return QStringLiteral("fonts-noto-core");
    }
}

} // namespace

bool installed(QFontDatabase::WritingSystem ws) {
    return !QFontDatabase::families(ws).isEmpty();
}

QList<QFontDatabase::WritingSystem> uncovered(const QString& text, const HasFont& has) {
    QList<WS> seen, missing;
    for (const uint ucs4 : text.toUcs4()) {
        const WS ws = writingSystemOf(QChar::script(char32_t(ucs4)));
        if (ws == QFontDatabase::Any || seen.contains(ws)) continue;
        seen << ws;
        if (!covers(ws, has)) missing << ws;
    }
    return missing;
}

QString warnOnce(const QString& text, const HasFont& has) {
    static QList<WS> warned; // the GUI thread's only
    QStringList names, english, packages;
    for (const WS ws : uncovered(text, has)) {
        if (warned.contains(ws)) continue;
        warned << ws;
        names << QFontDatabase::writingSystemName(ws);
        english << englishName(ws);
        if (!packages.contains(packageFor(ws))) packages << packageFor(ws);
    }
    if (names.isEmpty()) return {};
    const char* source =
        QT_TRANSLATE_NOOP("font_coverage", "No installed font has %1 letters: they show as "
                                           "empty boxes. Install one (Debian: %2) and start "
                                           "again.");
    QString message =
        QCoreApplication::translate("font_coverage", source)
            .arg(names.join(QStringLiteral(", ")), packages.join(QStringLiteral(", ")));
    // Worded in letters that are missing themselves, the warning would be boxes too.
    if (!uncovered(message, has).isEmpty())
        message = QString::fromUtf8(source).arg(english.join(QStringLiteral(", ")),
                                                packages.join(QStringLiteral(", ")));
    return message;
}

} // namespace font_coverage
