#pragma once
// The result queue's file (--transport queue): a bounded multi-producer / single-consumer ring
// of fixed-size cells, each with a sequence number (Dmitry Vyukov's bounded queue), in the
// reserved file queue_file.h names. Our own, not Boost's message_queue: Boost keeps offset
// pointers and a process-shared mutex in the file and trusts both, so a file another process
// truncated inside its first page (the header read as zeros) or overwrote made the app die of
// SIGSEGV inside receive(), and a sender killed inside send() left the lock held for good.
//
// Layout (every offset pinned below; little-endian, as mapped):
//   page 0  QueueFileHeader: magic, version, capacity, cell size, where the cells start;
//           `tail` (own cache line): the next position a sender claims.
//   cells   kQueueCapacity × QueueCell from kQueueCellsOffset: `seq` then one QueueMessage.
// Protocol, for position p (cell p % capacity):
//   free for p:       seq == p       (the receiver's store after it read p - capacity)
//   published for p:  seq == p + 1   (the sender's store, release, after writing the message)
//   A sender claims p by CAS on tail (tail == p and the cell's seq == p), writes the message,
//   then publishes. The receiver keeps its position to itself (no head in the file), reads a
//   published cell, copies the message out and checks the copy, then frees the cell for
//   p + capacity. No pointers, no lock: a sender killed after its claim leaves one cell that
//   stays at seq == p (counted when every sender has exited), never a held lock.
// The receiver trusts nothing it reads here: a seq that is neither p nor p + 1, or a message
// whose worker, count, flags, indices or bins do not fit the run, is "corrupt" and ends the
// run (checkCell, checkMessage); tail is read only after every sender exited, and clamped.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <string>

namespace shm {

inline constexpr uint32_t kQueueCapacity = 256;    // messages
inline constexpr uint32_t kQueueBatchValues = 512; // results per message (4 KiB of doubles)

// One message: `count` results for indices begin, begin + stride, ... (values), or `count` bin
// indices to add 1 to (histogram).
struct QueueMessage {
    uint32_t worker;
    uint32_t count;
    uint64_t begin;
    uint64_t stride;
    uint32_t bins; // 1: values[] hold bin indices
    uint32_t pad;  // 0
    double values[kQueueBatchValues];
};
inline constexpr size_t kQueueHeaderBytes = offsetof(QueueMessage, values);
static_assert(kQueueHeaderBytes == 32);

inline constexpr uint64_t kQueueMagic = 0x3130515343534d53ull; // "SMSCSQ01" little-endian
inline constexpr uint32_t kQueueLayoutVersion = 1;

struct QueueFileHeader {
    uint64_t magic;       // kQueueMagic
    uint32_t version;     // kQueueLayoutVersion
    uint32_t capacity;    // kQueueCapacity
    uint32_t cellBytes;   // sizeof(QueueCell)
    uint32_t batchValues; // kQueueBatchValues
    uint64_t cellsOffset; // kQueueCellsOffset
    alignas(64) std::atomic<uint64_t> tail;
};
static_assert(offsetof(QueueFileHeader, tail) == 64);
static_assert(std::atomic<uint64_t>::is_always_lock_free);

struct alignas(64) QueueCell {
    std::atomic<uint64_t> seq;
    QueueMessage msg;
};
static_assert(offsetof(QueueCell, msg) == 8);
static_assert(sizeof(QueueCell) == 4160);

inline constexpr uint64_t kQueueCellsOffset = 4096; // the cells start on their own page
static_assert(sizeof(QueueFileHeader) <= kQueueCellsOffset);
// The file's size: exactly this, checked by every process before it maps the file.
inline constexpr uint64_t kQueueFileBytes =
    kQueueCellsOffset + uint64_t(kQueueCapacity) * sizeof(QueueCell);

// What the cell the receiver is at (position pos) says, from its seq alone.
enum class CellState { Free, Published, Corrupt };
inline CellState checkCell(uint64_t seq, uint64_t pos) {
    if (seq == pos + 1) return CellState::Published;
    return seq == pos ? CellState::Free : CellState::Corrupt;
}

// What a message must fit: the run's workers, its array's length, its kind.
struct QueueBounds {
    uint32_t workers = 0;
    uint64_t dataCount = 0; // array elements (bins for the histogram)
    bool bins = false;      // the run sends bin indices (histogram), else values
};

// Why the copy m (taken out of the file) cannot be applied to the array ("" when it can):
// every field bounds-checked, every bin index an exact integer inside the array, the last
// index computed without overflow.
std::string checkMessage(const QueueMessage& m, const QueueBounds& b);

// How the two ends wait: by sleeping, never spinning and never on a lock or futex the other
// end could leave held. A sender finding the ring full sleeps kQueueSenderNapNs a try (the
// kernel's default 50 us timer slack comes on top): short beside the time the receiver needs
// to apply a ring of 256 messages of 512 results, so the ring does not run dry while its
// senders sleep. The receiver, finding it empty, sleeps from kQueueReceiverNapMinNs, doubling
// up to kQueueReceiverNapMaxNs while it stays empty: the last message of a run is written at
// most that late, and an idle receiver wakes about 2,000 times a second.
inline constexpr uint64_t kQueueSenderNapNs = 20'000;
inline constexpr uint64_t kQueueReceiverNapMinNs = 10'000;
inline constexpr uint64_t kQueueReceiverNapMaxNs = 500'000;
inline void queueNap(uint64_t ns) {
    timespec ts{time_t(ns / 1'000'000'000ull), long(ns % 1'000'000'000ull)};
    nanosleep(&ts, nullptr);
}

} // namespace shm
