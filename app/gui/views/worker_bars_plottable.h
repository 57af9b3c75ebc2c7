#pragma once
// The contention view's bars per worker as one plottable: time computing (pale worker colour,
// outlined in it), waiting (dark red) and holding (worker colour), stacked, at key k for worker
// k. The same rectangles three stacked QCPBars per worker draw (tst_worker_bars compares the
// pixels), without 3 plottables a worker: at 64 workers the 192 QCPBars were about half of the
// bars plot's replot (--bench-scrub over a 64-worker mutex recording).
#include <qcustomplot.h>

#include <vector>

class WorkerBarsPlottable : public QCPAbstractPlottable {
    Q_OBJECT
  public:
    struct Times {
        double compute = 0, wait = 0, hold = 0; // seconds
        bool operator==(const Times&) const = default;
    };
    // QCPBars' look: width in key units, the gap a stacked bar leaves above the one below.
    static constexpr double kWidth = 0.7;
    static constexpr double kStackingGap = 1;

    WorkerBarsPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);
    void setTimes(std::vector<Times> times) { m_times = std::move(times); }
    const std::vector<Times>& times() const { return m_times; }

    double selectTest(const QPointF& pos, bool onlySelectable,
                      QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

    // QCPBars::getBarRect for a bar `width` key units wide, of `value` on `base` (the sum of the
    // bars below); `stacked`: there is a bar below, so the bar leaves kStackingGap pixels above
    // it. Also drawn by WorkTimeBarsPlottable.
    static QRectF barRect(const QCPAxis& keyAxis, const QCPAxis& valueAxis, double key,
                          double width, double base, double value, bool stacked);

  protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter*, const QRectF&) const override {} // the view's legend has
                                                                      // its own entries

  private:
    QRectF barRect(double key, double base, double value, bool stacked) const {
        return barRect(*mKeyAxis, *mValueAxis, key, kWidth, base, value, stacked);
    }
    std::vector<Times> m_times;
};
