#pragma once
// shmscope --probe: measures the machine again, rewrites the per-boot cache and prints the
// figures (--json: the "machine" object every report carries).
#include "cli/cli_options.h"

int printProbe(const CliOptions& o);
