#pragma once
// Lock-free reads of what workers publish: the controller polls these and never touches a
// worker's lock, so a stuck worker cannot freeze the reader.
#include "run_data.h"
#include "segment.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shm {

// Worker k's slot as a record (the controller adds how its process ended).
WorkerRecord readWorker(const Segment& seg, uint32_t k);

// Moves up to `max` unread events of worker k's ring into `out` (appending) and frees their
// slots for the worker. Single consumer: only one reader may drain a given segment.
size_t drainEvents(const Segment& seg, uint32_t k, std::vector<Event>& out, size_t max = SIZE_MAX);

} // namespace shm
