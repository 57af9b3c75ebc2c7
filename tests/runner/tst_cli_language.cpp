// The command line in the interface language (issue 28): --lang ko, or a Korean locale, words
// --help and the parser's errors through the Korean translation before anything is parsed;
// flag names stay English; --man and --lang en stay English whatever the locale.
#include "../test_util.h"
#include "cli/cli_options.h"
#include "cli/language.h"
#include "cli/setting_words.h"
#include "segment/exit_codes.h"

#include <QProcess>
#include <QTest>

class TestCliLanguage : public QObject {
    Q_OBJECT
  private slots:
    void cleanup();
    void helpInKoreanByFlagOrLocale_data();
    void helpInKoreanByFlagOrLocale();
    void englishWhenAskedOrForTheManPage();
    void errorsInKorean_data();
    void errorsInKorean();
};

namespace {

bool hasHangul(const QString& s) {
    for (const QChar c : s)
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3) return true;
    return false;
}

// shmscope with these arguments, in this locale (LANG; LC_ALL and LANGUAGE cleared, which the
// test environment sets to C.UTF-8 and empty).
testutil::Result runIn(const QString& lang, const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LANG"), lang);
    p.setProcessEnvironment(env);
    p.start(testutil::shmscopePath(), args);
    testutil::Result r;
    if (!p.waitForStarted(10000)) return r;
    r.pid = p.processId(); // 0 once it ended
    if (!p.waitForFinished(60000)) return r;
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

const shm::SettingRow& row(const char* name) {
    return *shm::findSetting(name);
}

} // namespace

void TestCliLanguage::cleanup() {
    language::install(QStringLiteral("en"));
}

void TestCliLanguage::helpInKoreanByFlagOrLocale_data() {
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("--lang ko") << QStringLiteral("C.UTF-8")
                               << QStringList{QStringLiteral("--lang"), QStringLiteral("ko"),
                                              QStringLiteral("--help")};
    QTest::newRow("--lang=ko after --help")
        << QStringLiteral("C.UTF-8")
        << QStringList{QStringLiteral("--help"), QStringLiteral("--lang=ko")};
    QTest::newRow("LANG=ko_KR.UTF-8")
        << QStringLiteral("ko_KR.UTF-8") << QStringList{QStringLiteral("--help")};
}

// The whole text is what the Korean translation makes of it here, the settings' help (already
// translated) is Korean, and the flags are the English ones.
void TestCliLanguage::helpInKoreanByFlagOrLocale() {
    QFETCH(QString, locale);
    QFETCH(QStringList, args);
    const auto r = runIn(locale, args);
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY(language::install(QStringLiteral("ko")).isEmpty());
    QCOMPARE(out, helpText());
    QVERIFY2(out.contains(setting_words::help(row("workers"))), r.out.constData());
    QVERIFY2(hasHangul(setting_words::help(row("workers"))), "the settings' help is translated");
    for (const char* flag : {"--workers N", "--sync NAME", "--lang en|ko", "--headless"})
        QVERIFY2(out.contains(QLatin1String(flag)), flag);
}

void TestCliLanguage::englishWhenAskedOrForTheManPage() {
    const auto en =
        runIn(QStringLiteral("ko_KR.UTF-8"),
              {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")});
    QCOMPARE(en.exitCode, 0);
    QVERIFY2(!hasHangul(QString::fromUtf8(en.out)), en.out.constData());
    QVERIFY(en.out.startsWith("Usage: shmscope [options]\n"));
    QVERIFY(en.out.contains("worker processes sharing the array (1 to 256; default 4)"));
    const auto man = runIn(QStringLiteral("ko_KR.UTF-8"), {QStringLiteral("--man")});
    QCOMPARE(man.exitCode, 0);
    QVERIFY2(!hasHangul(QString::fromUtf8(man.out)), "the man page is English");
    QVERIFY(man.out.contains(".SH EXPERIMENT SETTINGS"));
    QVERIFY(man.out.contains("worker processes sharing the array"));
}

void TestCliLanguage::errorsInKorean_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected"); // the text as the Korean translation words it
    QVERIFY(language::install(QStringLiteral("ko")).isEmpty());
    QTest::newRow("--workers abc")
        << QStringList{QStringLiteral("--workers"), QStringLiteral("abc")}
        << setting_words::valueError(row("workers"), QStringLiteral("abc"));
    QTest::newRow("--workers 300")
        << QStringList{QStringLiteral("--workers"), QStringLiteral("300")}
        << setting_words::valueError(row("workers"), QStringLiteral("300"));
    QTest::newRow("--sync fast") << QStringList{QStringLiteral("--sync"), QStringLiteral("fast")}
                                 << setting_words::valueError(row("sync"), QStringLiteral("fast"));
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--wrokers"), QStringLiteral("2")}
        << parseCommandLine({QStringLiteral("--wrokers"), QStringLiteral("2")}).error;
    QTest::newRow("missing value") << QStringList{QStringLiteral("--screenshot")}
                                   << parseCommandLine({QStringLiteral("--screenshot")}).error;
    QTest::newRow("modes")
        << QStringList{QStringLiteral("--repeat"), QStringLiteral("2")}
        << parseCommandLine({QStringLiteral("--repeat"), QStringLiteral("2")}).error;
    language::install(QStringLiteral("en"));
}

// Each refused in one line on stderr, worded by the Korean translation (the same words this
// process gets from it), with the flag named in English.
void TestCliLanguage::errorsInKorean() {
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QVERIFY(!expected.isEmpty());
    QVERIFY(expected.contains(QLatin1String("--")));
    const auto r =
        runIn(QStringLiteral("C.UTF-8"), QStringList{QStringLiteral("--lang"), QStringLiteral("ko"),
                                                     QStringLiteral("--headless")} +
                                             args);
    SHMSCOPE_VERIFY_REFUSED(r, QString(QStringLiteral("shmscope: ") + expected));
    // And in English the same refusal reads as core and the parser word it.
    const auto en =
        runIn(QStringLiteral("C.UTF-8"), QStringList{QStringLiteral("--headless")} + args);
    QCOMPARE(en.exitCode, int(shm::exit_code::kBadInput));
    QVERIFY2(!hasHangul(QString::fromUtf8(en.err)), en.err.constData());
}

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "tst_cli_language.moc"
