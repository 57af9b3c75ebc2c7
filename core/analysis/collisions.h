#pragma once
// Collisions: the real interleaving behind every lost update of an unprotected histogram.
//
// Each worker logs every read-modify-write of a shared bin (model/update_log.h): the bin, the
// value it read, and the time of its read and of its write. From those logs alone this
// reconstructs, bin by bin, the order the writes reached the bin in, which write each read
// saw, and so which updates were lost and to whom:
//
//   - the writes of a bin are ordered by their write times;
//   - each write's read is matched to the write whose value it saw: the latest write ordered
//     before it with that value (none and value 0: the bin's initial 0);
//   - from the last write (whose value must be the bin's final value in the array) back
//     through the writes each one saw runs the chain of updates that survived: exactly the
//     bin's final value of them;
//   - every other write was lost. It was lost to the first write ordered after it that did not
//     see it (its read matched a write ordered before the lost one): the overwriter.
//
// Patterns: "overwritten": another update read the same value while this one was under way
// (two increments became one, the classic race); "rolled_back": the overwriter had read an
// older value than the lost update's, so its stale write took the bin back over this update
// and possibly others.
//
// The identity the figures keep: explained + unexplained == lost_updates (the verification's
// counter, expected total - actual total). Updates that were never logged (a full log, a
// worker that does not log, a worker killed before its updates) or a bin whose log disagrees
// with its final value (an order the clocks leave ambiguous) are unexplained, with a reason.
//
// Plain values, no Qt: the report, the recording and the window's Collision view read them.
#include "model/update_log.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace shm {

enum class CollisionPattern : uint8_t { Overwritten, RolledBack };

// What a step of the Collision view shows, for one access.
enum class AccessRole : uint8_t {
    Lost,       // the update that was lost
    Overwriter, // the write that replaced it without having seen it
    Collider,   // read the same value as the lost update, concurrently (overwritten pattern)
    Other,      // another update of the bin inside the window
};

// One lost update and the updates around it on its bin, enough to step through.
struct CollisionExample {
    CollisionPattern pattern = CollisionPattern::Overwritten;
    uint32_t bin = 0;
    uint64_t valueBefore = 0; // the bin's value before the first access shown
    // Sorted by readNs; lost, overwriter, collider index into it (collider may be -1).
    std::vector<UpdateAccess> accesses;
    std::vector<AccessRole> roles;
    int lost = -1;
    int overwriter = -1;
    int collider = -1;
    uint32_t updatesLost = 1; // rolled back: how many updates the overwriter's write undid
    bool operator==(const CollisionExample&) const = default;
};

// One access of an example as a step: a read or a write, in time order.
struct CollisionStep {
    int access = 0; // index into CollisionExample::accesses
    bool write = false;
    uint64_t tNs = 0;
    uint64_t value = 0;    // read: the value read; write: the value written
    uint64_t binAfter = 0; // the bin's value after this step (a read leaves it)
    bool struck = false;   // a write that is later overwritten without being seen (lost)
    bool operator==(const CollisionStep&) const = default;
};
// The steps of an example in the order they happened (reads and writes of every access, by
// time; a write ordered by the reconstruction's write order), with the bin's value after each.
std::vector<CollisionStep> collisionSteps(const CollisionExample& e);

struct UnexplainedReason {
    std::string code; // stable key: "log_full", "not_logged", "half_done", "order_ambiguous",
                      // "search_limit",
                      // "not_performed"
    std::string text; // one sentence
    uint64_t count = 0;
    bool operator==(const UnexplainedReason&) const = default;
};

struct CollisionReport {
    bool logged = false;
    std::string offReason; // logged == false: why
    uint64_t logBytes = 0;
    uint64_t updates = 0; // logged updates (complete ones)
    uint64_t explained = 0;
    uint64_t unexplained = 0;
    uint64_t overwritten = 0; // explained, by pattern
    uint64_t rolledBack = 0;
    // Pairs of updates of one bin that read the same value: a collision whether or not the
    // order of their writes lost an update. 0 under a lock or atomics.
    uint64_t sameReadPairs = 0;
    uint64_t halfDone = 0; // updates whose worker died between read and write
    // The share of the updating time in which every worker updated (update_concurrency.h);
    // null with fewer than two workers that logged, and in recordings made before it.
    std::optional<double> together;
    // The clock tolerance the explained bins needed (collision_order.h): 3 us normally, more
    // where two CPUs' clocks jumped apart; 0 when nothing was explained.
    uint64_t clockSlackNs = 0;
    std::vector<UnexplainedReason> reasons;
    std::vector<CollisionExample> examples; // the first lost updates, by time
    // No lost update: the two updates of one bin by different workers that came closest in
    // time (the second read right after the first write), to show what a lock serialises.
    std::vector<CollisionExample> closest;
    bool operator==(const CollisionReport&) const = default;
};

inline constexpr size_t kCollisionExamples = 200; // kept for the window and recordings
inline constexpr size_t kCollisionExamplesInJson = 10;
inline constexpr size_t kExampleAccesses = 8; // accesses shown around one lost update

// finalBins: the bins as the run left them (the array); lostUpdates: the verification's
// counter; expectedUpdates: the updates the run should have made (its elements).
CollisionReport reconstructCollisions(const UpdateLog& log, std::span<const double> finalBins,
                                      int64_t lostUpdates, uint64_t expectedUpdates,
                                      size_t maxExamples = kCollisionExamples);

// "w1 read 41 at +12 ns, w3 read 41 at +19 ns, w1 wrote 42 at +31 ns, w3 wrote 42 at +44 ns:
// w1's update was overwritten" (English; the report's text, and the window's fallback).
std::string describeCollision(const CollisionExample& e);

std::string_view nameOf(CollisionPattern); // "overwritten" | "rolled_back"

} // namespace shm
