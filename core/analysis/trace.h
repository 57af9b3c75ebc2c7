#pragma once
// A run as a Chrome / Perfetto trace (the Trace Event Format: {"traceEvents": [...],
// "displayTimeUnit": "ns"}), Qt-free. One process per worker, named "w0 (pid N)" with its real
// pid: a "work" slice from the barrier to its end, a "wait" and a "hold" slice for every lock
// interval (args: the lock), and a progress counter. One more process per lock ("lock 0",
// "stripe 3") whose slices are its holds, named by the holder: holds of one lock never overlap.
// Times are microseconds from the start barrier.
#include "analysis/lock_lanes.h"
#include "analysis/report.h"
#include "model/run_data.h"

#include <string>
#include <vector>

namespace shm {

// Elements processed per worker at one moment (a progress counter sample).
struct ProgressSample {
    uint64_t atNs = 0;
    std::vector<uint64_t> processed;
};

struct TraceInput {
    const RunSnapshot* final = nullptr;  // the last snapshot: pids, barrier, each worker's end
    const RunReport* report = nullptr;   // status and verdict for the metadata
    const LockActivity* locks = nullptr; // closed intervals per worker (bounded, see trimmed)
    std::vector<ProgressSample> progress;
};

std::string toTraceJson(const TraceInput& in);

} // namespace shm
