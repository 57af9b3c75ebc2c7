#pragma once
// The shared segment's layout, readable from any language.
//
// The segment is one POSIX shared-memory object, /dev/shm/shmscope-<creator pid>-<hex>, mode
// 0600. All integers are little-endian, all offsets are bytes from the start of the segment and
// every region starts at a multiple of 64 bytes. Layout version 1:
//
//   offset 0            SegmentHeader (sizeof == 512)
//   slotsOffset         WorkerSlot[workers]           (128 bytes each, one per worker)
//   ringsOffset         EventRing[workers]            (ringStride bytes each: RingHeader then
//                                                      Event[ringCapacity])
//   locksOffset         PaddedMutex[1 + stripes]      (pthread_mutex_t, process-shared; [0] is
//                                                      the global mutex, [1..] the stripes)
//   dataOffset          double[dataCount]             (the array; histogram: the bins)
//   ownerOffset         uint8_t[dataCount]            (worker id that last wrote it, 255 = never)
//
// A Python reader: numpy.ndarray((dataCount,), dtype=np.float64, buffer=shm.buf,
// offset=dataOffset). Only the controller writes the configuration and run state; each worker
// writes only its own slot, its own ring, the array, the owner map and the schedule cursor.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <boost/interprocess/sync/interprocess_mutex.hpp>

namespace shm {

inline constexpr char kMagic[8] = {'S', 'H', 'M', 'S', 'C', 'O', 'P', 'E'};
inline constexpr uint32_t kLayoutVersion = 1;
inline constexpr uint8_t kUnwritten = 255;
inline constexpr uint64_t kRingCapacity = 8192; // events per worker ring, a power of two

enum class RunState : uint32_t { Created = 0, Running, Paused, Stopping };

// What a worker says it is doing, as the number it stores in its slot (so never reorder: the
// values are the protocol). How its process ended is the controller's (WorkerOutcome).
enum class WorkerState : uint32_t {
    Starting = 0, // process started, not attached yet
    AtBarrier,    // attached and validated, waiting for the start signal
    Running,
    WaitingForLock, // blocked on a contended lock
    Paused,
    Done,
    Failed, // the worker gave up (stderr says why)
};
inline constexpr uint32_t kLastWorkerState = uint32_t(WorkerState::Failed);
static_assert(uint32_t(WorkerState::Done) == 5 && kLastWorkerState == 6, "published numbers");

enum class EventKind : uint32_t { WaitBegin = 1, Acquired = 2, Released = 3 };

struct Event {
    uint64_t tNs;  // CLOCK_MONOTONIC
    uint32_t kind; // EventKind
    uint32_t lock; // 0 = global mutex / spin word, 1.. = stripe index + 1
};
static_assert(sizeof(Event) == 16);

struct alignas(64) RingHeader {
    std::atomic<uint64_t> head; // written by the worker: events ever pushed
    char pad0[56];
    std::atomic<uint64_t> tail; // written by the reader: events consumed
    char pad1[56];
    std::atomic<uint64_t> dropped; // events not stored because the ring was full
    char pad2[56];
};
static_assert(sizeof(RingHeader) == 192);

struct alignas(128) WorkerSlot {
    std::atomic<uint32_t> state; // WorkerState
    std::atomic<uint32_t> holdingLock;
    std::atomic<uint64_t> pid;
    std::atomic<uint64_t> processed; // element visits done, published in batches
    std::atomic<uint64_t> assigned;  // static partitions: share size; dynamic: claimed so far
    std::atomic<uint64_t> heartbeatNs;
    std::atomic<uint64_t> startNs; // barrier passed
    std::atomic<uint64_t> doneNs;
    std::atomic<uint64_t> acquisitions;
    std::atomic<uint64_t> contended;
    std::atomic<uint64_t> waitNs;
    std::atomic<uint64_t> holdNs;
    std::atomic<uint64_t> maxWaitNs;
    std::atomic<uint64_t> pausedNs; // time spent paused, excluded from busy time
};
static_assert(sizeof(WorkerSlot) == 128);

struct alignas(64) PaddedMutex {
    boost::interprocess::interprocess_mutex mutex;
};
static_assert(sizeof(PaddedMutex) == 64);

struct alignas(64) SegmentHeader {
    char magic[8];
    uint32_t layoutVersion;
    uint32_t headerSize; // sizeof(SegmentHeader)
    uint64_t totalSize;
    uint64_t creatorPid;

    // Configuration (written once by the creator before any worker starts).
    uint32_t workers;
    uint32_t workload;  // Workload
    uint32_t partition; // Partition
    uint32_t sync;      // SyncMode
    uint32_t lockScope; // LockScope
    uint32_t instrument;
    uint32_t stripes;
    uint32_t bins;
    uint64_t elements;
    uint64_t chunk;

    // Regions.
    uint64_t slotsOffset;
    uint64_t ringsOffset;
    uint64_t ringStride;
    uint64_t ringCapacity;
    uint64_t locksOffset;
    uint64_t lockCount;
    uint64_t dataOffset;
    uint64_t dataCount;
    uint64_t ownerOffset;
    char padConfig[40];

    // Live control, written by the controller, read by workers at batch boundaries.
    alignas(64) std::atomic<uint32_t> runState; // RunState
    std::atomic<uint32_t> delayUs;
    std::atomic<uint32_t> attached; // start barrier: workers that validated and wait
    uint32_t pad1;
    std::atomic<uint64_t> releaseNs; // CLOCK_MONOTONIC time the barrier opened

    // Written by workers: each on its own cache line to keep false sharing out of the numbers.
    alignas(64) std::atomic<uint64_t> cursor; // dynamic/guided: next unclaimed index
    alignas(64) std::atomic<uint32_t> spinWord;
    alignas(64) char reserved[128];
};
static_assert(std::is_standard_layout_v<SegmentHeader>);
static_assert(sizeof(SegmentHeader) == 512);
// Offsets a reader in another language relies on (README shows a Python reader).
static_assert(offsetof(SegmentHeader, workers) == 32);
static_assert(offsetof(SegmentHeader, elements) == 64);
static_assert(offsetof(SegmentHeader, dataOffset) == 128);
static_assert(offsetof(SegmentHeader, dataCount) == 136);
static_assert(offsetof(SegmentHeader, ownerOffset) == 144);
static_assert(offsetof(SegmentHeader, runState) == 192);
static_assert(std::atomic<uint64_t>::is_always_lock_free);
static_assert(std::atomic<uint32_t>::is_always_lock_free);

struct RegionSizes {
    uint64_t slotsOffset, ringsOffset, ringStride, locksOffset, lockCount, dataOffset, dataCount,
        ownerOffset, totalSize;
};

} // namespace shm
