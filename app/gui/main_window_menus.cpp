// MainWindow's menus and what only they reach: exporting a view, the About box.
#include "gui/main_window.h"

#include "cli/language.h"

#include "gui/lessons/lesson_panel.h"
#include "gui/machine_dialog.h"
#include "gui/sweep/sweep_view.h"
#include "gui/view_export.h"
#include "gui/views/array_view.h"
#include "gui/views/collision_view.h"
#include "gui/views/side_by_side_view.h"
#include "runner/machine_once.h"
#include "runner/run_player.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStackedWidget>

void MainWindow::buildMenus() {
    buildFileMenu();
    buildRunMenu();
    buildViewMenu();
    buildLessonsMenu();
    buildHelpMenu();
}

void MainWindow::buildFileMenu() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    addRecordingActions(file);
    file->addAction(tr("Open &Lesson…"), this, &MainWindow::openLessonDialog);
    QAction* exportWindow = file->addAction(tr("&Export Window…"), this,
                                            [this] { exportView(QStringLiteral("window")); });
    exportWindow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("Export &Progress View…"), this,
                    [this] { exportView(QStringLiteral("progress")); });
    file->addAction(tr("Export &Array Plot…"), this,
                    [this] { exportView(QStringLiteral("array")); });
    file->addAction(tr("Export &Contention View…"), this,
                    [this] { exportView(QStringLiteral("contention")); });
    file->addAction(tr("Export C&ollision View…"), this,
                    [this] { exportView(QStringLiteral("collisions")); });
    file->addAction(tr("Export &Sweep View…"), this,
                    [this] { exportView(QStringLiteral("sweep")); });
    file->addAction(tr("Export Sweep &Points (CSV)…"), this, &MainWindow::exportSweepCsv);
    // The finished run's figures as files (as --csv, --array-csv and --trace write them).
    QMenu* resultFiles = file->addMenu(tr("Export &Results"));
    resultFiles->addAction(tr("&Workers Table (CSV)…"), this,
                           [this] { exportResults(ResultFile::WorkersCsv); });
    resultFiles->addAction(tr("&Array (CSV)…"), this,
                           [this] { exportResults(ResultFile::ArrayCsv); });
    resultFiles->addAction(tr("&Lock Events (CSV)…"), this,
                           [this] { exportResults(ResultFile::LockEventsCsv); });
    QAction* trace = resultFiles->addAction(tr("&Trace for Perfetto (JSON)…"), this,
                                            [this] { exportResults(ResultFile::Trace); });
    trace->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
}

void MainWindow::buildRunMenu() {
    QMenu* run = menuBar()->addMenu(tr("&Run"));
    QAction* startPause =
        run->addAction(tr("Start / Pause / Resume"), this, &MainWindow::togglePauseOrStart);
    startPause->setShortcut(QKeySequence(Qt::Key_Space));
    QAction* stop = run->addAction(tr("Stop"), &m_run, &RunController::stop);
    stop->setShortcut(QKeySequence(Qt::Key_Escape));
    run->addAction(tr("Reset Zoom"), m_arrayView, &ArrayView::resetZoom);
    run->addSeparator();
    QAction* pin = run->addAction(tr("&Pin This Run (A/B)"), this, &MainWindow::pinRun);
    pin->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    run->addAction(tr("&Unpin"), this, &MainWindow::unpinRun);
    buildReplayActions(run);
}

void MainWindow::buildViewMenu() {
    // Presentation mode, for a projector: Ctrl+= / Ctrl+- / Ctrl+0 as in browsers.
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* larger = view->addAction(tr("&Larger Text"), this, [this] { setZoom(m_zoom * 1.2); });
    larger->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    QAction* smaller =
        view->addAction(tr("&Smaller Text"), this, [this] { setZoom(m_zoom / 1.2); });
    smaller->setShortcut(QKeySequence::ZoomOut);
    QAction* normal = view->addAction(tr("&Normal Size"), this, [this] { setZoom(1.0); });
    normal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    QAction* collisions = view->addAction(tr("&Collisions Up Close"), this, [this] {
        showRunPage();
        showCollisions();
        m_collisionView->canvas()->setFocus(); // ← / → step at once
    });
    collisions->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    collisions->setToolTip(
        tr("A lost update up close: the Collisions tab beside Contention (Ctrl+Shift+K)"));
    QAction* results = view->addAction(tr("S&weep Results"), this, [this] {
        if (m_central->currentWidget() == m_sweepView)
            emit m_sweepView->backRequested();
        else if (!showSweepResults())
            m_sweepDock->raise();
    });
    results->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    view->addAction(m_sweepDock->toggleViewAction());
    // A lesson's runs side by side (the page a lesson ends on); again: back to the run.
    QAction* side = view->addAction(tr("Side &by Side"), this, [this] {
        if (m_central->currentWidget() == m_sideView)
            showRunPage();
        else if (!showSideBySide())
            QMessageBox::information(this, tr("Side by side"),
                                     tr("No runs to compare yet: play a lesson (Lessons tab); it "
                                        "ends on its runs side by side."));
    });
    side->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    side->setToolTip(tr("The last lesson's runs side by side (Ctrl+Shift+B)"));
    view->addSeparator();
    buildLanguageMenu(view);
}

void MainWindow::buildLanguageMenu(QMenu* view) {
    // Each language by its own name: someone who cannot read the current one finds theirs.
    QMenu* menu = view->addMenu(tr("Lan&guage"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(menu);
    for (const QString& lang : language::available()) {
        QAction* a = menu->addAction(language::nativeName(lang), this,
                                     [this, lang] { chooseLanguage(lang); });
        a->setObjectName(QStringLiteral("language-") + lang);
        a->setCheckable(true);
        a->setChecked(lang == language::current());
        group->addAction(a);
    }
}

void MainWindow::chooseLanguage(const QString& lang) {
    if (m_persistent) QSettings().setValue(QLatin1String(language::kSettingsKey), lang);
    if (lang == language::current()) return;
    // Every widget took its texts when it was built: another language needs a new window.
    const auto answer = QMessageBox::question(
        this, tr("Language"),
        tr("ShmScope speaks %1 from its next start. Restart now? (A run going on is stopped.)")
            .arg(language::nativeName(lang)));
    if (answer != QMessageBox::Yes) return;
    // The same arguments, in the chosen language (a --lang given before would win over it).
    const QStringList args = language::withoutLanguageFlag(QCoreApplication::arguments().mid(1))
                             << QStringLiteral("--lang") << lang;
    // Started first: when that fails, this window stays and says so.
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), args)) {
        QMessageBox::warning(this, tr("Language"),
                             tr("Could not start %1 again: restart ShmScope yourself.")
                                 .arg(QCoreApplication::applicationFilePath()));
        return;
    }
    close();
}

void MainWindow::buildLessonsMenu() {
    QMenu* lessons = menuBar()->addMenu(tr("&Lessons"));
    QAction* runLesson = lessons->addAction(tr("&Run / Stop Lesson"), this, [this] {
        m_lessonDock->raise();
        if (m_lessonPlayer->playing())
            m_lessonPlayer->stop();
        else if (m_lessonPanel->hasLesson())
            emit m_lessonPanel->runRequested();
    });
    runLesson->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction* prev =
        lessons->addAction(tr("&Previous Lesson"), m_lessonPanel, &LessonPanel::previous);
    prev->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    QAction* next = lessons->addAction(tr("&Next Lesson"), m_lessonPanel, &LessonPanel::next);
    next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    // Pause after each run: N starts the next one (a text field keeps its N).
    QAction* nextRun = lessons->addAction(tr("Next R&un"), m_lessonPanel, &LessonPanel::nextRun);
    nextRun->setShortcut(QKeySequence(Qt::Key_N));
    lessons->addSeparator();
    lessons->addAction(tr("Rehearse &All…"), this, [this] { askRehearsal(true); });
    lessons->addAction(tr("Rehearse &This Lesson…"), this, [this] { askRehearsal(false); });
    lessons->addSeparator();
    int n = 0;
    for (const Lesson& l : m_lessons)
        lessons->addAction(QStringLiteral("&%1 %2").arg(QString::number(++n, 36), l.title), this,
                           [this, id = l.id] { showLesson(id); });
    lessons->addSeparator();
    lessons->addAction(m_lessonDock->toggleViewAction());
}

void MainWindow::buildHelpMenu() {
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("About This &Machine…"), this, &MainWindow::showAboutMachine);
    help->addAction(tr("&About ShmScope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::exportView(const QString& view) {
    const QString png = tr("PNG image (*.png)"), svg = tr("SVG drawing, text as text (*.svg)"),
                  pdf = tr("PDF document (*.pdf)");
    QString filter = png;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export %1").arg(view), QStringLiteral("shmscope-%1.png").arg(view),
        png + QStringLiteral(";;") + svg + QStringLiteral(";;") + pdf, &filter);
    if (path.isEmpty()) return;
    // The chosen format wins: a name without a suffix gets its suffix, and so does the
    // suggested "….png" kept while choosing SVG or PDF.
    const QString suffix = filter == svg   ? QStringLiteral(".svg")
                           : filter == pdf ? QStringLiteral(".pdf")
                                           : QStringLiteral(".png");
    if (view_export::isSupported(path)) path.chop(4);
    path += suffix;
    QString err;
    if (!view_export::save(viewWidget(view),
                           view == QLatin1String("array") ? m_arrayView->plot() : nullptr, path, {},
                           &err))
        QMessageBox::warning(this, tr("Export failed"), err);
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About ShmScope"),
        tr("<h3>ShmScope %1</h3><p>Watch worker processes share one POSIX shared-memory array: "
           "who writes where, how fast, and what the lock costs.</p><p>Workers are separate "
           "<code>shmscope-worker</code> processes; the window only reads what they publish and "
           "never takes their lock.</p><p>Qt %2 · QCustomPlot 2.1</p>")
            .arg(QStringLiteral(SHMSCOPE_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::showAboutMachine() {
    if (!m_machineDialog)
        m_machineDialog = new MachineDialog([this] { return m_run.isActive(); }, this);
    else if (!m_machineDialog->measuring())
        m_machineDialog->showFigures(machine_once::known()); // a run may have probed since
    m_machineDialog->show();
    m_machineDialog->raise();
    m_machineDialog->activateWindow();
}
