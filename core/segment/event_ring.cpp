#include "segment/event_ring.h"

namespace shm {

size_t drainEvents(const Segment& seg, uint32_t k, std::vector<Event>& out, size_t max) {
    RingHeader& rh = seg.ring(k);
    const Event* ev = seg.ringEvents(k);
    const uint64_t cap = kRingCapacity; // validated against the header at attach
    const uint64_t head = rh.head.load(std::memory_order_acquire); // pairs with the push
    const uint64_t tail = rh.tail.load(std::memory_order_relaxed); // only we write it
    // A corrupt head (ahead by more than the capacity) is clamped rather than trusted.
    const uint64_t avail = std::min<uint64_t>(head - tail, cap);
    const uint64_t n = std::min<uint64_t>(avail, max);
    for (uint64_t i = 0; i < n; ++i)
        out.push_back(ev[(tail + i) & (cap - 1)]);
    rh.tail.store(tail + n, std::memory_order_release); // pairs with the writer's room()
    return size_t(n);
}

} // namespace shm
