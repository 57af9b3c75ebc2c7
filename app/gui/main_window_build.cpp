// How MainWindow builds itself: the models, the docks (Controls, Lessons, Sweep), the views
// and the pages in the centre, the status bar, and what connects them. The constructor calls
// these in turn.
#include "gui/main_window.h"

#include "gui/common/format.h"
#include "gui/common/layout_firewall.h"
#include "gui/controls_panel.h"
#include "gui/lessons/lesson_panel.h"
#include "gui/models/array_model.h"
#include "gui/models/collision_model.h"
#include "gui/models/contention_model.h"
#include "gui/models/counters_model.h"
#include "gui/models/lock_events_model.h"
#include "gui/models/progress_model.h"
#include "gui/sweep/sweep_model.h"
#include "gui/sweep/sweep_panel.h"
#include "gui/sweep/sweep_view.h"
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

#include <QApplication>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QVBoxLayout>

namespace {
// A moment between runs so the end of each can be seen: longer for a lesson, whose runs are
// watched and compared, than for a sweep, which measures.
constexpr int kLessonPauseMs = 800;
constexpr int kSweepPauseMs = 150;
} // namespace

void MainWindow::buildModels(const CliOptions& options) {
    m_run.setKeepEvents(true);
    m_workerCommand = options.workerCommand;
    m_run.setMpiArgs(options.mpiArgs);
    m_progressModel = new ProgressModel(this);
    m_contentionModel = new ContentionModel(this);
    m_arrayModel = new ArrayModel(this);
    m_countersModel = new CountersModel(this);
    m_lockEvents = new LockEventsModel(this);
    m_collisionModel = new CollisionModel(this);
    m_baseFont = QApplication::font();
}

void MainWindow::buildControlsDock() {
    m_controls = new ControlsPanel;
    auto* dock = new QDockWidget(tr("Controls"), this);
    dock->setObjectName(QStringLiteral("controlsDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_controls);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_controlsDock = dock;
}

RunPlayer* MainWindow::makePlayer(int pauseMs) {
    // Its runs play through the window's controller like any other run: each shows its
    // settings in Controls first and is watched live.
    auto* player = new RunPlayer(m_run, this);
    player->setPauseMs(pauseMs);
    player->setStarter([this](const shm::ExperimentConfig& cfg, QString* err) {
        m_controls->setConfig(cfg);
        return startRun(err);
    });
    return player;
}

void MainWindow::buildLessonsTab(const CliOptions& options) {
    // Lessons: a tab beside Controls, so the window keeps its layout at 1024x700.
    m_lessonPlayer = makePlayer(kLessonPauseMs);
    QString err; // --lesson-file is checked before the window opens (gui_main)
    const auto all = allLessons(options.lessonFile, &err);
    m_lessons = all ? *all : builtInLessons();
    m_lessonPanel = new LessonPanel(*m_lessonPlayer, m_lessons);
    m_lessonDock = addTab(tr("Lessons"), QStringLiteral("lessonsDock"), m_lessonPanel);
    connect(m_lessonPanel, &LessonPanel::runRequested, this,
            [this] { startOrWarn(&MainWindow::playLesson, tr("Cannot start the lesson")); });
    connect(m_lessonPanel, &LessonPanel::stopRequested, m_lessonPlayer, &RunPlayer::stop);
    connect(m_lessonPlayer, &RunPlayer::changed, this, [this] {
        if (m_lessonPlayer->playing()) m_lessonHighlight = true;
        updateHighlight();
    });
    // A teacher looks at each run as long as needed (Next run goes on); batch renders and
    // tests play through unless they ask.
    m_lessonPanel->setPauseAfterEachRun(m_persistent);
    m_sideModel = new SideBySideModel(this);
    connectLessonRuns();
}

void MainWindow::connectLessonRuns() {
    connect(m_lessonPlayer, &RunPlayer::runStarted, this, [this](int index) {
        // A lesson played again: the last one's runs (and their mappings) go.
        if (index == 0) {
            m_lessonRuns.clear();
            m_sideModel->clear();
        }
    });
    connect(m_lessonPlayer, &RunPlayer::runFinished, this, [this](const FinishedRun& run) {
        refreshFrame(0); // the run's last lock events in m_lockEvents
        // Its recording follows from the recorder's thread (then the side view can scrub it).
        m_lessonRuns.append({run.label, run.report, run.final, m_lockEvents->state(), nullptr,
                             m_recordedRuns ? m_recordLabel : QString()});
        QTimer::singleShot(0, this, &MainWindow::fitLessonDock); // once its table row is laid out
    });
    // The lesson ends on its runs side by side, in the view it says to look at.
    connect(m_lessonPlayer, &RunPlayer::finished, this, [this] {
        m_sideModel->setRuns(m_lessonRuns);
        m_lessonRuns.clear();
        QString view = QStringLiteral("array");
        for (const QString& v : m_lessonPanel->lesson().lookAt)
            if (SideBySideView::viewNames().contains(v)) {
                view = v;
                break;
            }
        m_sideView->setView(view);
        showSideBySide();
        fitLessonDock();
    });
    connect(m_lessonPlayer, &RunPlayer::stopped, this, [this] { m_lessonRuns.clear(); });
}

void MainWindow::showRunPage() {
    m_central->setCurrentWidget(m_run.phase() == shm::Phase::Idle ? static_cast<QWidget*>(m_welcome)
                                                                  : m_viewsPage);
}

bool MainWindow::showSideBySide() {
    if (m_sideModel->count() == 0 || m_central->indexOf(m_sideView) < 0) return false;
    m_central->setCurrentWidget(m_sideView);
    return true;
}

void MainWindow::startOrWarn(bool (MainWindow::*start)(QString*), const QString& title) {
    QString err;
    if (!(this->*start)(&err) && !err.isEmpty()) QMessageBox::warning(this, title, err);
}

void MainWindow::buildSweepTab(const CliOptions& options) {
    // Sweeps: a third tab; their runs play through the window like a lesson's, then the Sweep
    // view (speedup, fits, the points table) comes to the front.
    m_sweepPlayer = makePlayer(kSweepPauseMs);
    m_sweepPlayer->setGoOnAfterFailedStart(true); // a point that cannot start is a failed run
    m_sweepModel = new SweepModel(this);
    m_sweepPanel = new SweepPanel(*m_sweepPlayer, m_sweep);
    if (!options.sweepAxes.empty()) m_sweepPanel->setAxes(options.sweepAxes, options.repeat);
    m_sweepDock = addTab(tr("Sweep"), QStringLiteral("sweepDock"), m_sweepPanel);
    connect(m_sweepPanel, &SweepPanel::runRequested, this,
            [this] { startOrWarn(&MainWindow::startSweep, tr("Cannot start the sweep")); });
    connect(m_sweepPanel, &SweepPanel::stopRequested, m_sweepPlayer, &RunPlayer::stop);
    connect(m_sweepPanel, &SweepPanel::resultsRequested, this, &MainWindow::showSweepResults);
    connect(m_sweepPanel, &SweepPanel::exportRequested, this, &MainWindow::exportSweepCsv);
    connect(m_sweepPlayer, &RunPlayer::runFinished, this,
            [this](const FinishedRun& run) { m_sweep.add(run); });
    connect(m_sweepPlayer, &RunPlayer::runFailed, this,
            [this](int index, const QString&, const QString& error) {
                m_sweep.addFailedStart(index, error, SHMSCOPE_VERSION);
            });
    connect(m_sweepPlayer, &RunPlayer::changed, this, [this] {
        m_sweepModel->setSummary(m_sweep.summary());
        // Fewer frames while a sweep measures: the live views would take CPU from its runs.
        m_pacer.setBase(m_sweepPlayer->playing() ? kSweepFrameIntervalMs : kFrameIntervalMs);
        m_frameTimer.setInterval(m_pacer.intervalMs());
    });
    // Stopped or played to the end: what was measured comes to the front.
    connect(m_sweepPlayer, &RunPlayer::finished, this, &MainWindow::showSweepResults);
    connect(m_sweepPlayer, &RunPlayer::stopped, this, &MainWindow::showSweepResults);
}

void MainWindow::buildViews() {
    m_progressView = new ProgressView(m_progressModel);
    m_arrayView = new ArrayView(m_arrayModel);
    m_countersView = new CountersView(m_countersModel);
    m_dataStack = new QStackedWidget;
    m_dataStack->addWidget(m_arrayView);
    m_dataStack->addWidget(m_countersView);
    m_contentionView = new ContentionView(m_contentionModel, m_lockEvents);
    m_leftSplit = new QSplitter(Qt::Vertical);
    m_leftSplit->setChildrenCollapsible(false);
    m_leftSplit->addWidget(m_progressView);
    m_leftSplit->addWidget(m_dataStack);
    m_leftSplit->setStretchFactor(0, 2);
    m_leftSplit->setStretchFactor(1, 5);
    m_mainSplit = new QSplitter(Qt::Horizontal);
    m_mainSplit->setChildrenCollapsible(false);
    m_mainSplit->addWidget(m_leftSplit);
    // Collisions share the right-hand side with Contention: a lost update is looked at beside
    // the array whose hatched bins pick it, and the window keeps its layout at 1024x700.
    m_collisionView = new CollisionView(m_collisionModel);
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    m_rightTabs = new QTabBar;
    m_rightTabs->setObjectName(QStringLiteral("rightTabs"));
    m_rightTabs->setDocumentMode(true);
    m_rightTabs->setExpanding(false);
    m_rightTabs->addTab(tr("Contention"));
    m_rightTabs->setTabToolTip(0, tr("Lock contention: waits, holds, the lock timeline"));
    m_rightTabs->addTab(tr("Collisions"));
    m_rightTabs->setTabToolTip(
        1, tr("A lost update up close: the workers' reads and writes of one bin, step by step "
              "(Ctrl+Shift+K)"));
    auto* rightStack = new QStackedWidget;
    rightStack->addWidget(m_contentionView);
    rightStack->addWidget(m_collisionView);
    connect(m_rightTabs, &QTabBar::currentChanged, rightStack, &QStackedWidget::setCurrentIndex);
    rightLayout->addWidget(m_rightTabs);
    rightLayout->addWidget(rightStack, 1);
    m_mainSplit->addWidget(right);
    connect(m_arrayView, &ArrayView::binClicked, this, [this](int bin) {
        if (!showCollisionsOfBin(bin))
            statusBar()->showMessage(tr("No lost update of bin %1 is listed.").arg(bin), 5000);
    });
    m_mainSplit->setStretchFactor(0, 1);
    m_mainSplit->setStretchFactor(1, 1);
    m_mainSplit->setSizes({5800, 4200});
}

void MainWindow::buildCentral() {
    // Before the first run (and after Reset) the views have nothing to show: the welcome page
    // says what they will show and how to begin.
    m_welcome = new WelcomePage;
    m_central = new QStackedWidget;
    m_central->addWidget(m_welcome);
    m_viewsPage = new QWidget;
    auto* vl = new QVBoxLayout(m_viewsPage);
    vl->setContentsMargins(0, 0, 0, 0);
    vl->setSpacing(2);
    m_pinnedBar = new PinnedBar(m_viewsPage);
    vl->addWidget(m_pinnedBar);
    vl->addWidget(m_mainSplit, 1);
    vl->addWidget(buildTimeBar());
    m_central->addWidget(m_viewsPage);
    connect(m_pinnedBar, &PinnedBar::unpinRequested, this, &MainWindow::unpinRun);
    m_sweepView = new SweepView(m_sweepModel);
    m_central->addWidget(m_sweepView);
    m_sideView = new SideBySideView(m_sideModel);
    m_central->addWidget(m_sideView);
    connect(m_sweepView, &SweepView::backRequested, this, &MainWindow::showRunPage);
    connect(m_sideView, &SideBySideView::backRequested, this, &MainWindow::showRunPage);
    setCentralWidget(new LayoutFirewall(m_central));
    for (const char* name : {"progress", "array", "contention", "collisions"})
        m_highlights.insert(QLatin1String(name),
                            new HighlightFrame(viewWidget(QLatin1String(name))));
}

void MainWindow::buildStatusBar() {
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    // A long state or error message is clipped, never widens the window past its size.
    m_stateLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_elapsedLabel = new QLabel(this);
    m_elapsedLabel->setObjectName(QStringLiteral("elapsedLabel"));
    m_rateLabel = new QLabel(this);
    m_rateLabel->setObjectName(QStringLiteral("rateLabel"));
    m_segmentLabel = new QLabel(this);
    m_segmentLabel->setObjectName(QStringLiteral("segmentLabel"));
    m_stateLabel->setToolTip(tr("Run state."));
    m_elapsedLabel->setToolTip(tr("Time since the workers passed the start barrier."));
    m_rateLabel->setToolTip(tr("Elements per second, all workers together."));
    m_segmentLabel->setToolTip(tr("Shared-memory segment: /dev/shm/<name> and its size."));
    // One line behind a LayoutFirewall: the texts change every frame, and each change relaid
    // out the status bar and with it the main window, its docks included (~0.3 ms a frame).
    auto* line = new QWidget;
    auto* h = new QHBoxLayout(line);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(12);
    h->addWidget(m_stateLabel, 1);
    for (QLabel* l : {m_elapsedLabel, m_rateLabel, m_segmentLabel})
        h->addWidget(l);
    statusBar()->addWidget(new LayoutFirewall(line), 1);
}

void MainWindow::connectControls() {
    connect(m_controls, &ControlsPanel::startRequested, this, [this] {
        QString err;
        if (!startRun(&err)) QMessageBox::warning(this, tr("Cannot start"), err);
    });
    connect(m_controls, &ControlsPanel::pauseResumeRequested, this, [this] {
        if (m_run.phase() == shm::Phase::Paused)
            m_run.resume();
        else
            m_run.pause();
    });
    connect(m_controls, &ControlsPanel::stopRequested, &m_run, &RunController::stop);
    connect(m_controls, &ControlsPanel::resetRequested, this, &MainWindow::resetRun);
    connect(m_controls, &ControlsPanel::killRequested, &m_run, &RunController::killWorker);
    connect(m_controls, &ControlsPanel::delayChanged, &m_run, &RunController::setDelayUs);
    connect(m_controls, &ControlsPanel::continueRequested, &m_run, &RunController::continueWorkers);
    connect(m_controls, &ControlsPanel::pinRequested, this, &MainWindow::pinRun);
    connect(&m_run, &RunController::phaseChanged, this, &MainWindow::onPhaseChanged);
    connect(&m_run, &RunController::verifying, m_controls,
            [this] { m_controls->setVerifying(true); });
    connect(m_controls, &ControlsPanel::configChanged, this,
            [this] { m_welcome->setRunSummary(format::configSummary(m_controls->config())); });
}

void MainWindow::resetRun() {
    endReplay();
    m_lastError.clear(); // before reset(): its phase change updates the status bar
    m_run.reset();
    m_progressModel->clear();
    m_contentionModel->clear();
    m_arrayModel->clear();
    m_countersModel->clear();
    m_lockEvents->clear();
    m_arrayView->clear();
    m_contentionView->clear();
    m_collisionModel->clear();
    m_lastError.clear();
    refreshFrame(0);
}

void MainWindow::connectPages() {
    connect(m_welcome, &WelcomePage::startRequested, this, &MainWindow::togglePauseOrStart);
    connect(m_welcome, &WelcomePage::lessonsRequested, this, [this] {
        showLesson(m_lessonPanel->currentId());
        m_lessonPanel->setFocus();
    });
    connect(m_lessonPanel, &LessonPanel::lessonSelected, this, [this](const QString& id) {
        m_lessonHighlight = false; // until this lesson plays
        updateHighlight();
        for (const Lesson& l : m_lessons)
            if (l.id == id)
                m_welcome->setLesson(l.title, int(m_lessons.size()), int(l.runs.size()));
    });
    connect(m_welcome, &WelcomePage::runLessonRequested, this,
            [this] { startOrWarn(&MainWindow::playLesson, tr("Cannot start the lesson")); });
}

void MainWindow::applyStartSettings(const CliOptions& options) {
    // The window's first run lasts long enough to watch (slow motion); a batch render keeps the
    // headless defaults unless it shows the first window itself (--no-run).
    shm::ExperimentConfig cfg =
        m_persistent || options.noRun ? shm::windowDefaults() : shm::ExperimentConfig{};
    if (m_persistent) {
        QSettings s;
        s.beginGroup(QStringLiteral("experiment"));
        for (const shm::SettingRow& row : shm::kSettings) {
            const QString key = QString::fromLatin1(row.name.data(), qsizetype(row.name.size()));
            if (s.contains(key))
                (void)shm::applySetting(cfg, row, s.value(key).toString().toStdString());
        }
        if (shm::validate(cfg)) cfg = {};
    }
    // Flags win over what was saved, as they win over a lesson's settings headless.
    cfg = applyGivenSettings(cfg, options.settingsGiven, options.config);
    m_controls->setConfig(cfg);
    m_welcome->setRunSummary(format::configSummary(cfg));
    if (!m_lessons.isEmpty())
        m_welcome->setLesson(m_lessons.front().title, int(m_lessons.size()),
                             int(m_lessons.front().runs.size()));
    loadSettings();
}

void MainWindow::startFrameTimer() {
    m_frameTimer.setInterval(kFrameIntervalMs);
    connect(&m_frameTimer, &QTimer::timeout, this, [this] {
        // Paced only while a run is live; an idle window draws nothing anyway.
        if (m_run.isActive()) {
            m_frameTimer.setInterval(m_pacer.tick());
        } else {
            m_pacer.reset();
            m_frameTimer.setInterval(m_pacer.intervalMs());
        }
        refreshFrame(kFrameBudgetNs);
    });
    m_frameTimer.start();
}
