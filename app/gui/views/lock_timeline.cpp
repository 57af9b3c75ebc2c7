#include "gui/views/lock_timeline.h"

#include "gui/common/format.h"
#include "gui/models/lock_events_model.h"

#include "gui/common/worker_palette.h"

#include <QImage>
#include <QMouseEvent>
#include <QPaintEngine>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kLabelWidth = 40;
constexpr int kAxisHeight = 22;
constexpr int kHintHeight = 18;
constexpr int kLockGap = 5;           // between the lock lane(s) and the worker lanes
constexpr double kFollowSpanNs = 2e9; // last two seconds while a run is live
constexpr double kMinSpanNs = 2e3;
constexpr int kNeutral = -2; // Bar::colour of the "stripes" summary lane
// Lanes thinner than kThinnestLane (a worker's bars no longer tell hold from wait) are grouped
// into lanes of at least kGroupLane, tall enough for their "w0–15" label.
constexpr double kThinnestLane = 3.0;
constexpr double kGroupLane = 11.0;

// One pixel column's bar in whole pixels. Neighbouring columns with the same bar are drawn as
// one rectangle: a steady run (one holder, or a regular alternation) costs a single fillRect.
struct Bar {
    int holdPx = 0;
    int waitPx = 0;
    int colour = -1; // worker whose colour the hold takes, kNeutral, -1 = the lane's worker
    bool operator==(const Bar&) const = default;
};

// Height in pixels for a covered fraction; anything held at all gets at least one pixel, so a
// single short hold stays visible at coarse zoom.
int pixels(double cover, double fullPx) {
    if (cover <= 0) return 0;
    return std::max(1, int(std::lround(cover * fullPx)));
}

// Calls draw(firstColumn, columnCount, bar) for each run of equal, non-empty bars.
template <typename Draw> void forEachRun(const std::vector<Bar>& bars, Draw draw) {
    for (size_t i = 0; i < bars.size();) {
        size_t j = i + 1;
        while (j < bars.size() && bars[j] == bars[i])
            ++j;
        if (bars[i].holdPx || bars[i].waitPx) draw(int(i), int(j - i), bars[i]);
        i = j;
    }
}

} // namespace

// Where the lanes' bars go. On a raster painter (the window, PNG screenshots) they are written
// pixel by pixel into one image of the lanes' area, blitted once at the end: with 64 worker
// lanes a fillRect per run of columns was ~9 % of the GUI thread's CPU. Vector painters (SVG,
// PDF exports) get the rectangles themselves.
class LaneBars {
  public:
    LaneBars(QPainter& p, const QRect& area) : m_p(p), m_area(area) {
        if (p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster && area.isValid()) {
            m_image = QImage(area.size(), QImage::Format_ARGB32_Premultiplied);
            m_image.fill(Qt::transparent);
        }
    }
    void fill(const QRect& r, const QColor& c) {
        if (m_image.isNull()) {
            m_p.fillRect(r, c);
            return;
        }
        const QRect d = r.translated(-m_area.topLeft()).intersected(m_image.rect());
        const QRgb px = qPremultiply(c.rgba());
        for (int y = d.top(); y <= d.bottom(); ++y) {
            auto* line = reinterpret_cast<QRgb*>(m_image.scanLine(y));
            std::fill(line + d.left(), line + d.left() + d.width(), px);
        }
    }
    // Blits the image; call once, after the lanes' backgrounds and before anything drawn over
    // the lanes.
    void finish() {
        if (!m_image.isNull()) m_p.drawImage(m_area.topLeft(), m_image);
    }

  private:
    QPainter& m_p;
    QRect m_area;
    QImage m_image;
};

namespace {
// Bars centred on the lane's middle: the hold in the middle, the wait split above and below
// it, so a column that is all waiting shows today's centred half-height band and a column that
// is part waiting, part holding shows both.
void drawBars(LaneBars& p, const std::vector<Bar>& bars, int x0, int midY, const QColor& own,
              const QColor& neutral) {
    const QColor wait = worker_palette::waitColor();
    forEachRun(bars, [&](int c, int n, const Bar& b) {
        const int holdTop = midY - b.holdPx / 2, above = b.waitPx / 2;
        if (b.holdPx) {
            const QColor col = b.colour == -1         ? own
                               : b.colour == kNeutral ? neutral
                                                      : worker_palette::color(uint32_t(b.colour));
            p.fill(QRect(x0 + c, holdTop, n, b.holdPx), col);
        }
        if (b.waitPx) {
            p.fill(QRect(x0 + c, holdTop - above, n, above), wait);
            p.fill(QRect(x0 + c, holdTop + b.holdPx, n, b.waitPx - above), wait);
        }
    });
}
} // namespace

LockTimeline::LockTimeline(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("lockTimeline"));
    setMinimumHeight(90);
    m_lockTip = tr("Lock timeline. Top lane(s): who holds the lock (or each stripe) in the "
                   "holder's colour; bar height = share of the time it was held. Per worker: dark "
                   "red = waiting for the lock, colour = holding it, bar height = share of the "
                   "time. Wheel: zoom, drag: pan, double-click: follow the newest events.");
    setToolTip(m_lockTip);
    m_map.t0 = 0;
    m_map.t1 = kFollowSpanNs;
}

void LockTimeline::setMessageMode(bool on) {
    m_messages = on;
    setToolTip(on ? tr("Message timeline (--transport mpi). Per rank: its sends of results to "
                       "rank 0 (rank 0: receiving them and copying them into the shared array); "
                       "dark red on rank 0 = waiting for a message. Gaps are computing. Wheel: "
                       "zoom, drag: pan, double-click: follow the newest events.")
                  : m_lockTip);
    update();
}

void LockTimeline::clear() {
    m_endNs = 0;
    m_follow = true;
    m_map.t0 = 0;
    m_map.t1 = kFollowSpanNs;
    update();
}

void LockTimeline::setSpan(double t0Ns, double t1Ns) {
    m_follow = false;
    m_map.t0 = t0Ns;
    m_map.t1 = std::max(t1Ns, t0Ns + 1e3);
    update();
}

void LockTimeline::refresh() {
    if (!m_model) return;
    m_activity = &m_model->activity();
    m_releaseNs = m_model->releaseNs();
    m_workers = m_model->workers();
    m_hosts = m_model->hosts();
    m_dropped = m_model->droppedEvents();
    if (!m_releaseNs) {
        update();
        return;
    }
    // Now while live; after the run, its end (the newest event at the latest).
    // A replay goes back and forth: its moment is the end.
    m_endNs = m_model->replay() ? m_model->endNs() : std::max(m_endNs, m_model->endNs());
    if (m_follow) {
        m_map.t1 = std::max(m_endNs, 1e3);
        m_map.t0 = std::max(0.0, m_map.t1 - kFollowSpanNs);
    }
    update();
}

QRect LockTimeline::lanesRect() const {
    const int label = labelWidth();
    return QRect(label, kHintHeight, width() - label - 8, height() - kAxisHeight - kHintHeight);
}

int LockTimeline::labelWidth() const {
    if (!grouped()) return kLabelWidth;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    return std::max(kLabelWidth,
                    QFontMetrics(small).horizontalAdvance(QStringLiteral("w888–888")) + 8);
}

std::vector<shm::LaneGroup> LockTimeline::laneGroups() const {
    if (m_messages && m_hosts.size() >= 2) return {};
    const uint32_t lockLanes = m_activity ? shm::lockLaneCount(*m_activity) : 0;
    const double avail = height() - kAxisHeight - kHintHeight - (lockLanes ? kLockGap : 0);
    if (avail / double(lockLanes + m_workers) >= kThinnestLane)
        return shm::groupLanes(m_workers, int(m_workers));
    return shm::groupLanes(m_workers, int(avail / kGroupLane) - int(lockLanes));
}

// Caption and key on the left (what the bars mean), the interaction hint right of them,
// shortened or left out when the widget is narrow so the two never overlap.
void LockTimeline::drawHeader(QPainter& p, const QFont& small) const {
    const QPalette pal = palette();
    QFont bold = small;
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::WindowText));
    const QString caption = m_messages ? tr("Message timeline") : tr("Lock timeline");
    const QString waiting = m_messages ? tr("r0 waiting for messages") : tr("waiting");
    QString holding = m_messages ? tr("sending (r0: receiving)") : tr("holding (worker colour)");
    p.drawText(QRect(4, 0, 200, kHintHeight), Qt::AlignLeft | Qt::AlignVCenter, caption);
    p.setFont(small);
    const QFontMetrics fm(small);
    int x = 4 + QFontMetrics(bold).horizontalAdvance(caption) + 12;
    const int sw = 10, sy = (kHintHeight - 8) / 2;
    p.fillRect(QRect(x, sy + 2, sw, 4), worker_palette::waitColor());
    p.drawText(QRect(x + sw + 3, 0, 300, kHintHeight), Qt::AlignLeft | Qt::AlignVCenter, waiting);
    x += sw + 3 + fm.horizontalAdvance(waiting) + 10;
    // A narrow view (the window at 1024 px) cut the key's last word: say it shorter there.
    if (x + sw + 3 + fm.horizontalAdvance(holding) > width() - 4)
        holding = m_messages ? tr("sending") : tr("holding");
    p.fillRect(QRect(x, sy, sw, 8), worker_palette::color(0));
    p.drawText(QRect(x + sw + 3, 0, 400, kHintHeight), Qt::AlignLeft | Qt::AlignVCenter, holding);
    x += sw + 3 + fm.horizontalAdvance(holding) + 16;
    QColor hintColor = pal.color(QPalette::WindowText);
    hintColor.setAlpha(150);
    p.setPen(hintColor);
    if (grouped()) {
        const QString lanes = tr("%1 workers a lane").arg(m_groupSize);
        if (x + fm.horizontalAdvance(lanes) <= width() - 4) {
            p.drawText(QRect(x, 0, width() - 4 - x, kHintHeight), Qt::AlignLeft | Qt::AlignVCenter,
                       lanes);
            x += fm.horizontalAdvance(lanes) + 16;
        }
    }
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

void LockTimeline::drawLaneLabel(QPainter& p, double top, double laneH, const QString& text,
                                 const QColor* swatch) const {
    if (laneH < 9) return;
    p.setPen(palette().color(QPalette::WindowText));
    if (swatch) p.fillRect(QRectF(4, top + laneH / 2 - 4, 8, 8), *swatch);
    const double x = swatch ? 15 : 4;
    p.drawText(QRectF(x, top, labelWidth() - x, laneH), Qt::AlignLeft | Qt::AlignVCenter, text);
}

void LockTimeline::drawLockLanes(QPainter& p, LaneBars& out, const QRect& area,
                                 const shm::TimeColumns& cols, double top, double laneH,
                                 uint64_t openEndNs,
                                 const std::vector<std::vector<double>>& holds) const {
    const auto lanes = shm::lockLanes(*m_activity, cols, openEndNs, &holds);
    const double pad = laneH > 6 ? 2 : 0.5, fullPx = laneH - 2 * pad;
    QColor neutral = palette().color(QPalette::WindowText);
    neutral.setAlpha(170);
    for (size_t l = 0; l < lanes.size(); ++l, top += laneH) {
        const shm::LockLane& lane = lanes[l];
        p.fillRect(QRectF(area.left(), top, area.width(), laneH),
                   palette().color(QPalette::AlternateBase));
        // Core names the lanes in English; "lock" and "stripes" are words, "s0".."s7" names.
        const QString label = lane.label == "lock"      ? tr("lock")
                              : lane.label == "stripes" ? tr("stripes")
                                                        : QString::fromStdString(lane.label);
        drawLaneLabel(p, top, laneH, label, nullptr);
        const bool summary = lane.label == "stripes";
        std::vector<Bar> bars(lane.cover.size());
        for (size_t c = 0; c < bars.size(); ++c)
            bars[c] = {pixels(lane.cover[c], fullPx), 0, summary ? kNeutral : lane.holder[c]};
        drawBars(out, bars, area.left(), int(top + laneH / 2), neutral, neutral);
    }
    if (!lanes.empty()) {
        p.setPen(palette().color(QPalette::Mid));
        p.drawLine(QPointF(area.left(), top + kLockGap / 2.0),
                   QPointF(area.right(), top + kLockGap / 2.0));
    }
}

// Ranks on more than one host: the lanes host by host, each group under a strip with the
// host's name (a rank that never reported comes last, under none). Else one row per worker.
std::vector<LockTimeline::Row> LockTimeline::rows() const {
    std::vector<Row> out;
    if (!m_messages || m_hosts.size() < 2) {
        for (uint32_t k = 0; k < m_workers; ++k)
            out.push_back({int(k), -1});
        return out;
    }
    std::vector<bool> placed(m_workers, false);
    for (size_t g = 0; g < m_hosts.size(); ++g) {
        out.push_back({-1, int(g)});
        for (uint32_t k : m_hosts[g].ranks)
            if (k < m_workers && !placed[k]) {
                out.push_back({int(k), int(g)});
                placed[k] = true;
            }
    }
    for (uint32_t k = 0; k < m_workers; ++k)
        if (!placed[k]) out.push_back({int(k), -1});
    return out;
}

int LockTimeline::hostStripHeight() const {
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    return QFontMetrics(f).height() + 4;
}

// The strip over a host's lanes: its name, its ranks and how well its clock is placed.
void LockTimeline::drawHostStrip(QPainter& p, const QRect& area, double top,
                                 const shm::HostGroup& g) const {
    const int h = hostStripHeight();
    QColor bg = palette().color(QPalette::Mid);
    bg.setAlpha(90);
    p.fillRect(QRectF(0, top, area.right() + 1, h), bg);
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(QPointF(0, top), QPointF(area.right(), top));
    QStringList ranks;
    for (uint32_t k : g.ranks)
        ranks << QStringLiteral("r%1").arg(k);
    const QString clock =
        g.index == 0 ? tr("rank 0's clock")
                     : tr("clock placed to ±%1").arg(format::duration(double(g.clockErrorNs)));
    QFont bold = p.font();
    bold.setBold(true);
    const QString name = QString::fromStdString(g.name.empty() ? "?" : g.name);
    const QFont plain = p.font();
    p.setFont(bold);
    p.setPen(palette().color(QPalette::WindowText));
    const QRectF box(4, top, area.right() - 4, h);
    p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, name);
    const double x = 4 + QFontMetrics(bold).horizontalAdvance(name) + 8;
    p.setFont(plain);
    p.drawText(QRectF(x, top, area.right() - x, h), Qt::AlignLeft | Qt::AlignVCenter,
               ranks.join(QLatin1Char(' ')) + QStringLiteral("  ·  ") + clock);
}

void LockTimeline::drawWorkerLanes(QPainter& p, LaneBars& out, const QRect& area,
                                   const shm::TimeColumns& cols, double top, double laneH,
                                   uint64_t openEndNs,
                                   const std::vector<std::vector<double>>& holds) const {
    const double pad = laneH > 6 ? 2 : 0.5, fullPx = laneH - 2 * pad;
    uint32_t shown = 0;
    for (const Row& row : rows()) {
        if (row.rank < 0) {
            drawHostStrip(p, area, top, m_hosts[size_t(row.host)]);
            top += hostStripHeight();
            continue;
        }
        const uint32_t k = uint32_t(row.rank);
        const QColor color = worker_palette::color(k);
        if (shown++ % 2)
            p.fillRect(QRectF(area.left(), top, area.width(), laneH),
                       palette().color(QPalette::AlternateBase));
        drawLaneLabel(p, top, laneH,
                      m_messages ? QStringLiteral("r%1").arg(k) : worker_palette::workerLabel(k),
                      &color);
        if (k < m_activity->workers()) {
            const std::vector<double>& hold = holds[k];
            const auto wait =
                shm::workerCoverage(*m_activity, k, shm::Activity::Wait, cols, openEndNs);
            std::vector<Bar> bars(hold.size());
            for (size_t c = 0; c < bars.size(); ++c)
                bars[c] = {pixels(hold[c], fullPx), pixels(wait[c], fullPx * 0.5), -1};
            drawBars(out, bars, area.left(), int(top + laneH / 2), color, color);
        }
        top += laneH;
    }
}

// A lane per group of workers (analysis/lane_groups.h): the hold in the colour of the member
// holding longest, the wait as the members' mean.
void LockTimeline::drawGroupLanes(QPainter& p, LaneBars& out, const QRect& area,
                                  const shm::TimeColumns& cols, double top, double laneH,
                                  uint64_t openEndNs, const std::vector<std::vector<double>>& holds,
                                  const std::vector<shm::LaneGroup>& groups) const {
    const double pad = laneH > 6 ? 2 : 0.5, fullPx = laneH - 2 * pad;
    const uint32_t workers = std::min(m_workers, m_activity->workers());
    std::vector<std::vector<double>> waits(workers);
    for (uint32_t k = 0; k < workers; ++k)
        waits[k] = shm::workerCoverage(*m_activity, k, shm::Activity::Wait, cols, openEndNs);
    // Holds that can overlap: one per stripe when striped, else one.
    const uint32_t concurrent =
        m_activity->sync() == shm::SyncMode::Striped ? std::max(1u, m_activity->locks() - 1) : 1;
    for (size_t g = 0; g < groups.size(); ++g, top += laneH) {
        const shm::LaneGroup& group = groups[g];
        if (g % 2)
            p.fillRect(QRectF(area.left(), top, area.width(), laneH),
                       palette().color(QPalette::AlternateBase));
        const uint32_t last = group.first + group.count - 1;
        drawLaneLabel(p, top, laneH,
                      group.count == 1 ? worker_palette::workerLabel(group.first)
                                       : QStringLiteral("w%1–%2").arg(group.first).arg(last),
                      nullptr);
        const shm::GroupCoverage c = shm::groupCoverage(group, holds, waits, concurrent);
        std::vector<Bar> bars(c.hold.size());
        for (size_t i = 0; i < bars.size(); ++i)
            bars[i] = {pixels(c.hold[i], fullPx), pixels(c.wait[i], fullPx * 0.5), c.holder[i]};
        const QColor own = worker_palette::color(group.first);
        drawBars(out, bars, area.left(), int(top + laneH / 2), own, own);
    }
}

void LockTimeline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    // Grouping first: the labels' width, and so the lanes' area, depends on it.
    const std::vector<shm::LaneGroup> groups = laneGroups();
    m_groupSize = groups.empty() ? 1 : groups.front().count;
    const QRect area = lanesRect();
    m_map.x0 = area.left();
    m_map.x1 = area.left() + area.width(); // column c covers [x0 + c, x0 + c + 1)
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    drawHeader(p, small);
    if (!m_activity || !m_workers || !m_releaseNs) {
        QColor hint = palette().color(QPalette::WindowText);
        hint.setAlpha(150);
        p.setPen(hint);
        p.drawText(area, Qt::AlignCenter,
                   m_messages ? tr("messages appear here during a run")
                              : tr("lock events appear here during a run"));
        return;
    }
    drawAxis(p, area);
    const double release = double(m_releaseNs);
    const shm::TimeColumns cols{release + m_map.t0, release + m_map.t1, std::max(1, area.width())};
    // Still holding or waiting at a worker's newest event (live run): drawn to "now".
    const uint64_t openEnd = m_releaseNs + uint64_t(std::max(0.0, m_endNs));
    const uint32_t lockLanes = shm::lockLaneCount(*m_activity);
    const double gap = lockLanes ? kLockGap : 0;
    const int strips = int(rows().size()) - int(m_workers); // host strips (messages mode)
    const uint32_t workerLanes = grouped() ? uint32_t(groups.size()) : m_workers;
    const double laneH = std::clamp((area.height() - gap - strips * hostStripHeight()) /
                                        double(lockLanes + workerLanes),
                                    kThinnestLane, 44.0);
    p.setClipRect(QRect(0, area.top(), width(), area.height()));
    p.setFont(small);
    std::vector<std::vector<double>> holds(m_activity->workers());
    for (uint32_t k = 0; k < m_activity->workers(); ++k)
        holds[k] = shm::workerCoverage(*m_activity, k, shm::Activity::Hold, cols, openEnd);
    LaneBars bars(p, area);
    drawLockLanes(p, bars, area, cols, area.top(), laneH, openEnd, holds);
    if (grouped())
        drawGroupLanes(p, bars, area, cols, area.top() + lockLanes * laneH + gap, laneH, openEnd,
                       holds, groups);
    else
        drawWorkerLanes(p, bars, area, cols, area.top() + lockLanes * laneH + gap, laneH, openEnd,
                        holds);
    bars.finish();
    if (m_dropped) drawPartialNotice(p, area);
}

void LockTimeline::drawPartialNotice(QPainter& p, const QRect& area) const {
    // Built from the event stream: say on the picture that it is incomplete (the counters in
    // the contention figures stay exact).
    const QString text = tr("partial: %1 events dropped").arg(format::count(double(m_dropped)));
    const QFontMetrics fm(p.font());
    QRect box(0, 0, fm.horizontalAdvance(text) + 10, fm.height() + 4);
    box.moveTopRight(area.topRight() + QPoint(-2, 2));
    QColor bg = palette().color(QPalette::Base);
    bg.setAlpha(220);
    p.fillRect(box, bg);
    p.setPen(worker_palette::mismatchColor());
    p.drawRect(box.adjusted(0, 0, -1, -1));
    p.drawText(box, Qt::AlignCenter, text);
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
