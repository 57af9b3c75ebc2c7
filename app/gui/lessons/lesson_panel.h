#pragma once
// The Lessons panel: pick a lesson (or Previous / Next), read its story and what to look for,
// Run it; while its runs play it says which one, and afterwards shows their key figures side
// by side, each expectation with what was observed, the verdict and the explanation.
// It plays the chosen lesson through the window's lesson RunPlayer and keeps what its runs
// measured (LessonOutcome); the window asks it to play, the player to stop.
#include "lessons/lesson.h"
#include "lessons/lesson_play.h"

#include <QWidget>

class RunPlayer;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;

class LessonPanel : public QWidget {
    Q_OBJECT
  public:
    LessonPanel(RunPlayer& player, const QList<Lesson>& lessons, QWidget* parent = nullptr);

    const Lesson& lesson() const { return m_lesson; }
    bool hasLesson() const { return !m_lesson.id.isEmpty(); }
    // Every lesson it offers (built in, --lesson-file's and File > Open Lesson's).
    const QList<Lesson>& lessons() const { return m_lessons; }
    // The lesson's runs in turn, from the first; false when nothing started (*error says why
    // when a run could not start; nothing when something is playing or running).
    bool play(QString* error);
    // The runs played so far and, once the last one ended, the verdict.
    const LessonOutcome& outcome() const { return m_outcome; }

    // Lessons opened from a file: one with the id of a listed lesson takes its place, the
    // others are added at the end.
    void addLessons(const QList<Lesson>& lessons);
    // Selects the lesson with this id (false if there is none).
    bool selectLesson(const QString& id);
    QString currentId() const;
    void previous();
    void next();
    // Pause after each run: the next run waits for nextRun() (on by default in the window).
    void setPauseAfterEachRun(bool on);
    bool pauseAfterEachRun() const;
    // Starts the lesson's next run while the player waits for it (the Next run button, N).
    void nextRun();
    // Wide enough for the runs table unclipped (its cells do not wrap) once there is one.
    QSize sizeHint() const override;

  signals:
    void lessonSelected(const QString& id);
    void runRequested();
    void stopRequested();

  private:
    void onChosen(int index);
    void setLesson(const Lesson& lesson); // forgets the outcome of the previous one
    void connectPlayer();
    void refresh(); // from the player and the outcome
    QString storyHtml() const;
    QString resultsHtml() const;
    QString verdictHtml() const; // "Inconclusive: <why>", coloured for seen and not seen

    RunPlayer& m_player;
    QList<Lesson> m_lessons;
    Lesson m_lesson;
    LessonOutcome m_outcome;
    QComboBox* m_choice;
    QPushButton* m_prev;
    QPushButton* m_next;
    QTextBrowser* m_story;
    QPushButton* m_run;
    QPushButton* m_nextRun;
    QCheckBox* m_pauseEach;
    QLabel* m_progress;
    QTextBrowser* m_results;
};
