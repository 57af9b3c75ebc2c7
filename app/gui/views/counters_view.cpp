#include "gui/views/counters_view.h"

#include "analysis/metrics.h"
#include "gui/common/format.h"
#include "gui/common/worker_palette.h"
#include "gui/models/counters_model.h"
#include "gui/views/section_heading.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int kMaxLinesDrawn = 16;
constexpr int kRowH = 28;

// Paints the lines and the bars; all figures come from the model.
class CountersCanvas : public QWidget {
    // Without it tr() would look its texts up under QWidget, where lupdate never puts them.
    Q_OBJECT

  public:
    explicit CountersCanvas(const CountersModel* m, QWidget* parent) : QWidget(parent), m_m(m) {
        setObjectName(QStringLiteral("countersCanvas"));
        setMinimumHeight(160);
    }
    double sharedMostNs = 0; // side by side: the bars' scale shared with other columns

  protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing, false);
        p.fillRect(rect(), palette().color(QPalette::Base));
        if (!m_m->hasRun()) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(rect(), Qt::AlignCenter, tr("counters appear here during a run"));
            return;
        }
        // The lines as tall as they need (a row each, up to kMaxLinesDrawn), the bars below.
        const int rows = int(std::min<uint64_t>(m_m->lines(), kMaxLinesDrawn)) + 2;
        const int linesH = std::min(height() / 2, rows * kRowH);
        drawLines(p, QRect(8, 4, width() - 16, linesH));
        drawBars(p, QRect(8, linesH + 16, width() - 16, height() - linesH - 20));
    }

  private:
    // Each 64-byte line as 8 cells of 8 bytes; a counter's cell in its worker's colour.
    void drawLines(QPainter& p, QRect area) const {
        const uint64_t lines = m_m->lines();
        const int shown = int(std::min<uint64_t>(lines, kMaxLinesDrawn));
        const QFontMetrics fm(font());
        const int labelW = fm.horizontalAdvance(QStringLiteral("line 00  bytes 0000–0000 ")) + 4;
        const double rowH = std::clamp(double(area.height()) / (shown + 2), 10.0, double(kRowH));
        const double cellW = std::max(18.0, double(area.width() - labelW) / 8.0);
        const uint64_t perCell = 8;
        std::vector<int> owner(size_t(shown) * 8, -1);
        for (const auto& c : m_m->counters()) {
            const uint64_t cell = c.byteOffset / perCell;
            if (cell < owner.size()) owner[cell] = int(c.worker);
        }
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRectF(area.left(), area.top(), area.width(), rowH),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   tr("One row per 64-byte cache line; a cell is 8 bytes"));
        for (int l = 0; l < shown; ++l) {
            const double y = area.top() + (l + 1) * rowH;
            p.setPen(palette().color(QPalette::WindowText));
            p.drawText(QRectF(area.left(), y, labelW, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("line %1  bytes %2–%3").arg(l).arg(l * 64).arg(l * 64 + 63));
            for (int c = 0; c < 8; ++c) {
                const QRectF cell(area.left() + labelW + c * cellW, y + 1, cellW - 2, rowH - 3);
                const int k = owner[size_t(l) * 8 + size_t(c)];
                if (k < 0) {
                    p.fillRect(cell, palette().color(QPalette::AlternateBase));
                    p.setPen(palette().color(QPalette::Mid));
                    p.drawRect(cell);
                    continue;
                }
                const QColor col = worker_palette::color(uint32_t(k));
                p.fillRect(cell, col);
                p.setPen(col.lightnessF() > 0.6 ? Qt::black : Qt::white);
                p.drawText(cell, Qt::AlignCenter, worker_palette::workerLabel(uint32_t(k)));
            }
        }
        if (uint64_t(shown) < lines) {
            p.setPen(palette().color(QPalette::WindowText));
            p.drawText(QRectF(area.left(), area.top() + (shown + 1) * rowH - 2, area.width(), rowH),
                       Qt::AlignLeft | Qt::AlignTop,
                       tr("… %1 more lines").arg(lines - uint64_t(shown)));
        }
    }

    // ns per increment per worker, on one scale.
    void drawBars(QPainter& p, QRect area) const {
        const auto& cs = m_m->counters();
        if (cs.empty()) return;
        double most = 0;
        for (const auto& c : cs)
            most = std::max(most, c.nsPerIncrement);
        most = std::max(most, sharedMostNs);
        const QFontMetrics fm(font());
        const int labelW = fm.horizontalAdvance(cs.size() > 100 ? QStringLiteral("w000 ")
                                                                : QStringLiteral("w00 ")) +
                           4;
        const int valueW = fm.horizontalAdvance(QStringLiteral(" 000.00 ns (CPU 000.00 ns) · "
                                                               "10,000,000,000 of "
                                                               "10,000,000,000")) +
                           4;
        const CountersView::BarRows rows =
            CountersView::barRows(area.height(), int(cs.size()), fm.height());
        const double rowH = rows.rowH, gap = rowH >= 4 ? 1 : 0;
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRectF(area.left(), area.top(), area.width(), rows.titleH),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   tr("ns per increment: busy (wall) time ÷ increments (its own CPU time ÷ "
                      "increments) · count so far"));
        const double barMax = std::max(10, area.width() - labelW - valueW);
        for (size_t i = 0; i < cs.size(); ++i) {
            const auto& c = cs[i];
            const double y = area.top() + rows.titleH + double(i) * rowH;
            const double len = most > 0 ? barMax * c.nsPerIncrement / most : 0;
            p.fillRect(QRectF(area.left() + labelW, y + gap, std::max(1.0, len),
                              std::max(1.0, rowH - 2 * gap)),
                       worker_palette::color(c.worker));
            if (!rows.labelEvery || i % size_t(rows.labelEvery)) continue;
            p.setPen(palette().color(QPalette::WindowText));
            // A sparse name sits on its row's top, over the rows below it.
            p.drawText(QRectF(area.left(), y, labelW, std::max(rowH, double(fm.height()))),
                       Qt::AlignLeft | (rows.values ? Qt::AlignVCenter : Qt::AlignTop),
                       worker_palette::workerLabel(c.worker));
            if (!rows.values) continue;
            p.drawText(QRectF(area.left() + labelW + len + 4, y, valueW, rowH),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       tr("%1 ns (CPU %2 ns) · %3 of %4")
                           .arg(c.nsPerIncrement, 0, 'f', 2)
                           .arg(c.cpuNsPerIncrement, 0, 'f', 2)
                           .arg(format::text(shm::groupedNumber(c.value)),
                                format::text(shm::groupedNumber(m_m->config().increments))));
        }
    }

    const CountersModel* m_m;
};
} // namespace

CountersView::BarRows CountersView::barRows(int height, int workers, int textH) {
    BarRows r;
    r.titleH = textH + 4;
    const int n = std::max(1, workers);
    // Under a pixel a row when the workers outnumber the pixels: bars then overlap, each pixel
    // row showing one of its workers, and the bars are a profile of the whole run.
    r.rowH = std::min(double(kRowH), std::max(0.0, height - r.titleH) / double(n));
    r.values = r.rowH >= textH * 0.8;
    if (r.values) return r;
    // Names a text line apart, on rows a power of two apart (w0, w16, w32 ...).
    r.labelEvery = 1;
    while (r.labelEvery < n && r.rowH * r.labelEvery < textH)
        r.labelEvery *= 2;
    return r;
}

CountersView::CountersView(const CountersModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    setObjectName(QStringLiteral("countersView"));
    auto* layout = sectionLayout(this, tr("Shared counters"));
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("countersCaption"));
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    m_canvas = new CountersCanvas(model, this);
    layout->addWidget(m_canvas, 1);
    setToolTip(tr("Counters workload: each worker increments only its own counter, yet counters "
                  "that share a cache line (packed) make the cores pass the line back and forth "
                  "on every store: false sharing. Padded gives each counter its own line."));
    connect(model, &CountersModel::changed, this, &CountersView::refresh);
    refresh();
}

void CountersView::refresh() {
    const auto& c = m_model->config();
    if (!m_model->hasRun()) {
        m_caption->setText(tr("Run the counters workload to see false sharing."));
    } else {
        const bool padded = c.counterLayout == shm::CounterLayout::Padded;
        const QString where =
            padded ? tr("padded: each counter on a 128-byte line of its own — no line is shared")
                   : tr("packed: %1 counters on %2 cache line(s), up to %3 on one line — every "
                        "store takes the line away from the other cores (false sharing)")
                         .arg(c.workers)
                         .arg(m_model->lines())
                         .arg(m_model->mostOnOneLine());
        // Wall time counts the time a worker waited for a core on a busy machine; its own CPU
        // time does not (the report's total_ns_per_increment and total_cpu_ns_per_increment).
        m_caption->setText(tr("%1 · %2 ns per increment overall (wall time), %3 ns of CPU time")
                               .arg(where)
                               .arg(m_model->totalNsPerIncrement(), 0, 'f', 2)
                               .arg(m_model->totalCpuNsPerIncrement(), 0, 'f', 2));
    }
    m_canvas->update();
}

void CountersView::setScaleNs(double mostNs) {
    auto* canvas = static_cast<CountersCanvas*>(m_canvas);
    if (canvas->sharedMostNs == mostNs) return;
    canvas->sharedMostNs = mostNs;
    canvas->update();
}

#include "counters_view.moc"
