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

// Whether a lock covers every update of a bin in runs of cfg: one lock (mutex, spin, robust),
// or stripes by bin (striped, element scope). Striped locks held per chunk stripe the array's
// chunks, not the bins: two holders may update one bin at once.
bool locksCoverBins(const ExperimentConfig& cfg);

// Under a lock that covers the bins, an update that read the value another wrote ran after
// that one let go of the lock, so after its write stamp; the stamps can say otherwise by a few
// ns. RDTSC is not ordered with the lock acquisition before it (Intel SDM, RDTSC), so the next
// holder's read may be stamped before its acquisition completed: a test caught a read stamped
// 10 ns before the write it read. An LFENCE before the read stamp made a 4-worker mutex
// histogram 1.4x slower (medians of 12 interleaved runs), so instead each such read's bound is
// raised to the write stamp of the update whose value it read (still a true lower bound), and
// its own write's bound with it. Only where the values chain exactly (the access that read v on
// a bin follows the one access that read v - 1 there and wrote), and by at most
// kLockOrderSlackNs: a wider gap is two clocks disagreeing, not an instruction reordered.
inline constexpr uint64_t kLockOrderSlackNs = 1000;
void orderLockedUpdates(UpdateLog& log);

} // namespace shm
