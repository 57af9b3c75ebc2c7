#pragma once
// SIGBUS guard for mapped segments. Another process can shrink a segment's file under us
// (`truncate`, a Python reader opening it with the wrong mode): the next read of a page past
// the new end raises SIGBUS, which would kill the app with no report and the segment left
// behind. Registered mappings are guarded: a fault inside one is turned into a flag.
//
//   Remap (the app): the handler maps anonymous zero pages over the mapping from the faulting
//     page to its end, so the read completes (with zeros) and the thread goes on; the
//     controller sees faulted() (or the smaller file) on its next poll and fails the run.
//   Exit (a worker): the handler writes one line to stderr and exits with code 3, like any
//     other segment error; the controller names the cause from the file's size.
//
// A SIGBUS outside every registered mapping is a real crash: the default action runs.
#include <cstdint>

namespace shm::bus_guard {

enum class Mode { Remap, Exit };

// Installs the handler (once per process; later calls only change the mode).
void install(Mode mode);
// The same only if no mode was chosen yet (Segment::create: keeps a worker's Exit mode).
void installUnlessInstalled(Mode mode);
// Guards [base, base + size) until unregistered. Returns a handle (-1 if the table is full:
// the mapping is then unguarded). Async-signal-safe lookups: a fixed table of atomics.
// exitLine: what Exit mode writes for a fault in this mapping (a string that outlives the
// registration, ending in a newline); nullptr: the segment's line.
int add(void* base, uint64_t size, const char* exitLine = nullptr);
void remove(int handle);
// True once a fault inside this mapping was absorbed (Remap mode).
bool faulted(int handle);

} // namespace shm::bus_guard
