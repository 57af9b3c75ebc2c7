#include "gui/main_window.h"

#include "record/run_recorder.h"

#include "gui/lessons/lesson_panel.h"

#include "analysis/metrics.h"
#include "gui/common/font_coverage.h"
#include "gui/common/format.h"
#include "gui/common/gui_thread_fills.h"
#include "gui/common/run_texts.h"
#include "gui/controls_panel.h"
#include "gui/models/array_model.h"
#include "gui/models/collision_model.h"
#include "gui/models/contention_model.h"
#include "gui/models/counters_model.h"
#include "gui/models/lock_events_model.h"
#include "gui/models/progress_model.h"
#include "gui/sweep/sweep_model.h"
#include "gui/sweep/sweep_panel.h"
#include "gui/sweep/sweep_view.h"
#include "gui/view_export.h"
#include "gui/views/array_view.h"
#include "gui/views/collision_view.h"
#include "gui/views/contention_view.h"
#include "gui/views/counters_view.h"
#include "gui/views/highlight_frame.h"
#include "gui/views/pinned_bar.h"
#include "gui/views/progress_view.h"
#include "gui/views/side_by_side_view.h"
#include "gui/views/welcome_page.h"
#include "runner/run_player.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTextEdit>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstdio>

MainWindow::MainWindow(const CliOptions& options, bool persistent, QWidget* parent)
    : QMainWindow(parent), m_persistent(persistent),
      m_recent(QStringLiteral("recordings/recent"), persistent) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("ShmScope"));
    m_run.setWindowed(true);    // crowds of workers yield to the window (worker-priority auto)
    gui_thread_fills::enable(); // and the window's paints never wait for Qt's pool threads
    buildModels(options);
    buildControlsDock();
    buildLessonsTab(options);
    buildSweepTab(options);
    buildRunsTab();
    buildViews();
    buildCentral();
    buildStatusBar();
    buildMenus();
    startRecorder();
    connectControls();
    connectPages();
    applyStartSettings(options);
    startFrameTimer();
    onPhaseChanged(shm::Phase::Idle);
    qApp->installEventFilter(this);
    // The menus are in the chosen language; the lessons' titles and stories may be in any.
    QString texts;
    for (const QAction* a : menuBar()->actions())
        texts += a->text();
    for (const Lesson& l : m_lessons)
        texts += l.title + l.story;
    warnOfMissingFonts(texts);
}

void MainWindow::warnOfMissingFonts(const QString& text) {
    const QString message = font_coverage::warnOnce(text);
    if (message.isEmpty()) return;
    std::fprintf(stderr, "shmscope: %s\n", qPrintable(message));
    statusBar()->showMessage(message, 30'000);
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addTab(const QString& title, const QString& name, QWidget* panel) {
    // A tab beside Controls (the window keeps its layout at 1024x700); Controls stays in front.
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(panel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    tabifyDockWidget(m_controlsDock, dock);
    m_controlsDock->raise();
    return dock;
}

bool MainWindow::ownsForSpace(const QWidget* w) const {
    // This window and its docks (even floating), not menus, dialogs or other windows.
    for (const QWidget* p = w; p; p = p->parentWidget()) {
        if (p == this) return true;
        if (p->isWindow() && !qobject_cast<const QDockWidget*>(p)) return false;
    }
    return false;
}

bool MainWindow::eventFilter(QObject* watched, QEvent* e) {
    const auto type = e->type();
    if ((type != QEvent::ShortcutOverride && type != QEvent::KeyPress) || !watched->isWidgetType())
        return QMainWindow::eventFilter(watched, e);
    const auto* k = static_cast<QKeyEvent*>(e);
    if (k->key() != Qt::Key_Space || (k->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return QMainWindow::eventFilter(watched, e);
    auto* w = static_cast<QWidget*>(watched);
    if (!ownsForSpace(w)) return QMainWindow::eventFilter(watched, e);
    // Free text keeps its spaces (a spin box's or a non-editable combo's line edit does not).
    const QWidget* parent = w->parentWidget();
    const bool freeText =
        (qobject_cast<QLineEdit*>(w) && !qobject_cast<const QAbstractSpinBox*>(parent)) ||
        qobject_cast<QTextEdit*>(w) || qobject_cast<QPlainTextEdit*>(w);
    if (freeText) return QMainWindow::eventFilter(watched, e);
    if (type == QEvent::ShortcutOverride) {
        // Claim the key so the menu shortcut does not fire too; the key press comes here next.
        e->accept();
        return true;
    }
    if (!k->isAutoRepeat()) togglePauseOrStart();
    return true; // not the button's click, the check box's toggle or the spin box's text
}

bool MainWindow::playLesson(QString* error) {
    if (m_sweepPlayer->playing()) {
        *error = tr("A sweep is running: stop it first (Sweep tab).");
        return false;
    }
    return m_lessonPanel->play(error);
}

bool MainWindow::showLesson(const QString& id) {
    if (!m_lessonPanel->selectLesson(id)) return false;
    m_lessonDock->show();
    m_lessonDock->raise();
    return true;
}

bool MainWindow::offerLesson(const QString& id) {
    if (!showLesson(id)) return false;
    m_welcome->setLessonFirst(true);
    return true;
}

void MainWindow::fitLessonDock() {
    // The lesson's runs table side by side unclipped (figures at the story's size, --zoom
    // included), up to two fifths of the window: the views keep the rest.
    if (!m_lessonDock->isVisible() || m_lessonDock->isFloating()) return;
    const int want = std::min(m_lessonPanel->sizeHint().width() + 8, width() * 2 / 5);
    if (want > m_lessonDock->width()) resizeDocks({m_lessonDock}, {want}, Qt::Horizontal);
}

QWidget* MainWindow::viewWidget(const QString& name) {
    if (name == QLatin1String("progress")) return m_progressView;
    if (name == QLatin1String("array")) return m_dataStack; // the array, or the counters
    if (name == QLatin1String("contention")) return m_contentionView;
    if (name == QLatin1String("collisions")) return m_collisionView;
    if (name == QLatin1String("sweep")) return m_sweepView;
    if (name == QLatin1String("side")) return m_sideView;
    return this;
}

void MainWindow::setZoom(double factor) {
    m_zoom = std::clamp(factor, 0.7, 3.0);
    if (std::abs(m_zoom - 1.0) < 0.01) m_zoom = 1.0;
    QFont f = m_baseFont;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(m_baseFont.pointSizeF() * m_zoom);
    else
        f.setPixelSize(std::max(6, int(m_baseFont.pixelSize() * m_zoom + 0.5)));
    QApplication::setFont(f); // every widget without its own font, the plots through it
    // Once the font change has reached every widget: the controls need a wider dock.
    QTimer::singleShot(0, this, [this] {
        m_controls->refitWidth();
        fitProgressTable(m_controls->config().workers);
        fitLessonDock();
    });
}

void MainWindow::setAutoRefresh(bool on) {
    if (on)
        m_frameTimer.start();
    else
        m_frameTimer.stop();
}

void MainWindow::updateHighlight() {
    // While a lesson plays, and after it until another run starts: the views it names.
    const QStringList views = m_lessonHighlight && m_lessonPanel->hasLesson()
                                  ? m_lessonPanel->lesson().lookAt
                                  : QStringList();
    for (auto it = m_highlights.begin(); it != m_highlights.end(); ++it) {
        it.value()->setVisible(views.contains(it.key()));
        it.value()->raise();
    }
    // Contention and Collisions share a place: the one the lesson names comes to the front.
    if (views.contains(QLatin1String("collisions")))
        m_rightTabs->setCurrentIndex(1);
    else if (views.contains(QLatin1String("contention")))
        m_rightTabs->setCurrentIndex(0);
}

void MainWindow::showCollisions() {
    m_rightTabs->setCurrentIndex(1);
}

bool MainWindow::showCollisionsOfBin(int bin) {
    if (bin < 0 || !m_collisionModel->selectBin(uint32_t(bin))) return false;
    showCollisions();
    return true;
}

QStringList MainWindow::highlightedViews() const {
    QStringList out;
    for (auto it = m_highlights.begin(); it != m_highlights.end(); ++it)
        if (it.value()->isVisibleTo(it.value()->parentWidget())) out << it.key();
    return out;
}

bool MainWindow::startRun(QString* error) {
    const QString problem = m_controls->validationMessage();
    if (!problem.isEmpty()) {
        if (error) *error = problem;
        return false;
    }
    const shm::ExperimentConfig cfg = m_controls->config();
    if (!m_lessonPlayer->playing() && m_lessonHighlight) { // a run of the user's own
        m_lessonHighlight = false;
        updateHighlight();
    }
    // A lesson's expectations are about shmscope-worker (its runs take locks a Python worker
    // refuses): --worker-command applies to the user's own runs and sweeps.
    m_run.setWorkerCommand(m_lessonPlayer->playing() ? WorkerCommand{} : m_workerCommand);
    m_progressModel->setWorkerCommand(m_run.workerCommand().shortName(),
                                      m_run.workerCommand().text);
    QString err;
    endReplay(); // a new run is watched live
    m_progressModel->startRun(cfg.workers);
    m_contentionModel->startRun(cfg.workers);
    // The last run's mapping goes first: an unlinked segment still mapped keeps its pages in
    // /dev/shm, and the next run's space check and posix_fallocate would count them.
    m_arrayModel->clear();
    m_lockEvents->clear();
    m_collisionModel->clear();
    m_lastError.clear();
    if (!m_run.start(cfg, &err)) {
        m_progressModel->clear();
        m_contentionModel->clear();
        m_lastError = err;
        if (error) *error = err;
        updateStatus(m_run.snapshot());
        return false;
    }
    m_arrayModel->startRun(cfg);
    m_countersModel->startRun(cfg);
    m_dataStack->setCurrentWidget(cfg.workload == shm::Workload::Counters
                                      ? static_cast<QWidget*>(m_countersView)
                                      : m_arrayView);
    m_lockEvents->startRun(cfg);
    m_arrayView->startRun();
    m_contentionView->startRun(cfg);
    fitProgressTable(cfg.workers);
    // The run's first frame is the window's next one, brought forward to now, not a frame of its
    // own on top of the paced ones (as the end's: onPhaseChanged).
    if (m_frameTimer.isActive()) m_frameTimer.start(0);
    return true;
}

QWidget* MainWindow::centralPage() const {
    return m_central->currentWidget();
}

void MainWindow::fitProgressTable(uint32_t workers) {
    // Give the table the rows it needs (up to a dozen, then it scrolls); the plot the rest.
    const int total = m_leftSplit->height();
    const int rows = int(std::min<uint32_t>(workers, 12));
    const int wanted = 36 + 30 + rows * m_progressView->rowHeight() + 6;
    const int table = std::min(wanted, total * 2 / 5);
    if (total > 0) m_leftSplit->setSizes({table, total - table});
}

void MainWindow::togglePauseOrStart() {
    switch (m_run.phase()) {
    case shm::Phase::Idle:
    case shm::Phase::Finished: {
        QString err;
        if (!startRun(&err)) QMessageBox::warning(this, tr("Cannot start"), err);
        break;
    }
    case shm::Phase::Running:
        m_run.pause();
        break;
    case shm::Phase::Paused:
        m_run.resume();
        break;
    default:
        break;
    }
}

void MainWindow::onPhaseChanged(shm::Phase phase) {
    m_controls->setPhase(phase);
    // A run starting shows the run views; the sweep's results stay in front between runs only
    // when nobody is running.
    if (phase == shm::Phase::Idle)
        m_central->setCurrentWidget(m_welcome);
    else if (phase != shm::Phase::Finished || m_central->currentWidget() == m_welcome)
        m_central->setCurrentWidget(m_viewsPage);
    if (phase == shm::Phase::Finished) {
        ++m_finishedRuns;
        if (m_pinned && m_finishedRuns > m_pinnedAt) {
            const shm::RunReport& now = m_run.report();
            m_pinnedBar->showComparison(
                shm::compareFigures(shm::keyFigures(now), m_pinned->figures),
                shm::differingSettings(now.config, m_pinned->config));
        }
        if (!m_shown) { // else a kept run is on screen: its models are not the live run's
            m_arrayModel->runFinished(m_run.report());
            m_arrayView->runFinished();
            m_collisionModel->setTimeLimit(std::nullopt);
            m_collisionModel->setReport(m_run.report().collisions);
        }
        // The next frame draws the end, brought forward to now: one frame for the tick, not a
        // full frame of its own on top of the paced ones (with runs of 100 ms that extra
        // frame was a tenth of the GUI thread). Whoever drives the frames instead (tests, the
        // frame bench) draws it with their next one.
        m_contentionPending = true;
        if (!m_run.report().errors.empty())
            m_lastError = QString::fromStdString(m_run.report().errors.front());
        if (m_frameTimer.isActive()) m_frameTimer.start(0); // the tick sets the pace again
    }
    if (!m_shown) updateStatus(m_run.snapshot());
    updateTimeBar();
}

void MainWindow::refreshFrame(uint64_t budgetNs) {
    if (m_run.phase() == shm::Phase::Idle) return; // nothing to show; the status says why
    // One snapshot (and the lock events since the last one) per frame: every model sees the
    // same moment, and no view reads the controller or the segment.
    const shm::RunFrame frame = m_run.takeFrame();
    emit frameTaken(frame);
    if (m_shown) return; // a kept run is on screen: the live one goes on unseen
    ++m_frames;
    const shm::RunSnapshot& snap = frame.snapshot;
    m_lockEvents->update(frame);
    m_arrayModel->update(snap);
    m_countersModel->update(snap);
    if (snap.active() || m_contentionPending || budgetNs == 0) {
        m_progressModel->update(snap);
        m_contentionModel->update(snap);
        m_contentionView->refresh(budgetNs == 0);
        m_contentionPending = false;
        updateStatus(snap);
    }
    m_arrayView->refresh(budgetNs);
}

void MainWindow::updateStatus(const shm::RunSnapshot& snap) {
    using P = shm::Phase;
    bool suspended = false;
    for (const shm::WorkerRecord& w : snap.workers)
        suspended = suspended || w.suspended;
    m_controls->setSuspended(suspended);
    QString state;
    switch (snap.phase) {
    case P::Idle:
        state = tr("Ready — choose settings and press Start (Space)");
        break;
    case P::Starting:
        state = tr("Starting workers…");
        break;
    case P::Running:
        state = tr("Running — %1 of elements done").arg(format::percent(shm::runFraction(snap)));
        if (const std::string crash = shm::crashNote(snap); !crash.empty())
            state += QStringLiteral(" · ") + format::text(crash);
        break;
    case P::Paused:
        state = tr("Paused at %1 — Space resumes").arg(format::percent(shm::runFraction(snap)));
        break;
    case P::Stopping:
        // 10^9 elements take seconds to check: say so, and that Stop may end it.
        state = m_run.isVerifying()
                    ? tr("Verifying the array — %1 checked (Stop ends the check: not verified)")
                          .arg(format::percent(double(m_run.verifiedElements()) /
                                               double(std::max<uint64_t>(snap.config.elements, 1))))
                    : tr("Stopping…");
        break;
    case P::Finished: {
        const shm::RunReport& r = m_run.report();
        // The same verdict as the text report and the array view's caption.
        state = r.finished() ? tr("Finished — %1").arg(run_texts::verdict(r))
                             : tr("Failed: %1 — %2").arg(m_lastError, run_texts::verdict(r));
        break;
    }
    }
    if (snap.phase == P::Idle && !m_lastError.isEmpty())
        state = tr("Cannot start: %1").arg(m_lastError);
    m_stateLabel->setText(state);
    m_elapsedLabel->setText(tr("elapsed %1 s").arg(shm::elapsedSeconds(snap), 0, 'f', 2));
    m_rateLabel->setText(snap.phase == P::Paused
                             ? tr("paused")
                             : tr("total %1").arg(format::rate(shm::throughput(snap))));
    if (!m_run.segmentName().empty())
        m_segmentLabel->setText(QStringLiteral("%1 · %2%3")
                                    .arg(format::text(m_run.segmentName()),
                                         format::bytes(m_run.segmentBytes()),
                                         m_run.segmentRemoved() ? tr(" (removed)") : QString()));
    else
        m_segmentLabel->setText(tr("no segment"));
}

void MainWindow::fitToScreen() {
    const QScreen* sc = screen();
    if (!sc) return;
    const QRect avail = sc->availableGeometry();
    // What the controls need to show every setting without scrolling: the settings, the Run box
    // below them and the window around the dock (menu, dock title and tabs, status bar).
    const int chrome = menuBar()->sizeHint().height() + statusBar()->sizeHint().height() + 64;
    const QSize need(std::max(minimumSizeHint().width(), 1024),
                     m_controls->unscrolledHeight() + chrome);
    // Large enough for the controls, 1600x1000 on a big screen, and never past the screen.
    QSize size(std::min(1600, avail.width() * 9 / 10), std::min(1000, avail.height() * 9 / 10));
    size = size.expandedTo(need).boundedTo(avail.size());
    resize(size);
    move(avail.center() - QPoint(size.width() / 2, size.height() / 2));
}

void MainWindow::loadSettings() {
    if (!m_persistent) return;
    QSettings s;
    m_hasSavedGeometry = restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplit->restoreState(s.value(QStringLiteral("window/mainSplit")).toByteArray());
    m_leftSplit->restoreState(s.value(QStringLiteral("window/leftSplit")).toByteArray());
    const double zoom = s.value(QStringLiteral("window/zoom"), 1.0).toDouble();
    if (zoom != 1.0) setZoom(zoom);
    m_lessonPanel->setPauseAfterEachRun(
        s.value(QStringLiteral("lessons/pauseAfterEachRun"), true).toBool());
    const QString lesson = s.value(QStringLiteral("lessons/last")).toString();
    if (!lesson.isEmpty()) m_lessonPanel->selectLesson(lesson); // without raising its tab
}

void MainWindow::saveSettings() const {
    if (!m_persistent) return;
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/mainSplit"), m_mainSplit->saveState());
    s.setValue(QStringLiteral("window/leftSplit"), m_leftSplit->saveState());
    s.setValue(QStringLiteral("lessons/last"), m_lessonPanel->currentId());
    s.setValue(QStringLiteral("lessons/pauseAfterEachRun"), m_lessonPanel->pauseAfterEachRun());
    s.setValue(QStringLiteral("window/zoom"), m_zoom);
    const shm::ExperimentConfig cfg = m_controls->config();
    s.beginGroup(QStringLiteral("experiment"));
    for (const shm::SettingRow& row : shm::kSettings) {
        const QString key = QString::fromLatin1(row.name.data(), qsizetype(row.name.size()));
        if (row.persist)
            s.setValue(key, QString::fromStdString(shm::settingText(row, cfg)));
        else
            s.remove(key);
    }
}

void MainWindow::closeEvent(QCloseEvent* e) {
    saveSettings();
    if (m_run.isActive()) {
        // Leave no worker or segment behind: stop, and the controller kills what remains.
        m_run.stop();
    }
    e->accept();
}
