#include "lessons/lesson_headless.h"

#include "lessons/lesson.h"
#include "lessons/lesson_play.h"
#include "runner/recording_session.h"
#include "runner/run_player.h"
#include "segment/exit_codes.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace {

// The expectations (and requires) as JSON, each with what was observed, and as lines for the
// text verdict.
void describeExpectations(const Lesson& lesson, const LessonOutcome& outcome, QJsonArray* expect,
                          QJsonArray* require, QStringList* lines) {
    auto line = [&](bool holds, const QString& what, const QString& op, const QJsonValue& value,
                    const QJsonValue& observed) {
        //: A lesson's expectation: "✓ A.lost_updates > 0: observed 1234"
        *lines << QCoreApplication::translate("LessonHeadless", "  %1 %2 %3 %4: observed %5")
                      .arg(holds ? QStringLiteral("✓") : QStringLiteral("✗"), what, op,
                           writtenText(value),
                           observed.isUndefined() ? QStringLiteral("—") : observedText(observed));
    };
    for (int i = 0; i < lesson.require.size(); ++i) {
        const LessonRequire& q = lesson.require[i];
        const RequireResult& r = outcome.requireResults[i];
        QJsonObject j = q.json;
        j.insert(QStringLiteral("observed"), r.observed.isUndefined() ? QJsonValue() : r.observed);
        j.insert(QStringLiteral("holds"), r.holds);
        // "why" stays one English sentence, however many languages the file gave it in.
        if (!r.holds)
            j.insert(QStringLiteral("why"), requireReason(q, r, false));
        else if (j.contains(QLatin1String("why")))
            j.insert(QStringLiteral("why"), q.englishWhy);
        require->append(j);
        line(r.holds, QCoreApplication::translate("LessonVerdict", "requires %1").arg(q.written),
             q.op, q.value, r.observed);
    }
    for (int i = 0; i < lesson.expect.size(); ++i) {
        const LessonExpect& e = lesson.expect[i];
        const ExpectResult& r = outcome.results[i];
        QJsonObject j = e.json;
        j.insert(QStringLiteral("observed"), r.observed.isUndefined() ? QJsonValue() : r.observed);
        j.insert(QStringLiteral("holds"), r.holds);
        if (!r.holds) j.insert(QStringLiteral("why"), r.why);
        expect->append(j);
        line(r.holds, e.describe(), e.op, e.value, r.observed);
    }
}

void printJson(const Lesson& lesson, const LessonOutcome& outcome, const QJsonArray& expect,
               const QJsonArray& require) {
    QJsonArray runs;
    for (const QJsonObject& r : outcome.reports)
        runs.append(r);
    QJsonObject l{{QStringLiteral("id"), lesson.id},
                  {QStringLiteral("title"), lesson.english.title},
                  {QStringLiteral("seen"), outcome.seen},
                  {QStringLiteral("verdict"), verdictKey(outcome.verdict)},
                  {QStringLiteral("reasons"), QJsonArray::fromStringList(outcome.reasons)},
                  {QStringLiteral("expect"), expect}};
    if (!lesson.require.isEmpty()) l.insert(QStringLiteral("require"), require);
    const QJsonObject out{{QStringLiteral("lesson"), l}, {QStringLiteral("runs"), runs}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
}

// "Seen", "Not seen: A.lost_updates > 0: observed 0" or "Inconclusive: <reason>".
QString verdictLine(const Lesson& lesson, const LessonOutcome& outcome) {
    const QStringList why = outcome.reasonTexts(lesson);
    if (outcome.verdict == LessonVerdict::Seen || why.isEmpty())
        return verdictName(outcome.verdict);
    return verdictName(outcome.verdict) + QStringLiteral(": ") + why.join(QStringLiteral("; "));
}

void printText(const Lesson& lesson, const LessonOutcome& outcome, const QStringList& lines) {
    std::printf("%s — %s\n\n%s\n\n%s %s\n\n", qPrintable(lesson.id), qPrintable(lesson.title),
                qPrintable(lesson.story),
                qPrintable(QCoreApplication::translate("LessonHeadless", "Look for:")),
                qPrintable(lesson.lookFor));
    for (const QJsonObject& j : outcome.reports) {
        const QString failure =
            j[QLatin1String("failure")].isString()
                ? QString(QStringLiteral(" (") + j[QLatin1String("failure")].toString() +
                          QLatin1Char(')'))
                : QString();
        const QString line =
            QCoreApplication::translate(
                "LessonHeadless",
                "run %1: %2, compute %3 s, CPU %4 s, mismatches %5, unwritten %6, lost updates "
                "%7%8")
                .arg(j[QLatin1String("label")].toString(),
                     statusName(j[QLatin1String("status")].toString()))
                .arg(j[QLatin1String("compute_seconds")].toDouble(), 0, 'f', 3)
                .arg(j[QLatin1String("cpu_seconds")].toDouble(), 0, 'f', 3)
                .arg(j[QLatin1String("mismatches")].toInteger())
                .arg(j[QLatin1String("unwritten")].toInteger())
                .arg(j[QLatin1String("lost_updates")].toInteger())
                .arg(failure);
        std::printf("%s\n", qPrintable(line));
    }
    std::printf("\n%s\n%s\n\n%s\n", qPrintable(verdictLine(lesson, outcome)),
                qPrintable(lines.join(QLatin1Char('\n'))), qPrintable(lesson.explain));
}

// The lesson's runs in turn, settings given as flags (not from a --config file) winning over
// the lesson's: `--lesson lost-updates --workers 8` tries it with more workers. The exit code
// of a run that could not start (2 for settings the flags made invalid), else kOk.
int playRuns(const CliOptions& o, const Lesson& lesson, LessonOutcome* outcome,
             RecordingSession* recording) {
    RunPlayer player;
    player.setGivenSettings(o.flagsGiven, o.config);
    if (recording) { // the lesson as written, so an opened recording judges it again
        const QByteArray definition = QJsonDocument(lesson.json).toJson(QJsonDocument::Compact);
        player.setRecordGroup(
            recording->beginGroup({"lesson", lesson.id.toStdString(), definition.toStdString()}));
        player.setRecorder(&recording->recorder());
    }
    int code = shm::exit_code::kOk;
    auto announce = [&](const QString& label) {
        if (!o.json)
            std::fprintf(
                stderr, "shmscope: %s\n",
                qPrintable(QCoreApplication::translate("LessonHeadless", "lesson %1, run %2 ...")
                               .arg(lesson.id, label)));
    };
    QObject::connect(
        &player, &RunPlayer::runStarted, &player,
        [&](int, const QString& label, const shm::ExperimentConfig&) { announce(label); });
    QObject::connect(&player, &RunPlayer::runFailed, &player,
                     [&](int k, const QString& label, const QString& error) {
                         const bool invalid = shm::validate(player.settingsFor(k)).has_value();
                         if (!invalid) announce(label); // it was about to start
                         std::fprintf(stderr, "shmscope: %s\n",
                                      qPrintable(QCoreApplication::translate(
                                                     "LessonHeadless", "lesson '%1' run %2: %3")
                                                     .arg(lesson.id, label, error)));
                         code = invalid ? shm::exit_code::kBadInput : shm::exit_code::kRunFailed;
                     });
    QObject::connect(&player, &RunPlayer::runFinished, &player, [outcome](const FinishedRun& run) {
        outcome->reports.append(labelledReport(run.report, run.label));
    });
    QEventLoop loop;
    QObject::connect(&player, &RunPlayer::finished, &loop, &QEventLoop::quit);
    QObject::connect(&player, &RunPlayer::failed, &loop, &QEventLoop::quit);
    if (player.play(lessonRuns(lesson), nullptr)) loop.exec();
    return code;
}

} // namespace

int listLessons(const CliOptions& o) {
    QString error;
    const auto lessons = allLessons(o.lessonFile, &error);
    if (!lessons) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kBadInput;
    }
    for (const Lesson& l : *lessons)
        std::printf("%-22s %s\n", qPrintable(l.id), qPrintable(l.title));
    return shm::exit_code::kOk;
}

int printLessonVerdict(const CliOptions& o, const Lesson& lesson, LessonOutcome& outcome) {
    outcome.judge(lesson);
    QJsonArray expect, require;
    QStringList lines;
    describeExpectations(lesson, outcome, &expect, &require, &lines);
    if (o.json)
        printJson(lesson, outcome, expect, require);
    else
        printText(lesson, outcome, lines);
    std::fflush(stdout);
    return shm::exit_code::kOk;
}

int runLessonHeadless(const CliOptions& o) {
    QString error;
    const std::optional<Lesson> lesson = findLesson(o.lessonId, o.lessonFile, &error);
    if (!lesson) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kBadInput;
    }
    std::unique_ptr<RecordingSession> recording;
    if (!o.recordFile.isEmpty()) {
        recording = RecordingSession::open(o.recordFile, &error);
        if (!recording) {
            std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
            return shm::exit_code::kBadInput;
        }
    }
    LessonOutcome outcome;
    const int code = playRuns(o, *lesson, &outcome, recording.get());
    if (recording) recording->finish();
    if (code != shm::exit_code::kOk) return code;
    return printLessonVerdict(o, *lesson, outcome);
}
