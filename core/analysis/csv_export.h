#pragma once
// Results as CSV tables a spreadsheet opens (RFC 4180: a header row, commas, fields with a
// comma or quote quoted; numbers with a dot in any locale): the workers of a run, and its array
// element by element beside the expected value and the worker that wrote it.
#include "report.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace shm {

// One row per worker with every per-worker figure of the --json report.
std::string workersCsv(const RunReport& r);

// Beyond this many elements --array-csv refuses (a 10^7-row file is already ~400 MB).
inline constexpr uint64_t kMaxArrayCsvRows = 10'000'000;
// index,value,expected,owner: value empty where never written, owner empty where nobody wrote.
// `count` is cfg.dataCount(); data and owner are the run's final array and owner map.
void writeArrayCsv(std::ostream& out, const ExperimentConfig& cfg, const double* data,
                   const uint8_t* owner, uint64_t count);

} // namespace shm
