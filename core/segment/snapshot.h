#pragma once
// Lock-free reads of what workers publish: the controller polls these and never touches a
// worker's lock, so a stuck worker cannot freeze the reader.
#include "model/run_data.h"
#include "segment/event_ring.h" // drainEvents, for callers that used it from here
#include "segment/segment.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shm {

// Worker k's slot as a record (the controller adds how its process ended).
WorkerRecord readWorker(const Segment& seg, uint32_t k);

} // namespace shm
