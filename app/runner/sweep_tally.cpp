#include "runner/sweep_tally.h"

#include "runner/machine_once.h"

SweepTally::SweepTally(shm::SweepPlan plan)
    : m_plan(std::move(plan)), m_reports(m_plan.points.size()),
      m_summary(shm::summarizeSweep(m_plan, m_reports, shm::usableCores())) {}

QList<PlayRun> SweepTally::runs() const {
    QList<PlayRun> out;
    for (size_t k = 0; k < m_plan.order.size(); ++k)
        out.append({pointName(int(k)), m_plan.points[m_plan.order[k]]});
    return out;
}

QString SweepTally::pointName(int index) const {
    return QString::fromStdString(shm::pointName(m_plan, pointOf(index)));
}

void SweepTally::add(const FinishedRun& run) {
    if (run.cutShort) return;
    m_reports[pointOf(run.index)].push_back(run.report);
    m_summary = shm::summarizeSweep(m_plan, m_reports, shm::usableCores());
}

void SweepTally::addFailedStart(int index, const QString& error, const std::string& version) {
    const size_t point = pointOf(index);
    m_reports[point].push_back(shm::failedToStartReport(
        m_plan.points[point], version, error.toStdString(), machine_once::known()));
    m_summary = shm::summarizeSweep(m_plan, m_reports, shm::usableCores());
}

size_t SweepTally::runsMeasured() const {
    size_t ran = 0;
    for (const shm::SweepPointSummary& p : m_summary.points)
        ran += p.runs;
    return ran;
}
