#pragma once
// A recorded run at any moment, as the window's models take it: the frame a live run would
// have handed out at that moment (workers' records, the run's state, the array), and the lock
// activity up to then. Qt-free; the same for a run of this session and one read from a file.
#include "analysis/lock_lanes.h"
#include "analysis/wait_histogram.h"
#include "record/recorded_run.h"

#include <cstdint>
#include <vector>

namespace shm {

// The run as it was at atNs (CLOCK_MONOTONIC, clamped to [releaseNs, endNs]): each worker's
// latest sample at or before atNs (a worker's exit shows only once atNs reaches it), the run's
// latest sample, the latest array frame at or before atNs (the ArrayRef points into the
// run for a full frame; a decimated frame is in `columns`). newEvents is empty: lock activity
// comes from replayLocks. phase is Finished at the end, else the recorded phase.
struct ReplayFrame {
    RunFrame frame;
    const ArrayFrame* array = nullptr; // null before the first frame
};
ReplayFrame frameAt(const std::shared_ptr<const RecordedRun>& run, uint64_t atNs);

// Every interval that began before atNs, into `locks` (reset first, sized for the run) and
// `waits`: closed ones as recorded when they ended by atNs, ones still going at atNs open
// (ending at atNs), exactly the state a live LockActivity had then.
void replayLocks(const RecordedRun& run, uint64_t atNs, LockActivity& locks, WaitHistogram& waits);

// The moments a user steps between, sorted: every lock acquisition (hold begin), every mark.
std::vector<uint64_t> eventTimes(const RecordedRun& run);
// The first of `times` after / the last before atNs; atNs itself when there is none.
uint64_t nextEventAfter(const std::vector<uint64_t>& times, uint64_t atNs);
uint64_t previousEventBefore(const std::vector<uint64_t>& times, uint64_t atNs);

} // namespace shm
