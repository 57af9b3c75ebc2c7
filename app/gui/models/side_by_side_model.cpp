#include "gui/models/side_by_side_model.h"

#include "gui/common/format.h"
#include "gui/common/run_texts.h"
#include "record/recorded_run.h"

#include <algorithm>

SideBySideModel::SideBySideModel(QObject* parent) : QObject(parent) {}

void SideBySideModel::setRuns(QList<SideRun> runs) {
    if (runs.size() > kMaxColumns) runs.resize(kMaxColumns);
    m_runs = std::move(runs);
    emit runsChanged();
}

void SideBySideModel::clear() {
    m_runs.clear();
    emit runsChanged();
}

QString SideBySideModel::keyFigure(const shm::RunReport& r) {
    QString figure;
    if (!r.verified)
        figure = run_texts::verdict(r);
    else if (r.lostUpdates > 0)
        figure = (r.lostUpdates == 1 ? tr("%1 lost update") : tr("%1 lost updates"))
                     .arg(format::number(uint64_t(r.lostUpdates)));
    else if (r.mismatches > 0)
        figure = (r.mismatches == 1 ? tr("%1 mismatch") : tr("%1 mismatches"))
                     .arg(format::number(r.mismatches));
    else if (r.unwritten > 0)
        figure = tr("%1 unwritten").arg(format::number(r.unwritten));
    else
        figure = run_texts::verdict(r);
    if (!r.finished()) figure = tr("%1 (%2)").arg(figure, format::text(shm::nameOf(r.status)));
    return tr("%1 · %2").arg(figure, format::duration(r.computeSeconds * 1e9));
}

QString SideBySideModel::header(int i) const {
    const SideRun& run = m_runs.at(i);
    return tr("%1 — %2").arg(run.label, keyFigure(run.report));
}

double SideBySideModel::spanNs() const {
    double span = 0;
    for (const SideRun& run : m_runs)
        span = std::max({span, run.locks.endNs, run.report.computeSeconds * 1e9});
    return span;
}

void SideBySideModel::attachRecording(const std::shared_ptr<const shm::RecordedRun>& run) {
    const QString label = QString::fromStdString(run->label);
    for (int i = 0; i < count(); ++i)
        if (!m_runs[i].recorded && !m_runs[i].recordLabel.isEmpty() &&
            m_runs[i].recordLabel == label) {
            m_runs[i].recorded = run;
            emit recordingAttached(i);
            return;
        }
}

bool SideBySideModel::anyRecorded() const {
    return std::any_of(m_runs.begin(), m_runs.end(),
                       [](const SideRun& r) { return r.recorded != nullptr; });
}
