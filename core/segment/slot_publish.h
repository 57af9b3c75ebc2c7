#pragma once
// Publishing a worker's progress into its WorkerSlot. Every C++ writer goes through
// publishSlot (the worker loop for itself; the MPI root for itself and for each rank it hears
// from), so the order and the memory ordering of the stores are written once; the protocol
// comment in model/layout.h (step 4) documents them for other workers (the Python one).
// Inline: the worker loop calls it after every batch, every element in slow motion.
#include "model/layout.h"

#include <atomic>
#include <cstdint>

namespace shm {

// What every publish stores besides the writer's own counters.
struct SlotProgress {
    uint64_t processed = 0;
    uint64_t assigned = 0;
    uint64_t cpuNs = 0;   // CPU time since the barrier
    bool cpuFresh = true; // false: not read this time (a system call); the slot keeps the last
};

// The stores, in order: processed, assigned, then the writer's own counters (`counters(slot)`:
// relaxed stores of its lock figures, pausedNs, transport counters, event-ring counters), then
// cpuNs, and the heartbeat LAST, with release. A reader loads the heartbeat with acquire
// (snapshot.cpp) and so sees every counter at least as new as that beat: the heartbeat vouches
// for them. Stored relaxed, a weakly ordered CPU (or the compiler) may let a reader see the new
// beat with older counters.
template <class Counters>
inline void publishSlot(WorkerSlot& s, const SlotProgress& p, uint64_t heartbeatNs,
                        Counters&& counters) {
    constexpr auto r = std::memory_order_relaxed;
    s.processed.store(p.processed, r);
    s.assigned.store(p.assigned, r);
    counters(s);
    if (p.cpuFresh) s.cpuNs.store(p.cpuNs, r);
    s.heartbeatNs.store(heartbeatNs, std::memory_order_release);
}

} // namespace shm
