#include "gui/views/work_time_bars_plottable.h"

#include "gui/common/worker_palette.h"

#include <algorithm>

QCPRange WorkTimeBarsPlottable::getKeyRange(bool& found, QCP::SignDomain) const {
    found = !m_times.empty();
    return QCPRange(-kWallWidth / 2, double(m_times.size()) - 1 + kWallWidth / 2);
}

QCPRange WorkTimeBarsPlottable::getValueRange(bool& found, QCP::SignDomain, const QCPRange&) const {
    double top = 0;
    for (const Times& t : m_times)
        top = std::max({top, t.wall, t.cpu});
    found = !m_times.empty();
    return QCPRange(0, top);
}

void WorkTimeBarsPlottable::draw(QCPPainter* painter) {
    // Worker by worker, wall time then CPU time in front: the order the QCPBars were drawn in.
    for (size_t k = 0; k < m_times.size(); ++k) {
        const QColor c = worker_palette::color(uint32_t(k));
        const double key = double(k);
        painter->setBrush(QBrush(worker_palette::pale(c)));
        painter->setPen(QPen(c, 1));
        painter->drawPolygon(QPolygonF(barRect(key, kWallWidth, 0, m_times[k].wall, false)));
        painter->setPen(Qt::NoPen);
        painter->setBrush(QBrush(c));
        painter->drawPolygon(QPolygonF(barRect(key, kCpuWidth, 0, m_times[k].cpu, false)));
    }
}
