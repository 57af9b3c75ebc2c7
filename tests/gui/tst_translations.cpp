// The language: which one --lang, a saved choice and the locale pick (cli/language.h), that the
// Korean translation compiled into the program is installed with Qt's own, that the settings
// table's texts (which live in the Qt-free core) all reach the .ts file, and that the window
// comes up in Korean with View > Language showing it.
#include "cli/language.h"
#include "gui/common/font_coverage.h"
#include "gui/main_window.h"
#include "gui/setting_texts.h"
#include "model/settings.h"

#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>
#include <QTest>

#include <set>
#include <string>

class TestTranslations : public QObject {
    Q_OBJECT
  private slots:
    void fromName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code");
        QTest::newRow("ko") << QStringLiteral("ko") << QStringLiteral("ko");
        QTest::newRow("upper case") << QStringLiteral("KO") << QStringLiteral("ko");
        QTest::newRow("LANG form") << QStringLiteral("ko_KR.UTF-8") << QStringLiteral("ko");
        QTest::newRow("BCP 47") << QStringLiteral("ko-KR") << QStringLiteral("ko");
        QTest::newRow("en_US") << QStringLiteral("en_US.UTF-8") << QStringLiteral("en");
        QTest::newRow("no translation") << QStringLiteral("de_DE") << QString();
        QTest::newRow("C") << QStringLiteral("C.UTF-8") << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void fromName() {
        QFETCH(QString, name);
        QFETCH(QString, code);
        QCOMPARE(language::fromName(name), code);
    }

    void choice() {
        // The first UI language we have wins; none of ours: English, the source text.
        QCOMPARE(language::fromUiLanguages({QStringLiteral("de-DE"), QStringLiteral("ko-KR")}),
                 QStringLiteral("ko"));
        QCOMPARE(language::fromUiLanguages({QStringLiteral("C")}), QStringLiteral("en"));
        QCOMPARE(language::fromUiLanguages({}), QStringLiteral("en"));
        // --lang beats the saved choice, which beats the locale.
        QCOMPARE(language::choose(QStringLiteral("en"), QStringLiteral("ko")),
                 QStringLiteral("en"));
        QCOMPARE(language::choose(QString(), QStringLiteral("ko")), QStringLiteral("ko"));
        // The tests run with LC_ALL=C.UTF-8 and no LANGUAGE (tests/CMakeLists.txt).
        QCOMPARE(language::choose(QString()), QStringLiteral("en"));
    }

    void restartDropsTheFlag() {
        const QStringList args{QStringLiteral("--workers"), QStringLiteral("8"),
                               QStringLiteral("--lang"),    QStringLiteral("ko"),
                               QStringLiteral("--lang=en"), QStringLiteral("run.shmscope")};
        QCOMPARE(language::withoutLanguageFlag(args),
                 (QStringList{QStringLiteral("--workers"), QStringLiteral("8"),
                              QStringLiteral("run.shmscope")}));
    }

    // Before any install: the source text. After: ours and Qt's own Korean.
    void installsKorean() {
        const char* file = "&File";
        QCOMPARE(QCoreApplication::translate("MainWindow", file), QString::fromLatin1(file));
        QString note;
        QCOMPARE(language::install(QStringLiteral("ko"), &note), QString());
        QCOMPARE(language::current(), QStringLiteral("ko"));
        QCOMPARE(QCoreApplication::translate("MainWindow", file), QStringLiteral("파일(&F)"));
        QVERIFY2(note.isEmpty(), qPrintable(note)); // qt6-translations-l10n is installed
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("취소"));
    }

    // The font warning in Korean, unless Hangul is what is missing: then in English, or it
    // would be boxes itself.
    void fontWarningIsReadable() {
        const auto without = [](QFontDatabase::WritingSystem missing) {
            return [missing](QFontDatabase::WritingSystem ws) { return ws != missing; };
        };
        const QString greek =
            font_coverage::warnOnce(QStringLiteral("αβγ"), without(QFontDatabase::Greek));
        QVERIFY2(greek.startsWith(QStringLiteral("설치된 글꼴")), qPrintable(greek));
        const QString korean =
            font_coverage::warnOnce(QStringLiteral("작업자"), without(QFontDatabase::Korean));
        QVERIFY2(korean.startsWith(QLatin1String("No installed font has Korean letters")),
                 qPrintable(korean));
    }

    // Every group, label and help of the table: listed for lupdate, and translated.
    void settingsTableIsTranslated() {
        std::set<std::string> listed;
        for (const char* t : settingTexts())
            listed.insert(t);
        QStringList problems;
        auto check = [&](std::string_view text) {
            if (text.empty()) return;
            const std::string s(text);
            if (!listed.count(s))
                problems << QStringLiteral("not in app/gui/setting_texts.cpp, add: "
                                           "QT_TRANSLATE_NOOP(\"shm::kSettings\", \"%1\"),")
                                .arg(QString::fromStdString(s));
            else if (QCoreApplication::translate("shm::kSettings", s.c_str()) ==
                     QString::fromStdString(s))
                problems << QStringLiteral("no Korean for \"%1\" (run the update_translations "
                                           "target, translate it in resources/translations)")
                                .arg(QString::fromStdString(s));
        };
        for (const shm::SettingRow& r : shm::kSettings) {
            check(r.group);
            check(r.label);
            check(r.help);
            for (const shm::SettingChoice& c : r.choices)
                check(c.help);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void windowInKorean() {
        CliOptions o;
        MainWindow w(o, false);
        QStringList titles;
        for (const QAction* a : w.menuBar()->actions())
            titles << a->text();
        QCOMPARE(titles.first(), QStringLiteral("파일(&F)"));
        auto* languages = w.findChild<QMenu*>(QStringLiteral("languageMenu"));
        QVERIFY(languages);
        QStringList names;
        for (const QAction* a : languages->actions()) {
            names << a->text();
            QCOMPARE(a->isChecked(), a->objectName() == QLatin1String("language-ko"));
        }
        QCOMPARE(names, (QStringList{QStringLiteral("English"), QStringLiteral("한국어")}));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
