#pragma once
// One bin's updates put back in the order they happened (internal to analysis/collisions.cpp).
//
// What the clocks say: an update's read and write both happened between its two clock reads
// (the TSC just before the load and just after the store), widened by the clock's grain and the
// store's way out of the store buffer (kClockSlackNs). On this machine's TSC (10 ns steps under
// a hypervisor) writes of one bin are often timed alike: sorting by time alone leaves their
// order, and so who overwrote whom, to chance. What the values say: a read returns the bin's
// value at that moment, so the order must give every read exactly the value it logged, and end
// at the bin's final value in the array.
//
// orderBin searches for such an order: events (each update's read and write) are taken in time
// order, any event may go before another whose interval it overlaps, a worker's own events keep
// program order, a read may be placed only when the bin holds the value it read, and a read that
// can go first goes first. Dead ends back-track (a bounded number of times); an order that
// cannot be found leaves the bin inconsistent, and its lost updates are unexplained.
#include "analysis/collisions.h"

#include <vector>

namespace shm::collision_order {

// Measured on this machine: workers on different vCPUs read TSCs apart, by up to ~2 us (a read
// logged 2 us after the write that replaced the value it read). With 0.3 us whole bins found no
// order in 2 of 12 runs of 200000 updates, with 1 us in 1 of 10 runs of 10^6; with 3 us none of
// those did.
inline constexpr uint64_t kClockSlackNs = 3000;
// Now and then two vCPUs' clocks jump apart by more for a moment (seen: 7.4 us, once in 12 runs
// of 4 workers given both CPUs, the bins' logs otherwise agreeing to within 3 us), and workers
// given both CPUs roll bins back so often that a bin of 12,500 updates needed more than 200,000
// back-tracks (2,184 lost updates unexplained in 1 of 8 runs; 1,000,000 were enough). A bin is
// searched with each of these in turn until an order is found: a wider tolerance finds one
// sooner when the clocks jumped (the same order came out at 6, 12, 24 and 48 us), a larger budget
// when the values leave much to try. The report says the widest tolerance a bin needed.
struct Attempt {
    uint64_t slackNs, backtracks;
};
inline constexpr Attempt kAttempts[] = {
    {kClockSlackNs, 200'000}, {12'000, 200'000}, {48'000, 200'000}, {kClockSlackNs, 1'000'000}};
// All of a run's searches together: a log no order fits (a careless worker's) costs the report
// about 4 s here at most.
inline constexpr uint64_t kRunBacktracks = 4'000'000;

struct BinOrder {
    std::vector<const UpdateAccess*> writes; // in the order they reached the bin
    std::vector<int> source;                 // the write each one's read saw; -1 = the initial 0
    std::vector<bool> survived;              // on the chain that makes the final value
    // A lost write's overwriter: the first write after it that did not see it (its read saw a
    // write ordered before it); -1 for survivors. overwrote: how many lost writes each one took.
    std::vector<int> overwriter;
    std::vector<uint32_t> overwrote;
    bool consistent = false; // an order was found
    bool gaveUp = false;     // none found before the back-tracking budget ran out (one may exist)
    uint64_t slackNs = 0;    // the clock tolerance it was found with
    uint64_t lost = 0;       // writes not on the chain
    uint64_t finalValue = 0;
};

// `updates`: the bin's complete updates (written), any order. finalValue: the bin as the run left
// it. The attempt: how far a logged time may be from when the access happened, and how many
// back-tracks the search may make. budget: back-tracks left for the run, decreased by those made.
BinOrder orderBin(std::vector<const UpdateAccess*> updates, uint64_t finalValue, Attempt attempt,
                  uint64_t& budget);
} // namespace shm::collision_order
