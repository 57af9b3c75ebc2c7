#include "gui/views/worker_bars_plottable.h"

#include "gui/common/worker_palette.h"

#include <algorithm>
#include <cmath>

WorkerBarsPlottable::WorkerBarsPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis) {
    setSelectable(QCP::stNone);
    // Axis-aligned rectangles: crisp without antialiasing, and the rasterizer's antialiased
    // path for 3 bars per worker was ~5 % of the GUI thread at 64 workers.
    setAntialiased(false);
    setAntialiasedFill(false);
}

double WorkerBarsPlottable::selectTest(const QPointF&, bool, QVariant*) const {
    return -1;
}

QCPRange WorkerBarsPlottable::getKeyRange(bool& found, QCP::SignDomain) const {
    found = !m_times.empty();
    return QCPRange(-kWidth / 2, double(m_times.size()) - 1 + kWidth / 2);
}

QCPRange WorkerBarsPlottable::getValueRange(bool& found, QCP::SignDomain, const QCPRange&) const {
    double top = 0;
    for (const Times& t : m_times)
        top = std::max(top, t.compute + t.wait + t.hold);
    found = !m_times.empty();
    return QCPRange(0, top);
}

// As QCPBars does: each bar below counted when positive (QCPBars::getStackedBaseValue); none of
// the stacked bars has a pen.
QRectF WorkerBarsPlottable::barRect(const QCPAxis& keyAxis, const QCPAxis& valueAxis, double key,
                                    double width, double base, double value, bool stacked) {
    const double keyPixel = keyAxis.coordToPixel(key);
    const double upper = keyAxis.coordToPixel(key + width * 0.5) - keyPixel;
    const double lower = keyAxis.coordToPixel(key - width * 0.5) - keyPixel;
    const double basePixel = valueAxis.coordToPixel(base);
    const double valuePixel = valueAxis.coordToPixel(base + value);
    double bottomOffset =
        (stacked ? kStackingGap : 0) * (value < 0 ? -1 : 1) * valueAxis.pixelOrientation();
    if (std::abs(valuePixel - basePixel) <= std::abs(bottomOffset))
        bottomOffset = valuePixel - basePixel;
    return QRectF(QPointF(keyPixel + lower, valuePixel),
                  QPointF(keyPixel + upper, basePixel + bottomOffset))
        .normalized();
}

void WorkerBarsPlottable::draw(QCPPainter* painter) {
    const QBrush wait(worker_palette::waitColor());
    const auto positive = [](double v) { return v > 0 ? v : 0.0; };
    // Worker by worker, bottom to top: the order the QCPBars were drawn in (each worker's
    // three were created together).
    for (size_t k = 0; k < m_times.size(); ++k) {
        const Times& t = m_times[k];
        const QColor c = worker_palette::color(uint32_t(k));
        const double key = double(k);
        const double waitBase = positive(t.compute) + 0.0;
        const double holdBase = positive(t.wait) + (positive(t.compute) + 0.0);
        painter->setBrush(QBrush(worker_palette::pale(c)));
        painter->setPen(QPen(c, 1));
        painter->drawPolygon(QPolygonF(barRect(key, 0, t.compute, false)));
        painter->setPen(Qt::NoPen);
        painter->setBrush(wait);
        painter->drawPolygon(QPolygonF(barRect(key, waitBase, t.wait, true)));
        painter->setBrush(QBrush(c));
        painter->drawPolygon(QPolygonF(barRect(key, holdBase, t.hold, true)));
    }
}
