#pragma once
// --compare-with REPORT.json: a run saved with --headless --json, read before this run starts,
// and this run's key figures beside it with their ratios (core's compare.h does the figures).
#include "report.h"

#include <QJsonObject>
#include <QString>

// The pinned report from `path`, or an error naming the file and what is wrong with it.
QString loadPinnedReport(const QString& path, QJsonObject* out);
// The "compare" object for --json, or the table for the text report.
std::string comparisonWith(const shm::RunReport& now, const QJsonObject& pinned,
                           const QString& path, bool json);
