#pragma once
// The worker's side of a run: wait at the barrier, process this worker's share, publish
// progress/lock statistics in batches, honour pause/stop and the live per-element delay.
#include "segment/segment.h"

#include <cstdint>

namespace shm {

// Runs worker k on an attached segment. Returns the process exit code (0 = done or stopped).
int runWorker(Segment& seg, uint32_t k);

} // namespace shm
