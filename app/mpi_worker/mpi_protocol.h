#pragma once
// The messages of --transport mpi, between rank 0 (beside the app, attached to the segment)
// and the other ranks (anywhere mpirun puts them; they never see the segment).
//
//  1. Start: every rank sends rank 0 a Hello (MPI_Gather: pid, host, its clock). Rank 0 marks
//     every rank's slot attached, so the app opens the barrier as for local workers; rank 0
//     then broadcasts the run's configuration with the GO (MPI_Bcast), ranks on another host
//     answer clock pings (a ping byte 1: answer with the clock; 0: done) so their times can be
//     placed on rank 0's clock, and everyone waits in an MPI_Barrier until the pings are done
//     (a rank computing meanwhile took the CPU the round trips needed).
//  2. Work: static partitions are computed by each rank alone (the same WorkSource as a local
//     worker); dynamic and guided ranks ask rank 0 for each piece (kTagRequest -> kTagWork).
//  3. Results: each batch is a BatchHeader (kTagHeader) followed by its values (kTagData, the
//     doubles in index order; histogram: the batch's bin counts). A batch is at most kBatch
//     elements or kBatchNs of work, so slow motion still shows progress. The header also
//     carries the rank's figures so far and its previous send's interval (the timeline).
//  4. Control: rank 0 relays pause, resume, stop and the slow-motion delay (kTagControl); ranks
//     look for it between elements or batches.
//  5. End: a header with kind Final; rank 0 publishes it and answers with a control word kBye,
//     the rank's last message (so nothing is left unreceived at MPI_Finalize). The run ends
//     when every rank's Final is in (or a stop ended the work early).
// Everyone runs the same build (the structs go as bytes): use one shmscope-mpi-worker binary
// on every host.
#include "model/settings.h"

#include <cstdint>

namespace shm::mpi {

inline constexpr int kTagHeader = 11;
inline constexpr int kTagData = 12;
inline constexpr int kTagControl = 13;
inline constexpr int kTagRequest = 14;
inline constexpr int kTagWork = 15;
inline constexpr int kTagPing = 16;

inline constexpr uint64_t kBatch = 1 << 16;         // elements per message at most
inline constexpr uint64_t kBatchNs = 20'000'000;    // or this much work (slow motion)
inline constexpr uint64_t kRootBatchNs = 5'000'000; // rank 0's own pieces between receives
// Clock pings per rank on another host: the one with the shortest round trip places its clock,
// good to half that round trip (one ping that met a preempted rank counts its whole delay). At
// least kClockPings; more, up to kClockPingsMax or kClockBudgetNs, while the best round trip
// is longer than kClockGoodRttNs (with the window's run, 4 ranks on 2 busy vCPUs, the best of
// 16 was once 20 ms).
inline constexpr int kClockPings = 16;
inline constexpr int kClockPingsMax = 2000;
inline constexpr uint64_t kClockGoodRttNs = 200'000;
inline constexpr uint64_t kClockBudgetNs = 300'000'000;

struct Hello {
    uint64_t pid;
    uint64_t nowNs;
    char host[64]; // the full host name: short names of different hosts may be equal
};

// Rank 0 -> everyone, once the app opened the barrier.
struct Go {
    ExperimentConfig config;
    uint32_t runState; // RunState: Running, or Stopping (stopped before it began)
    uint32_t delayUs;
    uint32_t pingHosts; // 1: ranks on another host than rank 0 answer a clock ping
    uint32_t pad;
};

struct Control {
    uint32_t runState; // RunState, or kBye: rank 0 has the rank's Final (nothing follows)
    uint32_t delayUs;
};
inline constexpr uint32_t kBye = 0xB7E;

enum class BatchKind : uint32_t { Values = 0, Bins = 1, Final = 2 };

struct BatchHeader {
    uint32_t kind;                 // BatchKind
    uint32_t stopped;              // Final: the rank stopped early (asked to)
    uint64_t begin, count, stride; // Values: indices begin, begin+stride, ...
    uint64_t assigned;             // dynamic/guided: claimed so far (static: its share)
    uint64_t computeNs;            // the rank's figures so far, on its own clock
    uint64_t sendNs;
    uint64_t cpuNs;
    uint64_t messages; // sent before this batch
    uint64_t bytes;
    uint64_t prevSendBeginNs, prevSendEndNs; // its previous batch's send, 0 = none
};

struct WorkPiece {
    uint64_t begin, end, stride; // end == begin: nothing left
};

} // namespace shm::mpi
