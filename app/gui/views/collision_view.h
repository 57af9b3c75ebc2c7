#pragma once
// The Collision view: one lost update up close. A list of the run's lost updates to pick from;
// one lane per worker involved, each access a read mark ("R 41") and a write mark ("W 42")
// with a bar between them on a time axis; ← / → step through the accesses in the order they
// happened, the bin's value shown big at each step, the lost write struck through in red.
// Reads only its CollisionModel.
#include <QWidget>

class CollisionModel;
class QComboBox;
class QLabel;
class QToolButton;

class CollisionView : public QWidget {
    Q_OBJECT
  public:
    explicit CollisionView(CollisionModel* model, QWidget* parent = nullptr);

    const CollisionModel* model() const { return m_model; }
    QComboBox* list() const { return m_list; }
    QWidget* canvas() const { return m_canvas; }
    QLabel* stepLabel() const { return m_stepLabel; }
    // From the font alone, never from the texts: the view shares its place with Contention,
    // and a hint that followed each step's wrapped text would lay the window out again (and
    // repaint the contention plots) on every slider move.
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return false; }

  private:
    void refresh();

    CollisionModel* m_model;
    QComboBox* m_list;
    QToolButton* m_prev;
    QToolButton* m_next;
    QLabel* m_stepLabel;
    QWidget* m_canvas;
    QLabel* m_story;
    QLabel* m_summary;
};
