#pragma once
// What this machine can show, as measured by the probe (probe/machine_probe.h): how many CPUs
// really run at once, what passing a cache line between two of them costs, how fine the clock
// is, and whether /dev/shm sits on huge pages. Every report carries these as its "machine"
// object, so a lesson's verdict can say "this machine cannot show it" instead of "not seen".
// Unknown figures are empty optionals and print as null: every key is always there.
#include <optional>
#include <string>

namespace shm {

// The "machine" object's format; a cache written in another format is measured again.
inline constexpr int kMachineFormat = 1;

struct MachineFigures {
    int version = kMachineFormat;
    std::string probedAt; // ISO 8601, UTC; empty: never probed
    std::string bootId;   // /proc/sys/kernel/random/boot_id: the cache is good for this boot
    std::optional<double> probeSeconds;

    std::optional<int> cores;                // online CPUs, as the OS says
    std::optional<double> parallelCores;     // how many of them ran our threads at once
    std::optional<bool> linePinned;          // the two threads were pinned to lineCpus
    std::string lineCpus;                    // "0/1", or empty when unpinned
    std::optional<double> lineSharedNs;      // per increment, both counters on one 64-byte line
    std::optional<double> linePrivateNs;     // per increment, counters 128 bytes apart
    std::optional<double> lineOverlap;       // share of the time both threads ran together
    std::optional<double> lineCostRatio;     // shared / private; empty with lineNote saying why
    std::string lineNote;                    // why there is no ratio; empty when there is one
    std::optional<double> timerResolutionNs; // clock_getres(CLOCK_MONOTONIC)
    std::optional<double> timerStepNs;       // smallest nonzero step of two clock_gettime calls
    std::string shmFs;                       // /dev/shm's file system type ("tmpfs")
    std::optional<bool> shmHugepages;        // /dev/shm is backed by huge pages

    bool probed() const { return !probedAt.empty(); }
    bool operator==(const MachineFigures&) const = default;
};

// The "machine" object: every key, null where unknown. The same text for --probe --json, the
// cache file and every report.
std::string machineJson(const MachineFigures& m);
// Reads what machineJson wrote (keys in any order, unknown keys ignored); nothing when the
// text is not such an object or has another format version.
std::optional<MachineFigures> machineFromJson(std::string_view json);
// The "machine" object inside a whole report's JSON, read back (recordings keep a run's report
// as text and rebuild it from its parts).
std::optional<MachineFigures> machineInReport(std::string_view reportJson);

} // namespace shm
