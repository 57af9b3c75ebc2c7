#pragma once
// Draws a Decimator's columns into a QCustomPlot: per pixel column a min–max stroke in the
// colour of the worker that wrote most of it, grey bands where elements are unwritten, red
// marks where values differ from the expected ones. Histogram bins draw as bars instead.
#include <qcustomplot.h>

#include <vector>

namespace shm {
class Decimator;
}

class ArrayColumnsPlottable : public QCPAbstractPlottable {
    Q_OBJECT
  public:
    ArrayColumnsPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis, const shm::Decimator* decimator);

    void setBarMode(bool bars) { m_bars = bars; }
    void setBarColor(const QColor& c) { m_barColor = c; }
    // Expected bin values: bars show the shortfall (lost updates) in red on top. May be null.
    void setExpectedBins(const std::vector<double>* bins) { m_expectedBins = bins; }

    double selectTest(const QPointF& pos, bool onlySelectable,
                      QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

  protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

  private:
    void drawUnwritten(QCPPainter* painter) const;
    void drawCurve(QCPPainter* painter) const;
    void drawBars(QCPPainter* painter) const;
    void drawMismatches(QCPPainter* painter) const;

    const shm::Decimator* m_dec;
    bool m_bars = false;
    QColor m_barColor{0x56, 0xB4, 0xE9};
    const std::vector<double>* m_expectedBins = nullptr;
};
