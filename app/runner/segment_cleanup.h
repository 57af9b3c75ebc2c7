#pragma once
// Removes the app's live segments when it is interrupted (SIGINT, SIGTERM, SIGHUP), so Ctrl+C
// never leaves a file in /dev/shm. Workers die with the app through PR_SET_PDEATHSIG.
#include <string>
#include <sys/types.h>

namespace segment_cleanup {
void installSignalHandlers();
// While fd >= 0 every SIGINT/SIGTERM/SIGHUP is noted (below) and the first writes its number
// (one byte) to fd instead of removing the segments and re-raising: the owner ends the run and
// prints its report, once, however many signals follow. -1: back to the quick way.
void setGracefulFd(int fd);
void remember(const std::string& name);
void forget(const std::string& name);

// The first SIGINT/SIGTERM/SIGHUP the app received, as the kernel described it (SA_SIGINFO):
// signal 0 until one arrived.
struct SignalInfo {
    int signal = 0;
    int code = 0;  // si_code: SI_USER (kill), SI_TKILL, SI_QUEUE, SI_KERNEL (a terminal)
    pid_t pid = 0; // the sender, for the codes a process sends
    uid_t uid = 0;
    int count = 0; // how many of these signals arrived in all
};
SignalInfo firstSignal();
// Whether the app has received `sig` (any time, first or not).
bool received(int sig);
} // namespace segment_cleanup
