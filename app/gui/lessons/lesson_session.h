#pragma once
// A lesson played in the window: its runs one after the other through the window's run
// controller (so each run is watched live like any other), each run's report kept, and the
// lesson's expectations evaluated when the last run ends. The Lessons panel is its view.
#include "lessons/lesson.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

class RunController;

class LessonSession : public QObject {
    Q_OBJECT
  public:
    // startRun: what the window does to start a run of cfg (shows it in the controls first).
    using StartRun = std::function<bool(const shm::ExperimentConfig& cfg, QString* error)>;
    LessonSession(RunController& run, StartRun startRun, QObject* parent = nullptr);

    void setLesson(const Lesson& lesson); // forgets the results of the previous one
    const Lesson& lesson() const { return m_lesson; }
    bool hasLesson() const { return !m_lesson.id.isEmpty(); }

    bool start(QString* error); // its runs in turn, from the first
    void stop();                // the current run is stopped, the rest skipped
    bool playing() const { return m_current >= 0; }
    int currentRun() const { return m_current; } // index while playing, else -1
    bool complete() const { return m_complete; } // every run ended and was evaluated
    bool seen() const { return m_seen; }
    const QList<QJsonObject>& reports() const { return m_reports; } // in run order, "label" set
    const QList<ExpectResult>& results() const { return m_results; }
    // Why the lesson stopped early (a run that could not start), or empty.
    const QString& lastError() const { return m_error; }

  signals:
    void changed();
    void finished(); // complete() is true

  private:
    void onRunFinished();
    void startNext();

    RunController& m_run;
    StartRun m_startRun;
    Lesson m_lesson;
    int m_current = -1;
    bool m_complete = false, m_seen = false, m_stopped = false;
    QList<QJsonObject> m_reports;
    QList<ExpectResult> m_results;
    QTimer m_pause; // a moment between runs so the end of one can be seen
    QString m_error;
};
