#pragma once
// The update log (collisions, analysis/collisions.h): every read-modify-write of a shared
// histogram bin, one record per update, in the updating worker's own region of the segment
// (no sharing between workers: each writes only its own log and its own head counter).
//
// Region (SegmentHeader.updateLogOffset, present when updateLogCapacity > 0): per worker
// k, at updateLogOffset + k * stride (stride = align64(64 + 24 * capacity)), an UpdateLogHeader
// then UpdateRecord[capacity].
// A worker fills its records in order and never wraps: past capacity it counts `dropped`.
//
// Per update, in this order: readTick, bin and readValue (what the load returned, a whole
// number) once the value is read, the store of readValue + 1 to the bin, writeTick, then
// head + 1 (release). A record at index head with readTick set and writeTick 0 is an update
// cut short by the worker's death between its read and the end of its write; writeTick set
// there means only the head bump was missed.
//
// The clock: a TSC read costs about as much as an unprotected update of a bin on this VM, so
// without a lock (sync none, no slow motion) a worker reads it only once every kStampEvery
// updates, just after the last one's store. Each record's readTick is then the latest clock
// read before its load (the stamp that closed the previous group, or the one taken when the
// barrier opened), and writeTick is that group's closing stamp for the last update of a group
// and kUnstampedWrite (1) for the others: their store happened before the next record whose
// writeTick is a stamp, or, after the last such record, before the header's endTick, which
// the worker writes when it has made all its updates (0 while it runs, and if it died). Under
// a lock, atomics or slow motion the clock is read around every update, as it costs little
// there: readTick just before the load, writeTick just after the store. A reader needs no
// mode: any writeTick of 1 takes its bound from the next stamp (segment/update_log_reader.h).
#include "model/settings.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace shm {

struct alignas(64) UpdateLogHeader {
    std::atomic<uint64_t> head;    // complete records
    std::atomic<uint64_t> dropped; // updates made after the log was full (not logged)
    // TSC after the worker's last update (logged or not); 0 until then, and if it died first.
    std::atomic<uint64_t> endTick;
    char pad[40];
};
static_assert(sizeof(UpdateLogHeader) == 64);

struct UpdateRecord {
    uint64_t readTick;  // TSC at or before the load (the header's tick conversion: ns)
    uint64_t writeTick; // 0 until the write is done; TSC after it, or kUnstampedWrite
    uint32_t bin;
    uint32_t readValue;
};
static_assert(sizeof(UpdateRecord) == 24);

// writeTick of a write made without a clock read after it (see above).
inline constexpr uint64_t kUnstampedWrite = 1;
// Updates per clock read without a lock (docs/collisions.md, "What the log costs"): the
// benchmark's log-on / log-off median went from 1.57x (a read before and after every update)
// to 1.4x at 4, 8 or 16, within the noise of each other; 8 keeps a group's interval short.
inline constexpr uint32_t kStampEvery = 8;

// One logged read-modify-write of a bin, times in ns after the start barrier opened.
struct UpdateAccess {
    uint32_t worker = 0;
    uint32_t bin = 0;
    uint64_t readValue = 0; // the value read; the value written is readValue + 1
    // The read happened no earlier than readNs and the write no later than writeNs (the clock
    // reads around the update, or around its group of updates).
    uint64_t readNs = 0;
    uint64_t writeNs = 0; // meaningless when !written
    bool written = true;  // false: the worker died between its read and the end of its write
                          // (the write may or may not have reached the bin)
    bool operator==(const UpdateAccess&) const = default;
};

// The logs as read from a segment after the run (segment/update_log_reader.h), for the
// reconstruction (analysis/collisions.h).
struct UpdateLog {
    bool enabled = false;
    std::string offReason; // why there is no log (enabled == false)
    // Per worker, in the order it made its updates.
    std::vector<std::vector<UpdateAccess>> workers;
    std::vector<uint64_t> dropped; // per worker: updates not logged because its log was full
    uint64_t capacityPerWorker = 0;
    uint64_t bytes = 0; // the log region's size in the segment
};

// Runs with more shared updates than this run without the log (2*10^6 records: 48 MB).
inline constexpr uint64_t kMaxLoggedUpdates = 2'000'000;

// Records per worker: its static share (the largest one), or for dynamic and guided
// partitions, which give a worker whatever it claims, twice an even share plus a piece (a
// worker that claims more than that stops logging and counts what it dropped).
uint64_t updateLogCapacity(const ExperimentConfig& cfg);
// Whether a run of cfg logs its updates: the setting is on, the workload updates shared bins
// (histogram) in the segment (transport shared) and the run is within kMaxLoggedUpdates.
bool logsUpdates(const ExperimentConfig& cfg);
// Why a run of cfg does not log ("" when it does), for the report and the window.
std::string updateLogOffReason(const ExperimentConfig& cfg);

} // namespace shm
