#pragma once
#include "cli/cli_options.h"

// Creates the QApplication and runs the window, --screenshot or --bench-frames.
int runGui(const CliOptions& options, int& argc, char** argv);
