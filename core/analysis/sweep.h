#pragma once
// Sweeps: one or two settings varied over given values, every point run R times in an
// interleaved order (so drift on a busy machine hits every point alike), and the figures a
// scaling study needs — median compute time with its spread, speedup, efficiency, Karp–Flatt
// and an Amdahl fit. Qt-free: the headless runner and the window's Sweep view share it.
#include "analysis/caveats.h"
#include "analysis/report.h"
#include "model/settings.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shm {

struct SweepAxis {
    const SettingRow* row = nullptr;
    std::vector<uint64_t> values; // as the row stores them (enum index, 0/1, counts)
};

// "workers=1,2,4" or "sync=mutex,striped,atomic": the setting's flag name, then its values as
// flags take them. On failure: one line naming the problem.
std::optional<std::string> parseSweepAxis(std::string_view spec, SweepAxis* out);

struct SweepPlan {
    std::vector<SweepAxis> axes;          // one or two
    uint32_t repeat = 3;                  // runs per point
    std::vector<ExperimentConfig> points; // the grid: the first axis outer, the second inner
    // Which point each run is, in run order: every round visits every point, alternately
    // forwards and backwards, so a slow drift averages out over the points.
    std::vector<size_t> order;
};

inline constexpr size_t kMaxSweepPoints = 256;
inline constexpr uint32_t kMaxRepeat = 100;

// The grid over `base`; every point is validated. On failure: one line naming the point.
std::optional<std::string> planSweep(const ExperimentConfig& base, std::vector<SweepAxis> axes,
                                     uint32_t repeat, SweepPlan* out);

struct Spread {
    double median = 0, min = 0, max = 0;
};

struct AmdahlFit {
    bool valid = false; // needs a point with more workers than the baseline
    double serialFraction = 0;
    double rmse = 0;         // of the speedups the fitted curve predicts
    size_t points = 0;       // used in the fit
    uint32_t maxWorkers = 0; // the fit's points have at most this many workers
};

struct SweepPointSummary {
    ExperimentConfig config;
    uint32_t runs = 0;               // finished runs: the figures are theirs
    uint32_t failed = 0;             // runs that failed (a crash, a verification failure, no start)
    std::vector<std::string> errors; // one per failed run
    Spread compute;                  // seconds
    double throughput = 0;           // median, elements (or increments) per second
    double imbalance = 0;            // median
    double cpuSeconds = 0;           // median
    LockStats lock;                  // of the run with the median compute time
    double waitShare = 0;            // median
    uint64_t mismatches = 0;         // the worst run's
    int64_t lostUpdates = 0;         // the worst run's
    // Against the baseline (see SweepSummary): unset when there is none or it did not run.
    std::optional<double> speedup, efficiency, karpFlatt;
    // Ideal speedup here: workers over the baseline's workers (workers swept), else unset.
    std::optional<double> processorRatio;
    // Median over finished runs of each run's lowest worker CPU share outside lock waits
    // (caveats.h lowestCpuShare); unset when no run could be judged.
    std::optional<double> cpuShare;
    // Why its speedup is doubtful: above the cores, or its baseline was starved (caveats.h).
    std::vector<Caveat> caveats;
};

// One line of a sweep: the points that differ only in the workers setting (workers swept).
struct SweepLine {
    std::vector<size_t> points; // indices into SweepSummary::points, in workers order
    AmdahlFit fitUpToCores;     // points with at most as many workers as cores
    AmdahlFit fitAll;
};

struct SweepSummary {
    SweepPlan plan;
    unsigned cores = 1;
    std::vector<SweepPointSummary> points; // the plan's order
    // Speedup is against the point with the same other settings and the first value of the
    // workers axis (or, without one, of the first axis). Lines and fits only with workers swept.
    int workersAxis = -1;
    std::vector<SweepLine> lines;
    MachineFigures machine; // what the machine can show, as its runs' reports carried it
};

// One point's settings in words: "workers=2, sync=mutex".
std::string pointName(const SweepPlan& plan, size_t point);
// Its outcome in words: "array verified", "3 lost updates, 1 failed", "all 3 runs failed".
std::string resultText(const SweepPointSummary& p);

// `reports[i]` holds every run of plan.points[i].
SweepSummary summarizeSweep(const SweepPlan& plan,
                            const std::vector<std::vector<RunReport>>& reports, unsigned cores);

// Least squares over f in [0, 1] of S(p) = 1 / (f + (1 - f) / p); (p, speedup) pairs.
AmdahlFit fitAmdahl(const std::vector<std::pair<double, double>>& points);
// Karp–Flatt experimentally determined serial fraction: (1/S - 1/p) / (1 - 1/p), p > 1.
std::optional<double> karpFlatt(double speedup, double p);

// Every point's caveats once each, "workers=4: ..." (the text report and the window list these).
std::vector<std::string> caveatLines(const SweepSummary& s);

// The --json contract: {"sweep": {...}, "points": [...], "fit": {...}, "lines": [...],
// "caveats": [...]}.
std::string toJson(const SweepSummary& s);
// A readable table, one row per point.
std::string toText(const SweepSummary& s);
// One header row, one row per point; opens in any spreadsheet.
std::string toCsv(const SweepSummary& s);

} // namespace shm
