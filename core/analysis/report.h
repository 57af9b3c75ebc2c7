#pragma once
// The result of one run, and its two printed forms: the --json contract and a short table.
#include "settings.h"
#include "snapshot.h"

#include <string>
#include <vector>

namespace shm {

struct WorkerReport {
    uint32_t id = 0;
    int64_t pid = 0;
    std::string state; // done | stopped | crashed | failed | terminated
    uint64_t processed = 0;
    uint64_t assigned = 0;
    double busySeconds = 0;
    int exitCode = -1; // -1 when killed by a signal or never exited normally
    int signal = 0;    // signal that ended it, 0 if none
    bool diedHoldingLock = false;
    LockStats lock;
};

struct RunReport {
    std::string version;
    ExperimentConfig config;
    std::string status = "failed"; // finished | failed
    double computeSeconds = 0;
    double wallSeconds = 0;
    uint64_t processed = 0;
    uint64_t mismatches = 0;
    uint64_t unwritten = 0;
    int64_t lostUpdates = 0;
    double imbalance = 0;
    LockStats lock;
    uint64_t droppedEvents = 0;
    std::vector<WorkerReport> workers;
    std::string segmentName;
    uint64_t segmentBytes = 0;
    bool segmentRemoved = false;
    std::vector<std::string> errors;
};

std::string toJson(const RunReport& r);
std::string toText(const RunReport& r);
std::string jsonEscape(const std::string& s);

} // namespace shm
