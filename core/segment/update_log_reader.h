#pragma once
// Reads the workers' update logs (model/update_log.h) out of a segment after its run, as plain
// values for the reconstruction (analysis/collisions.h).
#include "model/update_log.h"
#include "segment/clock.h"
#include "segment/segment.h"

#include <span>

namespace shm {

// Times become ns after releaseNs (the start barrier), through the run's tick conversion.
// A run without a log gives enabled = false and the reason.
UpdateLog readUpdateLog(const Segment& seg, uint64_t releaseNs);

// One worker's log as accesses: records [0, head), then the record at head when its read was
// logged (an update cut short). Each access's interval is [its readTick, the first stamped
// writeTick at or after it]; after the last stamp the bound is endTick, or nowTick when the
// worker never wrote one (it died; nowTick is any tick after its death).
std::vector<UpdateAccess> workerAccesses(std::span<const UpdateRecord> records, uint64_t head,
                                         uint64_t endTick, uint64_t nowTick, uint32_t worker,
                                         const TickClock& clock, uint64_t releaseNs);

} // namespace shm
