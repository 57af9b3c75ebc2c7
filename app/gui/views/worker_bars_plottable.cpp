#include "gui/views/worker_bars_plottable.h"

#include "gui/common/worker_palette.h"

#include <algorithm>

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
        painter->drawPolygon(QPolygonF(barRect(key, kWidth, 0, t.compute, false)));
        painter->setPen(Qt::NoPen);
        painter->setBrush(wait);
        painter->drawPolygon(QPolygonF(barRect(key, kWidth, waitBase, t.wait, true)));
        painter->setBrush(QBrush(c));
        painter->drawPolygon(QPolygonF(barRect(key, kWidth, holdBase, t.hold, true)));
    }
}
