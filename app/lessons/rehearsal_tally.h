#pragma once
// A rehearsal's count of one lesson: how often it was seen, not seen or inconclusive over its
// plays, the range each expectation (and require) was observed in, how often it held, and the
// distinct reasons with their counts. Filled from each play's judged LessonOutcome (the
// verdict is the one `--lesson ID --headless` prints), shown by --rehearse and by the window.
#include "lessons/lesson.h"
#include "lessons/lesson_play.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

struct RehearsalFigure {
    QString describe; // "A.lost_updates", "A.x / B.x", a require's "B.overlap"
    QString op;
    QJsonValue value;
    int holds = 0;
    int measured = 0;        // plays that had a number (or a value) for it
    double min = 0, max = 0; // over the plays with a number
    bool numeric = false;    // min and max are set
    QStringList others;      // distinct values that are not numbers ("true", "\"mutex\"")

    void add(const QJsonValue& observed, bool held);
    // "1203–5512", "0.91", "true, false", "—" (never measured).
    QString rangeText() const;
    QJsonObject toJson() const;
};

struct RehearsalReason {
    QString text;  // English (--json)
    QString shown; // in the interface language
    int count = 0;
};

struct RehearsalTally {
    QString id, title;    // title in the interface language
    QString englishTitle; // --json
    int plays = 0, seen = 0, notSeen = 0, inconclusive = 0;
    QList<RehearsalFigure> expect, require;
    QList<RehearsalReason> reasons; // in the order first met

    explicit RehearsalTally(const Lesson& lesson);
    // One play, judged.
    void add(const Lesson& lesson, const LessonOutcome& outcome);
    // {"id", "title", "plays", "seen", "not_seen", "inconclusive", "expect": [...],
    //  "require": [...] (when the lesson has any), "reasons": [{"text", "count"}]}
    QJsonObject toJson() const;
};

// The table --rehearse prints (and the window copies): a line per lesson with its counts, then
// per lesson its expectations' ranges and the reasons. Translated ("Rehearsal").
QString rehearsalText(const QList<RehearsalTally>& tallies);
