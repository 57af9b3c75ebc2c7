#pragma once
// A worker's descendants that outlive it. A worker is anyone's program: one that daemonises
// (fork, setsid, fork) leaves a grandchild in a session and process group of its own, which no
// kill of the worker or of its group reaches. The app marks each worker's environment with the
// run's segment (kSegmentVar) and the worker's id (kWorkerVar); every descendant inherits them,
// so once the workers have exited, whatever still carries the mark is left behind. Std and
// /proc only.
#include <cstdint>
#include <string>
#include <vector>

namespace left_behind {

inline constexpr char kSegmentVar[] = "SHMSCOPE_SEGMENT";
inline constexpr char kWorkerVar[] = "SHMSCOPE_WORKER";

struct Process {
    int64_t pid = 0;
    int worker = -1; // its kWorkerVar, -1 if absent
};

// Processes other than this one whose environment says kSegmentVar=segment (read from
// /proc/PID/environ: a process that cleared its environment after exec is not found).
std::vector<Process> find(const std::string& segment);

} // namespace left_behind
