#pragma once
// The time-per-worker plot's bars as one plottable: at key k, worker k's wall time (wide, pale
// worker colour, outlined in it) with its CPU time in front (narrow, worker colour). The same
// rectangles two QCPBars per worker drew (tst_worker_bars compares the pixels), without
// creating and removing 128 plottables for every run of 64 workers.
#include <qcustomplot.h>

#include <vector>

class WorkTimeBarsPlottable : public QCPAbstractPlottable {
    Q_OBJECT
  public:
    struct Times {
        double wall = 0, cpu = 0; // seconds
        bool operator==(const Times&) const = default;
    };
    static constexpr double kWallWidth = 0.75;
    static constexpr double kCpuWidth = 0.35;

    WorkTimeBarsPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);
    void setTimes(std::vector<Times> times) { m_times = std::move(times); }
    const std::vector<Times>& times() const { return m_times; }

    double selectTest(const QPointF& pos, bool onlySelectable,
                      QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

  protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter*, const QRectF&) const override {} // the plot's legend has
                                                                      // its own entries

  private:
    std::vector<Times> m_times;
};
