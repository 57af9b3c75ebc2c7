#pragma once
// ExperimentConfig: every setting of one run, and kSettings: the one table that describes each
// setting for every edge that shows or reads it (CLI flags and --help, --config files, the JSON
// report, the controls panel, QSettings). Validation lives here so the CLI, the window and the
// worker all refuse the same things with the same words.
//
// Adding a setting = one field in ExperimentConfig + one row in kSettings + its use in the
// engine (work/, segment/). Nothing else: flags, --help, --config keys, the report's "config"
// object, the window's widget and its persistence all come from the row.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace shm {

enum class Workload : uint32_t { Sin = 0, Wave, Histogram, Mandelbrot, Counters };
// Values are the segment's numbers and the table's order: append only.
enum class Partition : uint32_t { Block = 0, Cyclic, BlockCyclic, Dynamic, Guided, Seed };
enum class SyncMode : uint32_t { None = 0, Mutex, Striped, Spin, Atomic, Robust };
enum class LockScope : uint32_t { Element = 0, Chunk };
// How results reach the controller's array: written into the shared segment, written into each
// worker's private copy-on-write copy (the blog's mistake), or sent through a message queue.
enum class Transport : uint32_t { Shared = 0, Private, Queue, Mpi };
// Counters workload: the workers' counters side by side, or each on its own 128-byte line.
enum class CounterLayout : uint32_t { Packed = 0, Padded };
// Scripted fault: kill the worker at a time, or at its first lock acquisition after that time.
enum class KillWhen : uint32_t { Time = 0, Holding };
// What the scripted fault does to the worker: SIGKILL, SIGSTOP (suspended), or a hang (it keeps
// running but publishes nothing, like an endless loop: the stall check must name it).
enum class FaultAction : uint32_t { Kill = 0, Stop, Hang };
// How the workers are scheduled against the app (work/worker_priority.h): auto lowers them
// (nice 5 to 19) when the window shows a run of more workers than CPUs, so it keeps its pace.
enum class WorkerPriority : uint32_t { Auto = 0, Normal, Low, Idle };

// A Count setting's "not set" value (rows with a `none` word): printed as that word, null in
// JSON.
inline constexpr uint64_t kNone = ~uint64_t(0);
inline constexpr uint32_t kNoWorker = ~uint32_t(0);
// SettingRow::windowDef when the window's default is the table's default.
inline constexpr uint64_t kNoWindowDef = ~uint64_t(0) - 1;

struct ExperimentConfig {
    uint32_t workers = 4;
    uint64_t elements = 1'000'000;
    Workload workload = Workload::Wave;
    uint32_t bins = 64;
    Partition partition = Partition::Block;
    uint64_t chunk = 1024;
    SyncMode sync = SyncMode::None;
    uint32_t stripes = 16;
    LockScope lockScope = LockScope::Element;
    uint32_t delayUs = 0;
    bool instrument = true;
    Transport transport = Transport::Shared;
    CounterLayout counterLayout = CounterLayout::Packed;
    uint64_t increments = 10'000'000; // counters: per worker
    uint32_t killWorker = kNoWorker;  // scripted fault: which worker; kNoWorker = none
    uint32_t killAtMs = 0;            // ms after the start barrier opens
    KillWhen killWhen = KillWhen::Time;
    uint32_t suspendTimeoutMs = 2000; // a worker stopped (SIGSTOP) this long fails the run
    FaultAction faultAction = FaultAction::Kill;
    uint32_t stallTimeoutMs = 30'000; // a running worker silent this long fails the run
    bool collisions = true; // log every shared update (model/update_log.h) when the run allows
    WorkerPriority workerPriority = WorkerPriority::Auto;

    bool operator==(const ExperimentConfig&) const = default;

    // Length of the plotted/verified array: the bins for histogram, the counter slots for
    // counters (8 bytes each: one per worker packed, 16 per worker padded), else the elements.
    constexpr uint64_t dataCount() const {
        if (workload == Workload::Counters)
            return uint64_t(workers) * (counterLayout == CounterLayout::Padded ? 16 : 1);
        return workload == Workload::Histogram ? bins : elements;
    }
    // Counters: the slot of worker k's counter in the data region.
    constexpr uint64_t counterSlot(uint32_t k) const {
        return counterLayout == CounterLayout::Padded ? uint64_t(k) * 16 : k;
    }
    // The units of work of the whole run: increments for counters, else elements.
    constexpr uint64_t totalWork() const {
        return workload == Workload::Counters ? increments * workers : elements;
    }
    constexpr bool usesLock() const {
        return sync == SyncMode::Mutex || sync == SyncMode::Striped || sync == SyncMode::Spin ||
               sync == SyncMode::Robust;
    }
};

namespace limits {
// 256: the owner map's byte names every worker (layout.h: ownerOf); the GUI groups the
// timeline's worker lanes beyond what fits (lock_timeline.cpp).
inline constexpr uint32_t kMaxWorkers = 256;
inline constexpr uint32_t kMaxStripes = 4096;
inline constexpr uint32_t kMaxBins = 1u << 24;
inline constexpr uint32_t kMaxDelayUs = 1'000'000;
inline constexpr uint32_t kMaxKillAtMs = 3'600'000;  // an hour
inline constexpr uint64_t kMaxElements = 1ull << 34; // further bounded by free /dev/shm space
inline constexpr uint64_t kMaxIncrements = 1ull << 40;
} // namespace limits

enum class SettingKind : uint8_t {
    Count, // whole number in [min, max]
    Enum,  // one of choices; the value is the index, which is the enum's numeric value
    Bool,  // 0 or 1; text true|false (also 1|0, on|off)
};

// Where the window's default widget for a kind is wrong.
enum class SettingWidget : uint8_t {
    Auto,        // Count: spin box (int range), Enum: combo box, Bool: check box
    WideSpin,    // Count beyond int range: a spin box that holds up to 2^53
    DelaySlider, // the slow-motion slider over the delay stops (controls_panel.cpp)
};

struct SettingChoice {
    std::string_view name; // as in flags, files and reports
    std::string_view help; // one line: what choosing it does
};

namespace detail {
constexpr bool always(const ExperimentConfig&) {
    return true;
}
} // namespace detail

struct SettingRow {
    std::string_view name;      // CLI flag without "--", --config key, QSettings key
    std::string_view reportKey; // key in the report's "config" object (name with '_' for '-')
    SettingKind kind;
    uint64_t min = 0, max = 0, def = 0; // Enum: index range; Bool: 0..1
    // Count only: the word for "not set" ("none"), accepted besides min..max and stored as
    // kNone; JSON null in reports and --config files. Empty: the setting always has a value.
    std::string_view none = {};
    std::string_view unit = {};  // after the default in --help and tooltips; may be empty
    std::string_view label = {}; // the window's label (Bool: the check box text)
    std::string_view help = {};  // one line, lower case, no full stop
    std::span<const SettingChoice> choices = {}; // Enum only, in enum order
    std::string_view group = {};                 // the window's group box
    SettingWidget widget = SettingWidget::Auto;
    bool live = false; // a running experiment picks up changes (the window keeps it enabled)
    // A different default for runs started from the window, where a run must last long enough
    // to watch; --headless, --screenshot and the tests keep `def`. kNoWindowDef: the same.
    uint64_t windowDef = kNoWindowDef;
    // false: the window does not restore it at the next start (a scripted fault left set would
    // kill a worker in every later run)
    bool persist = true;
    // false: the engine ignores the setting under this config (the window disables it)
    bool (*appliesTo)(const ExperimentConfig&) = detail::always;
    uint64_t (*get)(const ExperimentConfig&);
    void (*set)(ExperimentConfig&, uint64_t); // value already checked against min..max
};

namespace detail {
inline constexpr SettingChoice kWorkloadChoices[] = {
    {"sin", "sin(i): cheap, every element independent."},
    {"wave", "A smooth wave over the array: easy to read in the plot."},
    {"histogram",
     "Every element adds 1 to a hashed bin: shared read-modify-writes that race without a lock."},
    {"mandelbrot",
     "Escape iterations along a line: uneven cost, so static partitions get unequal work."},
    {"counters", "Each worker bumps its own 64-bit counter: no data is shared, yet counters on "
                 "one cache line (packed) slow every worker down: false sharing."},
};
inline constexpr SettingChoice kCounterLayoutChoices[] = {
    {"packed", "The counters side by side: up to 8 share one 64-byte cache line."},
    {"padded", "Each counter on a 128-byte line of its own."},
};
inline constexpr SettingChoice kTransportChoices[] = {
    {"shared", "Workers write the shared array: the controller sees every write."},
    {"private", "Each worker maps the array copy-on-write (MAP_PRIVATE), as the blog's example "
                "effectively does: it writes its own copy and the controller sees nothing."},
    {"queue", "Workers send their results through a message queue; the controller writes the "
              "array. The copies and the waiting a queue costs become visible."},
    {"mpi", "The workers are MPI ranks started by mpirun (on this host or several): rank 0 "
            "writes the shared array, the others compute in private memory and send it their "
            "results as messages."},
};
constexpr bool counters(const ExperimentConfig& c) {
    return c.workload == Workload::Counters;
}
constexpr bool notCounters(const ExperimentConfig& c) {
    return c.workload != Workload::Counters;
}
inline constexpr SettingChoice kPartitionChoices[] = {
    {"block", "One contiguous band per worker."},
    {"cyclic", "Worker k takes every W-th element."},
    {"block-cyclic", "Chunks dealt round-robin to the workers."},
    {"dynamic", "Workers claim the next chunk from a shared cursor when they are free."},
    {"guided", "Like dynamic, with pieces shrinking as the work runs out."},
    {"seed", "The blog post's split as written: arange(0, N, N // W), one range per worker in "
             "order; ranges beyond the workers never run, so a remainder stays unwritten."},
};
inline constexpr SettingChoice kSyncChoices[] = {
    {"none", "No lock: fastest, and shared updates can be lost."},
    {"mutex", "One process-shared mutex for everything."},
    {"striped", "One mutex per stripe of indices: less contention."},
    {"spin", "A test-and-test-and-set spin lock."},
    {"atomic", "Atomic instructions, no lock."},
    {"robust", "One process-shared robust mutex: if its holder dies, the next worker to lock it "
               "is told, repairs what the dead one left half-done and takes its work over."},
};
inline constexpr SettingChoice kLockScopeChoices[] = {
    {"element", "Lock and unlock around every element."},
    {"chunk", "Hold the lock for a whole chunk."},
};
inline constexpr SettingChoice kKillWhenChoices[] = {
    {"time", "SIGKILL the worker at the given time, wherever it is."},
    {"holding", "From the given time on, SIGKILL the worker at its next lock acquisition, while "
                "it holds the lock."},
};
inline constexpr SettingChoice kFaultActionChoices[] = {
    {"kill", "SIGKILL: the worker dies at once, wherever it is."},
    {"stop", "SIGSTOP: the worker is suspended (Continue sends SIGCONT); after the suspend "
             "timeout the run fails."},
    {"hang", "The worker keeps running but publishes nothing, like an endless loop; the stall "
             "check names it after the stall timeout."},
};
inline constexpr SettingChoice kWorkerPriorityChoices[] = {
    {"auto", "In the window, workers that outnumber the CPUs get nice 5 to 19, by how many share a "
             "CPU, so the window keeps its pace; headless, as normal."},
    {"normal", "The app's priority; workers that outnumber the CPUs lower themselves to nice 5."},
    {"low", "Every worker at nice 19: the app and other programs come first."},
    {"idle", "Every worker at SCHED_IDLE: it runs only on CPU time nothing else wants."},
};
constexpr bool killScripted(const ExperimentConfig& c) {
    return c.killWorker != kNoWorker;
}

} // namespace detail

// Every setting, in the order --help and the report's "config" object list them (that order
// and the report keys are a published contract).
inline constexpr SettingRow kSettings[] = {
    {.name = "workers",
     .reportKey = "workers",
     .kind = SettingKind::Count,
     .min = 1,
     .max = limits::kMaxWorkers,
     .def = 4,
     .label = "Workers",
     .help = "worker processes sharing the array",
     .group = "Experiment",
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.workers; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.workers = uint32_t(v); }},
    {.name = "elements",
     .reportKey = "elements",
     .kind = SettingKind::Count,
     .min = 1,
     .max = limits::kMaxElements,
     .def = 1'000'000,
     .unit = "elements",
     .label = "Elements",
     .help = "doubles in the shared array, also bounded by free /dev/shm space",
     .group = "Experiment",
     .widget = SettingWidget::WideSpin,
     .appliesTo = detail::notCounters,
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.elements; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.elements = v; }},
    {.name = "workload",
     .reportKey = "workload",
     .kind = SettingKind::Enum,
     .max = std::size(detail::kWorkloadChoices) - 1,
     .def = uint64_t(Workload::Wave),
     .label = "Workload",
     .help = "what each element computes",
     .choices = detail::kWorkloadChoices,
     .group = "Experiment",
     .get = [](const ExperimentConfig& c) -> uint64_t { return uint64_t(c.workload); },
     .set = [](ExperimentConfig& c, uint64_t v) { c.workload = Workload(v); }},
    {.name = "bins",
     .reportKey = "bins",
     .kind = SettingKind::Count,
     .min = 1,
     .max = limits::kMaxBins,
     .def = 64,
     .unit = "bins",
     .label = "Bins",
     .help = "bins of the histogram workload",
     .group = "Experiment",
     .appliesTo = [](const ExperimentConfig& c) { return c.workload == Workload::Histogram; },
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.bins; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.bins = uint32_t(v); }},
    {.name = "partition",
     .reportKey = "partition",
     .kind = SettingKind::Enum,
     .max = std::size(detail::kPartitionChoices) - 1,
     .def = uint64_t(Partition::Block),
     .label = "Strategy",
     .help = "how the indices are divided among the workers",
     .choices = detail::kPartitionChoices,
     .group = "Partition",
     .appliesTo = detail::notCounters,
     .get = [](const ExperimentConfig& c) -> uint64_t { return uint64_t(c.partition); },
     .set = [](ExperimentConfig& c, uint64_t v) { c.partition = Partition(v); }},
    {.name = "chunk",
     .reportKey = "chunk",
     .kind = SettingKind::Count,
     .min = 1,
     .max = limits::kMaxElements,
     .def = 1024,
     .unit = "elements",
     .label = "Chunk",
     .help = "elements per piece of work, and per lock with chunk lock scope",
     .group = "Partition",
     .widget = SettingWidget::WideSpin,
     .appliesTo = detail::notCounters,
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.chunk; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.chunk = v; }},
    {.name = "sync",
     .reportKey = "sync",
     .kind = SettingKind::Enum,
     .max = std::size(detail::kSyncChoices) - 1,
     .def = uint64_t(SyncMode::None),
     .label = "Sync",
     .help = "how workers protect their writes to the shared array",
     .choices = detail::kSyncChoices,
     .group = "Synchronisation",
     .appliesTo = detail::notCounters,
     .get = [](const ExperimentConfig& c) -> uint64_t { return uint64_t(c.sync); },
     .set = [](ExperimentConfig& c, uint64_t v) { c.sync = SyncMode(v); }},
    {.name = "stripes",
     .reportKey = "stripes",
     .kind = SettingKind::Count,
     .min = 1,
     .max = limits::kMaxStripes,
     .def = 16,
     .unit = "locks",
     .label = "Stripes",
     .help = "mutexes of the striped sync",
     .group = "Synchronisation",
     .appliesTo =
         [](const ExperimentConfig& c) {
             return c.sync == SyncMode::Striped && detail::notCounters(c);
         },
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.stripes; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.stripes = uint32_t(v); }},
    {.name = "lock-scope",
     .reportKey = "lock_scope",
     .kind = SettingKind::Enum,
     .max = std::size(detail::kLockScopeChoices) - 1,
     .def = uint64_t(LockScope::Element),
     .label = "Lock scope",
     .help = "how much work one lock acquisition covers, with a lock-based sync",
     .choices = detail::kLockScopeChoices,
     .group = "Synchronisation",
     .appliesTo = [](const ExperimentConfig& c) { return c.usesLock() && detail::notCounters(c); },
     .get = [](const ExperimentConfig& c) -> uint64_t { return uint64_t(c.lockScope); },
     .set = [](ExperimentConfig& c, uint64_t v) { c.lockScope = LockScope(v); }},
    {.name = "delay-us",
     .reportKey = "delay_us",
     .kind = SettingKind::Count,
     .max = limits::kMaxDelayUs,
     .def = 0,
     .unit = "µs",
     .label = "Delay",
     .help = "extra time per element: slow motion, acts at once, also during a run",
     .group = "Slow motion",
     .widget = SettingWidget::DelaySlider,
     .live = true,
     // 10 us per element: the default million elements take ~5-7 s on 2 cores (4 workers sleep
     // their delays there), ~2.5 s on 4+.
     .windowDef = 10,
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.delayUs; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.delayUs = uint32_t(v); }},
    {.name = "instrument",
     .reportKey = "instrument",
     .kind = SettingKind::Bool,
     .max = 1,
     .def = 1,
     .label = "Record lock timings",
     .help = "time every lock acquisition; off shows what the timing itself costs",
     .group = "Synchronisation",
     .appliesTo = [](const ExperimentConfig& c) { return c.usesLock() && detail::notCounters(c); },
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.instrument; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.instrument = v != 0; }},
    {.name = "transport",
     .reportKey = "transport",
     .kind = SettingKind::Enum,
     .max = std::size(detail::kTransportChoices) - 1,
     .def = uint64_t(Transport::Shared),
     .label = "Transport",
     .help = "how the results reach the controller's array",
     .choices = detail::kTransportChoices,
     .group = "Experiment",
     .get = [](const ExperimentConfig& c) -> uint64_t { return uint64_t(c.transport); },
     .set = [](ExperimentConfig& c, uint64_t v) { c.transport = Transport(v); }},
    {.name = "counter-layout",
     .reportKey = "counter_layout",
     .kind = SettingKind::Enum,
     .max = std::size(detail::kCounterLayoutChoices) - 1,
     .def = uint64_t(CounterLayout::Packed),
     .label = "Counters",
     .help = "where the counters workload puts the workers' counters",
     .choices = detail::kCounterLayoutChoices,
     .group = "Experiment",
     .appliesTo = detail::counters,
     .get = [](const ExperimentConfig& c) -> uint64_t { return uint64_t(c.counterLayout); },
     .set = [](ExperimentConfig& c, uint64_t v) { c.counterLayout = CounterLayout(v); }},
    {.name = "increments",
     .reportKey = "increments",
     .kind = SettingKind::Count,
     .min = 1,
     .max = limits::kMaxIncrements,
     .def = 10'000'000,
     .unit = "per worker",
     .label = "Increments",
     .help = "how often each worker bumps its counter (counters workload)",
     .group = "Experiment",
     .widget = SettingWidget::WideSpin,
     .appliesTo = detail::counters,
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.increments; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.increments = v; }},
    // The fault rows stay live: during a run they choose what the Kill button does.
    {.name = "kill-worker",
     .reportKey = "kill_worker",
     .kind = SettingKind::Count,
     .max = limits::kMaxWorkers - 1,
     .def = kNone,
     .none = "none",
     .label = "Kill worker",
     .help = "scripted fault: SIGKILL this worker (0-based) during the run, reproducibly",
     .group = "Fault injection",
     .live = true,
     .persist = false,
     .get = [](const ExperimentConfig& c) -> uint64_t {
         return c.killWorker == kNoWorker ? kNone : c.killWorker;
     },
     .set = [](ExperimentConfig& c,
               uint64_t v) { c.killWorker = v == kNone ? kNoWorker : uint32_t(v); }},
    {.name = "kill-at-ms",
     .reportKey = "kill_at_ms",
     .kind = SettingKind::Count,
     .max = limits::kMaxKillAtMs,
     .def = 0,
     .unit = "ms",
     .label = "At",
     .help = "when the scripted kill happens, in ms after the start barrier opens",
     .group = "Fault injection",
     .live = true,
     .appliesTo = detail::killScripted,
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.killAtMs; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.killAtMs = uint32_t(v); }},
    {.name = "kill-when",
     .reportKey = "kill_when",
     .kind = SettingKind::Enum,
     .max = std::size(detail::kKillWhenChoices) - 1,
     .def = uint64_t(KillWhen::Time),
     .label = "When",
     .help = "kill at the time, or at the worker's next lock acquisition after it",
     .choices = detail::kKillWhenChoices,
     .group = "Fault injection",
     .live = true,
     .appliesTo = detail::killScripted,
     .get = [](const ExperimentConfig& c) -> uint64_t { return uint64_t(c.killWhen); },
     .set = [](ExperimentConfig& c, uint64_t v) { c.killWhen = KillWhen(v); }},
    {.name = "suspend-timeout-ms",
     .reportKey = "suspend_timeout_ms",
     .kind = SettingKind::Count,
     .min = 100,
     .max = limits::kMaxKillAtMs,
     .def = 2000,
     .unit = "ms",
     .label = "Suspended",
     .help = "a worker stopped (SIGSTOP) for this long fails the run; SIGCONT before it goes on",
     .group = "Fault injection",
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.suspendTimeoutMs; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.suspendTimeoutMs = uint32_t(v); }},
    {.name = "fault-action",
     .reportKey = "fault_action",
     .kind = SettingKind::Enum,
     .max = std::size(detail::kFaultActionChoices) - 1,
     .def = uint64_t(FaultAction::Kill),
     .label = "Action",
     .help = "what the scripted fault (and Kill worker now) does: kill, stop or hang the worker",
     .choices = detail::kFaultActionChoices,
     .group = "Fault injection",
     .live = true,
     .persist = false,
     .get = [](const ExperimentConfig& c) -> uint64_t { return uint64_t(c.faultAction); },
     .set = [](ExperimentConfig& c, uint64_t v) { c.faultAction = FaultAction(v); }},
    {.name = "stall-timeout-ms",
     .reportKey = "stall_timeout_ms",
     .kind = SettingKind::Count,
     .min = 200,
     .max = limits::kMaxKillAtMs,
     .def = 30'000,
     .unit = "ms",
     .label = "Stalled",
     .help = "a running worker that publishes nothing for this long fails the run (named); "
             "waiting for a lock does not count",
     .group = "Fault injection",
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.stallTimeoutMs; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.stallTimeoutMs = uint32_t(v); }},
    {.name = "collisions",
     .reportKey = "collisions",
     .kind = SettingKind::Bool,
     .max = 1,
     .def = 1,
     .label = "Log every update",
     .help = "log each shared bin update (read, write, times) to show how updates get lost; "
             "histogram runs of at most 2000000 updates, 24 bytes each",
     .group = "Synchronisation",
     .appliesTo = [](const ExperimentConfig& c) { return c.workload == Workload::Histogram; },
     .get = [](const ExperimentConfig& c) -> uint64_t { return c.collisions; },
     .set = [](ExperimentConfig& c, uint64_t v) { c.collisions = v != 0; }},
    {.name = "worker-priority",
     .reportKey = "worker_priority",
     .kind = SettingKind::Enum,
     .max = std::size(detail::kWorkerPriorityChoices) - 1,
     .def = uint64_t(WorkerPriority::Auto),
     .label = "Priority",
     .help = "how the workers are scheduled against the window and other programs "
             "(the report's worker_scheduling says what was used)",
     .choices = detail::kWorkerPriorityChoices,
     .group = "Experiment",
     .get = [](const ExperimentConfig& c) -> uint64_t { return uint64_t(c.workerPriority); },
     .set = [](ExperimentConfig& c, uint64_t v) { c.workerPriority = WorkerPriority(v); }},
};

// The row with this name (flag spelling); fails to compile in a constant expression and
// returns nullptr at run time when there is none.
constexpr const SettingRow* findSetting(std::string_view name) {
    for (const SettingRow& r : kSettings)
        if (r.name == name) return &r;
    return nullptr;
}

std::string_view toString(Workload);
std::string_view toString(Partition);
std::string_view toString(SyncMode);
std::string_view toString(LockScope);
std::string_view toString(KillWhen);
std::string_view toString(FaultAction);
std::string_view toString(CounterLayout);
std::string_view toString(Transport);
std::optional<Workload> workloadFromString(std::string_view);
std::optional<Partition> partitionFromString(std::string_view);
std::optional<SyncMode> syncFromString(std::string_view);
std::optional<LockScope> lockScopeFromString(std::string_view);

// The text form of a setting's value, as a flag or QSettings takes it: "4", "wave", "true".
std::string settingText(const SettingRow& row, const ExperimentConfig& cfg);

// What is wrong with a setting's value given as text: applySetting words it in English, the
// app in the interface language (strings at the edges).
enum class ValueProblem : uint8_t { NotWholeNumber, OutOfRange, UnknownChoice, NotBoolean };
// Nothing when applySetting would take `value` for the row.
std::optional<ValueProblem> valueProblem(const SettingRow& row, std::string_view value);

// Applies one setting given as text (from a flag or a config file). On failure returns a
// one-line message naming the flag and what is wrong with the value.
std::optional<std::string> applySetting(ExperimentConfig& cfg, const SettingRow& row,
                                        std::string_view value);
std::optional<std::string> applySetting(ExperimentConfig& cfg, std::string_view name,
                                        std::string_view value);

// Checks ranges and combinations; returns a one-line message or nothing when valid.
std::optional<std::string> validate(const ExperimentConfig& cfg);

// A value of the row is "not set" (its none word).
constexpr bool isNone(const SettingRow& r, uint64_t v) {
    return !r.none.empty() && v == kNone;
}

// What a row accepts: "sin|wave|histogram|mandelbrot", "true|false", "1 to 256" or
// "0 to 255 or none".
std::string allowedValues(const SettingRow& row);
// Accepted values and the default, for --help and tooltips: "1 to 256; default 4",
// "0 to 1000000; default 0 µs", "sin|wave|histogram|mandelbrot; default wave".
std::string rangeText(const SettingRow& row);

// The defaults of a run started from the window: the table's, with each row's windowDef.
ExperimentConfig windowDefaults();

} // namespace shm
