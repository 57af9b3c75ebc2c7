#pragma once
#include "cli/cli_options.h"

// Runs one experiment without a window and prints the report (table or --json).
// Returns the process exit code: 0 finished, 3 failed.
int runHeadless(const CliOptions& options);
