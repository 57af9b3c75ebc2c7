#pragma once
// --compare-with REPORT.json: a run saved with --headless --json, read before this run starts,
// and this run's key figures beside it with their ratios (core's compare.h does the figures).
#include "analysis/compare.h"
#include "analysis/report.h"

#include <QJsonObject>
#include <QString>

// What A/B keeps of the pinned run: its key figures and its settings.
struct PinnedRun {
    shm::KeyFigures figures;
    shm::ExperimentConfig config;
};
PinnedRun pinnedRun(const shm::RunReport& r);
// From a saved report (already checked by loadPinnedReport). Settings it does not name (an
// older version's report) keep their defaults.
PinnedRun pinnedRun(const QJsonObject& report);

// The pinned report from `path`, or an error naming the file and what is wrong with it.
QString loadPinnedReport(const QString& path, QJsonObject* out);
// The "compare" object for --json, or the table for the text report.
std::string comparisonWith(const shm::RunReport& now, const QJsonObject& pinned,
                           const QString& path, bool json);
