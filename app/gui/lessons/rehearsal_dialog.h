#pragma once
// Lessons > Rehearse All / Rehearse This Lesson: plays lessons N times each through a
// LessonRehearsal (its own run controller, not the window's) and shows its progress ("lesson
// 3/13, play 2/5"), a Stop button and, as plays end, the table `--rehearse` prints: per lesson
// the seen / not seen / inconclusive counts, each expectation's observed range and the
// reasons. Copy as Text puts that table, as the command line prints it, on the clipboard.
// Non-modal to the program (show(), never exec()): the window keeps drawing while it plays.
#include "lessons/lesson_rehearsal.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

class RehearsalDialog : public QDialog {
    Q_OBJECT
  public:
    explicit RehearsalDialog(QWidget* parent = nullptr);

    // Plays every lesson of `lessons` `count` times and shows the dialog; false (and *error)
    // when a rehearsal is under way or there is nothing to play.
    bool start(const QList<Lesson>& lessons, int count, QString* error);
    LessonRehearsal& rehearsal() { return m_rehearsal; }
    QTableWidget* table() const { return m_table; }
    // The table as `shmscope --rehearse` prints it (Copy as Text).
    QString tableText() const;

  protected:
    void reject() override; // Close or Esc: a rehearsal under way stops first

  private:
    void refresh(); // progress and table from the rehearsal

    LessonRehearsal m_rehearsal;
    QLabel* m_progressText;
    QProgressBar* m_progress;
    QTableWidget* m_table;
    QPushButton* m_stop;
    QPushButton* m_copy;
    QString m_ending; // how it ended: finished, stopped, failed with why
};
