#pragma once
// Partition strategies: which indices each worker processes, and in what pieces.
// Static strategies (block, cyclic, block-cyclic) are pure functions of (N, W, chunk, k);
// dynamic and guided claim pieces from a shared cursor in the segment.
#include "model/settings.h"

#include <atomic>
#include <cstdint>

namespace shm {

// Indices begin, begin+stride, ... below end.
struct IndexRange {
    uint64_t begin = 0;
    uint64_t end = 0;
    uint64_t stride = 1;
    uint64_t count() const { return end > begin ? (end - begin + stride - 1) / stride : 0; }
    bool operator==(const IndexRange&) const = default;
};

// The blog post's split, `starts = arange(0, N, N // W); ends = starts + N // W`, taken as
// written: worker k < W runs range k; ranges beyond the W workers never run; a range ending past
// N would raise IndexError in Python (here: clipped, and its excess counted). With N < W the step
// is 0 and arange refuses: no range at all.
struct SeedSplit {
    uint64_t step = 0;         // N // W
    uint64_t ranges = 0;       // len(arange(0, N, step))
    uint64_t extraRanges = 0;  // ranges no worker runs
    uint64_t outOfBounds = 0;  // elements of planned ranges past N (clipped)
    uint64_t neverCovered = 0; // elements no worker is given
};
SeedSplit seedSplit(const ExperimentConfig& cfg);

// Elements worker k is given by a static partition (0 for dynamic/guided, which claim).
uint64_t staticShare(const ExperimentConfig& cfg, uint32_t k);

// Index of the i-th element (0-based) that static-partition worker k processes, in the order
// WorkSource hands them out (the window's dirty tracker follows a worker's progress with it).
uint64_t staticIndex(const ExperimentConfig& cfg, uint32_t k, uint64_t i);

// The worker a static partition gives index i to; -1 for dynamic/guided.
int staticOwner(const ExperimentConfig& cfg, uint64_t i);

bool isStatic(Partition p);

// Hands out worker k's work as pieces of at most `chunk` elements.
class WorkSource {
  public:
    WorkSource(const ExperimentConfig& cfg, uint32_t worker, std::atomic<uint64_t>* cursor);
    // Next piece, or false when this worker has nothing left.
    bool next(IndexRange& out);

  private:
    ExperimentConfig m_cfg;
    uint32_t m_worker;
    std::atomic<uint64_t>* m_cursor;
    uint64_t m_pos = 0; // static: how many of this worker's elements were handed out
    uint64_t m_share = 0;
    uint64_t m_blockBegin = 0;
};

} // namespace shm
