#pragma once
// The contention view's bars per worker as one plottable: time computing (pale worker colour,
// outlined in it), waiting (dark red) and holding (worker colour), stacked, at key k for worker
// k. The same rectangles three stacked QCPBars per worker draw (tst_worker_bars compares the
// pixels), without 3 plottables a worker: at 64 workers the 192 QCPBars were about half of the
// bars plot's replot (--bench-scrub over a 64-worker mutex recording).
#include "gui/views/bars_plottable.h"

#include <vector>

class WorkerBarsPlottable : public BarsPlottable {
    Q_OBJECT
  public:
    struct Times {
        double compute = 0, wait = 0, hold = 0; // seconds
        bool operator==(const Times&) const = default;
    };
    static constexpr double kWidth = 0.7; // key units, as the QCPBars had

    using BarsPlottable::BarsPlottable;
    void setTimes(std::vector<Times> times) { m_times = std::move(times); }
    const std::vector<Times>& times() const { return m_times; }

    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

  protected:
    void draw(QCPPainter* painter) override;

  private:
    std::vector<Times> m_times;
};
