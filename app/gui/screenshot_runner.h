#pragma once
// --screenshot: runs the experiment to the end (or for --at-ms), renders the chosen view at
// exactly --size and writes the PNG. Works without a display (QT_QPA_PLATFORM=offscreen).
#include "cli/cli_options.h"

class MainWindow;

// Returns the process exit code: 0 written, 3 the run failed or the file could not be written.
int runScreenshot(MainWindow& window, const CliOptions& options);
