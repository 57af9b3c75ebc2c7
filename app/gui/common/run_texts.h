#pragma once
// A worker's state and a run's verdict in the interface language. The core words them in
// English for the reports (metrics.cpp: stateText, verdictText), which stay English; the window
// words them from the same figures here. tst_run_texts checks that, untranslated, both say the
// same for every case, so the two cannot drift apart.
#include "analysis/report.h"
#include "model/run_data.h"

#include <QString>

namespace run_texts {

// "done", "crashed (signal 9), held lock", "waiting for lock": as shm::stateText, translated.
QString workerState(const shm::WorkerRecord& w, const shm::RunSnapshot& s);

// "array verified", "1,234 mismatches (12 unwritten)": as shm::verdictText, translated.
QString verdict(const shm::ExperimentConfig& cfg, uint64_t mismatches, uint64_t unwritten,
                int64_t lostUpdates);
// A report's verdict ("not run" when it was not verified), as RunReport::verdict.
QString verdict(const shm::RunReport& r);

} // namespace run_texts
