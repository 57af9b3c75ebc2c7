#pragma once
// The counters workload's picture: the data region as cache lines of 64 bytes, each counter
// drawn in its worker's colour where it sits (so "packed" shows several workers on one line),
// and each worker's cost per increment as a bar. Reads only CountersModel.
#include <QWidget>

class CountersModel;
class QLabel;

class CountersView : public QWidget {
    Q_OBJECT
  public:
    explicit CountersView(const CountersModel* model, QWidget* parent = nullptr);
    // The ns-per-increment bars' full length at least this (side by side: every column's on
    // the largest one's scale); 0: the view's own largest.
    void setScaleNs(double mostNs);

  private:
    void refresh();
    const CountersModel* m_model;
    QLabel* m_caption;
    QWidget* m_canvas;
};
