#pragma once
// What the window shows before its first run (and after Reset): what ShmScope does, what the
// three views will show, and the two ways to begin — a lesson, or the run the controls
// describe. A first-time user otherwise faces three empty views and no hint of where to start.
#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;

class WelcomePage : public QWidget {
    Q_OBJECT
  public:
    explicit WelcomePage(QWidget* parent = nullptr);
    // The run Start would begin, in words ("4 workers compute wave over …").
    void setRunSummary(const QString& text);
    // The lesson the Lessons button opens (the last one, or the first) and how many there are.
    void setLesson(const QString& title, int count, int runs = 0);
    // shmscope --lesson ID: the page's first, default button runs the lesson (its title on it)
    // instead of only opening the Lessons tab, which is in front already.
    void setLessonFirst(bool on);
    bool lessonFirst() const { return m_lessonFirst; }
    QString runLessonText() const;
    QString runSummary() const;

  signals:
    void startRequested();
    void lessonsRequested();
    void runLessonRequested();

  protected:
    void changeEvent(QEvent* e) override;

  private:
    QGridLayout* buildViewsTable(QWidget* column);
    QGridLayout* buildBeginButtons(QWidget* column);
    void applyFonts();

    QLabel* m_title;
    QLabel* m_intro;
    QList<QLabel*> m_viewLabels; // name, what it shows; per view
    QLabel* m_summary;
    QLabel* m_lessonNote;
    QPushButton* m_lesson;
    QPushButton* m_start;
    QPushButton* m_runLesson; // shown with setLessonFirst
    QLabel* m_runLessonNote;
    bool m_lessonFirst = false;
};
