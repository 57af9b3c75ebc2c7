#pragma once
// What the plottables drawing bars per worker share (WorkerBarsPlottable,
// WorkTimeBarsPlottable): not selectable, no legend icon (their plots' legends have entries of
// their own), rectangles without antialiasing (crisp, and the rasterizer's antialiased path for
// 3 bars per worker was ~5 % of the GUI thread at 64 workers), and QCPBars' own rectangle for a
// bar, so they draw the pixels the QCPBars they replaced drew (tst_worker_bars).
#include <qcustomplot.h>

class BarsPlottable : public QCPAbstractPlottable {
  public:
    // QCPBars' gap (pixels) a stacked bar leaves above the one below.
    static constexpr double kStackingGap = 1;

    BarsPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);
    double selectTest(const QPointF&, bool, QVariant* = nullptr) const override { return -1; }

  protected:
    void drawLegendIcon(QCPPainter*, const QRectF&) const override {}
    // QCPBars::getBarRect for a bar `width` key units wide, of `value` on `base` (the sum of the
    // bars below, each counted when positive, as QCPBars::getStackedBaseValue does); `stacked`:
    // there is a bar below, so the bar leaves kStackingGap pixels above it (as for a bar
    // without a pen).
    QRectF barRect(double key, double width, double base, double value, bool stacked) const;
};
