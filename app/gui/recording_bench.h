#pragma once
// --open FILE with --screenshot or --bench-scrub: a recorded run rendered at any moment (the
// same file, run and moment give the same picture), or the slider's redraw timed.
#include "cli/cli_options.h"

class MainWindow;

// --screenshot OUT --open FILE [--run LABEL] [--at-ms T] [--view V]: exit code.
int captureRecording(MainWindow& window, QWidget* target, const CliOptions& o);
// --open FILE --bench-scrub N: opening to the first picture, then N slider moves over the
// first run; prints "first picture X ms" and "redraw median Y ms". Exit code.
int runScrubBench(MainWindow& window, const CliOptions& o);
