#pragma once
// The result queue's file (--transport queue), made as safe as the segment's: a name nobody
// can guess before it exists, its pages reserved before any worker writes one, checked before
// every map, and the SIGBUS of a file shrunk under us turned into a failure (bus_guard.h).
//
// The queue is /dev/shm/<segment name>-q-<key>: the key is 64 random bits the creator writes
// into the segment's header (queueKey) before it creates the queue with O_EXCL, so another
// user cannot create the name first (the old "<segment>-q" was known the moment the segment
// appeared), and the sweep removes a dead run's queue only because its segment names it.
#include <cstdint>
#include <string>

namespace shm {

uint64_t newQueueKey(); // random, never 0
std::string queueName(const std::string& segmentName, uint64_t key);
// "<segment>-q-<16 hex digits>", or the old "<segment>-q": the segment's name, else "".
std::string segmentOfQueue(const std::string& name);

// /dev/shm bytes the queue's file takes (queue_ring.h: kQueueFileBytes).
uint64_t queueBytesNeeded();

// Why the open file fd is not a queue the app made and reserved ("" when it is): a regular
// file of our uid, mode 0600, exactly `bytes` long and with every page allocated.
std::string checkQueueFile(int fd, uint64_t bytes);

// Maps the open queue file fd whole (kQueueFileBytes, shared, read and write): its address, or
// nullptr with errno set. unmapQueueFile undoes it (nullptr: nothing).
void* mapQueueFile(int fd);
void unmapQueueFile(void* base);

// An fd of a queue's file, closed when it goes.
struct QueueFd {
    int fd = -1;
    QueueFd() = default;
    explicit QueueFd(int f) : fd(f) {}
    QueueFd(const QueueFd&) = delete;
    QueueFd& operator=(const QueueFd&) = delete;
    ~QueueFd();
};

} // namespace shm
