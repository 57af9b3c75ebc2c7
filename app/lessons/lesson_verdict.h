#pragma once
// A lesson's verdict in words: seen, not seen (which expectation missed, by how much) or
// inconclusive (a precondition failed: the machine could not show the effect). The --json
// output keeps the English sentences; the window and the text output translate them
// (context "LessonVerdict").
#include "lessons/lesson.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>

enum class LessonVerdict { Seen, NotSeen, Inconclusive };

// "seen", "not seen", "inconclusive": the --json word, never translated.
QString verdictKey(LessonVerdict v);
// "Seen", "Not seen", "Inconclusive" in the interface language.
QString verdictName(LessonVerdict v);

// A run report's "status" ("finished", "failed", "terminated") in the interface language; the
// report and --json keep the word.
QString statusName(const QString& status);

// A figure against a threshold: numbers by op, anything else only by == and !=.
bool compareFigures(const QJsonValue& a, const QString& op, const QJsonValue& b);

struct RequireResult {
    QJsonValue observed; // undefined or null: not measured
    bool holds = false;
};
RequireResult evaluateRequire(const LessonRequire& q, const QMap<QString, QJsonObject>& reports);

// Why a require failed: its "why" (`translated`: in the interface language, else English) with
// {observed} and {value} filled in, else "B.overlap was
// 0.1, needed ≥ 0.8"; "B.overlap was not measured" when the report has no value.
QString requireReason(const LessonRequire& q, const RequireResult& r, bool translated);
// Why an expectation does not hold: "A.lost_updates > 0: observed 0", for a ratio
// "A.x / B.x: observed 1.12, needed ≥ 1.25 (10 % short)", "A.x was not measured".
QString expectationReason(const LessonExpect& e, const ExpectResult& r, bool translated);

// A threshold as the lesson wrote it (1.25, 140300), a measured figure short (1.12, 140300).
QString writtenText(const QJsonValue& v);
QString observedText(const QJsonValue& v);
