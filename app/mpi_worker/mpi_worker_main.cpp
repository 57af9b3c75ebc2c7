// shmscope-mpi-worker --segment NAME: one MPI rank of a --transport mpi run, started by mpirun
// (the app runs `mpirun ... shmscope-mpi-worker --segment NAME`). Rank 0 attaches to the
// segment and publishes for every rank; the others compute in private memory and send rank 0
// their results (mpi_protocol.h). Built only where Open MPI's development files are.
#include "mpi_worker/mpi_common.h"
#include "segment/exit_codes.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <sys/prctl.h>
#include <unistd.h>

namespace shm::mpi {

void fail(const World& w, const std::string& why) {
    std::fprintf(stderr, "shmscope-mpi-worker: rank %d: %s\n", w.rank, why.c_str());
    std::fflush(stderr);
    MPI_Abort(MPI_COMM_WORLD, exit_code::kRunFailed);
    std::_Exit(exit_code::kRunFailed); // MPI_Abort does not return; if it did, still go
}

std::string fullHostName() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0 || !buf[0]) return "?";
    return buf;
}

std::string shortHostName() {
    std::string h = fullHostName();
    if (const auto dot = h.find('.'); dot != std::string::npos && dot > 0) h.resize(dot);
    return h;
}

void sleepUs(uint32_t us) {
    timespec ts{time_t(us / 1'000'000), long(us % 1'000'000) * 1000};
    while (clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &ts) == EINTR) {
    }
}

} // namespace shm::mpi

int main(int argc, char** argv) {
    // A rank never outlives the launcher that started it (mpirun killed hard leaves no strays).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::string name;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--version") {
            std::printf("shmscope-mpi-worker %s\n", SHMSCOPE_VERSION);
            return shm::exit_code::kOk;
        }
        if (a == "--segment" && i + 1 < argc) {
            name = argv[++i];
        } else {
            std::fprintf(stderr,
                         "shmscope-mpi-worker: unknown argument %s\nusage: mpirun -np W "
                         "shmscope-mpi-worker --segment NAME (the app runs it)\n",
                         a.c_str());
            return shm::exit_code::kBadInput;
        }
    }
    if (name.empty()) {
        std::fprintf(stderr, "shmscope-mpi-worker: --segment NAME is required\n");
        return shm::exit_code::kBadInput;
    }
    // The app names a directory of its run for Open MPI's shared-memory files (in the
    // environment, which mpirun hands to every rank). It exists only on the app's host, which
    // is where the segment is: a rank on another host leaves Open MPI its default (/dev/shm
    // there, whose files Open MPI's daemon there removes at the job's end, also when a rank
    // was killed), or its ranks would lose shared memory between them and warn.
    if (const char* dir = std::getenv("OMPI_MCA_btl_vader_backing_directory");
        dir && access(("/dev/shm/" + name).c_str(), F_OK) != 0 && access(dir, F_OK) != 0)
        unsetenv("OMPI_MCA_btl_vader_backing_directory");
    MPI_Init(&argc, &argv);
    shm::mpi::World w;
    MPI_Comm_rank(MPI_COMM_WORLD, &w.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &w.size);
    const int code = w.rank == 0 ? shm::mpi::runRoot(w, name) : shm::mpi::runRank(w);
    MPI_Finalize();
    return code;
}
