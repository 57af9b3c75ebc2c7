#include "gui/sweep/sweep_session.h"

#include "runner/run_controller.h"

#include <algorithm>

namespace {
constexpr int kBetweenRunsMs = 150;
}

SweepSession::SweepSession(RunController& run, StartRun startRun, QObject* parent)
    : QObject(parent), m_run(run), m_startRun(std::move(startRun)) {
    m_pause.setSingleShot(true);
    m_pause.setInterval(kBetweenRunsMs);
    connect(&m_pause, &QTimer::timeout, this, &SweepSession::startNext);
    connect(&m_run, &RunController::finished, this, &SweepSession::onRunFinished);
}

bool SweepSession::start(const shm::SweepPlan& plan, QString* error) {
    if (running() || m_run.isActive()) {
        if (error) *error = tr("a run is going on: stop it first");
        return false;
    }
    m_plan = plan;
    m_reports.assign(plan.points.size(), {});
    m_summary = shm::summarizeSweep(m_plan, m_reports, shm::usableCores());
    m_done = 0;
    m_stopped = false;
    m_error.clear();
    m_next = 0;
    m_clock.start();
    startNext();
    if (!running() && error) *error = m_error;
    return running() || m_done > 0;
}

void SweepSession::stop() {
    if (!running()) return;
    m_stopped = true;
    m_pause.stop();
    if (m_ours && m_run.isActive())
        m_run.stop(); // onRunFinished() ends the sweep
    else
        end();
}

double SweepSession::etaSeconds() const {
    if (!m_done || !running()) return 0;
    return double(m_clock.elapsed()) / 1000.0 / m_done * (runsTotal() - m_done);
}

void SweepSession::startNext() {
    if (!running() || m_stopped) return;
    // A point whose run cannot start (no room in /dev/shm, ...) is a failed run: the sweep
    // goes on with the next one.
    while (m_next < runsTotal()) {
        const size_t point = m_plan.order[size_t(m_next)];
        QString error;
        m_ours = true;
        if (m_startRun(m_plan.points[point], &error)) {
            emit changed();
            return;
        }
        m_ours = false;
        m_error = error;
        m_reports[point].push_back(
            shm::failedToStartReport(m_plan.points[point], SHMSCOPE_VERSION, error.toStdString()));
        ++m_done;
        ++m_next;
    }
    end();
}

void SweepSession::onRunFinished() {
    if (!running() || !m_ours) return; // a run the user or a lesson started
    m_ours = false;
    const size_t point = m_plan.order[size_t(m_next)];
    // A run stopped with the sweep measured nothing worth a median: left out.
    if (!m_stopped) m_reports[point].push_back(m_run.report());
    ++m_done;
    ++m_next;
    m_summary = shm::summarizeSweep(m_plan, m_reports, shm::usableCores());
    if (m_stopped || m_next >= runsTotal()) {
        end();
        return;
    }
    m_pause.start(); // then startNext()
    emit changed();
}

void SweepSession::end() {
    m_next = -1;
    m_ours = false;
    m_summary = shm::summarizeSweep(m_plan, m_reports, shm::usableCores());
    emit changed();
    emit finished();
}
