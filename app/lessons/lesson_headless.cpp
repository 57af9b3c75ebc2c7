#include "lessons/lesson_headless.h"

#include "cli/config_json.h"
#include "lessons/lesson.h"
#include "runner/run_controller.h"
#include "segment/exit_codes.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace {

// One run to its end; its report as JSON (with "label"), or empty + *error if it never started.
QJsonObject runOne(const LessonRun& run, const shm::ExperimentConfig& cfg, QString* error) {
    RunController c;
    QEventLoop loop;
    QObject::connect(&c, &RunController::finished, &loop, &QEventLoop::quit);
    if (!c.start(cfg, error)) return {};
    loop.exec();
    QJsonObject report =
        QJsonDocument::fromJson(QByteArray::fromStdString(shm::toJson(c.report()))).object();
    report.insert(QStringLiteral("label"), run.label);
    return report;
}

} // namespace

int listLessons(const CliOptions& o) {
    QList<Lesson> lessons;
    if (o.lessonFile.isEmpty()) {
        lessons = builtInLessons();
    } else {
        QString error;
        auto ls = loadLessonFile(o.lessonFile, &error);
        if (!ls) {
            std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
            return shm::exit_code::kBadInput;
        }
        lessons = *ls;
    }
    for (const Lesson& l : lessons)
        std::printf("%-22s %s\n", qPrintable(l.id), qPrintable(l.title));
    return shm::exit_code::kOk;
}

int runLessonHeadless(const CliOptions& o) {
    QString error;
    const std::optional<Lesson> lesson = findLesson(o.lessonId, o.lessonFile, &error);
    if (!lesson) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kBadInput;
    }
    // Settings given on the command line (not from a --config file) win over the lesson's:
    // `--lesson lost-updates --workers 8` tries the lesson with more workers.
    QMap<QString, QJsonObject> reports;
    QJsonArray runs;
    for (const LessonRun& run : lesson->runs) {
        shm::ExperimentConfig cfg = run.config;
        for (const shm::SettingRow& row : shm::kSettings)
            if (o.flagsGiven.contains(
                    QString::fromUtf8(row.name.data(), qsizetype(row.name.size()))))
                row.set(cfg, row.get(o.config));
        if (auto err = shm::validate(cfg)) {
            std::fprintf(stderr, "shmscope: lesson '%s' run %s: %s\n", qPrintable(lesson->id),
                         qPrintable(run.label), err->c_str());
            return shm::exit_code::kBadInput;
        }
        if (!o.json)
            std::fprintf(stderr, "shmscope: lesson %s, run %s ...\n", qPrintable(lesson->id),
                         qPrintable(run.label));
        const QJsonObject report = runOne(run, cfg, &error);
        if (report.isEmpty()) {
            std::fprintf(stderr, "shmscope: lesson '%s' run %s: %s\n", qPrintable(lesson->id),
                         qPrintable(run.label), qPrintable(error));
            return shm::exit_code::kRunFailed;
        }
        reports.insert(run.label, report);
        runs.append(report);
    }
    bool seen = true;
    QJsonArray expect;
    QStringList lines;
    for (const LessonExpect& e : lesson->expect) {
        const ExpectResult r = evaluate(e, reports);
        seen = seen && r.holds;
        QJsonObject j = e.json;
        j.insert(QStringLiteral("observed"), r.observed.isUndefined() ? QJsonValue() : r.observed);
        j.insert(QStringLiteral("holds"), r.holds);
        if (!r.holds) j.insert(QStringLiteral("why"), r.why);
        expect.append(j);
        const QString what = e.describe();
        lines << QStringLiteral("  %1 %2 %3 %4: observed %5")
                     .arg(r.holds ? QStringLiteral("✓") : QStringLiteral("✗"), what, e.op,
                          e.value.toVariant().toString(),
                          r.observed.isDouble() ? QString::number(r.observed.toDouble(), 'g', 4)
                                                : r.observed.toVariant().toString());
    }
    if (o.json) {
        QJsonObject l{{QStringLiteral("id"), lesson->id},
                      {QStringLiteral("title"), lesson->title},
                      {QStringLiteral("seen"), seen},
                      {QStringLiteral("expect"), expect}};
        const QJsonObject out{{QStringLiteral("lesson"), l}, {QStringLiteral("runs"), runs}};
        std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    } else {
        std::printf("%s — %s\n\n%s\n\nLook for: %s\n\n", qPrintable(lesson->id),
                    qPrintable(lesson->title), qPrintable(lesson->story),
                    qPrintable(lesson->lookFor));
        for (const QJsonValue& r : runs) {
            const QJsonObject j = r.toObject();
            std::printf("run %s: %s, compute %.3f s, CPU %.3f s, mismatches %lld, unwritten %lld, "
                        "lost updates %lld%s\n",
                        qPrintable(j[QLatin1String("label")].toString()),
                        qPrintable(j[QLatin1String("status")].toString()),
                        j[QLatin1String("compute_seconds")].toDouble(),
                        j[QLatin1String("cpu_seconds")].toDouble(),
                        j[QLatin1String("mismatches")].toInteger(),
                        j[QLatin1String("unwritten")].toInteger(),
                        j[QLatin1String("lost_updates")].toInteger(),
                        j[QLatin1String("failure")].isString()
                            ? qPrintable(QStringLiteral(" (") +
                                         j[QLatin1String("failure")].toString() + QLatin1Char(')'))
                            : "");
        }
        std::printf("\n%s\n%s\n\n%s\n",
                    seen ? "Seen:" : "Not seen:", qPrintable(lines.join(QLatin1Char('\n'))),
                    qPrintable(lesson->explain));
    }
    std::fflush(stdout);
    return shm::exit_code::kOk;
}
