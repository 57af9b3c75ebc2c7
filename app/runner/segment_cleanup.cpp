#include "runner/segment_cleanup.h"

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

void onSignal(int sig) {
    // The first signal of a graceful owner (the headless report) is handed over; a second one
    // (an impatient user) takes the quick way below.
    if (const int fd = g_gracefulFd; fd >= 0) {
        g_gracefulFd = -1;
        const unsigned char b = static_cast<unsigned char>(sig);
        if (write(fd, &b, 1) == 1) return; // async-signal-safe
    }
    for (int i = 0; i < kSlots; ++i)
        if (g_used[i]) shm_unlink(g_names[i]); // async-signal-safe
    std::signal(sig, SIG_DFL);
    raise(sig);
}

} // namespace

void installSignalHandlers() {
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    for (int s : {SIGINT, SIGTERM, SIGHUP})
        sigaction(s, &sa, nullptr);
}

void setGracefulFd(int fd) {
    g_gracefulFd = fd;
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

} // namespace segment_cleanup
