#include "probe/machine_probe.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <sched.h>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <vector>

namespace shm {
namespace {

using SteadyClock = std::chrono::steady_clock;

int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               SteadyClock::now().time_since_epoch())
        .count();
}

// The calling thread's CPU time: preemption does not count.
int64_t threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    std::this_thread::yield();
#endif
}

// Threads wait here until all have started, so they begin together; the measurement's
// deadline counts from then (on a loaded machine starting a thread can take longer than a
// whole trial).
struct StartLine {
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int64_t> deadlineNs{0};
    // Returns the deadline.
    int64_t arrive() {
        ready.fetch_add(1);
        while (!go.load(std::memory_order_acquire))
            cpuRelax();
        return deadlineNs.load();
    }
    // Returns when the threads were released.
    int64_t release(int threads, double seconds) {
        while (ready.load() < threads)
            std::this_thread::yield();
        const int64_t start = nowNs();
        deadlineNs.store(start + int64_t(seconds * 1e9));
        go.store(true, std::memory_order_release);
        return start;
    }
};

// --- parallel cores -------------------------------------------------------------------------

struct BusyThread {
    int64_t startNs = 0, endNs = 0, cpuNs = 0;
};

void spinUntil(StartLine& line, BusyThread& out) {
    const int64_t deadlineNs = line.arrive();
    const int64_t cpu0 = threadCpuNs();
    out.startNs = nowNs();
    volatile uint64_t sink = 0;
    while (nowNs() < deadlineNs)
        for (int i = 0; i < 1000; ++i)
            sink = sink + 1;
    out.cpuNs = threadCpuNs() - cpu0;
    out.endNs = nowNs();
}

// --- cache line ------------------------------------------------------------------------------

// Two counters 8 bytes apart (one 64-byte line) or 128 bytes apart (two lines, and not
// neighbours that the adjacent-line prefetcher pairs).
struct alignas(128) CounterLines {
    std::atomic<uint64_t> slot[32];
};

// Increments per window: ~8 µs when private, long enough that reading the two clocks between
// windows (~0.1-0.3 µs for the thread CPU clock here) adds little to each increment.
constexpr int kWindow = 4096;
constexpr int kMaxWindows = 20000;

struct Window {
    float nsPerIncrement; // by the thread's CPU time
    bool together;        // the other thread advanced and this one was not preempted
};

struct CounterThread {
    std::atomic<uint64_t>* mine = nullptr;
    const std::atomic<uint64_t>* other = nullptr;
    int cpu = -1; // pinned to this CPU, or -1
    bool pinned = false;
    std::vector<Window> windows;
};

bool pinTo(int cpu) {
    if (cpu < 0) return false;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    return sched_setaffinity(0, sizeof one, &one) == 0;
}

// Like a C program's `counter++` on a volatile: a real load and store per increment (relaxed
// atomics compile to the same two moves, and tell the thread sanitizer that the other thread's
// read of this counter is meant).
void countWindows(StartLine& line, CounterThread& t) {
    t.pinned = pinTo(t.cpu);
    t.windows.reserve(kMaxWindows);
    const int64_t deadlineNs = line.arrive();
    uint64_t seen = t.other->load(std::memory_order_relaxed);
    int64_t cpu0 = threadCpuNs(), wall0 = nowNs();
    while (int(t.windows.size()) < kMaxWindows) {
        for (int j = 0; j < kWindow; ++j)
            t.mine->store(t.mine->load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        const int64_t cpu1 = threadCpuNs(), wall1 = nowNs();
        const uint64_t now = t.other->load(std::memory_order_relaxed);
        const int64_t cpu = cpu1 - cpu0, wall = wall1 - wall0;
        // Not preempted during the window (wall time close to CPU time) and the other thread
        // made real progress meanwhile: the two ran at the same time.
        const bool running = wall <= cpu + cpu / 2 + 2000;
        const bool together = running && now - seen >= uint64_t(kWindow / 8);
        t.windows.push_back({float(double(cpu) / kWindow), together});
        seen = now;
        cpu0 = cpu1;
        wall0 = wall1;
        if (wall1 >= deadlineNs) break;
    }
}

struct Trial {
    double ns = 0; // median per increment over the windows run together; 0: too few
    size_t together = 0, windows = 0;
    bool pinned = false;
};

constexpr int kMinTogether = 8;

Trial runTrial(bool sameLine, int cpuA, int cpuB, double seconds) {
    CounterLines lines{};
    CounterThread a, b;
    a.mine = &lines.slot[0];
    b.mine = &lines.slot[sameLine ? 1 : 16];
    a.other = b.mine;
    b.other = a.mine;
    a.cpu = cpuA;
    b.cpu = cpuB;
    StartLine line;
    std::thread ta([&] { countWindows(line, a); });
    std::thread tb([&] { countWindows(line, b); });
    line.release(2, seconds);
    ta.join();
    tb.join();
    Trial t;
    t.pinned = a.pinned && b.pinned;
    std::vector<double> together;
    size_t all = 0;
    for (const CounterThread* c : {&a, &b}) {
        all += c->windows.size();
        for (const Window& w : c->windows)
            if (w.together) together.push_back(w.nsPerIncrement);
    }
    t.together = together.size();
    t.windows = all;
    if (together.size() >= kMinTogether) t.ns = median(together);
    return t;
}

// The pair 0/1 if we may run there, else the first two CPUs we may run on; -1/-1 when fewer
// than two (the threads then run unpinned).
std::pair<int, int> twoCpus() {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return {-1, -1};
    int found[2] = {-1, -1}, n = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE && n < 2; ++cpu)
        if (CPU_ISSET(cpu, &allowed)) found[n++] = cpu;
    return n == 2 ? std::pair{found[0], found[1]} : std::pair{-1, -1};
}

std::string isoNow() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace

double measureParallelCores(int threads, double seconds) {
    if (threads < 1) return 0;
    std::vector<BusyThread> out(static_cast<size_t>(threads));
    std::vector<std::thread> pool;
    StartLine line;
    for (int k = 0; k < threads; ++k)
        pool.emplace_back([&, k] { spinUntil(line, out[size_t(k)]); });
    const int64_t start = line.release(threads, seconds);
    for (std::thread& t : pool)
        t.join();
    // A thread that ran less than the others (it waited for a CPU) simply adds less: that is
    // what "how many really run at once" should see.
    int64_t cpu = 0, end = line.deadlineNs.load();
    for (const BusyThread& b : out) {
        cpu += b.cpuNs;
        end = std::max(end, b.endNs);
    }
    return double(cpu) / double(end - start);
}

LineCost measureLineCost() {
    const auto [cpuA, cpuB] = twoCpus();
    LineCost c;
    // Pairs of short trials, shared and private in turn, so a burst of other load falls on
    // both layouts alike; the medians drop the trials it spoiled. On a busy machine the two
    // threads seldom run at once, so more pairs follow while the budget lasts (0.4 s: the
    // whole probe stays near a second even where starting a thread takes milliseconds).
    std::vector<double> shared, priv;
    size_t together = 0, windows = 0;
    bool pinned = cpuA >= 0;
    const int64_t giveUp = nowNs() + 400'000'000;
    for (int pair = 0; pair < 40; ++pair) {
        const bool enough = pair >= 5 && shared.size() >= 5 && priv.size() >= 5;
        if (enough || (pair >= 1 && nowNs() > giveUp)) break;
        for (const bool sameLine : {true, false}) {
            const Trial t = runTrial(sameLine, cpuA, cpuB, 0.012);
            pinned = pinned && t.pinned;
            together += t.together;
            windows += t.windows;
            if (t.ns > 0) (sameLine ? shared : priv).push_back(t.ns);
        }
    }
    c.pinned = pinned;
    if (pinned) c.cpus = std::to_string(cpuA) + "/" + std::to_string(cpuB);
    c.overlap = windows ? double(together) / double(windows) : 0;
    c.sharedNs = median(shared);
    c.privateNs = median(priv);
    if (shared.empty() || priv.empty())
        c.note = together == 0 ? "the two threads never ran at the same time: no second CPU "
                                 "was free"
                               : "the two threads ran at the same time too seldom to compare (" +
                                     std::to_string(int(c.overlap * 100 + 0.5)) +
                                     " % of the time): the other CPUs were busy";
    return c;
}

double measureTimerStepNs() {
    int64_t best = 0;
    timespec a{}, b{};
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0, steps = 0; i < 200000 && steps < 2000; ++i) {
        clock_gettime(CLOCK_MONOTONIC, &b);
        const int64_t d = (int64_t(b.tv_sec) - a.tv_sec) * 1'000'000'000 + (b.tv_nsec - a.tv_nsec);
        if (d > 0) {
            best = best ? std::min(best, d) : d;
            ++steps;
        }
        a = b;
    }
    return double(best);
}

void readShmMount(MachineFigures& m, const std::string& mountsPath) {
    std::ifstream in(mountsPath);
    std::string line, bestPoint, bestType, bestOptions;
    // The mount that holds /dev/shm: the longest mount point that is a prefix of it (a system
    // without its own /dev/shm mount keeps it on /dev's); a later line mounted over an
    // earlier one.
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string device, point, type, options;
        if (!(fields >> device >> point >> type >> options)) continue;
        const std::string shm = "/dev/shm";
        const bool holds = point == shm || point == "/" ||
                           (shm.compare(0, point.size(), point) == 0 && shm[point.size()] == '/');
        if (holds && point.size() >= bestPoint.size()) {
            bestPoint = point;
            bestType = type;
            bestOptions = "," + options + ",";
        }
    }
    if (bestType.empty()) return;
    m.shmFs = bestType;
    // tmpfs hands out huge pages with huge=always or within_size; huge=advise only to
    // mappings that ask (madvise), which ours do not.
    m.shmHugepages = bestType == "hugetlbfs" ||
                     bestOptions.find(",huge=always,") != std::string::npos ||
                     bestOptions.find(",huge=within_size,") != std::string::npos;
}

std::string readBootId() {
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::string id;
    std::getline(in, id);
    return id;
}

// Three decimals are more than these figures can tell, and a figure so rounded prints in nine
// digits and reads back as the very same double: a recording's report then rebuilds exactly.
double rounded(double v) {
    return std::round(v * 1000) / 1000;
}

MachineFigures measureMachine() {
    const int64_t start = nowNs();
    MachineFigures m;
    m.probedAt = isoNow();
    m.bootId = readBootId();
    const long online = sysconf(_SC_NPROCESSORS_ONLN);
    if (online >= 1) m.cores = int(online);
    m.parallelCores = rounded(measureParallelCores(m.cores.value_or(1), 0.08));
    const LineCost line = measureLineCost();
    m.linePinned = line.pinned;
    m.lineCpus = line.cpus;
    m.lineOverlap = rounded(line.overlap);
    if (line.sharedNs > 0) m.lineSharedNs = rounded(line.sharedNs);
    if (line.privateNs > 0) m.linePrivateNs = rounded(line.privateNs);
    if (line.note.empty() && line.privateNs > 0)
        m.lineCostRatio = rounded(line.sharedNs / line.privateNs);
    else
        m.lineNote = line.note.empty() ? "no private figure to compare with" : line.note;
    timespec res{};
    if (clock_getres(CLOCK_MONOTONIC, &res) == 0)
        m.timerResolutionNs = double(res.tv_sec) * 1e9 + double(res.tv_nsec);
    if (const double step = measureTimerStepNs(); step > 0) m.timerStepNs = step;
    readShmMount(m);
    m.probeSeconds = rounded(double(nowNs() - start) / 1e9);
    return m;
}

} // namespace shm
