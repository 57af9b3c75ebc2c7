#include "lock_timeline.h"

#include "lock_events_model.h"
#include "worker_palette.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kLabelWidth = 40;
constexpr int kAxisHeight = 22;
constexpr int kHintHeight = 18;
constexpr double kFollowSpanNs = 2e9; // last two seconds while a run is live
constexpr double kMinSpanNs = 2e3;

// One rectangle per pixel run: intervals closer than a pixel are merged before drawing.
class RunMerger {
  public:
    RunMerger(QPainter& p, const QBrush& brush, double top, double height)
        : m_p(p), m_brush(brush), m_top(top), m_height(height) {}
    ~RunMerger() { flush(); }
    void add(double xa, double xb) {
        if (xb < xa + 1) xb = xa + 1;
        if (m_open && xa <= m_x1 + 1) {
            m_x1 = std::max(m_x1, xb);
            return;
        }
        flush();
        m_open = true;
        m_x0 = xa;
        m_x1 = xb;
    }
    void flush() {
        if (m_open) m_p.fillRect(QRectF(m_x0, m_top, m_x1 - m_x0, m_height), m_brush);
        m_open = false;
    }

  private:
    QPainter& m_p;
    QBrush m_brush;
    double m_top, m_height;
    bool m_open = false;
    double m_x0 = 0, m_x1 = 0;
};
} // namespace

LockTimeline::LockTimeline(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("lockTimeline"));
    setMinimumHeight(90);
    setToolTip(tr("Lock timeline: per worker, dark red = waiting for the lock, colour = holding "
                  "it. Wheel: zoom, drag: pan, double-click: follow the newest events."));
    m_map.t0 = 0;
    m_map.t1 = kFollowSpanNs;
}

void LockTimeline::clear() {
    m_endNs = 0;
    m_follow = true;
    m_map.t0 = 0;
    m_map.t1 = kFollowSpanNs;
    update();
}

void LockTimeline::refresh() {
    if (!m_model || !m_model->releaseNs()) {
        update();
        return;
    }
    m_endNs = std::max(m_endNs, m_model->endNs());
    if (m_follow) {
        m_map.t1 = std::max(m_endNs, 1e3);
        m_map.t0 = std::max(0.0, m_map.t1 - kFollowSpanNs);
    }
    update();
}

QRect LockTimeline::lanesRect() const {
    return QRect(kLabelWidth, kHintHeight, width() - kLabelWidth - 8,
                 height() - kAxisHeight - kHintHeight);
}

void LockTimeline::drawAxis(QPainter& p, const QRect& area) const {
    const QPalette pal = palette();
    p.setPen(pal.color(QPalette::WindowText));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    // Tick step: 1, 2 or 5 times a power of ten, about every 90 px.
    const double span = m_map.t1 - m_map.t0;
    const double raw = span * 90.0 / std::max(1, area.width());
    const double mag = std::pow(10.0, std::floor(std::log10(std::max(raw, 1.0))));
    double step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (mag * m >= raw) {
            step = mag * m;
            break;
        }
    const bool useS = step >= 1e8;
    const bool useMs = step >= 1e5;
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    p.setFont(f);
    for (double t = std::ceil(m_map.t0 / step) * step; t <= m_map.t1; t += step) {
        const double x = m_map.toX(t);
        p.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4));
        const QString label =
            useS    ? QStringLiteral("%1 s").arg(t / 1e9, 0, 'f', step >= 1e9 ? 0 : 1)
            : useMs ? QStringLiteral("%1 ms").arg(t / 1e6, 0, 'f', step >= 1e6 ? 0 : 1)
                    : QStringLiteral("%1 µs").arg(t / 1e3, 0, 'f', step >= 1e3 ? 0 : 2);
        p.drawText(QRectF(x - 45, area.bottom() + 4, 90, kAxisHeight - 4),
                   Qt::AlignHCenter | Qt::AlignTop, label);
    }
}

void LockTimeline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QRect area = lanesRect();
    m_map.x0 = area.left();
    m_map.x1 = area.right();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    QColor hintColor = pal.color(QPalette::WindowText);
    hintColor.setAlpha(150);
    // Caption and key on the left: what the two kinds of bars mean.
    QFont bold = small;
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::WindowText));
    const QString caption = tr("Lock timeline");
    p.drawText(QRect(4, 0, 200, kHintHeight), Qt::AlignLeft | Qt::AlignVCenter, caption);
    p.setFont(small);
    int x = 4 + QFontMetrics(bold).horizontalAdvance(caption) + 12;
    const int sw = 10, sy = (kHintHeight - 8) / 2;
    p.fillRect(QRect(x, sy + 2, sw, 4), worker_palette::waitColor());
    p.drawText(QRect(x + sw + 3, 0, 120, kHintHeight), Qt::AlignLeft | Qt::AlignVCenter,
               tr("waiting"));
    x += sw + 3 + QFontMetrics(small).horizontalAdvance(tr("waiting")) + 10;
    p.fillRect(QRect(x, sy, sw, 8), worker_palette::color(0));
    p.drawText(QRect(x + sw + 3, 0, 200, kHintHeight), Qt::AlignLeft | Qt::AlignVCenter,
               tr("holding (worker colour)"));
    x += sw + 3 + QFontMetrics(small).horizontalAdvance(tr("holding (worker colour)")) + 16;
    // The hint goes right of the key, shortened or left out when the widget is narrow, so the
    // two never overlap.
    p.setPen(hintColor);
    const QFontMetrics fm(small);
    const QStringList hints = m_follow ? QStringList{tr("following · wheel: zoom · drag: pan"),
                                                     tr("wheel: zoom · drag: pan")}
                                       : QStringList{tr("paused view · double-click: follow again"),
                                                     tr("double-click: follow")};
    for (const QString& hint : hints) {
        if (x + fm.horizontalAdvance(hint) > width() - 4) continue;
        p.drawText(QRect(x, 0, width() - 4 - x, kHintHeight), Qt::AlignRight | Qt::AlignVCenter,
                   hint);
        break;
    }
    const uint32_t workers = m_model ? m_model->workers() : 0;
    if (!workers || !m_model->releaseNs()) {
        p.drawText(area, Qt::AlignCenter, tr("lock events appear here during a run"));
        return;
    }
    drawAxis(p, area);
    const double laneH = std::clamp(double(area.height()) / workers, 3.0, 44.0);
    const uint64_t release = m_model->releaseNs();
    const double t0 = m_map.t0, t1 = m_map.t1;
    p.setClipRect(QRect(0, area.top(), width(), area.height()));
    for (uint32_t k = 0; k < workers; ++k) {
        const double top = area.top() + k * laneH;
        const QColor color = worker_palette::color(k);
        if (laneH >= 9) {
            p.setFont(small);
            p.setPen(pal.color(QPalette::WindowText));
            p.fillRect(QRectF(4, top + laneH / 2 - 4, 8, 8), color);
            p.drawText(QRectF(15, top, kLabelWidth - 15, laneH), Qt::AlignLeft | Qt::AlignVCenter,
                       worker_palette::workerLabel(k));
        }
        QColor laneBg = pal.color(QPalette::AlternateBase);
        if (k % 2) p.fillRect(QRectF(area.left(), top, area.width(), laneH), laneBg);
        const auto& ev = m_model->events(k);
        if (ev.empty()) continue;
        const double pad = laneH > 6 ? 2 : 0.5;
        const double holdTop = top + pad, holdH = laneH - 2 * pad;
        const double waitH = holdH * 0.5;
        RunMerger holds(p, color, holdTop, holdH);
        RunMerger waits(p, worker_palette::waitColor(), holdTop + (holdH - waitH) / 2, waitH);
        // Start one event before the window so an interval already open at t0 is drawn.
        const uint64_t from = release + uint64_t(std::max(0.0, t0));
        auto it = std::lower_bound(ev.begin(), ev.end(), from,
                                   [](const shm::Event& e, uint64_t t) { return e.tNs < t; });
        if (it != ev.begin()) --it;
        double openAt = -1;
        shm::EventKind openKind = shm::EventKind::Released;
        for (; it != ev.end(); ++it) {
            const double t = double(it->tNs - std::min(it->tNs, release));
            const auto kind = shm::EventKind(it->kind);
            if (openAt >= 0 && t >= t0) {
                const double xa = m_map.toX(std::max(openAt, t0)), xb = m_map.toX(std::min(t, t1));
                if (openKind == shm::EventKind::WaitBegin)
                    waits.add(xa, xb);
                else if (openKind == shm::EventKind::Acquired)
                    holds.add(xa, xb);
            }
            if (t > t1) {
                openAt = -1;
                break;
            }
            openAt = kind == shm::EventKind::Released ? -1 : t;
            openKind = kind;
        }
        // Still waiting or holding at the newest event (live run): draw to the end of data.
        if (openAt >= 0 && openAt <= t1) {
            const double end = std::min(m_endNs, t1);
            if (end > openAt) {
                const double xa = m_map.toX(std::max(openAt, t0)), xb = m_map.toX(end);
                if (openKind == shm::EventKind::WaitBegin)
                    waits.add(xa, xb);
                else
                    holds.add(xa, xb);
            }
        }
    }
}

void LockTimeline::wheelEvent(QWheelEvent* e) {
    const double steps = e->angleDelta().y() / 120.0;
    if (steps == 0) return;
    m_follow = false;
    m_map.zoom(m_map.toT(e->position().x()), std::pow(0.8, steps), kMinSpanNs);
    update();
    e->accept();
}

void LockTimeline::mousePressEvent(QMouseEvent* e) {
    m_dragX = e->position().x();
    m_dragT = m_map.t0;
}

void LockTimeline::mouseMoveEvent(QMouseEvent* e) {
    if (!(e->buttons() & Qt::LeftButton)) return;
    m_follow = false;
    const double span = m_map.t1 - m_map.t0;
    const double dt = (e->position().x() - m_dragX) * span / std::max(1.0, m_map.x1 - m_map.x0);
    m_map.t0 = m_dragT - dt;
    m_map.t1 = m_map.t0 + span;
    update();
}

void LockTimeline::mouseDoubleClickEvent(QMouseEvent*) {
    m_follow = true;
    m_map.t1 = std::max(m_endNs, 1e3);
    m_map.t0 = std::max(0.0, m_map.t1 - kFollowSpanNs);
    update();
}
