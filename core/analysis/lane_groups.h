#pragma once
// The lock timeline's worker lanes when there are more workers than readable lanes: workers
// grouped into consecutive ranges, one lane per range. A lane stays readable at about 9 px
// (its label's height); with 256 workers in a 200-px timeline one lane per worker would be
// under a pixel, so the lanes were clipped and most workers never shown.
//
// What a group lane shows, per pixel column:
//   - hold: the summed hold coverage of its workers, divided by how many of them can hold at
//     once (min(group size, locks)). With one lock the members' holds never overlap, so the sum
//     is the exact share of the column the group held the lock: exclusion stays visible.
//   - holder: the member that held longest there (the bar takes its colour);
//   - wait: the mean waiting coverage of its members (0.5 = half of them waited all the time).
// The lock lane above is computed from every worker as before: it never aggregates.
#include <cstdint>
#include <vector>

namespace shm {

struct LaneGroup {
    uint32_t first = 0; // first worker of the lane
    uint32_t count = 1; // consecutive workers in it
    bool operator==(const LaneGroup&) const = default;
};

// Splits `workers` into at most `maxLanes` lanes of consecutive workers, every lane the same
// size (a power of two: w0–w15, w16–w31 read as ranges at a glance) except possibly the last.
// maxLanes >= workers (or workers == 0): one lane per worker. maxLanes < 1 counts as 1.
std::vector<LaneGroup> groupLanes(uint32_t workers, int maxLanes);

struct GroupCoverage {
    std::vector<double> hold, wait; // per column, 0..1
    std::vector<int32_t> holder;    // per column: the member holding longest, -1 = nobody
};

// `holds[k]`, `waits[k]`: worker k's coverage per column (workerCoverage). `concurrent`: how
// many holds can overlap at once (1 for one lock, the stripe count for striped).
GroupCoverage groupCoverage(const LaneGroup& g, const std::vector<std::vector<double>>& holds,
                            const std::vector<std::vector<double>>& waits, uint32_t concurrent);

} // namespace shm
