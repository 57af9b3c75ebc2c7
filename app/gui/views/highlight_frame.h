#pragma once
// A border drawn over a view to say "look here" while a lesson plays: a child of the view that
// covers it, follows its size, lets every mouse event through and paints nothing else.
#include <QWidget>

class HighlightFrame : public QWidget {
    Q_OBJECT
  public:
    explicit HighlightFrame(QWidget* target);

  protected:
    bool eventFilter(QObject* watched, QEvent* e) override;
    void paintEvent(QPaintEvent* e) override;
};
