#include "segment/update_log_reader.h"

#include <algorithm>

namespace shm {

std::vector<UpdateAccess> workerAccesses(std::span<const UpdateRecord> records, uint64_t head,
                                         uint64_t endTick, uint64_t nowTick, uint32_t worker,
                                         const TickClock& clock, uint64_t releaseNs) {
    auto since = [&](uint64_t tick) {
        const uint64_t ns = clock.toNs(tick);
        return ns > releaseNs ? ns - releaseNs : 0;
    };
    head = std::min<uint64_t>(head, records.size());
    // The record after the last complete one: an update its worker died in (readTick set).
    const bool cutShort = head < records.size() && records[head].readTick != 0;
    std::vector<UpdateAccess> mine(head + (cutShort ? 1 : 0));
    // Back to front, carrying the next stamp: a write without its own clock read happened
    // before the next one the worker took.
    uint64_t bound = endTick != 0 ? endTick : nowTick;
    for (size_t i = mine.size(); i-- > 0;) {
        const UpdateRecord& r = records[i];
        UpdateAccess& a = mine[i];
        a.worker = worker;
        a.bin = r.bin;
        a.readValue = r.readValue;
        a.readNs = since(r.readTick);
        a.written = r.writeTick != 0;
        if (r.writeTick > kUnstampedWrite) bound = r.writeTick;
        a.writeNs = a.written ? std::max(a.readNs, since(bound)) : a.readNs;
    }
    return mine;
}

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
    // Read after the workers are gone: a bound for the writes of one that died unstamped.
    const uint64_t now = ticks();
    for (uint32_t k = 0; k < cfg.workers; ++k) {
        const UpdateLogHeader& h = *seg.updateLog(k);
        // The worker is gone: its head is final. A foreign writer may have left anything there.
        const uint64_t head = h.head.load(std::memory_order_acquire);
        log.workers.push_back(workerAccesses({seg.updateRecords(k), cap}, head,
                                             h.endTick.load(std::memory_order_acquire), now, k,
                                             clock, releaseNs));
        log.dropped.push_back(h.dropped.load(std::memory_order_relaxed));
    }
    return log;
}

} // namespace shm
