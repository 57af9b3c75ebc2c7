#pragma once
// The ShmScope window: controls dock on the left, worker table, array plot and lock-contention
// view in the centre, status bar below. One 30 Hz timer drives every view from one snapshot.
#include "cli/cli_options.h"
#include "cli/compare_with.h"
#include "gui/frame_pacer.h"
#include "gui/models/side_by_side_model.h"
#include "gui/recent_files.h"
#include "lessons/lesson.h"
#include "record/recorded_run.h"
#include "runner/run_controller.h"
#include "runner/sweep_tally.h"

#include <QFont>
#include <QMainWindow>
#include <QMap>

#include <QElapsedTimer>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

class ArrayModel;
class ArrayView;
class CollisionModel;
class CollisionView;
class ContentionModel;
class ContentionView;
class ControlsPanel;
class CountersModel;
class CountersView;
class HighlightFrame;
class LessonPanel;
class MachineDialog;
class RehearsalDialog;
class PinnedBar;
class SweepModel;
class SweepPanel;
class SweepView;
class LockEventsModel;
class QDockWidget;
class QPushButton;
class RecordingSaver;
class ProgressModel;
class ProgressView;
class QLabel;
class QMenu;
class QSlider;
class QComboBox;
class QTableView;
class QTabBar;
class QToolButton;
class RunsModel;
class RunPlayer;
class QSplitter;
class QStackedWidget;
class SideBySideModel;
class SideBySideView;
class WelcomePage;

namespace shm {
class RunRecorder;
}

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    // persistent: load/save QSettings (never in tests, screenshots or benchmarks, so earlier
    // sessions cannot leak in). Settings given on the command line override saved ones.
    explicit MainWindow(const CliOptions& options, bool persistent, QWidget* parent = nullptr);
    ~MainWindow() override;

    RunController& controller() { return m_run; }
    ControlsPanel* controls() const { return m_controls; }
    ProgressModel* progressModel() const { return m_progressModel; }
    ContentionModel* contentionModel() const { return m_contentionModel; }
    ArrayModel* arrayModel() const { return m_arrayModel; }
    LockEventsModel* lockEventsModel() const { return m_lockEvents; }
    ArrayView* arrayView() const { return m_arrayView; }
    ContentionView* contentionView() const { return m_contentionView; }
    ProgressView* progressView() const { return m_progressView; }
    CollisionModel* collisionModel() const { return m_collisionModel; }
    CollisionView* collisionView() const { return m_collisionView; }
    // The Collisions tab in front (beside Contention); with a bin, its first lost update
    // picked (false when the list has none on that bin).
    void showCollisions();
    bool showCollisionsOfBin(int bin);
    // The lesson's and the sweep's runs play through m_run, each list by its own player.
    RunPlayer* lessonPlayer() const { return m_lessonPlayer; }
    LessonPanel* lessonPanel() const { return m_lessonPanel; }
    RunPlayer* sweepPlayer() const { return m_sweepPlayer; }
    // The sweep played last (or playing): its plan, and its summary so far.
    const SweepTally& sweepTally() const { return m_sweep; }
    SweepPanel* sweepPanel() const { return m_sweepPanel; }
    SweepView* sweepView() const { return m_sweepView; }
    // Every run of the session, kept (the Runs tab): the recorder hands each finished run in.
    // When no run is live and none is being replayed, the new run is shown at its end.
    void addRecordedRun(std::shared_ptr<const shm::RecordedRun> run);
    RunsModel* runsModel() const { return m_runsModel; }
    // A recording file (--open, a lone FILE argument): its runs into the Runs list, the first
    // shown at its end, and (two or more) side by side. False and *error (one line naming the
    // file) when it cannot be read.
    bool openRecording(const QString& path, QString* error);
    // The recorded runs' columns in the side-by-side view (the first four), each as it ended.
    void setSideRuns(const QList<std::shared_ptr<const shm::RecordedRun>>& runs);
    // File > Save Recording: the kept runs in `rows` of the Runs list (every row when empty)
    // written to path (".shmscope" appended when it has another or no suffix) off the GUI
    // thread; recordingSaved follows. False with *error at once when a row is not kept or
    // another save is under way. A save that ends well puts the file first in Open Recent.
    bool saveRecording(const QString& path, const QList<int>& rows, QString* error);
    bool savingRecording() const;
    // File > Open Recent: recordings opened or saved, newest first.
    QStringList recentRecordings() const { return m_recent.files(); }
    // The Runs list's selected rows, in order.
    QList<int> selectedRunRows() const;
    // The kept runs in `rows` (2 to 4) side by side, that page in front; false otherwise.
    bool compareRuns(const QList<int>& rows);
    // Compare Side by Side (the Runs tab's button and context menu): the selected rows.
    QAction* compareRunsAction() const { return m_compareAction; }
    // The Runs list's row of the run labelled `label` (the first run when empty); -1: none.
    int recordedRunRow(const QString& label) const;
    // Shows the kept run in row `index` as it was at atNs (CLOCK_MONOTONIC, clamped to the
    // run) in every view, the time slider there; false when there is no such row. The live run
    // (if any) goes on unseen until the next run starts. One call is one whole redraw.
    bool showRunAt(int index, uint64_t atNs);
    // The row shown (-1: the live run), and the moment shown.
    int shownRun() const;
    uint64_t shownAtNs() const { return m_shownAt; }
    // The shown run's next / previous event (lock acquisition, mark); its start or end.
    void stepEvent(int direction);
    void showRunEdge(bool end);
    // Plays the shown run from the moment shown at `speed` times real time (0.1 to 10).
    void setReplayPlaying(bool on);
    bool replayPlaying() const { return m_playTimer.isActive(); }
    void setReplaySpeed(double speed);
    QSlider* timeSlider() const { return m_timeSlider; }
    QLabel* timeLabel() const { return m_timeLabel; }
    QTableView* runsView() const { return m_runsView; }
    // A/B: keeps the finished run's report; later runs are shown beside it. false: no run.
    bool pinRun();
    // Pins a run from elsewhere (--compare-with REPORT.json), named `what`.
    void pin(const PinnedRun& run, const QString& what);
    void unpinRun();
    PinnedBar* pinnedBar() const { return m_pinnedBar; }
    // Starts the sweep the Sweep panel describes over the settings in Controls.
    bool startSweep(QString* error);
    // The sweep's results in front (false while there are none).
    bool showSweepResults();
    // The runs side by side (a page of the centre): a lesson ends on it with one column per run.
    SideBySideView* sideView() const { return m_sideView; }
    SideBySideModel* sideModel() const { return m_sideModel; }
    // Brings the side-by-side view to the front (false while it has no runs).
    bool showSideBySide();
    // Selects a lesson in the Lessons panel and brings the panel to the front.
    bool showLesson(const QString& id);
    // File > Open Lesson: the file's lessons join the Lessons panel (one with a listed
    // lesson's id replaces it), the first one selected. False with loadLessonFile's one line.
    bool openLessonFile(const QString& path, QString* error);
    // shmscope --lesson ID in the window: the lesson shown, and the welcome page's main button
    // runs it ("Run lesson: …"). False if there is no such lesson.
    bool offerLesson(const QString& id);
    WelcomePage* welcomePage() const { return m_welcome; }
    // Widens the Lessons dock to its runs table (see LessonPanel::sizeHint), never narrows it.
    void fitLessonDock();
    // Plays the lesson the Lessons panel shows (not while a sweep runs); false with *error
    // when it could not start.
    bool playLesson(QString* error);
    // Lessons > Rehearse All (all) / Rehearse This Lesson: plays the Lessons panel's lessons
    // (or the one it shows) `count` times each in the rehearsal dialog, shown non-modal to the
    // program; false with *error when something is running or a rehearsal is under way. The
    // menu asks for the count (QInputDialog) and calls this.
    bool rehearseLessons(bool all, int count, QString* error);
    RehearsalDialog* rehearsalDialog() const { return m_rehearsal; }
    // "window", "progress", "array", "contention", "collisions", "sweep" or "side".
    QWidget* viewWidget(const QString& name);
    // What the centre shows: the welcome page, the run's views, the sweep's or side by side.
    QWidget* centralPage() const;
    // File > Export Results: the finished run's workers table or array (CSV), its lock
    // intervals (CSV) or a Perfetto / Chrome trace (JSON), as --csv, --array-csv and --trace
    // write them. False with a one-line reason when there is nothing (yet) to write.
    enum class ResultFile { WorkersCsv, ArrayCsv, LockEventsCsv, Trace };
    bool writeResults(ResultFile kind, const QString& path, QString* error);
    // The views outlined for the lesson (its look_at) while it plays and until another run.
    QStringList highlightedViews() const;

    bool startRun(QString* error = nullptr);
    // One frame: snapshot, models, plots. budgetNs bounds the array rescan (0 = finish it).
    void refreshFrame(uint64_t budgetNs);
    void setAutoRefresh(bool on);
    // Presentation mode: every font (and with it tables and plots) at `factor` times its normal
    // size, 0.7 to 3; kept in the settings.
    void setZoom(double factor);
    double zoom() const { return m_zoom; }
    // Says once, in the status bar and on stderr, which of `text`'s scripts no installed font
    // can draw (they would show as empty boxes); the window checks its menus and lessons.
    void warnOfMissingFonts(const QString& text);
    // The first window: fits the screen, never smaller than the controls need (Start and every
    // setting in view), 1600x1000 where the screen allows.
    void fitToScreen();
    bool hasSavedGeometry() const { return m_hasSavedGeometry; }
    // Frames drawn since the window opened (tests check that frames keep coming).
    int frameCount() const { return m_frames; }
    // How often frames come while a run is live (frame_pacer.h); the frame benchmark uses it.
    FramePacer& pacer() { return m_pacer; }

    static constexpr int kFrameIntervalMs = 33;
    static constexpr int kSweepFrameIntervalMs = 250; // 4 Hz while a sweep measures
    // Array rescans stop after this much per frame and continue in the next: a fast 10^8 run
    // writes more per frame than one frame should spend reading (the plot catches up after).
    static constexpr uint64_t kFrameBudgetNs = 2'500'000;

  signals:
    // Every frame the window takes from the controller (the recorder is fed from here).
    void frameTaken(const shm::RunFrame& frame);
    // A save (saveRecording) ended: error "" when all `runs` were written, else one line that
    // names the file.
    void recordingSaved(const QString& path, int runs, const QString& error);

  protected:
    void closeEvent(QCloseEvent* e) override;
    // Space starts / pauses / resumes from any control in the window (buttons, check boxes,
    // combo boxes, spin boxes, where a space is never valid input); only a widget that takes
    // free text keeps it.
    bool eventFilter(QObject* watched, QEvent* e) override;
    // A local file dropped on the window is opened as a recording (a bad one says why).
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

  private:
    // The label the window's recorder gives its n-th run (the Runs list shows it).
    QString recordedRunLabel(int n) const;
    // The view a recording's runs are compared in: its lesson's look_at, else the array.
    QString sideViewFor(const shm::Recording& rec) const;
    // The window builds itself in these steps (main_window_build.cpp), in this order.
    void buildModels(const CliOptions& options);
    void buildControlsDock();
    void buildLessonsTab(const CliOptions& options);
    void connectLessonRuns(); // each lesson run kept, the side-by-side view at its end
    void showRunPage();       // the run's views (the welcome page before any run)
    void buildSweepTab(const CliOptions& options);
    void buildViews();
    void buildCentral();
    void buildStatusBar();
    void connectControls();
    void connectPages();
    void applyStartSettings(const CliOptions& options);
    void startFrameTimer();
    RunPlayer* makePlayer(int pauseMs);
    void buildMenus();
    void buildFileMenu();
    void buildRunMenu();
    void buildViewMenu();
    void buildLessonsMenu();
    void buildHelpMenu();
    void buildLanguageMenu(QMenu* view);
    // View > Language: saved, then (another language) a restart in it, offered.
    void chooseLanguage(const QString& lang);
    // The Runs tab, the time slider under the views, and their actions (main_window_replay.cpp).
    void buildRunsTab();
    QWidget* buildTimeBar();
    void buildReplayActions(QMenu* menu);
    // Open / Save Recording, Open Recent, Compare Side by Side (main_window_files.cpp).
    void buildRecordingActions();
    void addRecordingActions(QMenu* file);
    void updateRecordingActions();
    void fillRecentMenu();
    void openRecordingDialog();
    void openLessonDialog();
    void askRehearsal(bool all); // the menu's: the count asked, then rehearseLessons()
    void openRecordingOrWarn(const QString& path);
    void openRecent(const QString& path);
    void saveRecordingDialog(bool selectedOnly);
    shm::RunGroup groupOf(const std::shared_ptr<const shm::RecordedRun>& run) const;
    void beginReplay(std::shared_ptr<const shm::RecordedRun> run);
    void showAt(const std::shared_ptr<const shm::RecordedRun>& run, uint64_t atNs);
    void endReplay();
    void updateTimeBar();
    void playTick();
    void showReplayStatus(const shm::RunSnapshot& snap);
    void resetRun();
    QDockWidget* addTab(const QString& title, const QString& name, QWidget* panel);
    // A panel's Run button: `start` (playLesson, startSweep) or a message box titled `title`
    // with why it could not start (none when it gave no reason).
    void startOrWarn(bool (MainWindow::*start)(QString*), const QString& title);
    void updateHighlight();
    bool ownsForSpace(const QWidget* w) const;
    void onPhaseChanged(shm::Phase phase);
    void togglePauseOrStart();
    void fitProgressTable(uint32_t workers);
    void updateStatus(const shm::RunSnapshot& snap);
    void exportView(const QString& view);
    void exportResults(ResultFile kind); // the file dialog, then writeResults
    void exportSweepCsv();
    void showAbout();
    void showAboutMachine();
    void loadSettings();
    void saveSettings() const;

    RunController m_run;
    MachineDialog* m_machineDialog = nullptr; // made when first asked for
    WorkerCommand m_workerCommand;            // --worker-command: for the user's runs, not lessons'
    bool m_persistent;
    RecentFiles m_recent;
    ProgressModel* m_progressModel;
    ContentionModel* m_contentionModel;
    ArrayModel* m_arrayModel;
    CountersModel* m_countersModel;
    LockEventsModel* m_lockEvents;
    ControlsPanel* m_controls;
    ProgressView* m_progressView;
    ArrayView* m_arrayView;
    CountersView* m_countersView;
    QStackedWidget* m_dataStack; // the array, or the counters for the counters workload
    QList<Lesson> m_lessons;     // the Lessons panel's at the start: built in and --lesson-file's
    RunPlayer* m_lessonPlayer;
    LessonPanel* m_lessonPanel;
    QDockWidget* m_lessonDock;
    RehearsalDialog* m_rehearsal = nullptr; // made on the first rehearsal
    RunPlayer* m_sweepPlayer;
    SweepTally m_sweep;
    SweepModel* m_sweepModel;
    SweepPanel* m_sweepPanel;
    SweepView* m_sweepView;
    QDockWidget* m_sweepDock;
    SideBySideModel* m_sideModel;
    SideBySideView* m_sideView;
    QList<SideRun> m_lessonRuns; // the playing lesson's runs so far, each as it ended
    QMap<QString, HighlightFrame*> m_highlights; // per view name
    bool m_lessonHighlight = false;
    QDockWidget* m_controlsDock;
    ContentionView* m_contentionView;
    CollisionModel* m_collisionModel;
    CollisionView* m_collisionView;
    // Contention and Collisions share the right: a tab bar over a stack (a QTabWidget repaints
    // all of its page on every layout request, the contention plots once more per slider move).
    QTabBar* m_rightTabs;
    QStackedWidget* m_central; // the welcome page, the views (m_mainSplit) or the sweep's
    WelcomePage* m_welcome;
    QWidget* m_viewsPage; // the pinned run's bar over m_mainSplit
    PinnedBar* m_pinnedBar;
    std::optional<PinnedRun> m_pinned;
    int m_finishedRuns = 0, m_pinnedAt = 0; // runs finished so far, and when the pin was made
    QSplitter* m_mainSplit;
    QSplitter* m_leftSplit;
    QLabel* m_stateLabel;
    QLabel* m_elapsedLabel;
    QLabel* m_rateLabel;
    QLabel* m_segmentLabel;
    QTimer m_frameTimer;
    FramePacer m_pacer{kFrameIntervalMs};
    QFont m_baseFont; // the application font at zoom 1
    double m_zoom = 1.0;
    bool m_hasSavedGeometry = false;
    bool m_contentionPending = false; // one more contention refresh after the run ended
    int m_frames = 0;
    QString m_lastError;
    // Replay: the kept runs, the one shown (null: the live run) and where.
    RunsModel* m_runsModel = nullptr;
    QTableView* m_runsView = nullptr;
    QLabel* m_runsNote = nullptr;
    QDockWidget* m_runsDock = nullptr;
    std::shared_ptr<const shm::RecordedRun> m_shown;
    // Every live run is recorded (main_window_recording.cpp) and kept in the Runs list.
    void startRecorder();
    std::unique_ptr<shm::RunRecorder> m_recorder;
    bool m_recording = false;
    int m_recordedRuns = 0;
    QString m_recordLabel;      // the label of the run being recorded (or last recorded)
    int m_playIconPlaying = -1; // the play button's icon: -1 none yet, 0 play, 1 pause
    QList<std::shared_ptr<const shm::RecordedRun>> m_opened; // the runs of an opened file
    // Opened runs' groups (a lesson, a sweep), written again when they are saved; a run of
    // this session belongs to {"run"}. Weak: the Runs list alone decides what stays in memory.
    std::vector<std::pair<std::weak_ptr<const shm::RecordedRun>, shm::RunGroup>> m_openedGroups;
    RecordingSaver* m_saver = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveSelectedAction = nullptr;
    QAction* m_compareAction = nullptr;
    QPushButton* m_compareButton = nullptr;
    QMenu* m_recentMenu = nullptr;
    std::vector<uint64_t> m_eventTimes; // of m_shown
    uint64_t m_shownAt = 0;
    QWidget* m_timeBar = nullptr;
    QSlider* m_timeSlider = nullptr;
    QToolButton* m_playButton = nullptr;
    QComboBox* m_speedBox = nullptr;
    QLabel* m_timeLabel = nullptr;
    QList<QAction*> m_replayActions; // enabled while a kept run is shown
    QTimer m_playTimer;
    QElapsedTimer m_playClock;
    double m_playSpeed = 1.0;
    static constexpr int kSliderSteps = 100000;
};
