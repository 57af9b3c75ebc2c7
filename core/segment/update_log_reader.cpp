#include "segment/update_log_reader.h"

#include <algorithm>

namespace shm {

namespace {
UpdateAccess accessOf(const UpdateRecord& r, uint32_t worker, const TickClock& clock,
                      uint64_t releaseNs) {
    auto since = [&](uint64_t tick) {
        const uint64_t ns = clock.toNs(tick);
        return ns > releaseNs ? ns - releaseNs : 0;
    };
    UpdateAccess a;
    a.worker = worker;
    a.bin = r.bin;
    a.readValue = r.readValue;
    a.readNs = since(r.readTick);
    a.written = r.writeTick != 0;
    a.writeNs = a.written ? std::max(a.readNs, since(r.writeTick)) : a.readNs;
    return a;
}
} // namespace

UpdateLog readUpdateLog(const Segment& seg, uint64_t releaseNs) {
    UpdateLog log;
    const ExperimentConfig cfg = seg.config();
    const uint64_t cap = seg.updateLogCapacity();
    if (cap == 0) {
        log.offReason = updateLogOffReason(cfg);
        return log;
    }
    log.enabled = true;
    log.capacityPerWorker = cap;
    log.bytes = seg.size() - seg.header().updateLogOffset;
    const TickClock& clock = seg.tickClock();
    for (uint32_t k = 0; k < cfg.workers; ++k) {
        const UpdateLogHeader& h = *seg.updateLog(k);
        const UpdateRecord* records = seg.updateRecords(k);
        // The worker is gone: its head is final. A foreign writer may have left anything there.
        const uint64_t head = std::min(h.head.load(std::memory_order_acquire), cap);
        std::vector<UpdateAccess> mine;
        mine.reserve(head + 1);
        for (uint64_t i = 0; i < head; ++i)
            mine.push_back(accessOf(records[i], k, clock, releaseNs));
        // The record after the last complete one: an update its worker died in (readTick set).
        if (head < cap && records[head].readTick != 0)
            mine.push_back(accessOf(records[head], k, clock, releaseNs));
        log.workers.push_back(std::move(mine));
        log.dropped.push_back(h.dropped.load(std::memory_order_relaxed));
    }
    return log;
}

} // namespace shm
