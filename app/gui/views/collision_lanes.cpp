#include "gui/views/collision_lanes.h"

#include "gui/common/format.h"
#include "gui/common/worker_palette.h"
#include "gui/models/collision_model.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

CollisionTimeAxis CollisionTimeAxis::build(std::vector<uint64_t> t) {
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
    CollisionTimeAxis a;
    double u = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        if (i > 0) u += 1.0 + 0.5 * std::log10(1.0 + double(t[i] - t[i - 1]) / 10.0);
        a.units.push_back(u);
    }
    a.times = std::move(t);
    return a;
}

double CollisionTimeAxis::fraction(uint64_t t) const {
    if (times.size() < 2) return 0.5;
    const auto it = std::lower_bound(times.begin(), times.end(), t);
    if (it == times.end()) return 1.0;
    const size_t i = size_t(it - times.begin());
    double u = units[i];
    if (*it != t && i > 0)
        u = units[i - 1] +
            (units[i] - units[i - 1]) * double(t - times[i - 1]) / double(times[i] - times[i - 1]);
    return u / units.back();
}

namespace {
// Labels of one lane (or the axis) go where they do not cover one already drawn.
struct Placed {
    std::vector<QRectF> rects;
    bool fits(const QRectF& r) const {
        return std::none_of(rects.begin(), rects.end(),
                            [&](const QRectF& o) { return o.adjusted(-3, 0, 3, 0).intersects(r); });
    }
};

QColor faded(QColor c, bool on) {
    if (!on) c.setAlpha(60);
    return c;
}
} // namespace

CollisionLanes::CollisionLanes(const CollisionModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    setObjectName(QStringLiteral("collisionLanes"));
    setFocusPolicy(Qt::ClickFocus);
    setToolTip(tr("One lane per worker. R: its read of the bin (the value read); W: its write "
                  "(the value written); the bar between them: the update under way. Faint: "
                  "not happened yet at the step shown. Struck in red: the lost write. "
                  "← / → step."));
}

QSize CollisionLanes::minimumSizeHint() const {
    const int lh = fontMetrics().height();
    return {18 * lh, 3 * lh + 2 * (3 * lh + 6) + 2 * lh + 8};
}

void CollisionLanes::paintMessage(QPainter& p, const QString& text) const {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, text);
}

// Everything a paint needs to place the example: lanes, axis, each access's steps.
struct CollisionLanes::Layout {
    const shm::CollisionExample* e = nullptr;
    const std::vector<shm::CollisionStep>* steps = nullptr;
    int cur = -1;
    QFont font; // the widget's, grown with the height it has (layout())
    int lh = 0;
    std::vector<uint32_t> workers; // one lane each, by number
    int valueTop = 0, laneTop = 0, laneH = 0, labelW = 0;
    double valueW = 0, x0 = 0, x1 = 0, barH = 0;
    CollisionTimeAxis axis;
    std::vector<int> readStep, writeStep; // per access: its steps (-1: none)

    double xOf(uint64_t t) const { return x0 + axis.fraction(t) * (x1 - x0); }
    int laneOf(uint32_t w) const {
        return int(std::lower_bound(workers.begin(), workers.end(), w) - workers.begin());
    }
    double yOf(int lane) const { return laneTop + lane * laneH + laneH / 2.0; }
    int bottom() const { return laneTop + int(workers.size()) * laneH; }
};

namespace {
QFont bigFont(QFont big) {
    if (big.pointSizeF() > 0)
        big.setPointSizeF(big.pointSizeF() * 2.2);
    else
        big.setPixelSize(int(big.pixelSize() * 2.2));
    big.setBold(true);
    return big;
}
} // namespace

void CollisionLanes::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const CollisionModel& m = *m_model;
    if (!m.hasReport()) {
        paintMessage(p, tr("At the end of an unprotected histogram run (--workload histogram "
                           "--sync none) its lost updates appear here: pick one, then step "
                           "through it with ← and →."));
        return;
    }
    if (!m.logged()) {
        paintMessage(p, tr("This run kept no log of its updates: %1").arg(m.offReason()));
        return;
    }
    const shm::CollisionExample* e = m.example();
    if (!e || e->accesses.empty()) {
        if (const auto first = m.firstListedAfterNs())
            paintMessage(p, tr("No update lost yet at this moment of the run: the first is "
                               "at %1 s.")
                                .arg(double(*first) / 1e9, 0, 'f', 3));
        else
            paintMessage(p, tr("No two updates of one bin by different workers were logged."));
        return;
    }
    const Layout l = layout();
    // The bin's value after the step shown, big enough to read from the back of a room.
    const QFont big = bigFont(l.font);
    p.setFont(big);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QPointF(10, l.valueTop + QFontMetrics(big).ascent()),
               tr("bin %1 = %2").arg(QString::number(e->bin), QString::number(m.binValue())));
    p.setFont(l.font);
    paintLanes(p, l);
    paintAccesses(p, l);
    paintAxis(p, l);
}

CollisionLanes::Layout CollisionLanes::layout() const {
    Layout l;
    l.e = m_model->example();
    l.steps = &m_model->steps();
    l.cur = m_model->step();
    // Projected in a lecture room, a tall view is read from far away: the text grows with the
    // height up to twice the widget's font (a 1080-line screen), never below it.
    l.font = font();
    const double grow = std::clamp(height() / (28.0 * fontMetrics().height()), 1.0, 2.0);
    if (l.font.pointSizeF() > 0)
        l.font.setPointSizeF(l.font.pointSizeF() * grow);
    else
        l.font.setPixelSize(int(l.font.pixelSize() * grow));
    const QFontMetrics fm(l.font);
    l.lh = fm.height();
    const int valueH = QFontMetrics(bigFont(l.font)).height() + 8;
    for (const auto& a : l.e->accesses)
        l.workers.push_back(a.worker);
    std::sort(l.workers.begin(), l.workers.end());
    l.workers.erase(std::unique(l.workers.begin(), l.workers.end()), l.workers.end());
    const int axisH = 2 * l.lh + 10;
    const int lanes = int(l.workers.size());
    l.laneH =
        std::clamp((height() - 4 - axisH - valueH) / std::max(1, lanes), 3 * l.lh + 6, 6 * l.lh);
    // The value, the lanes and the axis together in the middle of the room.
    l.valueTop = 4 + std::max(0, (height() - 4 - valueH - lanes * l.laneH - axisH) / 2);
    l.laneTop = l.valueTop + valueH;
    uint64_t maxValue = 0;
    std::vector<uint64_t> times;
    for (const auto& s : *l.steps) {
        times.push_back(s.tNs);
        maxValue = std::max(maxValue, s.value);
    }
    l.axis = CollisionTimeAxis::build(times);
    // Wide enough for "w00", or for the widest name shown in bold (w219 of 256 was cut).
    QFont bold = l.font;
    bold.setBold(true);
    l.labelW = fm.horizontalAdvance(QStringLiteral("w00")) + 16;
    for (uint32_t k : l.workers)
        l.labelW = std::max(
            l.labelW, QFontMetrics(bold).horizontalAdvance(worker_palette::workerLabel(k)) + 16);
    l.valueW = fm.horizontalAdvance(QStringLiteral("W %1").arg(maxValue));
    l.x0 = l.labelW + l.valueW / 2 + 4;
    l.x1 = width() - l.valueW / 2 - 10;
    l.barH = std::max(6.0, l.lh * 0.7);
    l.readStep.assign(l.e->accesses.size(), -1);
    l.writeStep.assign(l.e->accesses.size(), -1);
    for (size_t i = 0; i < l.steps->size(); ++i) {
        const shm::CollisionStep& s = (*l.steps)[i];
        (s.write ? l.writeStep : l.readStep)[size_t(s.access)] = int(i);
    }
    return l;
}

// Lanes, their workers' names, and the cursor at the step shown.
void CollisionLanes::paintLanes(QPainter& p, const Layout& l) const {
    for (int i = 0; i < int(l.workers.size()); ++i) {
        const QRect lane(0, l.laneTop + i * l.laneH, width(), l.laneH);
        if (i % 2) p.fillRect(lane, palette().color(QPalette::AlternateBase));
        QFont bold = l.font;
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(worker_palette::color(l.workers[size_t(i)]));
        p.drawText(QRect(6, lane.top(), l.labelW - 8, l.laneH), Qt::AlignVCenter | Qt::AlignLeft,
                   worker_palette::workerLabel(l.workers[size_t(i)]));
        p.setFont(l.font);
    }
    if (l.cur >= 0 && l.cur < int(l.steps->size())) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
        const double x = l.xOf((*l.steps)[size_t(l.cur)].tNs);
        p.drawLine(QPointF(x, l.laneTop), QPointF(x, l.bottom()));
    }
}

// Each access: the bar, the marks, the labels (the step shown and the story's accesses first,
// so where labels crowd theirs stay).
void CollisionLanes::paintAccesses(QPainter& p, const Layout& l) const {
    p.setRenderHint(QPainter::Antialiasing, true);
    std::vector<Placed> placed(l.workers.size());
    std::vector<size_t> order(l.e->accesses.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    auto rank = [&](size_t i) {
        if (l.readStep[i] == l.cur || l.writeStep[i] == l.cur) return 0;
        return l.e->roles[i] == shm::AccessRole::Other ? 2 : 1;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return rank(a) < rank(b); });
    for (size_t i : order)
        paintAccess(p, l, i, placed[size_t(l.laneOf(l.e->accesses[i].worker))].rects);
    p.setRenderHint(QPainter::Antialiasing, false);
}

void CollisionLanes::paintAccess(QPainter& p, const Layout& l, size_t i,
                                 std::vector<QRectF>& taken) const {
    const shm::UpdateAccess& a = l.e->accesses[i];
    const double yc = l.yOf(l.laneOf(a.worker));
    const QColor c = worker_palette::color(a.worker);
    const QColor textColor = palette().color(QPalette::Text);
    const QColor red = worker_palette::mismatchColor();
    const bool readOn = l.readStep[i] >= 0 && l.readStep[i] <= l.cur;
    const bool writeOn = l.writeStep[i] >= 0 && l.writeStep[i] <= l.cur;
    const double xr = l.xOf(a.readNs);
    const double xw = a.written ? l.xOf(a.writeNs) : std::min(l.x1, xr + l.valueW);
    const double hb = l.barH / 2;
    p.setPen(QPen(faded(c, readOn), 1, a.written ? Qt::SolidLine : Qt::DashLine));
    p.setBrush(faded(worker_palette::pale(c), readOn));
    p.drawRect(QRectF(QPointF(xr, yc - hb), QPointF(std::max(xw, xr + 2), yc + hb)));
    const bool lost = l.e->roles[i] == shm::AccessRole::Lost;
    const bool over = l.e->roles[i] == shm::AccessRole::Overwriter;
    auto mark = [&](double x, bool on, const QColor& col) {
        p.setPen(QPen(faded(col, on), std::max(2.5, l.lh / 7.0)));
        p.drawLine(QPointF(x, yc - hb - 4), QPointF(x, yc + hb + 4));
    };
    mark(xr, readOn, c);
    if (a.written) mark(xw, writeOn, lost ? red : c);
    auto label = [&](const QString& text, double x, bool above, bool on, int step,
                     const QColor& col, bool strike, bool bold) {
        QFont f = l.font;
        f.setStrikeOut(strike);
        f.setBold(bold || step == l.cur);
        const double w = QFontMetrics(f).horizontalAdvance(text) + 4;
        const double top = above ? yc - hb - 4 - l.lh : yc + hb + 4;
        const QRectF r(std::max(double(l.labelW), std::min(x - w / 2, width() - w - 2)), top, w,
                       l.lh);
        if (step != l.cur && !Placed{taken}.fits(r)) return;
        taken.push_back(r);
        if (step == l.cur) {
            QColor hl = palette().color(QPalette::Highlight);
            hl.setAlpha(70);
            p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
            p.setBrush(hl);
            p.drawRoundedRect(r.adjusted(-2, -1, 2, 1), 3, 3);
        }
        p.setFont(f);
        p.setPen(faded(col, on));
        p.drawText(r, Qt::AlignCenter, text);
        p.setFont(l.font);
    };
    label(tr("R %1").arg(a.readValue), xr, true, readOn, l.readStep[i], textColor, false, false);
    if (!a.written) {
        label(tr("read %1, worker died before writing").arg(a.readValue), xr, false, readOn,
              l.readStep[i], textColor, false, false);
        return;
    }
    const QString w =
        over ? tr("W %1 overwrites").arg(a.readValue + 1) : tr("W %1").arg(a.readValue + 1);
    label(w, xw, false, writeOn, l.writeStep[i],
          lost   ? red
          : over ? red.darker(130)
                 : textColor,
          lost, lost || over);
}

// The axis: each moment's time since the first read, where there is room for it.
void CollisionLanes::paintAxis(QPainter& p, const Layout& l) const {
    const QFontMetrics fm(l.font);
    const int axisY = l.bottom() + 2;
    p.setPen(QPen(palette().color(QPalette::Text), 1));
    p.drawLine(QPointF(l.x0, axisY), QPointF(l.x1, axisY));
    const std::vector<uint64_t>& times = l.axis.times;
    const uint64_t t0 = times.empty() ? 0 : times.front();
    Placed ticks;
    std::vector<uint64_t> order = times;
    if (l.cur >= 0 && l.cur < int(l.steps->size()) && !times.empty()) {
        const uint64_t tc = (*l.steps)[size_t(l.cur)].tNs;
        // The step shown first, then the origin and the end, then the rest where they fit.
        std::stable_partition(order.begin(), order.end(), [&](uint64_t t) {
            return t == tc || t == times.front() || t == times.back();
        });
        std::stable_partition(order.begin(), order.end(), [&](uint64_t t) { return t == tc; });
    }
    for (uint64_t t : order) {
        const double x = l.xOf(t);
        p.drawLine(QPointF(x, axisY), QPointF(x, axisY + 4));
        const QString text = tr("+%1 ns").arg(format::number(t - t0));
        const double w = fm.horizontalAdvance(text) + 4;
        const QRectF r(std::max(2.0, std::min(x - w / 2, width() - w - 2)), axisY + 5, w, l.lh);
        if (!ticks.fits(r)) continue;
        ticks.rects.push_back(r);
        p.drawText(r, Qt::AlignCenter, text);
    }
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRectF(l.labelW, axisY + 5 + l.lh, width() - l.labelW - 4, l.lh),
               Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(tr("time since the first read shown; long gaps drawn shorter"),
                             Qt::ElideRight, width() - l.labelW - 4));
}
