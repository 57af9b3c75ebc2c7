#pragma once
// Lessons as data: a story, what to look for, one or more runs (settings as in --config) and
// the expectations that say whether the effect was seen, as dotted paths into each run's
// --json report. The built-in ones are resources/lessons/*.json (compiled in); teachers add
// their own with --lesson-file. The schema is published (resources/lessons/README.md):
//   {"id", "title", "story", "look_for", "explain", "look_at" (optional),
//    "runs": [{"label": "A", "config": {...}}],
//    "expect": [{"run": "A", "figure": "lost_updates", "op": ">", "value": 0},
//               {"ratio": ["A.compute_seconds", "B.compute_seconds"], "op": ">=", "value": 1}],
//    "require": [{"figure": "B.overlap", "op": ">=", "value": 0.8, "why": "..."}] (optional)}
// A run's "workers" may be relative to the machine: "cores", "4*cores", "cores/2".
// Every text (title, story, look_for, explain, a require's why) is a string, meaning every
// language, or one per language: {"en": "...", "ko": "..."} ("en" required; a language left
// out shows the English).
#include "model/settings.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

struct LessonRun {
    QString label;
    shm::ExperimentConfig config;
    QJsonObject configJson; // as written: flags given with --lesson override these
};

// A precondition of the verdict: when it fails the runs could not show the effect on this
// machine, whatever they measured (the verdict is "inconclusive").
struct LessonRequire {
    QString run;     // the run whose report holds the figure: its label, else the first run's
    QString figure;  // the path in that report
    QString written; // the figure as written: "B.overlap", "machine.cores"
    QString op;
    QJsonValue value;
    QString why; // optional: the sentence when it fails, "{observed}" and "{value}" filled in;
                 // in the interface language
    QString englishWhy; // the same in English: --json keeps English sentences
    QJsonObject json;   // as written, echoed in the result
};

struct LessonExpect {
    QString run, figure;              // a figure of one run...
    QString ratioRun[2], ratioFig[2]; // ...or the ratio of two runs' figures
    bool isRatio = false;
    QString op; // > >= < <= == !=
    QJsonValue value;
    QJsonObject json; // as written, echoed in the result

    // What is compared: "A.lost_updates" or "A.compute_seconds / B.compute_seconds".
    QString describe() const {
        return isRatio ? QStringLiteral("%1.%2 / %3.%4")
                             .arg(ratioRun[0], ratioFig[0], ratioRun[1], ratioFig[1])
                       : QStringLiteral("%1.%2").arg(run, figure);
    }
};

// A lesson's texts in one language.
struct LessonTexts {
    QString title, story, lookFor, explain;
};

struct Lesson {
    QString id;
    // In the interface language (language::current() when parsed), else English.
    QString title, story, lookFor, explain;
    LessonTexts english; // --json and the views look_for names read the English
    // The window's views to highlight while it runs ("progress", "array", "contention"): the
    // optional "look_at" field, else the views look_for names.
    QStringList lookAt;
    QList<LessonRun> runs;
    QList<LessonExpect> expect;
    QList<LessonRequire> require;
    QJsonObject json; // as written: a recording keeps it, so its runs can be judged again
};

// One lesson from its JSON object, its texts in the interface language (language::current()).
// `source` names the file in messages. On failure: nothing, and *error is one line naming the
// lesson, the field and what is wrong with it.
std::optional<Lesson> parseLesson(const QJsonObject& obj, const QString& source, QString* error);
// A file holding one lesson object or an array of them. *error is one line starting with the
// file's path: "F: lesson 'x': expect[1].figure 'lock.contnded': no such figure (...)",
// "F:3:5: not valid JSON (...)".
std::optional<QList<Lesson>> loadLessonFile(const QString& path, QString* error);
// The compiled-in lessons, in teaching order, their texts in the interface language.
const QList<Lesson>& builtInLessons();
// The built-in lessons and, when `file` is given, its lessons: one with a built-in's id takes
// that one's place, the others come after them.
std::optional<QList<Lesson>> allLessons(const QString& file, QString* error);
// The lesson with this id among allLessons(file). *error when none.
std::optional<Lesson> findLesson(const QString& id, const QString& file, QString* error);

// The machine's online CPUs.
unsigned onlineCores();
// A run's "workers" relative to the machine: "cores", "N*cores" or "cores/N" with `cores`
// CPUs, at least 2 and at most the settings' maximum. Nothing when `text` is none of these.
std::optional<uint32_t> relativeWorkers(const QString& text, unsigned cores);

// The value at a dotted path of a report ("lock.contended", "workers.0.cpu_seconds"; an
// array's "length" and "last" item: "workers.last.rate"); undefined when there is none.
QJsonValue figureAt(const QJsonObject& report, const QString& path);

struct ExpectResult {
    QJsonValue observed; // null when the figure is missing
    bool holds = false;
    QString missing; // the figure the report lacks ("A.lost_updates"), if one does
    QString why;     // when it does not hold: one line (lesson_verdict.h: expectationReason)
};
// One expectation against the runs' reports, by label.
ExpectResult evaluate(const LessonExpect& e, const QMap<QString, QJsonObject>& reports);
