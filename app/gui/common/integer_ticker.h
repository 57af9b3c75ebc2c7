#pragma once
// Ticks for an axis that counts whole things (histogram bins and counts, workers, element
// indices): QCustomPlot's default ticker picks steps like 0.5 or 2.5 on a short range, and a
// tick at "1.5 workers" or "bin 2.5" reads as nonsense. Steps here are whole numbers (1, 2, 5,
// 10, 20, 25, 50, ...), and so are the sub-ticks between them.
#include <qcustomplot.h>

class IntegerTicker : public QCPAxisTicker {
  protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;
};
