#pragma once
// The interface language: English (the source text) or Korean (resources/translations,
// docs/translating.md). Chosen once at start-up, before any text is shown, and fixed for the
// process: the window's widgets are built from tr() once, so View > Language saves the choice
// and offers a restart rather than retranslating every widget in place.
#include <QString>
#include <QStringList>

namespace language {

// The languages with a translation compiled in, source language first: "en", "ko".
QStringList available();

// The code for a --lang value ("ko", "KO", "ko_KR.UTF-8" all mean "ko"), or empty when it is
// not one of available().
QString fromName(const QString& name);

// The language of a list of UI languages as QLocale::uiLanguages() gives them ("ko-KR", "en"):
// the first that is available(), else "en". A pure function, so the choice is testable
// without changing the environment.
QString fromUiLanguages(const QStringList& uiLanguages);

// The language to use: `flag` (--lang) if given, else `saved` (the window's View > Language)
// if given, else the system locale's (Qt reads LANGUAGE, then LC_ALL, LC_MESSAGES, LANG).
QString choose(const QString& flag, const QString& saved = {});

// Loads `lang`'s translations (ours from :/i18n, Qt's own from its translations directory) and
// installs them into the QCoreApplication, which must exist. A note for stderr when Qt's own
// are missing (package qt6-translations-l10n): its dialogs' buttons then stay English.
// Returns an error when ours is missing, which only a broken build can cause.
QString install(const QString& lang, QString* note = nullptr);

// The language install() installed last (empty before): the window's View > Language checks it.
QString current();

// The value of --lang among the arguments (without the program), "--lang ko" or "--lang=ko",
// the last one given; empty when there is none. Read before the command line is parsed, so
// that --help and the parser's errors come in that language.
QString flagIn(const QStringList& args);

// The arguments (without the program) with --lang and its value taken out, for a restart that
// should follow the saved View > Language choice instead.
QStringList withoutLanguageFlag(const QStringList& args);

// The name of a language in itself, for the menu: "English", "한국어".
QString nativeName(const QString& lang);

// Where the window keeps View > Language (QSettings).
inline constexpr char kSettingsKey[] = "language";

} // namespace language
