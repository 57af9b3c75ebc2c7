#pragma once
// Removes the app's live segments when it is interrupted (SIGINT, SIGTERM, SIGHUP), so Ctrl+C
// never leaves a file in /dev/shm. Workers die with the app through PR_SET_PDEATHSIG.
#include <string>

namespace segment_cleanup {
void installSignalHandlers();
// The next SIGINT/SIGTERM/SIGHUP writes its number (one byte) to fd instead of removing the
// segments and re-raising; the owner ends the run properly. -1: back to the quick way.
void setGracefulFd(int fd);
void remember(const std::string& name);
void forget(const std::string& name);
} // namespace segment_cleanup
