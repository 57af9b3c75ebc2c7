#pragma once
// Ticks for an axis that counts whole things (histogram bins and counts, workers, element
// indices): QCustomPlot's default ticker picks steps like 0.5 or 2.5 on a short range, and a
// tick at "1.5 workers" or "bin 2.5" reads as nonsense. Steps here are whole numbers (1, 2, 5,
// 10, 20, 25, 50, ...), and so are the sub-ticks between them. Zoomed far into a large range
// (1,000 of 10^9 elements) the axis's six significant digits label every tick "5·10^8": such
// ticks are written out whole, "500,000,200".
#include <qcustomplot.h>

class IntegerTicker : public QCPAxisTicker {
  protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                         int precision) override;

  private:
    double m_step = 0;      // of the ticks being labelled
    double m_magnitude = 0; // the largest |value| of their range
};
