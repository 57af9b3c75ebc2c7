#pragma once
// --transport queue: workers send their results through a Boost.Interprocess message_queue
// (/dev/shm/<segment name>-q) and the controller writes them into the array. The queue is the
// "simpler alternative" the blog recommends; running it beside shared memory shows its cost:
// every result is copied twice and a full queue makes the senders wait.
//
// The queue's own lock is a plain process-shared mutex (Boost 1.74): a sender killed inside
// send() leaves it held, and the receiver then blocks for good. QueueReceiver therefore runs on
// its own thread, is only ever waited for with a deadline, and keeps what it uses alive when it
// has to be abandoned (nothing of the caller's is freed under it).
#include "segment/segment.h"

#include <boost/interprocess/ipc/message_queue.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

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
    uint32_t pad;
    double values[kQueueBatchValues];
};
inline constexpr size_t kQueueHeaderBytes = offsetof(QueueMessage, values);

// Removes a queue's name (queue_file.h: queueName) from /dev/shm; true if it is gone.
bool removeQueue(const std::string& queueName);

// The worker's end: opens the queue its segment names, after checking the file (ours, 0600,
// the size the segment says, every page reserved), and sends batches. A SIGBUS on the queue
// (someone shrank it) ends the worker with one line and exit 3 (bus_guard.h). Throws
// SegmentError.
class QueueSender {
  public:
    QueueSender(const Segment& seg, WorkerSlot& slot, uint32_t worker);
    ~QueueSender();
    // Adds one result; sends when the batch is full or the indices stop following the stride.
    void add(uint64_t index, double value, uint64_t stride);
    void addBin(uint64_t bin);
    void flush(); // sends what is batched

  private:
    void send();
    std::unique_ptr<boost::interprocess::message_queue> m_q;
    int m_busGuard = -1;
    WorkerSlot& m_slot;
    QueueMessage m_msg{};
    uint64_t m_messages = 0, m_bytes = 0, m_waitNs = 0;
};

// The controller's end, on a thread of its own: receives until asked to stop and the queue is
// empty, writing each result into the array and the owner map.
class QueueReceiver {
  public:
    struct Stats {
        uint64_t messages = 0, bytes = 0, maxDepth = 0;
        uint64_t lastWriteNs = 0; // CLOCK_MONOTONIC of the last result written
    };
    // Creates the queue /dev/shm/<segment>-q-<key> (queue_file.h) with O_EXCL, after writing
    // the key into the segment's header, reserves every page of it (a full /dev/shm is an
    // error here, not a SIGBUS in a worker later), guards its mapping against SIGBUS, and
    // records its size in the header. Throws SegmentError (and leaves no queue behind).
    QueueReceiver(std::shared_ptr<Segment> seg, uint64_t key);
    ~QueueReceiver(); // joins, or leaves an abandoned thread its own references
    // No more senders: drain what is queued, then end.
    void requestStop();
    bool done() const;
    // Messages sent but not received yet (from the senders' slots: no lock taken).
    uint64_t depth() const;
    // Gives up on a thread stuck on the queue's lock (a sender died inside send()).
    void abandon();
    Stats stats() const;
    const std::string& name() const;
    // The file's size now, if another process made it smaller than the queue (or a read past
    // its end already faulted and was absorbed by the SIGBUS guard).
    std::optional<uint64_t> shrunkTo() const;
    uint64_t size() const;

  private:
    struct State;
    std::shared_ptr<State> m_state;
    std::thread m_thread;
};

} // namespace shm
