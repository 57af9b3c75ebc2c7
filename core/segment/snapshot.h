#pragma once
// Lock-free reads of what workers publish: a window or the controller polls these and never
// touches a worker's lock, so a stuck worker cannot freeze the reader.
#include "event_ring.h" // drainEvents, for callers that used it from here
#include "segment.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace shm {

struct LockStats {
    uint64_t acquisitions = 0;
    uint64_t contended = 0;
    uint64_t waitNs = 0;
    uint64_t holdNs = 0;
    uint64_t maxWaitNs = 0;
    bool operator==(const LockStats&) const = default;
    LockStats& operator+=(const LockStats& o);
};

struct WorkerSnapshot {
    uint32_t id = 0;
    int64_t pid = 0;
    WorkerState state = WorkerState::Starting;
    uint64_t processed = 0;
    uint64_t assigned = 0;
    uint64_t heartbeatNs = 0;
    uint64_t startNs = 0;
    uint64_t doneNs = 0;
    uint64_t pausedNs = 0;
    uint32_t holdingLock = 0; // 0 = none, else lock id + 1
    uint64_t droppedEvents = 0;
    uint64_t clampedEvents = 0; // event times the worker raised to its previous event's
    LockStats lock;
    bool operator==(const WorkerSnapshot&) const = default;
};

std::string_view toString(WorkerState s);

WorkerSnapshot readWorker(const Segment& seg, uint32_t k);
std::vector<WorkerSnapshot> readWorkers(const Segment& seg);

} // namespace shm
