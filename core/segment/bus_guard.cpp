#include "segment/bus_guard.h"

#include <atomic>
#include <cstring>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

namespace shm::bus_guard {
namespace {

// A handful of live segments at most (the current run, a finished one a model still shows,
// the queue receiver's): 64 slots is plenty and keeps the handler's lookup a short scan.
constexpr int kSlots = 64;
struct Entry {
    std::atomic<uintptr_t> base{0}; // 0 = free
    std::atomic<uint64_t> size{0};
    std::atomic<bool> faulted{false};
    std::atomic<const char*> exitLine{nullptr};
};
Entry g_table[kSlots];
std::atomic<int> g_mode{int(Mode::Remap)};
std::atomic<uintptr_t> g_page{4096}; // read once at install: sysconf is not async-signal-safe
std::atomic<bool> g_installed{false};

void writeAll(const char* s) {
    size_t n = std::strlen(s);
    while (n > 0) {
        const ssize_t w = ::write(STDERR_FILENO, s, n);
        if (w <= 0) return;
        s += w;
        n -= size_t(w);
    }
}

void dieOfSigbus() {
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGBUS, &dfl, nullptr);
    raise(SIGBUS); // blocked while we are in the handler: delivered when it returns
}

void onSigbus(int, siginfo_t* info, void*) {
    const auto addr = reinterpret_cast<uintptr_t>(info->si_addr);
    for (Entry& e : g_table) {
        const uintptr_t base = e.base.load(std::memory_order_acquire);
        const uint64_t size = e.size.load(std::memory_order_relaxed);
        if (!base || addr < base || addr - base >= size) continue;
        if (Mode(g_mode.load(std::memory_order_relaxed)) == Mode::Exit) {
            const char* line = e.exitLine.load(std::memory_order_relaxed);
            writeAll(line ? line
                          : "shmscope-worker: the segment shrank under this worker (SIGBUS "
                            "reading it): changed by another process\n");
            _exit(3);
        }
        // mmap is a plain system call on Linux, safe here. The rest of the mapping, from the
        // faulting page on, becomes private zero pages: this and any later access past the
        // file's new end read zeros instead of faulting again.
        const uintptr_t page = g_page.load(std::memory_order_relaxed);
        const uintptr_t from = addr & ~(page - 1);
        const size_t len = size_t(base + size - from);
        if (mmap(reinterpret_cast<void*>(from), len, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) {
            dieOfSigbus();
            return;
        }
        e.faulted.store(true, std::memory_order_release);
        return;
    }
    dieOfSigbus();
}

} // namespace

void install(Mode mode) {
    g_mode.store(int(mode), std::memory_order_relaxed);
    if (g_installed.exchange(true)) return;
    g_page.store(uintptr_t(sysconf(_SC_PAGESIZE)), std::memory_order_relaxed);
    struct sigaction sa {};
    sa.sa_sigaction = onSigbus;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, nullptr);
}

void installUnlessInstalled(Mode mode) {
    if (!g_installed.load()) install(mode);
}

int add(void* base, uint64_t size, const char* exitLine) {
    for (int i = 0; i < kSlots; ++i) {
        uintptr_t expected = 0;
        Entry& e = g_table[i];
        // Claim the slot with a placeholder, set the size, then publish the real base: the
        // handler never sees a base with a stale size.
        if (!e.base.compare_exchange_strong(expected, 1)) continue;
        e.faulted.store(false, std::memory_order_relaxed);
        e.size.store(size, std::memory_order_relaxed);
        e.exitLine.store(exitLine, std::memory_order_relaxed);
        e.base.store(reinterpret_cast<uintptr_t>(base), std::memory_order_release);
        return i;
    }
    return -1;
}

void remove(int handle) {
    if (handle >= 0 && handle < kSlots) g_table[handle].base.store(0, std::memory_order_release);
}

bool faulted(int handle) {
    return handle >= 0 && handle < kSlots &&
           g_table[handle].faulted.load(std::memory_order_acquire);
}

} // namespace shm::bus_guard
