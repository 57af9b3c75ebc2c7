#pragma once
// Sleeping in the kernel on a word of the segment (Linux futex). Shared futexes, not the
// private ones std::atomic::wait uses: the word lives in memory several processes map, and a
// private futex is keyed by one process's address. Workers wait at the start barrier and while
// paused; the controller wakes them whenever it changes runState.
#include "model/layout.h"

#include <atomic>
#include <climits>
#include <cstdint>
#include <ctime>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace shm {

// Returns when *word != expected, on a wake, a signal or after timeoutNs (spurious returns are
// fine: callers re-check the word).
inline void futexWait(std::atomic<uint32_t>& word, uint32_t expected, uint64_t timeoutNs) {
    static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t));
    timespec ts{time_t(timeoutNs / 1'000'000'000ull), long(timeoutNs % 1'000'000'000ull)};
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAIT, expected, &ts, nullptr, 0);
}

inline void futexWakeAll(std::atomic<uint32_t>& word) {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAKE, INT_MAX, nullptr, nullptr,
            0);
}

// The controller's one way to change the run state: store, then wake every sleeping worker
// (a worker written in another language may poll instead; it sees the store either way).
inline void publishRunState(SegmentHeader& h, RunState s) {
    h.runState.store(uint32_t(s), std::memory_order_release);
    futexWakeAll(h.runState);
}

} // namespace shm
