#pragma once
// How much of the time the workers spent updating shared bins they spent updating at once
// ("together"), from the update log's own times.
//
// Why not the report's overlap: that one comes from the CPU clocks the workers publish about
// once a millisecond, so a run of a few milliseconds (a lesson's 400,000 histogram updates)
// is judged on a handful of points; and on this VM it read 0.01-0.3 for runs in which the two
// workers lost thousands of updates to each other. The log stamps at least every 8 updates
// (model/update_log.h), so 10 µs slots see a worker that a preemption took off its CPU.
#include "model/update_log.h"

#include <cstdint>
#include <optional>

namespace shm {

// Of the time slots (10 µs, or wider for a long run: at most 100,000 slots) between the first
// and the last logged update in which any worker updated, the share in which every worker that
// logged updated. Null with fewer than two workers that logged.
std::optional<double> updatesTogether(const UpdateLog& log);

} // namespace shm
