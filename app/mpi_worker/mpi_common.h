#pragma once
// What both sides of --transport mpi use: the communicator, one-line failures, clocks.
#include <mpi.h>

#include <cstdint>
#include <string>

namespace shm::mpi {

struct World {
    int rank = 0;
    int size = 1;
};

// One line on stderr, prefixed so the app can tell it from mpirun's banners, then the whole job
// ends with exit code 3 (mpirun takes every rank down).
[[noreturn]] void fail(const World& w, const std::string& why);

// This host's name, and its name up to the first dot (what the report and the table show).
std::string fullHostName();
std::string shortHostName();

// Sleeps the slow-motion delay.
void sleepUs(uint32_t us);

// The two roles. Both return the process's exit code.
int runRoot(const World& w, const std::string& segmentName);
int runRank(const World& w);

} // namespace shm::mpi
