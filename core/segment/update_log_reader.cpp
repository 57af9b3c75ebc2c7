#include "segment/update_log_reader.h"

#include <algorithm>
#include <unordered_map>

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
    if (locksCoverBins(cfg)) orderLockedUpdates(log);
    return log;
}

bool locksCoverBins(const ExperimentConfig& cfg) {
    return cfg.usesLock() && !(cfg.sync == SyncMode::Striped && cfg.lockScope == LockScope::Chunk);
}

void orderLockedUpdates(UpdateLog& log) {
    // Per bin, the accesses by the value they read (under a lock the values a bin's updates
    // read are 0, 1, 2, ...: fewer than the bin's updates); `twice` where two read the same
    // value: no link is known there.
    std::unordered_map<uint32_t, std::vector<UpdateAccess*>> bins;
    for (const auto& worker : log.workers)
        for (const UpdateAccess& a : worker)
            bins[a.bin].push_back(nullptr);
    UpdateAccess marker;
    UpdateAccess* const twice = &marker;
    for (auto& worker : log.workers)
        for (UpdateAccess& a : worker) {
            std::vector<UpdateAccess*>& byValue = bins[a.bin];
            // A value beyond the bin's updates (a foreign writer's record) links nothing.
            if (a.readValue >= byValue.size()) continue;
            UpdateAccess*& slot = byValue[a.readValue];
            slot = slot ? twice : &a;
        }
    for (auto& entry : bins) {
        const std::vector<UpdateAccess*>& byValue = entry.second;
        for (size_t v = 1; v < byValue.size(); ++v) {
            const UpdateAccess* prev = byValue[v - 1];
            UpdateAccess* next = byValue[v];
            if (!prev || !next || prev == twice || next == twice || !prev->written) continue;
            // Further apart than an instruction's reordering: clocks that disagree (a vCPU's
            // TSC jumped), which the reconstruction measures and reports as such.
            if (prev->writeNs > next->readNs + kLockOrderSlackNs) continue;
            next->readNs = std::max(next->readNs, prev->writeNs);
            next->writeNs = next->written ? std::max(next->writeNs, next->readNs) : next->readNs;
        }
    }
}

} // namespace shm
