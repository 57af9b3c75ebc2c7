// The runs the window keeps and the time slider: the Runs tab, the slider bar under the views,
// and showing a kept run at any moment in every view (record/replay.h turns the run into what
// the models take, as a live frame would be).
#include "gui/main_window.h"

#include "analysis/metrics.h"
#include "gui/common/format.h"
#include "gui/common/run_texts.h"
#include "gui/controls_panel.h"
#include "gui/models/array_model.h"
#include "gui/models/collision_model.h"
#include "gui/models/contention_model.h"
#include "gui/models/counters_model.h"
#include "gui/models/lock_events_model.h"
#include "gui/models/progress_model.h"
#include "gui/models/runs_model.h"
#include "gui/views/array_view.h"
#include "gui/views/contention_view.h"
#include "gui/views/counters_view.h"
#include "record/replay.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {
constexpr double kSpeeds[] = {0.1, 0.25, 0.5, 1, 2, 5, 10};
constexpr int kPlayIntervalMs = 33;

double runSeconds(const shm::RecordedRun& r, uint64_t atNs) {
    return double(atNs - std::min(atNs, r.releaseNs)) / 1e9;
}
} // namespace

void MainWindow::buildRunsTab() {
    m_runsModel = new RunsModel(this);
    auto* panel = new QWidget;
    auto* vl = new QVBoxLayout(panel);
    vl->setContentsMargins(4, 4, 4, 4);
    auto* hint = new QLabel(tr("Every run of this session. Select one to see it again; the slider "
                               "under the views moves through it. Select 2 to 4 to compare "
                               "them side by side."));
    hint->setWordWrap(true);
    vl->addWidget(hint);
    m_runsNote = new QLabel;
    m_runsNote->setObjectName(QStringLiteral("runsNote"));
    m_runsNote->setWordWrap(true);
    m_runsNote->setVisible(false);
    vl->addWidget(m_runsNote);
    m_runsView = new QTableView;
    m_runsView->setObjectName(QStringLiteral("runsView"));
    m_runsView->setModel(m_runsModel);
    m_runsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_runsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runsView->verticalHeader()->setVisible(false);
    m_runsView->setWordWrap(false);
    m_runsView->horizontalHeader()->setSectionResizeMode(RunsModel::LabelCol,
                                                         QHeaderView::ResizeToContents);
    m_runsView->horizontalHeader()->setSectionResizeMode(RunsModel::SettingsCol,
                                                         QHeaderView::Stretch);
    m_runsView->horizontalHeader()->setSectionResizeMode(RunsModel::VerdictCol,
                                                         QHeaderView::Interactive);
    vl->addWidget(m_runsView, 1);
    buildRecordingActions(); // the Compare button and the list's context menu
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_compareButton);
    buttons->addStretch(1);
    vl->addLayout(buttons);
    m_runsDock = addTab(tr("Runs"), QStringLiteral("runsDock"), panel);
    connect(m_runsView, &QTableView::activated, this, [this](const QModelIndex& i) {
        if (const auto run = m_runsModel->run(i.row())) showRunAt(i.row(), run->endNs);
    });
    connect(m_runsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& i) {
                const auto run = m_runsModel->run(i.row());
                if (run && run != m_shown) showRunAt(i.row(), run->endNs);
            });
    connect(m_runsModel, &RunsModel::runsDropped, this, [this](int, const QString& note) {
        m_runsNote->setText(note);
        m_runsNote->setVisible(true);
        statusBar()->showMessage(note, 8000);
    });
}

QWidget* MainWindow::buildTimeBar() {
    m_timeBar = new QWidget;
    m_timeBar->setObjectName(QStringLiteral("timeBar"));
    auto* hl = new QHBoxLayout(m_timeBar);
    hl->setContentsMargins(6, 0, 6, 2);
    m_playButton = new QToolButton;
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_playButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_playButton->setToolTip(tr("Play / pause the shown run"));
    m_playButton->setAutoRaise(true);
    connect(m_playButton, &QToolButton::clicked, this,
            [this] { setReplayPlaying(!replayPlaying()); });
    m_speedBox = new QComboBox;
    m_speedBox->setObjectName(QStringLiteral("speedBox"));
    for (double s : kSpeeds)
        m_speedBox->addItem(QStringLiteral("%1×").arg(s), s);
    m_speedBox->setCurrentIndex(3);
    m_speedBox->setToolTip(tr("Replay speed (times real time)"));
    connect(m_speedBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_playSpeed = m_speedBox->itemData(i).toDouble(); });
    m_timeSlider = new QSlider(Qt::Horizontal);
    m_timeSlider->setObjectName(QStringLiteral("timeSlider"));
    m_timeSlider->setRange(0, kSliderSteps);
    m_timeSlider->setToolTip(
        tr("Moment of the shown run. Next / previous event: . and , (or Alt+Right / Alt+Left); "
           "Home / End: its start and end."));
    connect(m_timeSlider, &QSlider::valueChanged, this, [this](int v) {
        if (!m_shown) return;
        const uint64_t span = m_shown->endNs - std::min(m_shown->endNs, m_shown->releaseNs);
        showAt(m_shown, m_shown->releaseNs + uint64_t(double(span) * v / kSliderSteps + 0.5));
    });
    m_timeLabel = new QLabel;
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_timeLabel->setMinimumWidth(m_timeLabel->fontMetrics().horizontalAdvance(
        tr("t = %1 s of %2 s").arg(QStringLiteral("000.000"), QStringLiteral("000.000"))));
    hl->addWidget(m_playButton);
    hl->addWidget(m_speedBox);
    hl->addWidget(m_timeSlider, 1);
    hl->addWidget(m_timeLabel);
    m_playTimer.setInterval(kPlayIntervalMs);
    connect(&m_playTimer, &QTimer::timeout, this, &MainWindow::playTick);
    updateTimeBar();
    return m_timeBar;
}

void MainWindow::buildReplayActions(QMenu* menu) {
    menu->addSeparator();
    auto add = [&](const QString& text, QList<QKeySequence> keys, auto slot) {
        QAction* a = menu->addAction(text, this, slot);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WindowShortcut);
        m_replayActions << a;
    };
    add(tr("Play / Pause Replay"), {QKeySequence(Qt::CTRL | Qt::Key_Space)},
        [this] { setReplayPlaying(!replayPlaying()); });
    add(tr("Next Event"), {QKeySequence(Qt::Key_Period), QKeySequence(Qt::ALT | Qt::Key_Right)},
        [this] { stepEvent(+1); });
    add(tr("Previous Event"), {QKeySequence(Qt::Key_Comma), QKeySequence(Qt::ALT | Qt::Key_Left)},
        [this] { stepEvent(-1); });
    add(tr("Start of Run"), {QKeySequence(Qt::Key_Home)}, [this] { showRunEdge(false); });
    add(tr("End of Run"), {QKeySequence(Qt::Key_End)}, [this] { showRunEdge(true); });
    updateTimeBar();
}

void MainWindow::addRecordedRun(std::shared_ptr<const shm::RecordedRun> run) {
    if (!run) return;
    const shm::RecordedRun* raw = run.get();
    const int row = m_runsModel->add(std::move(run));
    // Nothing else on screen: the run just kept, at its end (what the live views showed last).
    if (!m_run.isActive() && !m_shown && row >= 0 && m_runsModel->run(row).get() == raw)
        showRunAt(row, raw->endNs);
    updateTimeBar();
}

int MainWindow::shownRun() const {
    return m_shown ? m_runsModel->rowOf(m_shown.get()) : -1;
}

void MainWindow::beginReplay(std::shared_ptr<const shm::RecordedRun> run) {
    m_shown = std::move(run);
    m_eventTimes = shm::eventTimes(*m_shown);
    const shm::ExperimentConfig& cfg = m_shown->config;
    // Controls show the shown run's settings, as they do for a lesson's run (Start runs it
    // again); not while a live run goes on unseen: its slow motion must not change.
    if (!m_run.isActive()) m_controls->setConfig(cfg);
    m_progressModel->clear();
    m_contentionModel->clear();
    m_arrayModel->startRun(cfg);
    m_countersModel->startRun(cfg);
    m_lockEvents->startRun(cfg);
    m_dataStack->setCurrentWidget(cfg.workload == shm::Workload::Counters
                                      ? static_cast<QWidget*>(m_countersView)
                                      : m_arrayView);
    m_arrayView->startRun();
    m_contentionView->startRun(cfg);
    m_central->setCurrentWidget(m_viewsPage);
    fitProgressTable(cfg.workers);
}

void MainWindow::endReplay() {
    setReplayPlaying(false);
    m_shown.reset();
    m_eventTimes.clear();
    m_runsView->selectionModel()->clear(); // selecting the same row again shows it again
    updateTimeBar();
}

bool MainWindow::showRunAt(int index, uint64_t atNs) {
    const auto run = m_runsModel->run(index);
    if (!run) return false;
    showAt(run, atNs);
    return true;
}

void MainWindow::showAt(const std::shared_ptr<const shm::RecordedRun>& run, uint64_t atNs) {
    if (run != m_shown) {
        beginReplay(run);
        // Not when the list's current row is this run already (picked there): selecting it
        // again would undo a Ctrl+click or a Shift+click that is still making its selection.
        if (const int row = shownRun(); row >= 0 && m_runsView->currentIndex().row() != row)
            m_runsView->selectRow(row);
    }
    const shm::ReplayFrame rf = shm::frameAt(run, atNs);
    const shm::RunSnapshot& snap = rf.frame.snapshot;
    m_shownAt = snap.nowNs;
    ++m_frames;
    m_lockEvents->showReplay(*run, snap);
    m_arrayModel->showFrame(snap, rf.array);
    if (snap.phase == shm::Phase::Finished) m_arrayModel->runFinished(run->report);
    // The run's lost updates as they had happened by this moment (their times count from the
    // start barrier, the recording's time base).
    m_collisionModel->setReport(run->report.collisions);
    m_collisionModel->setTimeLimit(
        snap.phase == shm::Phase::Finished
            ? std::nullopt
            : std::optional<uint64_t>(snap.nowNs - std::min(snap.nowNs, run->releaseNs)));
    m_countersModel->update(snap);
    m_progressModel->update(snap);
    m_contentionModel->update(snap);
    m_contentionView->refresh(true);
    m_arrayView->refresh(0);
    showReplayStatus(snap);
    updateTimeBar();
}

void MainWindow::showReplayStatus(const shm::RunSnapshot& snap) {
    const shm::RecordedRun& r = *m_shown;
    QString state =
        tr("Run %1 at %2 s").arg(format::text(r.label)).arg(runSeconds(r, snap.nowNs), 0, 'f', 3);
    if (snap.phase == shm::Phase::Finished)
        state += QStringLiteral(" — ") + run_texts::verdict(r.report);
    else
        state += tr(" — %1 of elements done").arg(format::percent(shm::runFraction(snap)));
    m_stateLabel->setText(state);
    m_elapsedLabel->setText(tr("elapsed %1 s").arg(shm::elapsedSeconds(snap), 0, 'f', 2));
    m_rateLabel->setText(tr("replay"));
}

void MainWindow::updateTimeBar() {
    if (!m_timeSlider) return;
    const bool replay = m_shown != nullptr;
    m_timeSlider->setEnabled(replay);
    m_playButton->setEnabled(replay);
    m_speedBox->setEnabled(replay);
    for (QAction* a : m_replayActions)
        a->setEnabled(replay);
    // Only when it changes: a new standard icon per frame filled Qt's pixmap cache (the window's
    // heap grew ~5 KB a run, tst_gui_heap).
    if (const int playing = replayPlaying(); playing != m_playIconPlaying) {
        m_playIconPlaying = playing;
        m_playButton->setIcon(
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    }
    if (!replay) {
        m_timeLabel->setText(m_run.isActive() ? tr("live") : tr("no run kept yet"));
        const QSignalBlocker block(m_timeSlider);
        m_timeSlider->setValue(m_run.isActive() ? kSliderSteps : 0);
        return;
    }
    const uint64_t span = m_shown->endNs - std::min(m_shown->endNs, m_shown->releaseNs);
    const uint64_t at = m_shownAt - std::min(m_shownAt, m_shown->releaseNs);
    const QSignalBlocker block(m_timeSlider);
    m_timeSlider->setValue(span ? int(double(at) / double(span) * kSliderSteps + 0.5)
                                : kSliderSteps);
    m_timeLabel->setText(
        tr("t = %1 s of %2 s").arg(double(at) / 1e9, 0, 'f', 3).arg(double(span) / 1e9, 0, 'f', 3));
}

void MainWindow::stepEvent(int direction) {
    if (!m_shown) return;
    setReplayPlaying(false);
    const uint64_t t = direction > 0 ? shm::nextEventAfter(m_eventTimes, m_shownAt)
                                     : shm::previousEventBefore(m_eventTimes, m_shownAt);
    showAt(m_shown, t);
}

void MainWindow::showRunEdge(bool end) {
    if (!m_shown) return;
    setReplayPlaying(false);
    showAt(m_shown, end ? m_shown->endNs : m_shown->releaseNs);
}

void MainWindow::setReplaySpeed(double speed) {
    m_playSpeed = std::clamp(speed, 0.1, 10.0);
    const auto* best =
        std::min_element(std::begin(kSpeeds), std::end(kSpeeds), [&](double a, double b) {
            return std::abs(a - m_playSpeed) < std::abs(b - m_playSpeed);
        });
    const QSignalBlocker block(m_speedBox);
    m_speedBox->setCurrentIndex(int(best - std::begin(kSpeeds)));
}

void MainWindow::setReplayPlaying(bool on) {
    if (on && m_shown) {
        if (m_shownAt >= m_shown->endNs) showAt(m_shown, m_shown->releaseNs); // again
        m_playClock.start();
        m_playTimer.start();
    } else {
        m_playTimer.stop();
    }
    updateTimeBar();
}

void MainWindow::playTick() {
    if (!m_shown) {
        setReplayPlaying(false);
        return;
    }
    const double elapsedNs = double(m_playClock.nsecsElapsed());
    m_playClock.start();
    const uint64_t t = m_shownAt + uint64_t(elapsedNs * m_playSpeed);
    showAt(m_shown, std::min(t, m_shown->endNs));
    if (m_shownAt >= m_shown->endNs) setReplayPlaying(false);
}
