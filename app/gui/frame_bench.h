#pragma once
// --bench-frames N: times N window frames (refresh + replot + paint) while runs are live and
// prints median, p99 and the share of wall time the GUI thread was busy. Short runs are
// repeated until N frames were timed.
#include "cli/cli_options.h"

class MainWindow;

int runFrameBench(MainWindow& window, const CliOptions& options);
