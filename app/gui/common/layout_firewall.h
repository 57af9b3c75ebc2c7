#pragma once
// A container that lays its one child out itself, over the whole of its own rect. Whatever
// changes size inside the child (a label's new text, a table's scroll bar) is laid out within
// the child and stops here: without it every such change went on to re-lay out the main
// window, its docks and status bar (and QMainWindow made a QPropertyAnimation for each dock
// every time), about 15 times per run at 64 workers. The child's size hints are passed on.
#include <QWidget>

class LayoutFirewall : public QWidget {
  public:
    LayoutFirewall(QWidget* child, QWidget* parent = nullptr) : QWidget(parent), m_child(child) {
        child->setParent(this);
    }
    QSize sizeHint() const override { return m_child->sizeHint(); }
    QSize minimumSizeHint() const override { return m_child->minimumSizeHint(); }

  protected:
    void resizeEvent(QResizeEvent* e) override {
        m_child->setGeometry(rect());
        QWidget::resizeEvent(e);
    }

  private:
    QWidget* m_child;
};
