#pragma once
// --open FILE --headless: a recording's reports printed as the live runs printed them. A
// lesson's recording is judged again from its stored lesson and reports, so it prints the same
// lesson verdict (--json: the same object); other runs print their reports, one per run.
// Exit 0; 2 when the file is not a readable recording (one line on stderr naming it).
#include "cli/cli_options.h"

int openRecordingHeadless(const CliOptions& o);
