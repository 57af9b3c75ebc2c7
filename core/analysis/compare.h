#pragma once
// A/B: the figures of this run beside a pinned one's (a report saved with --json), and their
// ratios. The same list for the headless --compare-with and, later, the window's pinned run.
#include "analysis/report.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shm {

struct ComparedFigure {
    std::string_view key;  // the report's key: "compute_seconds", "lock.wait_share", ...
    std::string_view what; // in words, for the text table
    double now = 0, pinned = 0;
    std::optional<double> ratio; // now / pinned; unset when pinned is 0
};

// The compared figures, by report key (the pinned run's as read from its JSON).
struct KeyFigures {
    double computeSeconds = 0, throughput = 0, waitShare = 0, cpuSeconds = 0;
    double lostUpdates = 0, mismatches = 0;
};
KeyFigures keyFigures(const RunReport& r);
std::vector<ComparedFigure> compareFigures(const KeyFigures& now, const KeyFigures& pinned);

// The settings whose values differ, as "sync mutex -> atomic" (pinned -> now).
std::vector<std::string> differingSettings(const ExperimentConfig& now,
                                           const ExperimentConfig& pinned);

// {"with": "<file>", "differs": [settings], "figures": {"compute_seconds": {"this", "pinned",
// "ratio"}, ...}}; `differs` lists the settings whose values differ ("workers", ...).
std::string comparisonJson(const std::vector<ComparedFigure>& figures, const std::string& with,
                           const std::vector<std::string>& differs);
std::string comparisonText(const std::vector<ComparedFigure>& figures, const std::string& with,
                           const std::vector<std::string>& differs);

} // namespace shm
