#pragma once
// LessonRehearsal plays lessons, each `count` times in turn, through one RunPlayer (the
// runs a lesson hands the player: lessonRuns) and judges every play with LessonOutcome, as
// `--lesson ID --headless` and the Lessons panel do; it keeps a RehearsalTally per lesson.
// Non-blocking (QtCore, signals): `--rehearse` drives it from a QEventLoop, the window from
// its own. Its player has a controller of its own.
#include "lessons/lesson.h"
#include "lessons/lesson_play.h"
#include "lessons/rehearsal_tally.h"
#include "runner/run_player.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class LessonRehearsal : public QObject {
    Q_OBJECT
  public:
    explicit LessonRehearsal(QObject* parent = nullptr);

    RunPlayer& player() { return m_player; }
    // Settings that win over every lesson run's own (`--rehearse --workers 8`).
    void setGivenSettings(const QStringList& names, const shm::ExperimentConfig& from);

    // Plays every lesson of `lessons` `count` times, in order (a lesson's plays one after the
    // other). False (and *error) when it is already playing or there is nothing to play;
    // otherwise one of finished(), stopped() or failed() follows (failed() may come before
    // start() returns, when the first run cannot start: check playing()).
    bool start(const QList<Lesson>& lessons, int count, QString* error);
    void stop();             // the play under way is dropped; the tallies so far stay
    void terminate(int sig); // the app was asked to quit by signal sig: as stop()
    bool playing() const { return m_playing; }

    int count() const { return m_count; }
    int lessonsTotal() const { return int(m_lessons.size()); }
    int lessonIndex() const { return m_lesson; } // the lesson being played
    int playIndex() const { return m_play; }     // its play, from 0
    int playsDone() const { return m_done; }     // over all lessons
    int playsTotal() const { return m_count * lessonsTotal(); }
    // One per lesson started so far, in order.
    const QList<RehearsalTally>& tallies() const { return m_tallies; }
    // The reports of the play that ended last (the machine object, if any, is read there).
    const QList<QJsonObject>& lastReports() const { return m_outcome.reports; }
    // Why it failed (a run that could not start), and whether the settings were invalid.
    const QString& error() const { return m_error; }
    bool badSettings() const { return m_badSettings; }

  signals:
    void playStarted(int lesson, int play);
    // A play was judged: its outcome, the lesson's tally updated.
    void playJudged(int lesson, int play, const LessonOutcome& outcome);
    void finished();             // every play ran
    void stopped();              // stop() or terminate() ended it early
    void failed(const QString&); // a run could not start: the rehearsal ends
    void changed();              // any of the above

  private:
    void playNext(); // the play at m_lesson / m_play
    void onPlayFinished();
    void end(void (LessonRehearsal::*signal)());

    RunPlayer m_player;
    QList<Lesson> m_lessons;
    QList<RehearsalTally> m_tallies;
    LessonOutcome m_outcome;
    int m_count = 0, m_lesson = 0, m_play = 0, m_done = 0;
    bool m_playing = false;
    bool m_badSettings = false;
    QString m_error;
};
