#include "lessons/lesson_play.h"

#include <QJsonDocument>
#include <QMap>

QList<PlayRun> lessonRuns(const Lesson& lesson) {
    QList<PlayRun> runs;
    for (const LessonRun& r : lesson.runs)
        runs.append({r.label, r.config});
    return runs;
}

QJsonObject labelledReport(const shm::RunReport& report, const QString& label) {
    QJsonObject j =
        QJsonDocument::fromJson(QByteArray::fromStdString(shm::toJson(report))).object();
    j.insert(QStringLiteral("label"), label);
    return j;
}

void LessonOutcome::judge(const Lesson& lesson) {
    QMap<QString, QJsonObject> byLabel;
    for (const QJsonObject& r : reports)
        byLabel.insert(r[QLatin1String("label")].toString(), r);
    results.clear();
    seen = true;
    for (const LessonExpect& e : lesson.expect) {
        results.append(evaluate(e, byLabel));
        seen = seen && results.last().holds;
    }
    complete = true;
}
