#include "runner/segment_cleanup.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

namespace segment_cleanup {
namespace {

// Fixed storage: a signal handler may only touch memory that never moves or reallocates.
constexpr int kSlots = 16;
constexpr int kNameLen = 96;
char g_names[kSlots][kNameLen];
volatile sig_atomic_t g_used[kSlots];
volatile sig_atomic_t g_gracefulFd = -1;
volatile sig_atomic_t g_notified = 0; // the graceful owner has been told (once per arming)

// What arrived, for the report's "who sent it". Lock-free atomics are async-signal-safe; the
// signal number is stored last, so a reader that sees it sees the rest.
std::atomic<int> g_firstSignal{0};
std::atomic<int> g_firstCode{0};
std::atomic<pid_t> g_firstPid{0};
std::atomic<uid_t> g_firstUid{0};
std::atomic<int> g_count{0};
std::atomic<unsigned> g_receivedMask{0}; // bit n: signal n arrived
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<unsigned>::is_always_lock_free);

void note(int sig, const siginfo_t* info) {
    g_count.fetch_add(1, std::memory_order_relaxed);
    g_receivedMask.fetch_or(1u << sig, std::memory_order_relaxed);
    if (g_firstSignal.load(std::memory_order_relaxed)) return;
    g_firstCode.store(info ? info->si_code : 0, std::memory_order_relaxed);
    g_firstPid.store(info ? info->si_pid : 0, std::memory_order_relaxed);
    g_firstUid.store(info ? info->si_uid : 0, std::memory_order_relaxed);
    g_firstSignal.store(sig, std::memory_order_release);
}

void onSignal(int sig, siginfo_t* info, void*) {
    const int savedErrno = errno; // the interrupted code may be about to read it
    // A graceful owner (the headless report) is told of the first signal; later ones (timeout's
    // second SIGTERM to the group, an impatient Ctrl+C) are only noted: dying now would lose
    // the report the first one asked for. The owner's stop is bounded (the stop deadline kills
    // workers that do not stop within 3 s), and SIGKILL still ends the app at once.
    if (const int fd = g_gracefulFd; fd >= 0) {
        note(sig, info);
        if (!g_notified) {
            g_notified = 1;
            const unsigned char b = static_cast<unsigned char>(sig);
            (void)!write(fd, &b, 1); // async-signal-safe; the pipe is empty: it fits
        }
        errno = savedErrno;
        return;
    }
    for (int i = 0; i < kSlots; ++i)
        if (g_used[i]) shm_unlink(g_names[i]); // async-signal-safe
    std::signal(sig, SIG_DFL);
    raise(sig);
}

} // namespace

void installSignalHandlers() {
    struct sigaction sa {};
    sa.sa_sigaction = onSignal;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    // One handler at a time: a second signal waits until the first is noted.
    for (int s : {SIGINT, SIGTERM, SIGHUP})
        sigaddset(&sa.sa_mask, s);
    for (int s : {SIGINT, SIGTERM, SIGHUP})
        sigaction(s, &sa, nullptr);
}

void setGracefulFd(int fd) {
    // Not interrupted half-way by the handler that reads these.
    sigset_t ours, before;
    sigemptyset(&ours);
    for (int s : {SIGINT, SIGTERM, SIGHUP})
        sigaddset(&ours, s);
    pthread_sigmask(SIG_BLOCK, &ours, &before);
    if (fd >= 0) { // a new owner: what earlier owners were told is theirs
        g_notified = 0;
        g_count = 0;
        g_receivedMask = 0;
        g_firstSignal = 0;
    }
    g_gracefulFd = fd;
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
}

void remember(const std::string& name) {
    if (name.size() + 1 >= size_t(kNameLen)) return;
    for (int i = 0; i < kSlots; ++i) {
        if (g_used[i]) continue;
        std::memcpy(g_names[i], name.c_str(), name.size() + 1);
        g_used[i] = 1;
        return;
    }
}

void forget(const std::string& name) {
    for (int i = 0; i < kSlots; ++i)
        if (g_used[i] && name == g_names[i]) g_used[i] = 0;
}

SignalInfo firstSignal() {
    SignalInfo s;
    s.signal = g_firstSignal.load(std::memory_order_acquire);
    if (!s.signal) return s;
    s.code = g_firstCode.load(std::memory_order_relaxed);
    s.pid = g_firstPid.load(std::memory_order_relaxed);
    s.uid = g_firstUid.load(std::memory_order_relaxed);
    s.count = g_count.load(std::memory_order_relaxed);
    return s;
}

bool received(int sig) {
    return sig > 0 && sig < 32 && (g_receivedMask.load(std::memory_order_relaxed) >> sig & 1u);
}

} // namespace segment_cleanup
