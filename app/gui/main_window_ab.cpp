// MainWindow's comparisons: a sweep through the Sweep tab and the pinned run of A/B.
#include "gui/main_window.h"

#include "gui/common/format.h"
#include "gui/controls_panel.h"
#include "gui/sweep/sweep_panel.h"
#include "gui/sweep/sweep_view.h"
#include "gui/views/pinned_bar.h"
#include "runner/run_player.h"

#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QStackedWidget>

bool MainWindow::pinRun() {
    if (m_run.phase() != shm::Phase::Finished) return false;
    pin(pinnedRun(m_run.report()), format::configSummary(m_run.report().config));
    return true;
}

void MainWindow::pin(const PinnedRun& run, const QString& what) {
    m_pinned = run;
    m_pinnedAt = m_finishedRuns; // the runs after this one are compared with it
    m_pinnedBar->showPinned(what, run.figures.computeSeconds);
}

void MainWindow::unpinRun() {
    m_pinned.reset();
    m_pinnedBar->hide();
}

bool MainWindow::startSweep(QString* error) {
    if (m_lessonPlayer->playing()) {
        *error = tr("A lesson is playing: stop it first (Lessons tab).");
        return false;
    }
    const QString problem = m_controls->validationMessage();
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    const std::optional<shm::SweepPlan> plan = m_sweepPanel->plan(m_controls->config(), error);
    if (!plan) return false;
    if (m_sweepPlayer->playing() || m_run.isActive()) { // the last sweep's results stay
        *error = tr("a run is going on: stop it first");
        return false;
    }
    m_sweep = SweepTally(*plan);
    return m_sweepPlayer->play(m_sweep.runs(), error);
}

bool MainWindow::showSweepResults() {
    if (m_sweep.summary().points.empty()) return false; // no sweep yet
    // (--screenshot --view sweep lifts the view out of the window)
    if (m_central->indexOf(m_sweepView) >= 0) m_central->setCurrentWidget(m_sweepView);
    return true;
}

void MainWindow::exportSweepCsv() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the sweep's points"),
                                     QStringLiteral("shmscope-sweep.csv"), tr("CSV table (*.csv)"));
    if (path.isEmpty()) return;
    QFile f(path);
    const std::string text = shm::toCsv(m_sweep.summary());
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(text.data(), qint64(text.size())) != qint64(text.size()))
        QMessageBox::warning(this, tr("Export failed"), tr("%1: %2").arg(path, f.errorString()));
}
