#include "snapshot.h"

#include <algorithm>

namespace shm {

WorkerRecord readWorker(const Segment& seg, uint32_t k) {
    constexpr auto r = std::memory_order_relaxed;
    const WorkerSlot& s = seg.slot(k);
    WorkerRecord w;
    w.id = k;
    w.heartbeatNs = s.heartbeatNs.load(std::memory_order_acquire);
    // A value out of range (a corrupt or foreign slot) reads as Failed rather than as garbage.
    w.state = WorkerState(std::min<uint32_t>(s.state.load(r), kLastWorkerState));
    w.pid = int64_t(s.pid.load(r));
    w.processed = s.processed.load(r);
    w.assigned = s.assigned.load(r);
    w.startNs = s.startNs.load(r);
    w.doneNs = s.doneNs.load(r);
    w.pausedNs = s.pausedNs.load(r);
    w.holdingLock = s.holdingLock.load(r);
    w.droppedEvents = seg.ring(k).dropped.load(r);
    w.lock.acquisitions = s.acquisitions.load(r);
    w.lock.contended = s.contended.load(r);
    w.lock.waitNs = s.waitNs.load(r);
    w.lock.holdNs = s.holdNs.load(r);
    w.lock.maxWaitNs = s.maxWaitNs.load(r);
    return w;
}

size_t drainEvents(const Segment& seg, uint32_t k, std::vector<Event>& out, size_t max) {
    RingHeader& rh = seg.ring(k);
    const Event* ev = seg.ringEvents(k);
    const uint64_t cap = kRingCapacity; // validated against the header at attach
    const uint64_t head = rh.head.load(std::memory_order_acquire);
    const uint64_t tail = rh.tail.load(std::memory_order_relaxed);
    // A corrupt head (ahead by more than the capacity) is clamped rather than trusted.
    const uint64_t avail = std::min<uint64_t>(head - tail, cap);
    const uint64_t n = std::min<uint64_t>(avail, max);
    for (uint64_t i = 0; i < n; ++i)
        out.push_back(ev[(tail + i) & (cap - 1)]);
    rh.tail.store(tail + n, std::memory_order_release);
    return size_t(n);
}

} // namespace shm
