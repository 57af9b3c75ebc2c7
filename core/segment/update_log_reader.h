#pragma once
// Reads the workers' update logs (model/update_log.h) out of a segment after its run, as plain
// values for the reconstruction (analysis/collisions.h).
#include "model/update_log.h"
#include "segment/segment.h"

namespace shm {

// Times become ns after releaseNs (the start barrier), through the run's tick conversion.
// A run without a log gives enabled = false and the reason.
UpdateLog readUpdateLog(const Segment& seg, uint64_t releaseNs);

} // namespace shm
