#pragma once
// RunPlayer plays a list of runs (a lesson's runs, a sweep's points with their repeats, one
// run) one after the other through a RunController, and hands every finished run's data on
// through one signal, runFinished(): the window's panels, the headless command line and any
// recorder all read runs there. It owns the sequencing, the settings each run gets (the
// list's, with the given settings winning: applyGivenSettings), stop, and the pause between
// runs. QtCore only: the headless paths drive it from a QEventLoop.
#include "analysis/report.h"
#include "model/run_data.h"
#include "model/settings.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

class RunController;
namespace shm {
class RunRecorder;
}

// The settings named in `names` taken from `from`, the rest from `base`: what a flag on the
// command line does to a lesson's run, or to the settings the window saved.
shm::ExperimentConfig applyGivenSettings(shm::ExperimentConfig base, const QStringList& names,
                                         const shm::ExperimentConfig& from);

// One run of the list: a label to show and name it by, and its settings.
struct PlayRun {
    QString label;
    shm::ExperimentConfig config;
};

// A run that ended: what it was given and what it measured.
struct FinishedRun {
    int index = -1; // in the list
    QString label;
    shm::ExperimentConfig config; // as started (given settings applied)
    shm::RunReport report;
    shm::RunSnapshot final; // the run as it ended (holds the segment mapped while kept)
    bool cutShort = false;  // stop() or terminate() ended it
};

class RunPlayer : public QObject {
    Q_OBJECT
  public:
    // What starts a run: the controller by default; the window shows the settings first.
    using Starter = std::function<bool(const shm::ExperimentConfig& cfg, QString* error)>;

    // With a controller of its own (the headless paths) or the caller's (the window's).
    explicit RunPlayer(QObject* parent = nullptr);
    explicit RunPlayer(RunController& controller, QObject* parent = nullptr);
    ~RunPlayer() override;

    RunController& controller() { return *m_run; }
    const RunController& controller() const { return *m_run; }
    void setStarter(Starter starter) { m_starter = std::move(starter); }
    // The pause after a run before the next starts (the window lets the end be seen).
    void setPauseMs(int ms) { m_pause.setInterval(ms); }
    // Pause after each run: the next run starts only on next(), not after the pause (the
    // window lets a teacher look at each run as long as needed). Off by default (headless).
    void setWaitForNext(bool wait);
    bool waitForNext() const { return m_waitForNext; }
    // A run ended and the next one waits for next().
    bool waiting() const { return m_waiting; }
    // Starts the next run now: while waiting, or during the pause. Nothing otherwise.
    void next();
    // A run that cannot start: the list goes on with the next one (a sweep), or ends with
    // failed() (a lesson, whose later runs are judged against the earlier ones).
    void setGoOnAfterFailedStart(bool goOn) { m_goOn = goOn; }
    // Every run started from now on is recorded: beginRun at its start (in group
    // `recordGroup`, an index into the groups the caller began with recorder->beginGroup()),
    // its frames through the controller's frame tap, endRun with its report at its end.
    // nullptr = none. Not owned: it must outlive the runs played.
    void setRecorder(shm::RunRecorder* recorder) { m_recorder = recorder; }
    void setRecordGroup(int groupIndex) { m_recordGroup = groupIndex; }
    // Settings that win over every run's own (a lesson's with --workers 8).
    void setGivenSettings(const QStringList& names, const shm::ExperimentConfig& from);

    // Plays `runs` from the first. False (and *error) when nothing could start: something is
    // playing or running, or the first run failed to start and the list does not go on.
    // Otherwise exactly one of finished(), stopped() or failed() follows (finished() may
    // already have been emitted when every run failed to start).
    bool play(const QList<PlayRun>& runs, QString* error);
    void stop(); // the current run is stopped, the rest skipped
    // The app was asked to quit by signal sig: the current run is reported terminated.
    void terminate(int sig);

    bool playing() const { return m_current >= 0; }
    int currentIndex() const { return m_current; } // started (or just ended) run; else -1
    const QList<PlayRun>& runs() const { return m_runs; }
    int runsTotal() const { return int(m_runs.size()); }
    int runsDone() const { return m_done; } // finished or failed to start
    // The settings run `index` is started with.
    shm::ExperimentConfig settingsFor(int index) const;
    // Seconds left at the mean pace of the runs so far (0 before the first one ends).
    double etaSeconds() const;
    // The last run that could not start: why (empty when every one started).
    const QString& lastError() const { return m_error; }

  signals:
    void runStarted(int index, const QString& label, const shm::ExperimentConfig& config);
    void runFailed(int index, const QString& label, const QString& error); // did not start
    void runFinished(const FinishedRun& run);
    void finished();                              // every run of the list was played
    void stopped();                               // stop() or terminate() ended it early
    void failed(int index, const QString& error); // a run did not start; the rest skipped
    void changed();                               // any of the above, and the pause ending

  private:
    void connectController();
    bool startFrom(int index); // the first run that starts; false when none did
    void startNext();
    void onRunFinished();
    void end(void (RunPlayer::*signal)());

    void recordStart(int index, const shm::ExperimentConfig& cfg);
    void recordEnd();

    RunController* m_run;
    bool m_ownsRun;
    shm::RunRecorder* m_recorder = nullptr;
    int m_recordGroup = 0;
    bool m_recording = false; // the controller's run is being handed to m_recorder
    Starter m_starter;
    QStringList m_givenNames;
    shm::ExperimentConfig m_given;
    QList<PlayRun> m_runs;
    int m_current = -1;  // index of the run starting, running or just ended; -1 = idle
    bool m_ours = false; // the controller's current run is one of ours
    bool m_stopped = false;
    bool m_goOn = false;
    bool m_waitForNext = false;
    bool m_waiting = false;
    int m_done = 0;
    QElapsedTimer m_clock;
    QTimer m_pause;
    QString m_error;
};
