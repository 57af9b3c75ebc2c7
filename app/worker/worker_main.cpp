// shmscope-worker --segment NAME --worker K
// Links core only (no Qt): attaches to the segment, validates it, and runs its share.
// Exit codes: 0 done or stopped, 2 bad arguments, 3 segment missing or invalid.
#include "segment/bus_guard.h"
#include "segment/exit_codes.h"
#include "segment/segment.h"
#include "work/worker_loop.h"

#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/prctl.h>
#include <unistd.h>

namespace {
int usage(const char* msg) {
    std::fprintf(stderr, "shmscope-worker: %s\nusage: shmscope-worker --segment NAME --worker K\n",
                 msg);
    return shm::exit_code::kBadInput;
}
} // namespace

int main(int argc, char** argv) {
    // If the app dies, so do we: a worker must never outlive the run that owns its segment.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    // A segment shrunk under us by another process: one line and exit 3, not a SIGBUS death.
    shm::bus_guard::install(shm::bus_guard::Mode::Exit);
    std::string name;
    long worker = -1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--version") { // also the bench's "bare spawn" reference: exec and exit
            std::printf("shmscope-worker %s\n", SHMSCOPE_VERSION);
            return shm::exit_code::kOk;
        }
        if ((a == "--segment" || a == "--worker") && i + 1 >= argc) return usage("missing value");
        if (a == "--segment") {
            name = argv[++i];
        } else if (a == "--worker") {
            // Digits only: strtol alone took '' as 0 and ' +7' as 7.
            const std::string v = argv[++i];
            if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos)
                return usage("--worker needs a number >= 0");
            worker = std::strtol(v.c_str(), nullptr, 10);
        } else {
            return usage(("unknown argument " + a).c_str());
        }
    }
    if (name.empty() || worker < 0) return usage("--segment and --worker are required");
    std::unique_ptr<shm::Segment> seg;
    try {
        seg = shm::Segment::attach(name);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "shmscope-worker: %s\n", e.what());
        return shm::exit_code::kRunFailed;
    }
    if (uint64_t(worker) >= seg->config().workers) {
        std::fprintf(stderr,
                     "shmscope-worker: worker %ld does not exist in %s (it has %u workers)\n",
                     worker, name.c_str(), seg->config().workers);
        return shm::exit_code::kRunFailed;
    }
    seg->slot(uint32_t(worker)).pid.store(uint64_t(getpid()));
    return shm::runWorker(*seg, uint32_t(worker));
}
