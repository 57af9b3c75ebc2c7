// A careless --worker-command worker, for tests of a watchdog that trusts no worker. Started
// as `careless_worker MODE [REAL_WORKER] --segment NAME --worker K` (the app appends the last
// four). It attaches and announces itself like any worker, waits for the barrier, then does
// the one thing MODE names and ends as a worker that believes it did its share (state Done,
// exit 0) unless MODE says otherwise:
//   exit-holding   locks the global mutex, says so in its slot (holdingLock) and exits 0
//   exit-locked    locks the global mutex without saying so in its slot and exits 0
//   lock-bytes     writes "locked" into the global mutex's and the spin lock's bytes (once
//                  each reads free), with no owner
//   pause          stores runState = Paused into the header
//   park           stores parkWorker = 1 (asks worker 0 to park inside its critical section)
//   stderr-flood   writes 50 MB of debug lines with ESC and BEL bytes to stderr
//   daemonise      leaves a grandchild in a session of its own running for 120 s, then
//                  becomes REAL_WORKER (exec) and computes its share properly
#include "model/layout.h"
#include "segment/clock.h"
#include "segment/segment.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <unistd.h>

namespace {

int usage() {
    std::fprintf(stderr, "usage: careless_worker MODE [REAL_WORKER] --segment NAME --worker K\n");
    return 2;
}

void floodStderr() {
    // 50 MB in lines of 100 bytes, each with an ESC sequence and a BEL: what a debug build
    // left printing inside its loop would write.
    char line[101];
    for (int i = 0; i < 500'000; ++i) {
        const int n = std::snprintf(line, sizeof line, "\x1b[31mdebug\x1b[0m %07d \a", i);
        std::memset(line + n, 'x', 99 - size_t(n));
        line[99] = '\n';
        if (std::fwrite(line, 1, 100, stderr) != 100) return;
    }
}

void daemonise() {
    if (fork() != 0) return; // the worker goes on
    setsid();
    if (fork() != 0) _exit(0);
    // The grandchild: in a session of its own, reparented when its parent exits.
    for (int i = 0; i < 120; ++i)
        sleep(1);
    _exit(0);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 6) return usage();
    const std::string mode = argv[1];
    const bool hasReal = argc == 7;
    const std::string segment = argv[argc - 3];
    const uint32_t k = uint32_t(std::stoul(argv[argc - 1]));
    if (mode == "daemonise") {
        if (!hasReal) return usage();
        daemonise();
        execv(argv[2], argv + 2); // the real worker, with --segment NAME --worker K
        std::perror("execv");
        return 3;
    }
    auto seg = shm::Segment::attach(segment);
    shm::SegmentHeader& h = seg->header();
    shm::WorkerSlot& slot = seg->slot(k);
    slot.pid.store(uint64_t(getpid()));
    slot.heartbeatNs.store(shm::nowNs());
    slot.state.store(uint32_t(shm::WorkerState::AtBarrier));
    while (shm::RunState(h.runState.load()) == shm::RunState::Created)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    slot.startNs.store(shm::nowNs());
    slot.state.store(uint32_t(shm::WorkerState::Running));
    // Let the real workers get going first.
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (mode == "exit-holding" || mode == "exit-locked") {
        seg->locks()[0].mutex.lock();
        if (mode == "exit-holding") slot.holdingLock.store(1);
    } else if (mode == "lock-bytes") {
        // "Locked" written into the bytes once they read free (a holder's unlock would wipe a
        // plain store): no owner recorded, no slot claims it.
        int* word = &reinterpret_cast<pthread_mutex_t*>(&seg->locks()[0].mutex)->__data.__lock;
        int expected = 0;
        while (!__atomic_compare_exchange_n(word, &expected, 1, false, __ATOMIC_ACQUIRE,
                                            __ATOMIC_RELAXED))
            expected = 0;
        uint32_t free = 0;
        while (!h.spin.word.compare_exchange_weak(free, 1))
            free = 0;
    } else if (mode == "pause") {
        h.runState.store(uint32_t(shm::RunState::Paused));
    } else if (mode == "park") {
        h.parkWorker.store(1);
    } else if (mode == "stderr-flood") {
        floodStderr();
    } else {
        return usage();
    }
    slot.heartbeatNs.store(shm::nowNs());
    slot.doneNs.store(shm::nowNs());
    slot.state.store(uint32_t(shm::WorkerState::Done));
    return 0;
}
