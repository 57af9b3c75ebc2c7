// Recordings in the window: every live run kept (a recorder fed by the controller's frame tap,
// off the GUI thread), and recordings opened from a file (--open, a lone FILE argument).
#include "gui/main_window.h"

#include "gui/lessons/lesson_panel.h"
#include "gui/models/lock_events_model.h"
#include "gui/models/runs_model.h"
#include "gui/models/side_by_side_model.h"
#include "gui/views/side_by_side_view.h"
#include "lessons/lesson.h"
#include "record/recording_file.h"
#include "record/replay.h"
#include "record/run_recorder.h"
#include "runner/run_player.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>

void MainWindow::startRecorder() {
    shm::RunRecorder::Options o;
    o.keepInMemory = true;
    // Called on the recorder's thread: the run goes to the Runs list on the GUI thread. The
    // live views keep showing it as it ended (its status, its failure) until one is picked.
    o.onRun = [this](std::shared_ptr<const shm::RecordedRun> run) {
        QMetaObject::invokeMethod(
            this,
            [this, run] {
                m_runsModel->add(run);
                // A lesson's run: its column (or the column it will get) can now be scrubbed.
                for (SideRun& r : m_lessonRuns)
                    if (!r.recorded && r.recordLabel == QString::fromStdString(run->label))
                        r.recorded = run;
                m_sideModel->attachRecording(run);
                updateTimeBar();
            },
            Qt::QueuedConnection);
    };
    m_recorder = std::make_unique<shm::RunRecorder>(std::move(o));
    m_recorder->beginGroup({"run", "", ""});
    connect(&m_run, &RunController::phaseChanged, this, [this](shm::Phase p) {
        if (p == shm::Phase::Starting && !m_recording) {
            m_recording = true;
            m_recorder->beginRun(
                {(m_recordLabel = recordedRunLabel(++m_recordedRuns)).toStdString(), 0,
                 m_run.config()});
            m_run.setFrameTap(
                [r = m_recorder.get()](shm::RunFrame f) { r->addFrame(std::move(f)); });
        }
    });
    connect(&m_run, &RunController::finished, this, [this] {
        if (!m_recording) return;
        m_recording = false;
        m_run.setFrameTap({});
        m_recorder->endRun({m_run.snapshot(), m_run.report(), m_run.verified(), m_run.meta()});
    });
}

QString MainWindow::recordedRunLabel(int n) const {
    // A lesson's run says which (the Runs list keeps runs of several lessons); the number
    // keeps a lesson played twice apart.
    const int i = m_lessonPlayer ? m_lessonPlayer->currentIndex() : -1;
    if (m_lessonPlayer && m_lessonPlayer->playing() && i >= 0 && i < m_lessonPlayer->runsTotal())
        return QStringLiteral("run %1 · %2 %3")
            .arg(n)
            .arg(m_lessonPanel->lesson().id, m_lessonPlayer->runs()[i].label);
    return QStringLiteral("run %1").arg(n);
}

bool MainWindow::openRecording(const QString& path, QString* error) {
    std::string why;
    std::optional<shm::Recording> rec = shm::readRecording(path.toStdString(), &why);
    if (!rec) {
        *error = QString::fromStdString(why);
        return false;
    }
    if (rec->runs.empty()) {
        *error = tr("%1: the recording holds no run").arg(path);
        return false;
    }
    QList<std::shared_ptr<const shm::RecordedRun>> runs;
    std::erase_if(m_openedGroups, [](const auto& g) { return g.first.expired(); });
    for (shm::RecordedRun& r : rec->runs) {
        const auto run = std::make_shared<const shm::RecordedRun>(std::move(r));
        runs.append(run);
        if (run->groupIndex >= 0 && size_t(run->groupIndex) < rec->groups.size())
            m_openedGroups.emplace_back(run, rec->groups[size_t(run->groupIndex)]);
    }
    const int first = m_runsModel->rowCount();
    for (const auto& r : runs)
        m_runsModel->add(r);
    m_opened = runs;
    m_recent.add(path);
    fillRecentMenu();
    showRunAt(first, runs.front()->endNs);
    // A lesson's (or any list's) runs side by side, as the lesson ended in the window: in the
    // view the lesson says to look at.
    if (runs.size() > 1) {
        setSideRuns(runs);
        m_sideView->setView(sideViewFor(*rec));
    }
    return true;
}

QString MainWindow::sideViewFor(const shm::Recording& rec) const {
    const int g = rec.runs.empty() ? -1 : rec.runs.front().groupIndex;
    if (g < 0 || size_t(g) >= rec.groups.size() || rec.groups[size_t(g)].kind != "lesson")
        return QStringLiteral("array");
    const QJsonObject obj =
        QJsonDocument::fromJson(QByteArray::fromStdString(rec.groups[size_t(g)].definitionJson))
            .object();
    QString ignored;
    const std::optional<Lesson> lesson = parseLesson(obj, QString(), &ignored);
    if (lesson)
        for (const QString& v : lesson->lookAt)
            if (SideBySideView::viewNames().contains(v)) return v;
    return QStringLiteral("array");
}

void MainWindow::setSideRuns(const QList<std::shared_ptr<const shm::RecordedRun>>& runs) {
    QList<SideRun> side;
    for (const auto& r : runs) {
        shm::ReplayFrame f = shm::frameAt(r, r->endNs);
        shm::RunSnapshot snap = f.frame.snapshot;
        snap.phase = shm::Phase::Finished;
        LockEventsModel locks;
        locks.startRun(r->config);
        locks.showReplay(*r, snap);
        side.append({QString::fromStdString(r->label), r->report, snap, locks.state(), r, {}});
    }
    m_sideModel->setRuns(side);
}

int MainWindow::recordedRunRow(const QString& label) const {
    for (int row = 0; row < m_runsModel->rowCount(); ++row)
        if (label.isEmpty() || QString::fromStdString(m_runsModel->run(row)->label) == label)
            return row;
    return -1;
}
