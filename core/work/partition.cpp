#include "work/partition.h"

#include <algorithm>

namespace shm {
namespace {

// Block partition: sizes differ by at most one, the first N mod W workers get the extra one.
uint64_t blockBegin(uint64_t n, uint64_t w, uint64_t k) {
    return k * (n / w) + std::min<uint64_t>(k, n % w);
}

uint64_t chunkCount(uint64_t n, uint64_t chunk) {
    return (n + chunk - 1) / chunk;
}

} // namespace

bool isStatic(Partition p) {
    return p == Partition::Block || p == Partition::Cyclic || p == Partition::BlockCyclic ||
           p == Partition::Seed;
}

SeedSplit seedSplit(const ExperimentConfig& c) {
    SeedSplit s;
    const uint64_t n = c.elements, w = c.workers;
    s.step = n / w;
    if (s.step == 0) {
        s.neverCovered = n;
        return s;
    }
    s.ranges = (n + s.step - 1) / s.step;
    s.extraRanges = s.ranges > w ? s.ranges - w : 0;
    s.outOfBounds = s.ranges * s.step > n ? s.ranges * s.step - n : 0;
    s.neverCovered = n - std::min(s.ranges, w) * s.step; // the W run ranges all fit in N
    return s;
}

uint64_t staticShare(const ExperimentConfig& c, uint32_t k) {
    const uint64_t n = c.elements, w = c.workers;
    switch (c.partition) {
    case Partition::Block:
        return blockBegin(n, w, k + 1) - blockBegin(n, w, k);
    case Partition::Cyclic:
        return k < n ? (n - k + w - 1) / w : 0;
    case Partition::BlockCyclic: {
        const uint64_t chunks = chunkCount(n, c.chunk);
        if (k >= chunks) return 0;
        uint64_t mine = (chunks - k + w - 1) / w; // chunks k, k+w, ...
        uint64_t total = mine * c.chunk;
        const uint64_t last = chunks - 1;
        if (last % w == k) total -= last * c.chunk + c.chunk - n; // the short last chunk
        return total;
    }
    case Partition::Seed: {
        const SeedSplit s = seedSplit(c);
        return k < std::min<uint64_t>(s.ranges, w) ? s.step : 0;
    }
    case Partition::Dynamic:
    case Partition::Guided:
        return 0;
    }
    return 0;
}

uint64_t staticIndex(const ExperimentConfig& c, uint32_t k, uint64_t i) {
    const uint64_t w = c.workers;
    switch (c.partition) {
    case Partition::Block:
        return blockBegin(c.elements, w, k) + i;
    case Partition::Cyclic:
        return k + i * w;
    case Partition::BlockCyclic:
        return (k + w * (i / c.chunk)) * c.chunk + i % c.chunk;
    case Partition::Seed:
        return k * seedSplit(c).step + i;
    case Partition::Dynamic:
    case Partition::Guided:
        return i;
    }
    return i;
}

int staticOwner(const ExperimentConfig& c, uint64_t i) {
    const uint64_t n = c.elements, w = c.workers;
    switch (c.partition) {
    case Partition::Block: {
        // Invert blockBegin: the first (n % w) blocks have size base+1.
        const uint64_t base = n / w, rem = n % w;
        const uint64_t big = rem * (base + 1);
        if (i < big) return int(i / (base + 1));
        return int(rem + (i - big) / base);
    }
    case Partition::Cyclic:
        return int(i % w);
    case Partition::BlockCyclic:
        return int((i / c.chunk) % w);
    case Partition::Seed: {
        const uint64_t step = seedSplit(c).step;
        return step && i / step < w ? int(i / step) : -1; // -1: no worker is given it
    }
    default:
        return -1;
    }
}

WorkSource::WorkSource(const ExperimentConfig& cfg, uint32_t worker, std::atomic<uint64_t>* cursor)
    : m_cfg(cfg), m_worker(worker), m_cursor(cursor) {
    if (isStatic(cfg.partition)) m_share = staticShare(cfg, worker);
    if (cfg.partition == Partition::Block)
        m_blockBegin = blockBegin(cfg.elements, cfg.workers, worker);
    if (cfg.partition == Partition::Seed) m_blockBegin = worker * seedSplit(cfg).step;
}

bool WorkSource::next(IndexRange& out) {
    const uint64_t n = m_cfg.elements, w = m_cfg.workers, chunk = m_cfg.chunk;
    switch (m_cfg.partition) {
    case Partition::Block:
    case Partition::Seed: { // one contiguous range per worker, like block
        if (m_pos >= m_share) return false;
        const uint64_t len = std::min(chunk, m_share - m_pos);
        out = {m_blockBegin + m_pos, m_blockBegin + m_pos + len, 1};
        m_pos += len;
        return true;
    }
    case Partition::Cyclic: {
        if (m_pos >= m_share) return false;
        const uint64_t len = std::min(chunk, m_share - m_pos);
        const uint64_t first = m_worker + m_pos * w;
        out = {first, std::min(n, first + (len - 1) * w + 1), w};
        m_pos += len;
        return true;
    }
    case Partition::BlockCyclic: {
        // m_pos counts chunks handed out; chunk index = worker + m_pos * w.
        const uint64_t c = m_worker + m_pos * w;
        if (c >= chunkCount(n, chunk)) return false;
        out = {c * chunk, std::min(n, (c + 1) * chunk), 1};
        ++m_pos;
        return true;
    }
    case Partition::Dynamic: {
        const uint64_t begin = m_cursor->fetch_add(chunk, std::memory_order_relaxed);
        if (begin >= n) return false;
        out = {begin, std::min(n, begin + chunk), 1};
        return true;
    }
    case Partition::Guided: {
        uint64_t cur = m_cursor->load(std::memory_order_relaxed);
        for (;;) {
            if (cur >= n) return false;
            const uint64_t remaining = n - cur;
            const uint64_t len = std::min(remaining, std::max(chunk, remaining / (2 * w)));
            if (m_cursor->compare_exchange_weak(cur, cur + len, std::memory_order_relaxed)) {
                out = {cur, cur + len, 1};
                return true;
            }
        }
    }
    }
    return false;
}

} // namespace shm
