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

namespace {

QStringList reasonsFor(const Lesson& lesson, const LessonOutcome& o, bool translated) {
    QStringList out;
    for (int i = 0; i < lesson.require.size() && i < o.requireResults.size(); ++i)
        if (!o.requireResults[i].holds)
            out << requireReason(lesson.require[i], o.requireResults[i], translated);
    if (!out.isEmpty()) return out; // inconclusive: the expectations do not decide
    for (int i = 0; i < lesson.expect.size() && i < o.results.size(); ++i)
        if (!o.results[i].holds)
            out << expectationReason(lesson.expect[i], o.results[i], translated);
    return out;
}

} // namespace

void LessonOutcome::judge(const Lesson& lesson) {
    QMap<QString, QJsonObject> byLabel;
    for (const QJsonObject& r : reports)
        byLabel.insert(r[QLatin1String("label")].toString(), r);
    results.clear();
    requireResults.clear();
    bool required = true, held = true;
    for (const LessonRequire& q : lesson.require) {
        requireResults.append(evaluateRequire(q, byLabel));
        required = required && requireResults.last().holds;
    }
    for (const LessonExpect& e : lesson.expect) {
        results.append(evaluate(e, byLabel));
        held = held && results.last().holds;
    }
    verdict = !required ? LessonVerdict::Inconclusive
              : held    ? LessonVerdict::Seen
                        : LessonVerdict::NotSeen;
    seen = verdict == LessonVerdict::Seen;
    reasons = reasonsFor(lesson, *this, false);
    complete = true;
}

QStringList LessonOutcome::reasonTexts(const Lesson& lesson) const {
    return reasonsFor(lesson, *this, true);
}
