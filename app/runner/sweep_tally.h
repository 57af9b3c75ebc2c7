#pragma once
// A sweep as a RunPlayer plays it: the plan's runs in its interleaved order (each labelled
// with its point), every ended run's report kept for its point, and the summary (speedup,
// fits) over what was measured so far. The window and `--sweep --headless` both keep one.
#include "analysis/sweep.h"
#include "runner/run_player.h"

#include <string>
#include <vector>

class SweepTally {
  public:
    explicit SweepTally(shm::SweepPlan plan = {});

    const shm::SweepPlan& plan() const { return m_plan; }
    // What a RunPlayer plays: plan().order, each run with its point's settings and name.
    QList<PlayRun> runs() const;
    // Which point the player's run `index` measures.
    size_t pointOf(int index) const { return m_plan.order[size_t(index)]; }
    QString pointName(int index) const;

    // A run that ended; one cut short by a stop measured nothing worth a median: left out.
    void add(const FinishedRun& run);
    // A run that could not start counts as a failed run of its point.
    void addFailedStart(int index, const QString& error, const std::string& version);

    // Recomputed after every run.
    const shm::SweepSummary& summary() const { return m_summary; }
    // Finished runs over every point (0: the sweep measured nothing).
    size_t runsMeasured() const;

  private:
    shm::SweepPlan m_plan;
    std::vector<std::vector<shm::RunReport>> m_reports; // per point
    shm::SweepSummary m_summary;
};
