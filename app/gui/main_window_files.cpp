// Recordings as files in the window: File > Open Recording / Open Recent / Save Recording,
// File > Open Lesson (a lesson file joins the Lessons panel),
// a file dropped on the window, and the Runs list's selection compared side by side.
#include "gui/main_window.h"

#include "gui/lessons/lesson_panel.h"
#include "gui/models/runs_model.h"
#include "gui/recording_saver.h"
#include "lessons/lesson.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>

#include <algorithm>

namespace {
const QString kSuffix = QStringLiteral("shmscope");

QString recordingFilter() {
    return QObject::tr("ShmScope recordings (*.shmscope)") + QStringLiteral(";;") +
           QObject::tr("All files (*)");
}

// Where the file dialogs start: beside the last recording opened or saved.
QString dialogStart(const QStringList& recent, const QString& name) {
    return recent.isEmpty() ? name : QFileInfo(recent.front()).dir().filePath(name);
}

// The first local file among the dragged URLs ("" when none is one).
QString firstLocalFile(const QMimeData* data) {
    if (!data || !data->hasUrls()) return {};
    for (const QUrl& url : data->urls())
        if (url.isLocalFile()) return url.toLocalFile();
    return {};
}
} // namespace

void MainWindow::buildRecordingActions() {
    m_saver = new RecordingSaver(this);
    // Every save ends in the status bar and, written, first in Open Recent; the box for a
    // failed one belongs to the menu's save (saveRecordingDialog), not to a caller's.
    connect(m_saver, &RecordingSaver::finished, this,
            [this](const QString& path, int runs, const QString& error) {
                if (error.isEmpty()) {
                    m_recent.add(path);
                    fillRecentMenu();
                    statusBar()->showMessage(
                        runs == 1 ? tr("Saved 1 run to %1").arg(path)
                                  : tr("Saved %1 runs to %2").arg(QString::number(runs), path),
                        8000);
                } else {
                    statusBar()->showMessage(error, 8000);
                }
                updateRecordingActions();
                emit recordingSaved(path, runs, error);
            });

    m_openAction = new QAction(tr("&Open Recording…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openRecordingDialog);
    m_recentMenu = new QMenu(tr("Open &Recent"), this);
    m_recentMenu->setToolTipsVisible(true);
    fillRecentMenu();
    m_saveAction = new QAction(tr("&Save Recording…"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setToolTip(tr("Save every run of the Runs list in one recording file"));
    connect(m_saveAction, &QAction::triggered, this, [this] { saveRecordingDialog(false); });
    m_saveSelectedAction = new QAction(tr("Save Se&lected Runs…"), this);
    m_saveSelectedAction->setToolTip(tr("Save the runs selected in the Runs list"));
    connect(m_saveSelectedAction, &QAction::triggered, this, [this] { saveRecordingDialog(true); });

    m_compareAction = new QAction(tr("&Compare Side by Side"), this);
    m_compareAction->setObjectName(QStringLiteral("compareRunsAction"));
    connect(m_compareAction, &QAction::triggered, this, [this] { compareRuns(selectedRunRows()); });
    m_compareButton = new QPushButton(m_compareAction->text().remove(QLatin1Char('&')));
    m_compareButton->setObjectName(QStringLiteral("compareRunsButton"));
    connect(m_compareButton, &QPushButton::clicked, m_compareAction, &QAction::trigger);

    setAcceptDrops(true); // a recording dropped anywhere on the window opens

    m_runsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_runsView->addAction(m_compareAction);
    m_runsView->addAction(m_saveSelectedAction);
    m_runsView->addAction(m_saveAction);
    connect(m_runsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateRecordingActions);
    connect(m_runsModel, &RunsModel::rowsInserted, this, &MainWindow::updateRecordingActions);
    connect(m_runsModel, &RunsModel::rowsRemoved, this, &MainWindow::updateRecordingActions);
    connect(m_runsModel, &RunsModel::modelReset, this, &MainWindow::updateRecordingActions);
    updateRecordingActions();
}

void MainWindow::addRecordingActions(QMenu* file) {
    file->addAction(m_openAction);
    file->addMenu(m_recentMenu);
    file->addAction(m_saveAction);
    file->addAction(m_saveSelectedAction);
    file->addSeparator();
}

void MainWindow::updateRecordingActions() {
    const bool idle = !m_saver->busy();
    const qsizetype selected = selectedRunRows().size();
    m_saveAction->setEnabled(idle && m_runsModel->rowCount() > 0);
    m_saveSelectedAction->setEnabled(idle && selected > 0);
    const bool comparable = selected >= 2 && selected <= SideBySideModel::kMaxColumns;
    m_compareAction->setEnabled(comparable);
    // Why it is disabled, on the button itself (a tooltip shows on a disabled button too).
    const QString tip =
        comparable ? tr("Show the %1 selected runs side by side").arg(selected)
                   : tr("Select 2 to 4 runs in the list (Ctrl+click, Shift+click) to compare them");
    m_compareAction->setToolTip(tip);
    m_compareButton->setEnabled(comparable);
    m_compareButton->setToolTip(tip);
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    int n = 0;
    for (const QString& path : m_recent.files()) {
        QAction* a = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(++n).arg(
                QFileInfo(path).fileName().replace(QLatin1Char('&'), QStringLiteral("&&"))),
            this, [this, path] { openRecent(path); });
        a->setToolTip(path);
    }
    if (n) m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("&Clear Recent"), this, [this] {
        m_recent.clear();
        fillRecentMenu();
    });
    clear->setEnabled(n > 0);
}

QList<int> MainWindow::selectedRunRows() const {
    QList<int> rows;
    for (const QModelIndex& i : m_runsView->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool MainWindow::compareRuns(const QList<int>& rows) {
    if (rows.size() < 2 || rows.size() > SideBySideModel::kMaxColumns) return false;
    QList<std::shared_ptr<const shm::RecordedRun>> runs;
    for (int row : rows) {
        auto run = m_runsModel->run(row);
        if (!run) return false;
        runs << run;
    }
    setSideRuns(runs);
    return showSideBySide();
}

bool MainWindow::openLessonFile(const QString& path, QString* error) {
    const auto lessons = loadLessonFile(path, error);
    if (!lessons) return false;
    m_lessonPanel->addLessons(*lessons);
    return showLesson(lessons->front().id);
}

void MainWindow::openLessonDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Lesson"), QString(),
                                                      tr("Lessons (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    QString error;
    if (!openLessonFile(path, &error)) QMessageBox::warning(this, tr("Open Lesson"), error);
}

void MainWindow::openRecordingDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Recording"), dialogStart(m_recent.files(), {}), recordingFilter());
    if (!path.isEmpty()) openRecordingOrWarn(path);
}

void MainWindow::openRecordingOrWarn(const QString& path) {
    QString error;
    if (!openRecording(path, &error)) {
        QMessageBox::warning(this, tr("Open Recording"), error);
        return;
    }
    m_runsDock->raise(); // the file's runs, where one picks them
}

void MainWindow::openRecent(const QString& path) {
    if (!QFileInfo::exists(path)) {
        m_recent.remove(path);
        fillRecentMenu();
        QMessageBox::information(
            this, tr("Open Recent"),
            tr("%1 no longer exists; it is removed from the recent recordings.").arg(path));
        return;
    }
    openRecordingOrWarn(path);
}

shm::RunGroup MainWindow::groupOf(const std::shared_ptr<const shm::RecordedRun>& run) const {
    for (const auto& [opened, group] : m_openedGroups)
        if (opened.lock() == run) return group;
    return {"run", "", ""};
}

bool MainWindow::savingRecording() const {
    return m_saver->busy();
}

bool MainWindow::saveRecording(const QString& path, const QList<int>& rows, QString* error) {
    if (m_saver->busy()) {
        *error = tr("A recording is still being saved; save again when it is written.");
        return false;
    }
    QList<int> which = rows;
    if (which.isEmpty())
        for (int row = 0; row < m_runsModel->rowCount(); ++row)
            which << row;
    QList<RecordingSaver::Run> runs;
    for (int row : which) {
        auto run = m_runsModel->run(row);
        if (!run) {
            *error = tr("No run in row %1 of the Runs list to save.").arg(row + 1);
            return false;
        }
        runs.append({run, groupOf(run)});
    }
    if (runs.isEmpty()) {
        *error = tr("No runs to save yet: every run of the session is kept in the Runs list.");
        return false;
    }
    // Absolute now: the file written, the one reported and the one in Open Recent agree even
    // if the working directory changes while it is written.
    QString file = QFileInfo(path).absoluteFilePath();
    if (QFileInfo(file).suffix() != kSuffix) file += QLatin1Char('.') + kSuffix;
    statusBar()->showMessage(
        runs.size() == 1 ? tr("Saving 1 run to %1…").arg(file)
                         : tr("Saving %1 runs to %2…").arg(QString::number(runs.size()), file));
    m_saver->save(file, std::move(runs));
    updateRecordingActions();
    return true;
}

void MainWindow::saveRecordingDialog(bool selectedOnly) {
    const QList<int> rows = selectedOnly ? selectedRunRows() : QList<int>{};
    const QString path = QFileDialog::getSaveFileName(
        this, selectedOnly ? tr("Save Selected Runs") : tr("Save Recording"),
        dialogStart(m_recent.files(), QStringLiteral("runs.shmscope")), recordingFilter());
    if (path.isEmpty()) return;
    QString error;
    if (!saveRecording(path, rows, &error)) {
        QMessageBox::warning(this, tr("Save Recording"), error);
        return;
    }
    connect(
        this, &MainWindow::recordingSaved, this,
        [this](const QString&, int, const QString& err) {
            if (!err.isEmpty()) QMessageBox::warning(this, tr("Save Recording"), err);
        },
        Qt::SingleShotConnection);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    if (firstLocalFile(e->mimeData()).isEmpty()) return QMainWindow::dragEnterEvent(e);
    e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    const QString path = firstLocalFile(e->mimeData());
    if (path.isEmpty()) return QMainWindow::dropEvent(e);
    e->acceptProposedAction();
    // After the drop returns: the drag's source (a file manager) is not held while the file is
    // read, nor by the message box of a file that is not a recording.
    QMetaObject::invokeMethod(
        this, [this, path] { openRecordingOrWarn(path); }, Qt::QueuedConnection);
}
