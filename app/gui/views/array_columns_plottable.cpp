#include "gui/views/array_columns_plottable.h"

#include "analysis/decimator.h"
#include "gui/common/worker_palette.h"

#include <algorithm>
#include <cmath>
#include <vector>

ArrayColumnsPlottable::ArrayColumnsPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis,
                                             const shm::Decimator* decimator)
    : QCPAbstractPlottable(keyAxis, valueAxis), m_dec(decimator) {
    setSelectable(QCP::stNone);
    setAntialiasedFill(false);
}

double ArrayColumnsPlottable::selectTest(const QPointF&, bool, QVariant*) const {
    return -1;
}

QCPRange ArrayColumnsPlottable::getKeyRange(bool& found, QCP::SignDomain) const {
    found = m_dec->count() > 0;
    return QCPRange(0, double(m_dec->count()));
}

QCPRange ArrayColumnsPlottable::getValueRange(bool& found, QCP::SignDomain, const QCPRange&) const {
    double lo = 0, hi = 0;
    found = false;
    for (const shm::DecimatedColumn& c : m_dec->columns()) {
        if (!c.written) continue;
        lo = found ? std::min(lo, c.min) : c.min;
        hi = found ? std::max(hi, c.max) : c.max;
        found = true;
    }
    if (m_bars) lo = std::min(lo, 0.0);
    return QCPRange(lo, hi);
}

void ArrayColumnsPlottable::draw(QCPPainter* painter) {
    if (m_dec->columns().empty()) return;
    drawUnwritten(painter);
    if (m_bars)
        drawBars(painter);
    else
        drawCurve(painter);
    drawMismatches(painter);
}

void ArrayColumnsPlottable::drawUnwritten(QCPPainter* p) const {
    // Merge neighbouring unwritten columns into one band: few rectangles, no seams.
    const QRect area = clipRect();
    // Whole pixels, no antialiasing: a translucent antialiased rectangle goes through the
    // rasterizer and cost 13% of the GUI thread's time with 64 workers (perf, --bench-frames);
    // fillRect on whole pixels is a plain span blend.
    const QColor band = worker_palette::unwrittenColor();
    const auto& cols = m_dec->columns();
    double bandStart = -1;
    auto flush = [&](double x1) {
        if (bandStart < 0) return;
        const int left = int(std::lround(bandStart));
        const int right = std::max(left + 1, int(std::lround(x1)));
        p->fillRect(QRect(left, area.top(), right - left, area.height()), band);
        bandStart = -1;
    };
    for (const shm::DecimatedColumn& c : cols) {
        const bool hasGap = c.scanned && c.written < c.end - c.begin;
        const double x0 = mKeyAxis->coordToPixel(double(c.begin));
        if (hasGap && bandStart < 0) bandStart = x0;
        if (!hasGap) flush(x0);
    }
    flush(mKeyAxis->coordToPixel(double(cols.back().end)));
}

void ArrayColumnsPlottable::drawCurve(QCPPainter* p) const {
    const uint32_t workers = m_dec->workers();
    std::vector<QPen> pens;
    pens.reserve(workers + 1);
    for (uint32_t k = 0; k < workers; ++k)
        pens.emplace_back(worker_palette::color(k), 1.6);
    pens.emplace_back(mParentPlot->palette().color(QPalette::Text), 1.6);
    const auto& cols = m_dec->columns();
    // Points are worth drawing once columns are single elements spaced apart.
    const bool sparse = cols.size() > 1 && mKeyAxis->coordToPixel(double(cols[1].begin)) -
                                                   mKeyAxis->coordToPixel(double(cols[0].begin)) >
                                               6;
    p->setAntialiasing(sparse);
    bool havePrev = false;
    QPointF prev;
    uint64_t prevEnd = 0;
    for (const shm::DecimatedColumn& c : cols) {
        if (!c.written) {
            havePrev = false;
            continue;
        }
        const double x = mKeyAxis->coordToPixel(double(c.begin) + double(c.end - c.begin - 1) / 2);
        const double yTop = mValueAxis->coordToPixel(c.max);
        const double yBottom = mValueAxis->coordToPixel(c.min);
        p->setPen(pens[std::min(c.dominantOwner, workers)]);
        // Join to the previous column where they are neighbours, entering at the nearer end.
        const double entry = std::clamp(prev.y(), std::min(yTop, yBottom), std::max(yTop, yBottom));
        if (havePrev && prevEnd == c.begin) p->drawLine(prev, QPointF(x, entry));
        if (yBottom - yTop >= 1)
            p->drawLine(QPointF(x, yTop), QPointF(x, yBottom));
        else
            p->drawLine(QPointF(x, yTop), QPointF(x + 0.9, yTop));
        if (sparse) p->drawEllipse(QPointF(x, yTop), 2, 2);
        // Leave from the far end, so a rising or falling run reads as one line.
        const double exit = std::abs(entry - yTop) < std::abs(entry - yBottom) ? yBottom : yTop;
        prev = QPointF(x, havePrev ? exit : (yTop + yBottom) / 2);
        prevEnd = c.end;
        havePrev = true;
    }
}

void ArrayColumnsPlottable::drawBars(QCPPainter* p) const {
    const auto& cols = m_dec->columns();
    const double y0 = mValueAxis->coordToPixel(0);
    p->setAntialiasing(false);
    QColor edge = m_barColor.darker(150);
    p->setPen(cols.size() < 200 ? QPen(edge, 1) : QPen(Qt::NoPen));
    for (const shm::DecimatedColumn& c : cols) {
        if (!c.written) continue;
        // Bin b is centred on b.
        const double x0 = mKeyAxis->coordToPixel(double(c.begin) - 0.5);
        const double x1 = mKeyAxis->coordToPixel(double(c.end) - 0.5);
        const double gap = (x1 - x0) > 6 ? (x1 - x0) * 0.12 : 0;
        const double y = mValueAxis->coordToPixel(c.max);
        const double right = std::max(x0 + gap + 1, x1 - gap);
        p->setBrush(m_barColor);
        p->drawRect(QRectF(QPointF(x0 + gap, y), QPointF(right, y0)));
        // One bin per column: show what is missing, from the actual count up to the expected.
        if (c.mismatches && m_expectedBins && c.end - c.begin == 1 &&
            c.begin < m_expectedBins->size()) {
            const double ye = mValueAxis->coordToPixel((*m_expectedBins)[c.begin]);
            const QColor red = worker_palette::mismatchColor();
            p->setBrush(QBrush(red, Qt::BDiagPattern));
            p->setPen(QPen(red, 1));
            p->drawRect(
                QRectF(QPointF(x0 + gap, std::min(y, ye)), QPointF(right, std::max(y, ye))));
            p->setPen(cols.size() < 200 ? QPen(edge, 1) : QPen(Qt::NoPen));
        } else if (c.mismatches) {
            p->fillRect(QRectF(QPointF(x0 + gap, y - 3), QPointF(right, y)),
                        worker_palette::mismatchColor());
        }
    }
}

void ArrayColumnsPlottable::drawMismatches(QCPPainter* p) const {
    if (m_bars) return; // bars are filled red instead
    const QRect area = clipRect();
    const QColor red = worker_palette::mismatchColor();
    p->setAntialiasing(true);
    for (const shm::DecimatedColumn& c : m_dec->columns()) {
        if (!c.mismatches) continue;
        const double x = mKeyAxis->coordToPixel(double(c.begin) + double(c.end - c.begin - 1) / 2);
        const double y = mValueAxis->coordToPixel((c.min + c.max) / 2);
        p->setPen(QPen(red, 2));
        p->drawLine(QPointF(x - 4, y - 4), QPointF(x + 4, y + 4));
        p->drawLine(QPointF(x - 4, y + 4), QPointF(x + 4, y - 4));
        p->drawLine(QPointF(x, area.top()), QPointF(x, area.top() + 6)); // findable when zoomed out
    }
}

void ArrayColumnsPlottable::drawLegendIcon(QCPPainter* p, const QRectF& rect) const {
    if (m_bars) {
        p->setPen(QPen(m_barColor.darker(150), 1));
        p->setBrush(m_barColor);
        p->drawRect(rect.adjusted(2, 2, -2, -2));
        return;
    }
    const int n = int(std::clamp<uint32_t>(m_dec->workers(), 1, 4));
    const double w = rect.width() / n;
    for (int k = 0; k < n; ++k) {
        p->setPen(QPen(worker_palette::color(uint32_t(k)), 3));
        const double y = rect.center().y();
        p->drawLine(QPointF(rect.left() + k * w, y), QPointF(rect.left() + (k + 1) * w, y));
    }
}
