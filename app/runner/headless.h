#pragma once
#include "cli/cli_options.h"

// Runs one experiment without a window and prints the report (table or --json).
// Returns the process exit code: 0 finished, 3 failed or a result file not written, 2 a result
// file that cannot be opened.
int runHeadless(const CliOptions& options);
