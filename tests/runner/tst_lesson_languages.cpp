// Lessons in two languages (issue 28): every built-in lesson carries Korean for every text, with
// the English placeholders; a text given per language shows the interface language's, a
// teacher's English-only or plain file still loads and shows its text under Korean; and
// `--lang ko --lesson ID --headless` prints the lesson in Korean while --json keeps its keys.
#include "../test_util.h"
#include "cli/language.h"
#include "lessons/lesson.h"
#include "lessons/lesson_verdict.h"
#include "segment/exit_codes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

class TestLessonLanguages : public QObject {
    Q_OBJECT
  private slots:
    void init();
    void cleanupTestCase();
    void everyBuiltInTextHasKorean_data();
    void everyBuiltInTextHasKorean();
    void builtInLessonsShowKoreanUnderKorean();
    void perLanguageTextFollowsTheLanguage();
    void englishOnlyAndPlainFilesShowTheirText();
    void badPerLanguageTextsAreRefused_data();
    void badPerLanguageTextsAreRefused();
    void headlessLessonInKoreanKeepsJsonKeys();

  private:
    QTemporaryDir m_dir;
};

namespace {

const char* const kTextFields[] = {"title", "story", "look_for", "explain"};

bool hasHangul(const QString& s) {
    for (const QChar c : s)
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3) return true;
    return false;
}

// The {…} placeholders of a require's why, each once: both languages must fill the same ones.
QSet<QString> placeholders(const QString& s) {
    static const QRegularExpression re(QStringLiteral("\\{[a-z%]+\\}"));
    QSet<QString> out;
    for (auto it = re.globalMatch(s); it.hasNext();)
        out.insert(it.next().captured());
    return out;
}

// A lesson as JSON with the given title and story values and a require whose why is `why`.
QJsonObject lessonWith(const QJsonValue& title, const QJsonValue& story, const QJsonValue& why) {
    QJsonObject require{{QStringLiteral("figure"), QStringLiteral("machine.cores")},
                        {QStringLiteral("op"), QStringLiteral(">=")},
                        {QStringLiteral("value"), 1}};
    if (!why.isUndefined()) require.insert(QStringLiteral("why"), why);
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("mine")},
        {QStringLiteral("title"), title},
        {QStringLiteral("story"), story},
        {QStringLiteral("look_for"), QStringLiteral("The array.")},
        {QStringLiteral("explain"), QStringLiteral("Each element once.")},
        {QStringLiteral("runs"),
         QJsonArray{QJsonObject{
             {QStringLiteral("label"), QStringLiteral("A")},
             {QStringLiteral("config"),
              QJsonObject{{QStringLiteral("workers"), 2}, {QStringLiteral("elements"), 20000}}}}}},
        {QStringLiteral("expect"),
         QJsonArray{QJsonObject{{QStringLiteral("run"), QStringLiteral("A")},
                                {QStringLiteral("figure"), QStringLiteral("mismatches")},
                                {QStringLiteral("op"), QStringLiteral("==")},
                                {QStringLiteral("value"), 0}}}},
        {QStringLiteral("require"), QJsonArray{require}}};
}

QJsonObject enKo(const char* en, const char* ko) {
    return {{QStringLiteral("en"), QString::fromUtf8(en)},
            {QStringLiteral("ko"), QString::fromUtf8(ko)}};
}

// Every key path of a JSON value ("lesson.expect[].holds"), array items merged.
void keyPaths(const QJsonValue& v, const QString& at, QSet<QString>* out) {
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString path =
                at.isEmpty() ? it.key() : QString(at + QLatin1Char('.') + it.key());
            out->insert(path);
            keyPaths(it.value(), path, out);
        }
    } else if (v.isArray()) {
        for (const QJsonValue& item : v.toArray())
            keyPaths(item, at + QStringLiteral("[]"), out);
    }
}

} // namespace

void TestLessonLanguages::init() {
    QVERIFY(language::install(QStringLiteral("en")).isEmpty());
}

void TestLessonLanguages::cleanupTestCase() {
    language::install(QStringLiteral("en"));
}

void TestLessonLanguages::everyBuiltInTextHasKorean_data() {
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(":/lessons"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 13);
    for (const QString& name : files)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

// The files as written: each text an {"en", "ko"} object, the Korean in Hangul, a why's
// placeholders the same in both.
void TestLessonLanguages::everyBuiltInTextHasKorean() {
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject lesson = QJsonDocument::fromJson(f.readAll()).object();
    QList<QPair<QString, QJsonValue>> texts;
    for (const char* key : kTextFields)
        texts.append({QString::fromLatin1(key), lesson[QLatin1String(key)]});
    const QJsonArray require = lesson[QLatin1String("require")].toArray();
    for (int i = 0; i < require.size(); ++i)
        if (require[i].toObject().contains(QLatin1String("why")))
            texts.append(
                {QStringLiteral("require[%1].why").arg(i), require[i][QLatin1String("why")]});
    for (const auto& [where, v] : texts) {
        const QString at = file + QStringLiteral(": ") + where;
        QVERIFY2(v.isObject(), qPrintable(at + QStringLiteral(" is not {\"en\", \"ko\"}")));
        const QString en = v[QLatin1String("en")].toString(),
                      ko = v[QLatin1String("ko")].toString();
        QVERIFY2(!en.trimmed().isEmpty(), qPrintable(at + QStringLiteral(": no English")));
        QVERIFY2(hasHangul(ko), qPrintable(at + QStringLiteral(": no Korean")));
        QVERIFY2(placeholders(en) == placeholders(ko),
                 qPrintable(at + QStringLiteral(": placeholders differ: ") + ko));
    }
}

// Through the parser: under Korean every shown text is Korean and differs from the English one.
void TestLessonLanguages::builtInLessonsShowKoreanUnderKorean() {
    const QList<Lesson> english = builtInLessons();
    QVERIFY(language::install(QStringLiteral("ko")).isEmpty());
    const QList<Lesson> korean = builtInLessons();
    QCOMPARE(korean.size(), english.size());
    for (qsizetype i = 0; i < korean.size(); ++i) {
        const Lesson& k = korean[i];
        for (const QString& t : {k.title, k.story, k.lookFor, k.explain})
            QVERIFY2(hasHangul(t), qPrintable(k.id + QStringLiteral(": ") + t));
        QCOMPARE(k.english.title, english[i].title);
        QCOMPARE(k.english.story, english[i].story);
        QCOMPARE(k.lookAt, english[i].lookAt); // from the English look_for, or look_at
        for (const LessonRequire& q : k.require)
            if (!q.englishWhy.isEmpty()) QVERIFY2(hasHangul(q.why), qPrintable(k.id + q.why));
    }
}

void TestLessonLanguages::perLanguageTextFollowsTheLanguage() {
    const QJsonObject obj =
        lessonWith(enKo("Each element once", "요소마다 한 번"), enKo("A story.", "이야기입니다."),
                   enKo("needed {value%}", "{value%} 필요"));
    QString err;
    auto en = parseLesson(obj, QStringLiteral("test"), &err);
    QVERIFY2(en, qPrintable(err));
    QCOMPARE(en->title, QStringLiteral("Each element once"));
    QCOMPARE(en->require[0].why, QStringLiteral("needed {value%}"));
    QVERIFY(language::install(QStringLiteral("ko")).isEmpty());
    auto ko = parseLesson(obj, QStringLiteral("test"), &err);
    QVERIFY2(ko, qPrintable(err));
    QCOMPARE(ko->title, QStringLiteral("요소마다 한 번"));
    QCOMPARE(ko->story, QStringLiteral("이야기입니다."));
    QCOMPARE(ko->english.title, QStringLiteral("Each element once"));
    QCOMPARE(ko->require[0].why, QStringLiteral("{value%} 필요"));
    QCOMPARE(ko->require[0].englishWhy, QStringLiteral("needed {value%}"));
    // The sentence of a failed require: Korean shown, English for --json.
    RequireResult failed;
    failed.observed = 0.0;
    QCOMPARE(requireReason(ko->require[0], failed, true), QStringLiteral("100 % 필요"));
    QCOMPARE(requireReason(ko->require[0], failed, false), QStringLiteral("needed 100 %"));
}

// A teacher's file written before languages existed, or in English only: under Korean it
// shows what it says.
void TestLessonLanguages::englishOnlyAndPlainFilesShowTheirText() {
    QVERIFY(language::install(QStringLiteral("ko")).isEmpty());
    QString err;
    const auto plain =
        parseLesson(lessonWith(QStringLiteral("Plain title"), QStringLiteral("우리 반 이야기"),
                               QJsonValue(QJsonValue::Undefined)),
                    QStringLiteral("test"), &err);
    QVERIFY2(plain, qPrintable(err));
    QCOMPARE(plain->title, QStringLiteral("Plain title"));
    QCOMPARE(plain->story, QStringLiteral("우리 반 이야기"));
    const QJsonObject onlyEn{{QStringLiteral("en"), QStringLiteral("English only")}};
    const auto english =
        parseLesson(lessonWith(onlyEn, onlyEn, onlyEn), QStringLiteral("test"), &err);
    QVERIFY2(english, qPrintable(err));
    QCOMPARE(english->title, QStringLiteral("English only"));
    QCOMPARE(english->require[0].why, QStringLiteral("English only"));

    // And through the binary: --lang ko --list-lessons with the file shows its English title.
    const QString path = m_dir.filePath(QStringLiteral("english.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        QJsonDocument(lessonWith(onlyEn, QStringLiteral("s"), QJsonValue(QJsonValue::Undefined)))
            .toJson());
    f.close();
    const auto r =
        testutil::runCli({QStringLiteral("--lang"), QStringLiteral("ko"),
                          QStringLiteral("--list-lessons"), QStringLiteral("--lesson-file"), path});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(QStringLiteral("mine ")) && out.contains(QStringLiteral("English only")),
             r.out.constData());
    QVERIFY2(out.contains(QStringLiteral("공유 메모리")),
             r.out.constData()); // built-in ones in Korean
}

void TestLessonLanguages::badPerLanguageTextsAreRefused_data() {
    QTest::addColumn<QJsonValue>("title");
    QTest::addColumn<QString>("says");
    QTest::newRow("no English") << QJsonValue(
                                       QJsonObject{{QStringLiteral("ko"), QStringLiteral("제목")}})
                                << QStringLiteral("field 'title' needs its English text");
    QTest::newRow("unknown language")
        << QJsonValue(QJsonObject{{QStringLiteral("en"), QStringLiteral("t")},
                                  {QStringLiteral("fr"), QStringLiteral("titre")}})
        << QStringLiteral("field 'title': 'fr' is not a language (en, ko)");
    QTest::newRow("empty Korean") << QJsonValue(
                                         QJsonObject{{QStringLiteral("en"), QStringLiteral("t")},
                                                     {QStringLiteral("ko"), QStringLiteral(" ")}})
                                  << QStringLiteral("field 'title'.ko must be a non-empty string");
    QTest::newRow("a number") << QJsonValue(3)
                              << QStringLiteral("field 'title' must be a string or {");
}

void TestLessonLanguages::badPerLanguageTextsAreRefused() {
    QFETCH(QJsonValue, title);
    QFETCH(QString, says);
    const QString path = m_dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(lessonWith(title, QStringLiteral("s"), QJsonValue(QJsonValue::Undefined)))
                .toJson());
    f.close();
    const auto r =
        testutil::runCli({QStringLiteral("--lesson"), QStringLiteral("mine"),
                          QStringLiteral("--lesson-file"), path, QStringLiteral("--headless")});
    SHMSCOPE_VERIFY_REFUSED(r, says);
}

// The text output in Korean (the story, the verdict's word); the --json output has the same
// keys, and the same English title, as without --lang ko.
void TestLessonLanguages::headlessLessonInKoreanKeepsJsonKeys() {
    const QStringList lesson{QStringLiteral("--lesson"), QStringLiteral("seed-job"),
                             QStringLiteral("--headless"), QStringLiteral("--elements"),
                             QStringLiteral("20000")};
    const QStringList ko{QStringLiteral("--lang"), QStringLiteral("ko")};
    const auto text = testutil::runCli(ko + lesson);
    QCOMPARE(text.exitCode, 0);
    const QString out = QString::fromUtf8(text.out);
    QVERIFY(language::install(QStringLiteral("ko")).isEmpty());
    const Lesson* seedJob = nullptr;
    for (const Lesson& l : builtInLessons())
        if (l.id == QLatin1String("seed-job")) seedJob = &l;
    QVERIFY(seedJob);
    for (const QString& t : {seedJob->title, seedJob->story, seedJob->lookFor, seedJob->explain}) {
        QVERIFY(hasHangul(t));
        QVERIFY2(out.contains(t), qPrintable(t));
    }
    // The words around them as the Korean translation has them (the verdict's are translated).
    QVERIFY2(out.contains(QCoreApplication::translate("LessonHeadless", "Look for:")),
             text.out.constData());
    QVERIFY2(out.contains(QStringLiteral("확인됨")) ||
                 out.contains(QStringLiteral("확인되지 않음")) ||
                 out.contains(QStringLiteral("판정 불가")),
             text.out.constData());
    language::install(QStringLiteral("en"));

    const auto english = testutil::runCli(lesson + QStringList{QStringLiteral("--json")});
    const auto korean = testutil::runCli(ko + lesson + QStringList{QStringLiteral("--json")});
    QCOMPARE(english.exitCode, 0);
    QCOMPARE(korean.exitCode, 0);
    const QJsonObject e = QJsonDocument::fromJson(english.out).object();
    const QJsonObject k = QJsonDocument::fromJson(korean.out).object();
    QVERIFY2(!e.isEmpty() && !k.isEmpty(), korean.out.constData());
    QSet<QString> ek, kk;
    keyPaths(e[QLatin1String("lesson")], QStringLiteral("lesson"), &ek);
    keyPaths(k[QLatin1String("lesson")], QStringLiteral("lesson"), &kk);
    QCOMPARE(kk, ek);
    const QJsonArray eRuns = e[QLatin1String("runs")].toArray(),
                     kRuns = k[QLatin1String("runs")].toArray();
    QCOMPARE(kRuns.size(), eRuns.size());
    for (qsizetype i = 0; i < kRuns.size(); ++i)
        QCOMPARE(kRuns[i].toObject().keys(), eRuns[i].toObject().keys());
    QCOMPARE(k[QLatin1String("lesson")][QLatin1String("title")],
             e[QLatin1String("lesson")][QLatin1String("title")]);
    QVERIFY(!hasHangul(QString::fromUtf8(korean.out)));
}

QTEST_GUILESS_MAIN(TestLessonLanguages)
#include "tst_lesson_languages.moc"
