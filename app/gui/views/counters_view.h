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

    // Where the ns-per-increment bars go in `height` px: a title line of its own, then one row
    // per worker. Every worker keeps a row, under a pixel if need be (256 workers: the bars are
    // a profile), the names on every labelEvery-th row only when rows are shorter than the text.
    struct BarRows {
        double titleH = 0, rowH = 0;
        int labelEvery = 1; // 0: no names at all
        bool values = true; // each bar's figures beside it (rows as tall as the text)
    };
    static BarRows barRows(int height, int workers, int textH);

  private:
    void refresh();
    const CountersModel* m_model;
    QLabel* m_caption;
    QWidget* m_canvas;
};
