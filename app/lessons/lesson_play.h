#pragma once
// A lesson played by a RunPlayer: the runs it hands the player, each finished run's report as
// the expectations read it, and the verdict once every run ended. The Lessons panel and
// `--lesson ID --headless` both keep a LessonOutcome.
#include "lessons/lesson.h"
#include "lessons/lesson_verdict.h"
#include "runner/run_player.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// The lesson's runs, labelled, with their settings as written.
QList<PlayRun> lessonRuns(const Lesson& lesson);
// A run's --json report object with the run's "label" added (what figureAt() reads).
QJsonObject labelledReport(const shm::RunReport& report, const QString& label);

struct LessonOutcome {
    QList<QJsonObject> reports; // in run order, "label" set
    QList<ExpectResult> results;
    QList<RequireResult> requireResults;
    bool complete = false; // every run ended and the expectations were judged
    // Inconclusive when a require fails (the expectations are judged but do not decide), else
    // seen when every expectation holds, else not seen.
    LessonVerdict verdict = LessonVerdict::NotSeen;
    bool seen = false;   // verdict == Seen
    QStringList reasons; // in English (--json): the failed requires', else expectations'
    QString error;       // why the lesson stopped early (a run that could not start)

    // Every run ended: the lesson's requires and expectations against the reports.
    void judge(const Lesson& lesson);
    // The reasons for the verdict in the interface language (empty when seen).
    QStringList reasonTexts(const Lesson& lesson) const;
};
