// Lessons > Rehearse All / Rehearse This Lesson (gui/lessons/rehearsal_dialog.h).
#include "gui/lessons/lesson_panel.h"
#include "gui/lessons/rehearsal_dialog.h"
#include "gui/main_window.h"
#include "runner/run_controller.h"

#include <QInputDialog>
#include <QMessageBox>

bool MainWindow::rehearseLessons(bool all, int count, QString* error) {
    // The rehearsal's runs have a controller of their own: one beside the window's would
    // share the cores and spoil both.
    if (m_run.isActive() || m_lessonPlayer->playing() || m_sweepPlayer->playing()) {
        *error = tr("A run is going on: stop it first.");
        return false;
    }
    if (!all && !m_lessonPanel->hasLesson()) {
        *error = tr("No lesson is shown in the Lessons panel.");
        return false;
    }
    if (!m_rehearsal) {
        m_rehearsal = new RehearsalDialog(this);
        // The window's worker program; a segment name of its own when the window's is set.
        RunController& run = m_rehearsal->rehearsal().player().controller();
        run.setWorkerPath(m_run.workerPath());
        if (!m_run.requestedSegmentName().isEmpty())
            run.setSegmentName(m_run.requestedSegmentName() + QStringLiteral("-rehearsal"));
    }
    const QList<Lesson> lessons =
        all ? m_lessonPanel->lessons() : QList<Lesson>{m_lessonPanel->lesson()};
    return m_rehearsal->start(lessons, count, error);
}

void MainWindow::askRehearsal(bool all) {
    const QString title = all ? tr("Rehearse All Lessons") : tr("Rehearse This Lesson");
    bool ok = false;
    const int count = QInputDialog::getInt(
        this, title, tr("Play each lesson how many times? (A teacher's check the day before.)"), 5,
        1, 100, 1, &ok);
    if (!ok) return;
    QString error;
    if (!rehearseLessons(all, count, &error)) QMessageBox::warning(this, title, error);
}
