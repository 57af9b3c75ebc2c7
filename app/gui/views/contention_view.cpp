#include "contention_view.h"

#include "contention_model.h"
#include "lock_timeline.h"
#include "plot_style.h"
#include "section_heading.h"
#include "worker_palette.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace {
QColor pale(const QColor& c) {
    QColor p = c;
    p.setAlpha(85);
    return p;
}

const char* const kFigureCaptions[] = {"acquisitions/s", "contended", "mean wait", "max wait",
                                       "dropped"};
const char* const kFigureTips[] = {
    "Lock acquisitions per second, all workers together.",
    "Share of acquisitions that found the lock taken and had to wait.",
    "Average wait of a contended acquisition.", "Longest single wait for the lock.",
    "Lock events the workers could not record because the ring was full (the timeline and "
    "histogram miss these; the counters do not)."};

// Decade edges only: 100 ns, 1 µs, 10 µs, ... 10 s.
QString histogramLabel(int bucket) {
    static const char* const kLabels[] = {"100 ns", "1 µs",   "10 µs", "100 µs", "1 ms",
                                          "10 ms",  "100 ms", "1 s",   "10 s"};
    const int decade = (bucket - 1) / WaitHistogram::kPerDecade;
    return QString::fromUtf8(kLabels[std::clamp(decade, 0, 8)]);
}
} // namespace

ContentionView::ContentionView(ContentionModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    setObjectName(QStringLiteral("contentionView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(new SectionHeading(tr("Lock contention"), this));

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    auto* content = new QWidget(m_stack);
    auto* cl = new QVBoxLayout(content);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->setSpacing(4);
    auto* figures = new QHBoxLayout;
    figures->setSpacing(6);
    for (size_t i = 0; i < std::size(kFigureCaptions); ++i) {
        auto* l = new QLabel(content);
        l->setObjectName(QStringLiteral("figure%1").arg(i));
        l->setAlignment(Qt::AlignCenter);
        l->setTextFormat(Qt::RichText);
        l->setFrameShape(QFrame::StyledPanel);
        l->setMinimumWidth(56);
        l->setToolTip(tr(kFigureTips[i]));
        l->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        figures->addWidget(l, 1);
        m_figures.push_back(l);
    }
    cl->addLayout(figures);

    auto* split = new QSplitter(Qt::Vertical, content);
    split->setChildrenCollapsible(false);
    auto* plots = new QSplitter(Qt::Horizontal, split);
    plots->setChildrenCollapsible(false);
    m_bars = new QCustomPlot(plots);
    m_bars->setObjectName(QStringLiteral("contentionBars"));
    m_bars->setMinimumSize(160, 120);
    m_bars->setToolTip(tr("Per worker: time computing (pale), waiting for the lock (dark red) "
                          "and holding it (solid)."));
    m_bars->yAxis->setLabel(tr("time (s)"));
    m_bars->plotLayout()->insertRow(0);
    m_bars->plotLayout()->addElement(
        0, 0,
        new QCPTextElement(m_bars, tr("Time per worker"),
                           QFont(font().family(), int(font().pointSizeF()), QFont::Bold)));
    m_bars->legend->setVisible(true);
    m_bars->legend->setIconSize(14, 10);
    m_bars->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_bars->legend->setWrap(3);
    m_bars->legend->setRowSpacing(0);
    m_bars->legend->setColumnSpacing(6);
    // Legend in its own row under the title, so it never covers a bar.
    m_bars->axisRect()->insetLayout()->take(m_bars->legend);
    m_bars->plotLayout()->insertRow(1);
    m_bars->plotLayout()->addElement(1, 0, m_bars->legend);
    m_bars->legend->setMargins(QMargins(4, 1, 4, 1));
    m_bars->plotLayout()->setRowStretchFactor(0, 0.001);
    m_bars->plotLayout()->setRowStretchFactor(1, 0.001);
    // Three legend-only entries; the per-worker bars stay out of the legend.
    const QColor sample(0x70, 0x70, 0x70);
    const std::pair<QString, QBrush> legend[] = {{tr("compute"), QBrush(pale(sample))},
                                                 {tr("wait"), QBrush(worker_palette::waitColor())},
                                                 {tr("hold"), QBrush(sample)}};
    for (const auto& [name, brush] : legend) {
        auto* b = new QCPBars(m_bars->xAxis, m_bars->yAxis);
        b->setName(name);
        b->setBrush(brush);
        b->setPen(QPen(sample, 1));
    }
    plot_style::apply(m_bars);

    m_hist = new QCustomPlot(plots);
    m_hist->setObjectName(QStringLiteral("waitHistogram"));
    m_hist->setMinimumSize(160, 120);
    m_hist->setToolTip(tr("How long contended acquisitions waited, in log-scaled buckets "
                          "(three per decade)."));
    m_hist->plotLayout()->insertRow(0);
    m_hist->plotLayout()->setRowStretchFactor(0, 0.001);
    m_hist->plotLayout()->addElement(
        0, 0,
        new QCPTextElement(m_hist, tr("Wait times"),
                           QFont(font().family(), int(font().pointSizeF()), QFont::Bold)));
    m_hist->xAxis->setLabel(tr("wait (log scale)"));
    m_hist->yAxis->setLabel(tr("acquisitions"));
    m_histBars = new QCPBars(m_hist->xAxis, m_hist->yAxis);
    m_histBars->setWidth(0.85);
    m_histBars->setBrush(worker_palette::waitColor());
    m_histBars->setPen(Qt::NoPen);
    m_hist->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_hist->xAxis->setRange(-0.5, WaitHistogram::kBuckets - 0.5);
    plot_style::apply(m_hist);
    plots->addWidget(m_bars);
    plots->addWidget(m_hist);
    plots->setSizes({1000, 1000});

    m_timeline = new LockTimeline(split);
    split->addWidget(plots);
    split->addWidget(m_timeline);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    cl->addWidget(split, 1);
    m_stack->addWidget(content);

    m_noLock = new QLabel(m_stack);
    m_noLock->setObjectName(QStringLiteral("noLockMessage"));
    m_noLock->setAlignment(Qt::AlignCenter);
    m_noLock->setWordWrap(true);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_noLock->setFont(big);
    m_stack->addWidget(m_noLock);
    const auto markBars = [this] { m_barsDirty = true; };
    connect(m_model, &QAbstractItemModel::dataChanged, this, markBars);
    connect(m_model, &QAbstractItemModel::modelReset, this, markBars);
    clear();
}

bool ContentionView::showsNoLockMessage() const {
    return m_stack->currentWidget() == m_noLock;
}
QString ContentionView::noLockText() const {
    return m_noLock->text();
}

void ContentionView::clear() {
    m_sincePlots.invalidate();
    m_barsDirty = true;
    m_histShownTotal = ~uint64_t(0);
    m_waits.reset(0);
    m_activity.reset(0, 1, shm::SyncMode::Mutex);
    m_cursors.clear();
    m_timeline->setActivity(nullptr, 0, 0, shm::SyncMode::Mutex);
    m_histBars->data()->clear();
    buildBars(0);
    m_timeline->clear();
    m_stack->setCurrentIndex(0);
    updateSummary();
    m_bars->replot();
    m_hist->replot();
}

void ContentionView::startRun(const shm::ExperimentConfig& cfg) {
    m_cfg = cfg;
    m_sincePlots.invalidate();
    m_barsDirty = true;
    m_histShownTotal = ~uint64_t(0);
    m_waits.reset(cfg.workers);
    m_activity.reset(cfg.workers, cfg.sync == shm::SyncMode::Striped ? 1 + cfg.stripes : 1,
                     cfg.sync);
    m_cursors.assign(cfg.workers, {});
    m_timeline->setActivity(&m_activity, 0, cfg.workers, cfg.sync);
    m_histBars->data()->clear();
    buildBars(cfg.workers);
    m_timeline->clear();
    if (cfg.usesLock() && !cfg.instrument) {
        // Uninstrumented workers record no lock counters, times or events: say so rather than
        // show zeros that look measured.
        m_noLock->setText(
            tr("Lock timings are off.\n\nsync = %1 takes a lock, but this run was started "
               "with --no-instrument (\"Record lock timings\" unchecked), so acquisitions, "
               "waits, holds and the timeline were not measured.")
                .arg(QString::fromStdString(std::string(shm::toString(cfg.sync)))));
        m_stack->setCurrentWidget(m_noLock);
    } else if (cfg.usesLock()) {
        m_stack->setCurrentIndex(0);
    } else {
        m_noLock->setText(
            cfg.sync == shm::SyncMode::Atomic
                ? tr("No lock is taken.\n\nsync = atomic: every update is a single atomic "
                     "instruction, so there is nothing to wait for and nothing to show here.")
                : tr("No lock is taken.\n\nsync = none: workers write without any "
                     "synchronisation. Shared updates (histogram) can be lost; the array plot "
                     "shows the damage."));
        m_stack->setCurrentWidget(m_noLock);
    }
}

void ContentionView::buildBars(uint32_t workers) {
    for (const WorkerBars& b : m_workerBars) {
        m_bars->removePlottable(b.compute);
        m_bars->removePlottable(b.wait);
        m_bars->removePlottable(b.hold);
    }
    m_workerBars.clear();
    m_bars->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_tickEvery = 0;
    for (uint32_t k = 0; k < workers; ++k) {
        const QColor c = worker_palette::color(k);
        WorkerBars b{new QCPBars(m_bars->xAxis, m_bars->yAxis),
                     new QCPBars(m_bars->xAxis, m_bars->yAxis),
                     new QCPBars(m_bars->xAxis, m_bars->yAxis)};
        b.compute->setBrush(pale(c));
        b.compute->setPen(QPen(c, 1));
        b.wait->setBrush(worker_palette::waitColor());
        b.wait->setPen(Qt::NoPen);
        b.hold->setBrush(c);
        b.hold->setPen(Qt::NoPen);
        for (QCPBars* bar : {b.compute, b.wait, b.hold}) {
            bar->setWidth(0.7);
            bar->removeFromLegend();
        }
        b.wait->moveAbove(b.compute);
        b.hold->moveAbove(b.wait);
        m_workerBars.push_back(b);
    }
    m_bars->xAxis->setRange(-0.6, std::max(1.0, double(workers)) - 0.4);
}

void ContentionView::updateBars() {
    double top = 0;
    for (size_t k = 0; k < m_workerBars.size() && int(k) < m_model->rowCount(); ++k) {
        const QModelIndex i = m_model->index(int(k), 0);
        const double c = i.data(ContentionModel::ComputeSecondsRole).toDouble();
        const double w = i.data(ContentionModel::WaitSecondsRole).toDouble();
        const double h = i.data(ContentionModel::HoldSecondsRole).toDouble();
        m_workerBars[k].compute->data()->set({QCPBarsData(double(k), c)}, true);
        m_workerBars[k].wait->data()->set({QCPBarsData(double(k), w)}, true);
        m_workerBars[k].hold->data()->set({QCPBarsData(double(k), h)}, true);
        top = std::max(top, c + w + h);
    }
    m_bars->yAxis->setRange(0, top > 0 ? top * 1.08 : 1);
    // Label as many workers as fit (about 30 px a label), and wrap the legend when narrow.
    const int width = std::max(1, m_bars->axisRect()->width());
    const int n = int(m_workerBars.size());
    int every = 1;
    while (every < n && width * every / std::max(1, n) < 30)
        every *= 2;
    if (every != m_tickEvery) {
        m_tickEvery = every;
        auto ticker = qSharedPointerCast<QCPAxisTickerText>(m_bars->xAxis->ticker());
        ticker->clear();
        for (int k = 0; k < n; k += every)
            ticker->addTick(k, worker_palette::workerLabel(uint32_t(k)));
    }
    plot_style::fitLegend(m_bars->legend, m_bars->width(), 80, 3);
}

void ContentionView::updateHistogram() {
    QVector<double> keys, values;
    double top = 0;
    for (int b = 0; b < WaitHistogram::kBuckets; ++b) {
        const double v = double(m_waits.counts()[size_t(b)]);
        keys << b;
        values << v;
        top = std::max(top, v);
    }
    m_histBars->setData(keys, values, true);
    m_hist->yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    // Show the populated decades plus one on each side (at least three), not all nine.
    int first = WaitHistogram::kBuckets, last = -1;
    for (int b = 0; b < WaitHistogram::kBuckets; ++b)
        if (m_waits.counts()[size_t(b)]) {
            first = std::min(first, b);
            last = b;
        }
    if (last < 0) {
        first = 1 + WaitHistogram::kPerDecade * 2;
        last = first + WaitHistogram::kPerDecade * 3 - 1;
    }
    const int k = WaitHistogram::kPerDecade;
    int lo = std::max(0, ((first - 1) / k - 1) * k + 1);
    int hi = std::min(WaitHistogram::kBuckets, ((last - 1) / k + 2) * k + 1);
    if (hi - lo < 3 * k) hi = std::min(WaitHistogram::kBuckets, lo + 3 * k);
    m_hist->xAxis->setRange(lo - 0.5, hi - 0.5);
    // A label per decade while they fit (about 48 px each), else every second decade.
    const int decades = std::max(1, (hi - lo) / k);
    const int pxPerDecade = std::max(1, m_hist->axisRect()->width() / decades);
    const int every = std::max(1, (48 + pxPerDecade - 1) / pxPerDecade);
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(m_hist->xAxis->ticker());
    ticker->clear();
    for (int b = 1, d = 0; b < WaitHistogram::kBuckets; b += k, ++d)
        if (d % every == 0) ticker->addTick(b - 0.5, histogramLabel(b));
}

void ContentionView::updateSummary() {
    const ContentionModel::Summary& s = m_model->summary();
    const QString values[] = {
        ContentionModel::formatCount(s.acquisitionsPerSecond),
        QStringLiteral("%1 %").arg(s.contendedPercent, 0, 'f', 1),
        ContentionModel::formatNs(s.meanWaitNs),
        ContentionModel::formatNs(double(s.maxWaitNs)),
        ContentionModel::formatCount(double(s.droppedEvents)),
    };
    for (size_t i = 0; i < m_figures.size(); ++i)
        m_figures[i]->setText(
            QStringLiteral("<span style='font-size:medium; font-weight:bold'>%1</span>"
                           "<br><span style='font-size:small'>%2</span>")
                .arg(values[i], tr(kFigureCaptions[i])));
}

void ContentionView::consumeEvents(const RunController& run) {
    for (uint32_t k = 0; k < m_cfg.workers && k < m_cursors.size(); ++k) {
        const auto& q = run.events(k);
        m_waits.consume(k, q);
        const size_t from = m_cursors[k].firstNew(q);
        m_newEvents.assign(q.begin() + ptrdiff_t(from), q.end());
        m_activity.consume(k, m_newEvents.data(), m_newEvents.size());
        m_cursors[k].consumed(q, from, q.size());
    }
    m_timeline->setActivity(&m_activity, run.releaseNs(), m_cfg.workers, m_cfg.sync);
}

void ContentionView::refresh(const RunController& run, uint64_t nowNs, bool immediate) {
    if (!m_cfg.usesLock() || !m_cfg.instrument || !run.segment()) return;
    consumeEvents(run);
    const bool active = run.isActive();
    if (!immediate && active && m_sincePlots.isValid() && m_sincePlots.elapsed() < kPlotIntervalMs)
        return;
    m_sincePlots.start();
    updateSummary();
    const auto mode = immediate ? QCustomPlot::rpImmediateRefresh : QCustomPlot::rpQueuedReplot;
    if (immediate || m_barsDirty || m_bars->size() != m_barsSize) {
        m_barsDirty = false;
        m_barsSize = m_bars->size();
        updateBars();
        m_bars->replot(mode);
        ++m_replots;
    }
    if (immediate || m_waits.total() != m_histShownTotal || m_hist->size() != m_histSize) {
        m_histShownTotal = m_waits.total();
        m_histSize = m_hist->size();
        updateHistogram();
        m_hist->replot(mode);
        ++m_replots;
    }
    m_timeline->refresh(nowNs, active);
}

void ContentionView::changeEvent(QEvent* e) {
    if (e->type() == QEvent::PaletteChange) {
        plot_style::apply(m_bars);
        plot_style::apply(m_hist);
    }
    QWidget::changeEvent(e);
}
