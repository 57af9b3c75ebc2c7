#pragma once
// --transport mpi: the ranks grouped by the host they ran on, in host order (0 = rank 0's, the
// app's, then the others in order of first rank), with where each host's clock stands against
// rank 0's. The report's mpi.host_list and the message timeline's lanes both come from here.
#include "model/run_data.h"

#include <cstdint>
#include <string>
#include <vector>

namespace shm {

struct HostGroup {
    std::string name;            // the short name its ranks reported
    uint32_t index = 0;          // WorkerRecord::hostIndex
    std::vector<uint32_t> ranks; // in rank order
    // Its clock + offset = rank 0's, good to errorNs: the best-placed rank's (0 on rank 0's
    // host, which shares rank 0's clock).
    int64_t clockOffsetNs = 0;
    uint64_t clockErrorNs = 0;
    bool operator==(const HostGroup&) const = default;
};

// Ranks that never reported (pid 0) belong to no host.
std::vector<HostGroup> groupByHost(const std::vector<WorkerRecord>& workers);

} // namespace shm
