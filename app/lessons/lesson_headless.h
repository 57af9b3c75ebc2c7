#pragma once
// --lesson ID --headless: the lesson's runs in turn, each through a RunController as a
// headless run would be, then its expectations against their reports. Prints the lesson's
// verdict (text, or --json: {"lesson": {..., "seen", "verdict", "reasons", "expect": [...],
// "require": [...]}, "runs": [reports]}).
// Exit 0 when the runs ran, seen or not; 3 when one could not start; 2 for a bad lesson.
#include "cli/cli_options.h"

int runLessonHeadless(const CliOptions& o);
// The lesson's expectations judged against outcome.reports, printed as runLessonHeadless
// prints them (an opened recording of a lesson prints the same). Exit code.
struct Lesson;
struct LessonOutcome;
int printLessonVerdict(const CliOptions& o, const Lesson& lesson, LessonOutcome& outcome);
// --list-lessons: "id  title", one per line (the built-in ones and --lesson-file's). Exit code.
int listLessons(const CliOptions& o);
