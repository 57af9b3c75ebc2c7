#pragma once
// A run as a recording holds it, Qt-free: everything the window's views need to redraw any
// moment of the run (each worker's published record over time, the lock intervals, array
// frames, the marks a user steps between) plus what it measured (the report). The same value
// for a run of this session (built live by RunRecorder) and one read from a file
// (recording_file.h); replay.h turns it into what the models take at any moment.
//
// Times are CLOCK_MONOTONIC nanoseconds, as in a live RunSnapshot, so a replayed frame looks
// like a live one to every model. A file stores them relative to releaseNs (the run's one time
// base: the start barrier opening) and adds releaseNs back on reading.
#include "analysis/decimator.h"
#include "analysis/lock_lanes.h"
#include "analysis/report.h"
#include "analysis/verify.h"
#include "model/run_data.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shm {

// What a run belongs to: a lesson's runs, a sweep's points, an A/B pair, or a run on its own.
struct RunGroup {
    std::string kind; // "run", "lesson", "sweep", "ab"
    std::string name; // the lesson's id, the sweep's parameter, "" for a run
    std::string definitionJson; // the lesson as JSON (so it can be judged again), the sweep plan
    bool operator==(const RunGroup&) const = default;
};

// The recording's own facts.
struct RecordingInfo {
    std::string appVersion;
    std::string host;
    uint32_t cores = 0;
    std::string created; // ISO 8601, UTC
    int schemaVersion = 0;
    bool operator==(const RecordingInfo&) const = default;
};

// One worker's published record at one moment (a progress sample). Taken at every frame in
// which any of it changed.
struct WorkerSample {
    uint64_t atNs = 0;
    WorkerRecord record;
    bool operator==(const WorkerSample&) const = default;
};

// The run's own state at one moment (taken when any of it changed).
struct RunSample {
    uint64_t atNs = 0;
    Phase phase = Phase::Running;
    uint64_t pausedNs = 0;
    uint64_t cursor = 0;
    bool stopRequested = false;
    bool failed = false;
    bool ended = false;
    QueueStats queue;
    bool operator==(const RunSample&) const = default;
};

// The array at one moment. Small arrays (count <= kFullFrameMax) keep every value and owner,
// so a replayed array is the array; larger ones keep kFrameColumns decimated columns over the
// whole array (min, max, written, mismatches, dominant owner), which is what the array view
// draws at any zoom out to the whole array.
inline constexpr uint64_t kFullFrameMax = 16384;
inline constexpr int kFrameColumns = 2048;
struct ArrayFrame {
    uint64_t atNs = 0;
    uint64_t count = 0;          // the array's length (elements or bins)
    std::vector<double> values;  // full frames: count values (NaN = unwritten)
    std::vector<uint8_t> owners; // full frames: count owners (layout.h's owner map)
    std::vector<DecimatedColumn> columns; // decimated frames
    bool full() const { return !values.empty(); }
    bool operator==(const ArrayFrame&) const = default;
};

// Something a user steps to with the keyboard: a worker changing state, exiting, crashing,
// a fault being injected, a dead holder's lock being recovered, the run's phase changing.
enum class MarkKind : uint8_t { Phase, State, Exit, Fault, Recovery };
struct RunMark {
    uint64_t atNs = 0;
    MarkKind kind = MarkKind::State;
    int32_t worker = -1; // -1: the run
    std::string detail;  // "done", "crashed (signal 9)", "recovered by worker 2", ...
    bool operator==(const RunMark&) const = default;
};
std::string_view nameOf(MarkKind);        // phase | state | exit | fault | recovery
std::optional<MarkKind> markKindFromName(std::string_view);

// One worker's lock activity: closed intervals, oldest first (as LockActivity built them:
// disjoint, overlaps of one lock's holders cut), and what was still open when the run ended.
struct WorkerIntervals {
    std::vector<LockInterval> holds;
    std::vector<LockInterval> waits;
    std::optional<LockInterval> openHold; // endNs = the run's end
    std::optional<LockInterval> openWait;
    bool operator==(const WorkerIntervals&) const = default;
};

struct RecordedRun {
    std::string label;  // "A", "run 3", "workers=4 #2"
    int groupIndex = 0; // into Recording::groups
    ExperimentConfig config;
    uint64_t releaseNs = 0; // the time base (0: the run never opened its barrier)
    uint64_t endNs = 0;     // the last moment recorded (the run's end)
    // What it measured: report is what buildReport() gave, reportJson its toJson(), the
    // --json contract, printed verbatim when the recording is opened headless.
    RunReport report;
    std::string reportJson;
    VerifyResult verified;
    RunMeta meta;
    RunSnapshot final; // the run as it ended (array empty: see frames)
    std::vector<std::vector<WorkerSample>> samples; // per worker, oldest first
    std::vector<RunSample> runSamples;
    std::vector<WorkerIntervals> intervals; // per worker
    std::vector<ArrayFrame> frames;         // oldest first; the last is the final array
    std::vector<RunMark> marks;             // by time
    // How complete the lock intervals are: events the workers' rings dropped, and intervals
    // the recorder could not keep (memory bound).
    uint64_t droppedEvents = 0;
    uint64_t trimmedIntervals = 0;
    bool complete = false; // the run ended and its report is in (false: cut short, see file)

    // Bytes this run holds in memory (the window's runs list is bounded by a sum of these).
    size_t memoryBytes() const;
};

struct Recording {
    RecordingInfo info;
    std::vector<RunGroup> groups;
    std::vector<RecordedRun> runs;
};

} // namespace shm
