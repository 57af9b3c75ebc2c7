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

// /dev/shm bytes a queue of kQueueCapacity messages takes, a little more than Boost's own.
uint64_t queueBytesNeeded();

// Why the open file fd is not a queue the app made and reserved ("" when it is): a regular
// file of our uid, mode 0600, exactly `bytes` long and with every page allocated.
std::string checkQueueFile(int fd, uint64_t bytes);

// Where this process mapped the open file fd (found in /proc/self/maps by device and inode:
// Boost's message_queue does not say). size 0 when it is not mapped.
struct MappedRange {
    void* base = nullptr;
    uint64_t size = 0;
};
MappedRange findMapping(int fd);

} // namespace shm
