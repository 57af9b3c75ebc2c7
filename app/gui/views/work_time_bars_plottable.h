#pragma once
// The time-per-worker plot's bars as one plottable: at key k, worker k's wall time (wide, pale
// worker colour, outlined in it) with its CPU time in front (narrow, worker colour). The same
// rectangles two QCPBars per worker drew (tst_worker_bars compares the pixels), without
// creating and removing 128 plottables for every run of 64 workers.
#include "gui/views/bars_plottable.h"

#include <vector>

class WorkTimeBarsPlottable : public BarsPlottable {
    Q_OBJECT
  public:
    struct Times {
        double wall = 0, cpu = 0; // seconds
        bool operator==(const Times&) const = default;
    };
    static constexpr double kWallWidth = 0.75;
    static constexpr double kCpuWidth = 0.35;

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
