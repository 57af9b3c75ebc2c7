#include "analysis/update_concurrency.h"

#include <algorithm>
#include <vector>

namespace shm {

namespace {
constexpr uint64_t kSlotNs = 10'000;
constexpr uint64_t kMaxSlots = 100'000;
} // namespace

std::optional<double> updatesTogether(const UpdateLog& log) {
    uint64_t first = UINT64_MAX, last = 0;
    uint32_t active = 0;
    for (const std::vector<UpdateAccess>& w : log.workers) {
        if (w.empty()) continue;
        ++active; // a worker's records are in the order it made them: its reads' times rise
        first = std::min(first, w.front().readNs);
        last = std::max(last, w.back().readNs);
    }
    if (active < 2) return std::nullopt;
    const uint64_t span = last - first + 1;
    const uint64_t slotNs = std::max(kSlotNs, (span + kMaxSlots - 1) / kMaxSlots);
    const size_t slots = size_t(span / slotNs + 1);
    // Per slot: how many workers updated in it (each worker counted once per slot).
    std::vector<uint32_t> workersIn(slots, 0);
    for (const std::vector<UpdateAccess>& w : log.workers) {
        size_t marked = SIZE_MAX;
        for (const UpdateAccess& a : w) {
            const size_t s = size_t((a.readNs - first) / slotNs);
            if (s == marked) continue;
            marked = s; // its slots come in order
            ++workersIn[s];
        }
    }
    uint64_t any = 0, all = 0;
    for (uint32_t n : workersIn) {
        any += n > 0;
        all += n == active;
    }
    return any ? double(all) / double(any) : 0.0;
}

} // namespace shm
