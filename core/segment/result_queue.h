#pragma once
// --transport queue: workers send their results through a queue in its own file
// (/dev/shm/<segment name>-q-<key>, queue_file.h) and the controller writes them into the
// array. The queue is the "simpler alternative" the blog recommends; running it beside shared
// memory shows its cost: every result is copied twice and a full queue makes the senders wait.
//
// The queue is our own ring (queue_ring.h), not Boost's message_queue: the receiver takes no
// lock a sender could hold and follows no pointer out of the file, so a sender killed inside
// send() cannot stop it, and a file another process truncated or overwrote ends the run with
// one line naming the queue instead of a SIGSEGV in the app.
#include "segment/queue_ring.h"
#include "segment/segment.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace shm {

// Removes a queue's name (queue_file.h: queueName) from /dev/shm; true if it is gone.
bool removeQueue(const std::string& queueName);

// The worker's end: opens the queue its segment names, after checking the file (ours, 0600,
// the size the segment says, every page reserved) and, once mapped, its header, and sends
// batches. A SIGBUS on the queue (someone shrank it) ends the worker with one line and exit 3
// (bus_guard.h). Throws SegmentError (also when the run is stopping and the queue has had no
// room for kQueueGiveUpNs: nobody reads it any more).
class QueueSender {
  public:
    QueueSender(const Segment& seg, WorkerSlot& slot, uint32_t worker);
    ~QueueSender();
    QueueSender(const QueueSender&) = delete;
    QueueSender& operator=(const QueueSender&) = delete;
    // Adds one result; sends when the batch is full or the indices stop following the stride.
    void add(uint64_t index, double value, uint64_t stride);
    void addBin(uint64_t bin);
    void flush(); // sends what is batched

  private:
    void send();
    uint64_t claim(); // a position whose cell is ours to write (waits while the ring is full)
    const SegmentHeader& m_seg;
    std::string m_name;
    void* m_base = nullptr; // the file, mapped (kQueueFileBytes)
    QueueFileHeader* m_file = nullptr;
    QueueCell* m_cells = nullptr;
    int m_busGuard = -1;
    WorkerSlot& m_slot;
    QueueMessage m_msg{};
    uint64_t m_messages = 0, m_bytes = 0, m_waitNs = 0;
};

// A sender that finds no room for this long while the run is stopping gives up (the receiver
// has stopped reading: a corrupt queue ends it).
inline constexpr uint64_t kQueueGiveUpNs = 1'000'000'000;

// The controller's end, on a thread of its own: receives until asked to stop and the queue is
// empty, checking each message (queue_ring.h: checkMessage) and writing it into the array and
// the owner map. A cell or message that does not check out stops it: corruption() says why.
class QueueReceiver {
  public:
    struct Stats {
        uint64_t messages = 0, bytes = 0, maxDepth = 0;
        uint64_t lastWriteNs = 0; // CLOCK_MONOTONIC of the last result written
    };
    // Creates the queue /dev/shm/<segment>-q-<key> (queue_file.h) with O_EXCL and mode 0600,
    // after writing the key into the segment's header, reserves every page of it (a full
    // /dev/shm is an error here, not a SIGBUS in a worker later), guards its mapping against
    // SIGBUS, and records its size in the header. Throws SegmentError (and leaves no queue
    // behind).
    QueueReceiver(std::shared_ptr<Segment> seg, uint64_t key);
    ~QueueReceiver(); // joins (or leaves an abandoned thread its own references)
    // No more senders: drain what is queued, then end. Cells claimed by a sender that never
    // published them (it died inside send()) are skipped and counted (unpublished()).
    void requestStop();
    bool done() const;
    // Messages sent but not received yet (from the senders' slots: no lock taken).
    uint64_t depth() const;
    // Leaves the thread running on its own references (kept for a receiver that did not end).
    void abandon();
    Stats stats() const;
    const std::string& name() const;
    // The file's size now, if another process made it smaller than the queue (or a read past
    // its end already faulted and was absorbed by the SIGBUS guard).
    std::optional<uint64_t> shrunkTo() const;
    // Why the receiver stopped reading a cell or message it could not trust (nullopt: it did
    // not). The receiver has ended then.
    std::optional<std::string> corruption() const;
    // Cells claimed but never published, found when it drained after every sender exited.
    uint64_t unpublished() const;
    uint64_t size() const;

  private:
    struct State;
    std::shared_ptr<State> m_state;
    std::thread m_thread;
};

} // namespace shm
