#pragma once
// --rehearse [N]: every lesson (or --lesson ID's) played N times in the terminal by a
// LessonRehearsal; a line per play on stderr ("seed-job 3/5: seen"), then the table on stdout
// (rehearsalText), or with --json {"rehearsal": {"count", "machine" (when the reports have
// one), "load": [1-minute load average at the start, at the end], "lessons": [tallies]}}.
// SIGINT / SIGTERM stop the play under way (its segment removed) and print the table so far.
// Exit 0 when every play ran, whatever the verdicts; 3 when a run could not start; 2 for a
// bad lesson or settings.
#include "cli/cli_options.h"

int runRehearsalHeadless(const CliOptions& o);
