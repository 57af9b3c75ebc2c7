#pragma once
// --sweep ... --headless: every point of the sweep run --repeat times in an interleaved order,
// then the points table (text, or --json), and --csv FILE. A failed run is counted and the
// sweep goes on; SIGINT/SIGTERM stop the current run and print what was measured.
#include "cli/cli_options.h"

int runSweepHeadless(const CliOptions& o);
