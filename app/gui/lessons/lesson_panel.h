#pragma once
// The Lessons panel: pick a lesson (or Previous / Next), read its story and what to look for,
// Run it; while its runs play it says which one, and afterwards shows their key figures side
// by side, each expectation with what was observed, the verdict and the explanation.
// A view of LessonSession: it reads the session and asks it to start or stop, nothing else.
#include "lessons/lesson.h"

#include <QWidget>

class LessonSession;
class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;

class LessonPanel : public QWidget {
    Q_OBJECT
  public:
    LessonPanel(LessonSession& session, const QList<Lesson>& lessons, QWidget* parent = nullptr);

    // Selects the lesson with this id (false if there is none).
    bool selectLesson(const QString& id);
    QString currentId() const;
    void previous();
    void next();

  signals:
    void lessonSelected(const QString& id);
    void runRequested();
    void stopRequested();

  private:
    void onChosen(int index);
    void refresh(); // from the session
    QString storyHtml() const;
    QString resultsHtml() const;

    LessonSession& m_session;
    QList<Lesson> m_lessons;
    QComboBox* m_choice;
    QPushButton* m_prev;
    QPushButton* m_next;
    QTextBrowser* m_story;
    QPushButton* m_run;
    QLabel* m_progress;
    QTextBrowser* m_results;
};
