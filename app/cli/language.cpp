#include "cli/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace language {

namespace {
QString g_current; // one language per process: see language.h
} // namespace

QStringList available() {
    return {QStringLiteral("en"), QStringLiteral("ko")};
}

QString fromName(const QString& name) {
    // "ko_KR.UTF-8", "ko-KR", "ko": the part before the territory names the language.
    const QString code = name.section(QLatin1Char('.'), 0, 0)
                             .section(QLatin1Char('_'), 0, 0)
                             .section(QLatin1Char('-'), 0, 0)
                             .toLower();
    return available().contains(code) ? code : QString();
}

QString fromUiLanguages(const QStringList& uiLanguages) {
    for (const QString& l : uiLanguages)
        if (const QString code = fromName(l); !code.isEmpty()) return code;
    return QStringLiteral("en");
}

QString choose(const QString& flag, const QString& saved) {
    if (const QString code = fromName(flag); !code.isEmpty()) return code;
    if (const QString code = fromName(saved); !code.isEmpty()) return code;
    return fromUiLanguages(QLocale::system().uiLanguages());
}

QString install(const QString& lang, QString* note) {
    QCoreApplication* app = QCoreApplication::instance();
    // English is the source text; its file holds only the plural forms ("1 run", "2 runs").
    auto* own = new QTranslator(app);
    if (!own->load(QStringLiteral(":/i18n/shmscope_%1.qm").arg(lang))) {
        delete own;
        return QStringLiteral("the %1 translation is not in this build (:/i18n/shmscope_%1.qm)")
            .arg(lang);
    }
    QCoreApplication::installTranslator(own);
    g_current = lang;
    if (lang == QLatin1String("en")) return {};
    // Qt's own texts (dialog buttons, the file dialog, About Qt) come with Qt, not with us.
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    auto* qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_") + lang, qtDir)) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
        if (note)
            *note = QStringLiteral("Qt's own %1 texts (qtbase_%1.qm) are not in %2: dialog "
                                   "buttons stay English (Debian: install "
                                   "qt6-translations-l10n)")
                        .arg(lang, qtDir);
    }
    return {};
}

QString current() {
    return g_current;
}

QString flagIn(const QStringList& args) {
    QString value;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size())
            value = args[++i];
        else if (args[i].startsWith(QLatin1String("--lang=")))
            value = args[i].mid(7);
    }
    return value;
}

QStringList withoutLanguageFlag(const QStringList& args) {
    QStringList out;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang")) {
            ++i; // and its value
            continue;
        }
        if (!args[i].startsWith(QLatin1String("--lang="))) out << args[i];
    }
    return out;
}

QString nativeName(const QString& lang) {
    if (lang == QLatin1String("ko")) return QStringLiteral("한국어");
    return QStringLiteral("English");
}

} // namespace language
