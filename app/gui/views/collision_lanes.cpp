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
    const auto& steps = m.steps();
    const int cur = m.step();
    const QColor textColor = palette().color(QPalette::Text);
    const QColor red = worker_palette::mismatchColor();
    const QFontMetrics fm(font());
    const int lh = fm.height();

    // The bin's value after the step shown, big enough to read from the back of a room.
    QFont big = font();
    if (big.pointSizeF() > 0)
        big.setPointSizeF(big.pointSizeF() * 2.2);
    else
        big.setPixelSize(int(big.pixelSize() * 2.2));
    big.setBold(true);
    const QFontMetrics bfm(big);
    const int valueH = bfm.height() + 8;

    // The lanes: the workers involved, by number.
    std::vector<uint32_t> workers;
    for (const auto& a : e->accesses)
        workers.push_back(a.worker);
    std::sort(workers.begin(), workers.end());
    workers.erase(std::unique(workers.begin(), workers.end()), workers.end());
    const int axisH = 2 * lh + 10;
    const int lanes = int(workers.size());
    const int laneH =
        std::clamp((height() - 4 - axisH - valueH) / std::max(1, lanes), 3 * lh + 6, 6 * lh);
    // The value, the lanes and the axis together in the middle of the room.
    const int valueTop = 4 + std::max(0, (height() - 4 - valueH - lanes * laneH - axisH) / 2);
    const int laneTop = valueTop + valueH;
    p.setFont(big);
    p.setPen(textColor);
    p.drawText(QPointF(10, valueTop + bfm.ascent()),
               tr("bin %1 = %2").arg(QString::number(e->bin), QString::number(m.binValue())));
    p.setFont(font());
    uint64_t maxValue = 0;
    std::vector<uint64_t> times;
    for (const auto& s : steps) {
        times.push_back(s.tNs);
        maxValue = std::max(maxValue, s.value);
    }
    const CollisionTimeAxis axis = CollisionTimeAxis::build(times);
    const int labelW = fm.horizontalAdvance(QStringLiteral("w00")) + 16;
    const double valueW = fm.horizontalAdvance(QStringLiteral("W %1").arg(maxValue));
    const double x0 = labelW + valueW / 2 + 4, x1 = width() - valueW / 2 - 10;
    auto xOf = [&](uint64_t t) { return x0 + axis.fraction(t) * (x1 - x0); };
    auto laneOf = [&](uint32_t w) {
        return int(std::lower_bound(workers.begin(), workers.end(), w) - workers.begin());
    };
    const double barH = std::max(6.0, lh * 0.7);

    // Where each access's read and write are among the steps.
    std::vector<int> readStep(e->accesses.size(), -1), writeStep(e->accesses.size(), -1);
    for (size_t i = 0; i < steps.size(); ++i)
        (steps[i].write ? writeStep : readStep)[size_t(steps[i].access)] = int(i);

    // Lanes, their workers' names, and the cursor at the step shown.
    for (int l = 0; l < lanes; ++l) {
        const QRect lane(0, laneTop + l * laneH, width(), laneH);
        if (l % 2) p.fillRect(lane, palette().color(QPalette::AlternateBase));
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(worker_palette::color(workers[size_t(l)]));
        p.drawText(QRect(6, lane.top(), labelW - 8, laneH), Qt::AlignVCenter | Qt::AlignLeft,
                   worker_palette::workerLabel(workers[size_t(l)]));
        p.setFont(font());
    }
    const int lanesBottom = laneTop + lanes * laneH;
    if (cur >= 0 && cur < int(steps.size())) {
        QPen cursor(palette().color(QPalette::Highlight), 1, Qt::DashLine);
        p.setPen(cursor);
        const double x = xOf(steps[size_t(cur)].tNs);
        p.drawLine(QPointF(x, laneTop), QPointF(x, lanesBottom));
    }

    // Each access: the bar, the marks, the labels (the step shown and the story's accesses
    // first, so where labels crowd theirs stay).
    p.setRenderHint(QPainter::Antialiasing, true);
    std::vector<Placed> placed(static_cast<size_t>(lanes));
    std::vector<size_t> order(e->accesses.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    auto rank = [&](size_t i) {
        if (readStep[i] == cur || writeStep[i] == cur) return 0;
        return e->roles[i] == shm::AccessRole::Other ? 2 : 1;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return rank(a) < rank(b); });
    for (size_t i : order) {
        const shm::UpdateAccess& a = e->accesses[i];
        const int l = laneOf(a.worker);
        const double yc = laneTop + l * laneH + laneH / 2.0;
        const QColor c = worker_palette::color(a.worker);
        const bool readOn = readStep[i] >= 0 && readStep[i] <= cur;
        const bool writeOn = writeStep[i] >= 0 && writeStep[i] <= cur;
        const double xr = xOf(a.readNs);
        const double xw = a.written ? xOf(a.writeNs) : std::min(x1, xr + valueW);
        const QRectF bar(QPointF(xr, yc - barH / 2), QPointF(std::max(xw, xr + 2), yc + barH / 2));
        p.setPen(QPen(faded(c, readOn), 1, a.written ? Qt::SolidLine : Qt::DashLine));
        p.setBrush(faded(worker_palette::pale(c), readOn));
        p.drawRect(bar);
        const bool lost = e->roles[i] == shm::AccessRole::Lost;
        const bool over = e->roles[i] == shm::AccessRole::Overwriter;
        auto mark = [&](double x, bool on, const QColor& col) {
            p.setPen(QPen(faded(col, on), 2.5));
            p.drawLine(QPointF(x, yc - barH / 2 - 4), QPointF(x, yc + barH / 2 + 4));
        };
        mark(xr, readOn, c);
        if (a.written) mark(xw, writeOn, lost ? red : c);
        auto label = [&](const QString& text, double x, bool above, bool on, int step,
                         const QColor& col, bool strike, bool bold) {
            QFont f = font();
            f.setStrikeOut(strike);
            f.setBold(bold || step == cur);
            const QFontMetrics lfm(f);
            const double w = lfm.horizontalAdvance(text) + 4;
            const double top = above ? yc - barH / 2 - 4 - lh : yc + barH / 2 + 4;
            QRectF r(std::max(double(labelW), std::min(x - w / 2, width() - w - 2)), top, w, lh);
            if (step != cur && !placed[size_t(l)].fits(r)) return;
            placed[size_t(l)].rects.push_back(r);
            if (step == cur) {
                QColor hl = palette().color(QPalette::Highlight);
                hl.setAlpha(70);
                p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
                p.setBrush(hl);
                p.drawRoundedRect(r.adjusted(-2, -1, 2, 1), 3, 3);
            }
            p.setFont(f);
            p.setPen(faded(col, on));
            p.drawText(r, Qt::AlignCenter, text);
            p.setFont(font());
        };
        label(tr("R %1").arg(a.readValue), xr, true, readOn, readStep[i], textColor, false, false);
        if (a.written) {
            label(over ? tr("W %1 overwrites").arg(a.readValue + 1)
                       : tr("W %1").arg(a.readValue + 1),
                  xw, false, writeOn, writeStep[i],
                  lost   ? red
                  : over ? red.darker(130)
                         : textColor,
                  lost, lost || over);
        } else {
            label(tr("read %1, worker died before writing").arg(a.readValue), xr, false, readOn,
                  readStep[i], textColor, false, false);
        }
    }
    p.setRenderHint(QPainter::Antialiasing, false);

    // The axis: each moment's time since the first read, where there is room for it.
    const int axisY = lanesBottom + 2;
    p.setPen(QPen(textColor, 1));
    p.drawLine(QPointF(x0, axisY), QPointF(x1, axisY));
    const uint64_t t0 = axis.times.empty() ? 0 : axis.times.front();
    Placed ticks;
    std::vector<uint64_t> tickOrder = axis.times;
    if (cur >= 0 && cur < int(steps.size())) {
        const uint64_t tc = steps[size_t(cur)].tNs;
        // The step shown first, then the origin and the end, then the rest where they fit.
        std::stable_partition(tickOrder.begin(), tickOrder.end(), [&](uint64_t t) {
            return t == tc || t == axis.times.front() || t == axis.times.back();
        });
        std::stable_partition(tickOrder.begin(), tickOrder.end(),
                              [&](uint64_t t) { return t == tc; });
    }
    for (uint64_t t : tickOrder) {
        const double x = xOf(t);
        p.drawLine(QPointF(x, axisY), QPointF(x, axisY + 4));
        const QString text = tr("+%1 ns").arg(format::number(t - t0));
        const double w = fm.horizontalAdvance(text) + 4;
        const QRectF r(std::max(2.0, std::min(x - w / 2, width() - w - 2)), axisY + 5, w, lh);
        if (!ticks.fits(r)) continue;
        ticks.rects.push_back(r);
        p.drawText(r, Qt::AlignCenter, text);
    }
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRectF(labelW, axisY + 5 + lh, width() - labelW - 4, lh),
               Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(tr("time since the first read shown; long gaps drawn shorter"),
                             Qt::ElideRight, width() - labelW - 4));
}
