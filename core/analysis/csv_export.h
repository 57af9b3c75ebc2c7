#pragma once
// Results as CSV tables a spreadsheet opens (RFC 4180: a header row, commas, fields with a
// comma or quote quoted; numbers with a dot in any locale): the workers of a run, and its array
// element by element beside the expected value and the worker that wrote it.
#include "analysis/lock_lanes.h"
#include "analysis/report.h"

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

// worker,lock,kind,begin_ns,end_ns,duration_ns: every closed wait and hold interval the
// activity kept, in ns since the start barrier (originNs), ordered by begin then worker. lock:
// 0 = the global mutex or spin word, 1.. = stripe index + 1. Intervals the activity trimmed to
// bound memory are not there (activity.counts().trimmed says how many).
std::string lockEventsCsv(const LockActivity& activity, uint64_t originNs);

} // namespace shm
