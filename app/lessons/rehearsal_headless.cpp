#include "lessons/rehearsal_headless.h"

#include "lessons/lesson_rehearsal.h"
#include "runner/graceful_signals.h"
#include "segment/exit_codes.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace {

// The 1-minute load average (/proc/loadavg), or null where there is none: how busy the
// machine was says how far its verdicts speak for a quiet one.
QJsonValue loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return QJsonValue();
    bool ok = false;
    const double load =
        QString::fromLatin1(f.readLine()).section(QLatin1Char(' '), 0, 0).toDouble(&ok);
    return ok ? QJsonValue(load) : QJsonValue();
}

QString loadText(const QJsonValue& v) {
    return v.isDouble() ? QString::number(v.toDouble(), 'f', 2) : QStringLiteral("?");
}

// The lessons asked for: --lesson's one, else all (the built-in ones and --lesson-file's).
std::optional<QList<Lesson>> chosenLessons(const CliOptions& o, QString* error) {
    if (o.lessonId.isEmpty()) return allLessons(o.lessonFile, error);
    const std::optional<Lesson> one = findLesson(o.lessonId, o.lessonFile, error);
    if (!one) return std::nullopt;
    return QList<Lesson>{*one};
}

void printTable(const CliOptions& o, const LessonRehearsal& r, const QJsonObject& machine,
                const QJsonValue& loadStart, const QJsonValue& loadEnd) {
    if (o.json) {
        QJsonArray lessons;
        for (const RehearsalTally& t : r.tallies())
            lessons.append(t.toJson());
        QJsonObject j{{QStringLiteral("count"), r.count()},
                      {QStringLiteral("load"), QJsonArray{loadStart, loadEnd}},
                      {QStringLiteral("lessons"), lessons}};
        if (!machine.isEmpty()) j.insert(QStringLiteral("machine"), machine);
        const QJsonObject out{{QStringLiteral("rehearsal"), j}};
        std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    } else {
        std::printf("%s\n\n%s",
                    qPrintable(QCoreApplication::translate(
                                   "Rehearsal", "Rehearsal: %1 × each lesson, load %2 at "
                                                "the start, %3 at the end")
                                   .arg(r.count())
                                   .arg(loadText(loadStart), loadText(loadEnd))),
                    qPrintable(rehearsalText(r.tallies())));
    }
    std::fflush(stdout);
}

} // namespace

int runRehearsalHeadless(const CliOptions& o) {
    QString error;
    const std::optional<QList<Lesson>> lessons = chosenLessons(o, &error);
    if (!lessons) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kBadInput;
    }
    LessonRehearsal rehearsal;
    rehearsal.setGivenSettings(o.flagsGiven, o.config);
    QJsonObject machine; // the first report's, when reports carry one
    QObject::connect(
        &rehearsal, &LessonRehearsal::playJudged, &rehearsal,
        [&](int lesson, int play, const LessonOutcome& outcome) {
            if (machine.isEmpty() && !outcome.reports.isEmpty())
                machine = outcome.reports.first()[QLatin1String("machine")].toObject();
            const QStringList why = outcome.reasons;
            std::fprintf(stderr, "%s %d/%d: %s%s%s\n", qPrintable((*lessons)[lesson].id), play + 1,
                         o.rehearse, qPrintable(verdictKey(outcome.verdict)),
                         why.isEmpty() ? "" : " — ", qPrintable(why.join(QStringLiteral("; "))));
        });
    QObject::connect(&rehearsal, &LessonRehearsal::failed, &rehearsal, [](const QString& why) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(why));
    });
    const QJsonValue loadStart = loadAverage();
    GracefulSignals graceful;
    QObject::connect(&graceful, &GracefulSignals::received, &rehearsal,
                     &LessonRehearsal::terminate);
    QEventLoop loop;
    QObject::connect(&rehearsal, &LessonRehearsal::finished, &loop, &QEventLoop::quit);
    QObject::connect(&rehearsal, &LessonRehearsal::stopped, &loop, &QEventLoop::quit);
    QObject::connect(&rehearsal, &LessonRehearsal::failed, &loop, &QEventLoop::quit);
    if (rehearsal.start(*lessons, o.rehearse, &error) && rehearsal.playing()) loop.exec();
    if (!rehearsal.error().isEmpty())
        return rehearsal.badSettings() ? shm::exit_code::kBadInput : shm::exit_code::kRunFailed;
    printTable(o, rehearsal, machine, loadStart, loadAverage());
    graceful.reraise();
    return shm::exit_code::kOk;
}
