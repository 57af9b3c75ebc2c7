#include "gui/views/contention_view.h"

#include "analysis/wait_histogram.h"
#include "gui/common/format.h"
#include "gui/common/integer_ticker.h"
#include "gui/common/plot_style.h"
#include "gui/common/worker_palette.h"
#include "gui/models/contention_model.h"
#include "gui/models/lock_events_model.h"
#include "gui/views/lock_timeline.h"
#include "gui/views/section_heading.h"
#include "gui/views/work_time_plot.h"
#include "gui/views/worker_bars_plottable.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextDocumentFragment>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

using shm::WaitHistogram;

namespace {

// "contended" counts acquisitions, "busy time waiting" measures time: both true at once (a few
// long waits give a small first and a large second), so each card says what it counts.
const char* const kFigureCaptions[] = {
    QT_TRANSLATE_NOOP("ContentionView", "acquisitions/s"),
    QT_TRANSLATE_NOOP("ContentionView", "acquisitions contended"),
    QT_TRANSLATE_NOOP("ContentionView", "busy time waiting"),
    QT_TRANSLATE_NOOP("ContentionView", "mean wait"),
    QT_TRANSLATE_NOOP("ContentionView", "max wait"),
    QT_TRANSLATE_NOOP("ContentionView", "CPU burned waiting"),
    QT_TRANSLATE_NOOP("ContentionView", "events dropped")};
const char* const kFigureTips[] = {
    QT_TRANSLATE_NOOP("ContentionView", "Lock acquisitions per second, all workers together."),
    QT_TRANSLATE_NOOP("ContentionView",
                      "Contended: share of acquisitions (a count) that found the lock taken and "
                      "had to wait. JSON: lock.contended_percent."),
    QT_TRANSLATE_NOOP("ContentionView",
                      "Lock wait: share of the workers' busy time spent waiting for the lock. "
                      "JSON: lock.wait_share."),
    QT_TRANSLATE_NOOP("ContentionView", "Average wait of a contended acquisition."),
    QT_TRANSLATE_NOOP("ContentionView", "Longest single wait for the lock."),
    QT_TRANSLATE_NOOP("ContentionView",
                      "CPU time the workers burned while waiting for the lock, at least: their "
                      "CPU time minus the time they spent not waiting. A spin lock burns its "
                      "waits; a mutex sleeps through them. JSON: cpu_waiting_seconds."),
    QT_TRANSLATE_NOOP("ContentionView",
                      "Lock events the workers could not record because their ring was full: "
                      "the timeline and the histogram miss these (and say so); the counters do "
                      "not.")};

static_assert(std::size(kFigureTips) == std::size(kFigureCaptions));

// Decade edges only: 100 ns, 1 µs, 10 µs, ... 10 s.
QString histogramLabel(int bucket) {
    static const char* const kLabels[] = {"100 ns", "1 µs",   "10 µs", "100 µs", "1 ms",
                                          "10 ms",  "100 ms", "1 s",   "10 s"};
    const int decade = (bucket - 1) / WaitHistogram::kPerDecade;
    return QString::fromUtf8(kLabels[std::clamp(decade, 0, 8)]);
}

} // namespace

ContentionView::ContentionView(ContentionModel* model, const LockEventsModel* events,
                               QWidget* parent)
    : QWidget(parent), m_model(model), m_events(events) {
    setObjectName(QStringLiteral("contentionView"));
    auto* layout = sectionLayout(this, tr("Lock contention"));
    m_heading = findChild<SectionHeading*>(); // the heading sectionLayout() just made

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    auto* content = new QWidget(m_stack);
    auto* cl = new QVBoxLayout(content);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->setSpacing(4);
    buildFigures(cl, content);

    auto* split = m_split = new QSplitter(Qt::Vertical, content);
    split->setChildrenCollapsible(false);
    auto* plots = new QSplitter(Qt::Horizontal, split);
    plots->setChildrenCollapsible(false);
    buildBarsPlot(plots);
    buildHistogramPlot(plots);
    plots->addWidget(m_bars);
    plots->addWidget(m_hist);
    plots->setSizes({1000, 1000});

    m_timeline = new LockTimeline(split);
    m_timeline->setModel(m_events);
    split->addWidget(plots);
    split->addWidget(m_timeline);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    cl->addWidget(split, 1);
    m_stack->addWidget(content);

    // Without a lock (or without its timings) the page says why, and shows where the workers'
    // time went instead: wall time beside CPU per worker, and the imbalance.
    m_noLockPage = new QWidget(m_stack);
    auto* nl = m_noLockLayout = new QVBoxLayout(m_noLockPage);
    nl->setContentsMargins(0, 0, 0, 0);
    m_noLock = new QLabel(m_noLockPage);
    m_noLock->setObjectName(QStringLiteral("noLockMessage"));
    m_noLock->setWordWrap(true);
    m_noLock->setTextFormat(Qt::RichText);
    m_noLock->setContentsMargins(4, 2, 4, 6);
    m_noLockGap = new QLabel(m_noLockPage);
    m_noLockGap->setObjectName(QStringLiteral("noLockGap"));
    m_noLockGap->setWordWrap(true);
    m_noLockGap->setContentsMargins(4, 0, 4, 6);
    m_work = new WorkTimePlot(m_model, m_noLockPage);
    nl->addWidget(m_noLock);
    nl->addWidget(m_noLockGap);
    nl->addWidget(m_work, 1);
    m_stack->addWidget(m_noLockPage);
    const auto markBars = [this] { m_barsDirty = true; };
    connect(m_model, &QAbstractItemModel::dataChanged, this, markBars);
    connect(m_model, &QAbstractItemModel::modelReset, this, markBars);
    clear();
}

void ContentionView::buildFigures(QLayout* into, QWidget* parent) {
    m_figureGrid = new QGridLayout;
    m_figureGrid->setSpacing(6);
    for (size_t i = 0; i < std::size(kFigureCaptions); ++i) {
        auto* l = new QLabel(parent);
        l->setObjectName(QStringLiteral("figure%1").arg(i));
        l->setAlignment(Qt::AlignCenter);
        l->setTextFormat(Qt::RichText);
        l->setWordWrap(true);
        l->setFrameShape(QFrame::StyledPanel);
        l->setMinimumWidth(56);
        l->setToolTip(tr(kFigureTips[i]));
        l->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        m_figures.push_back(l);
    }
    layoutFigures(int(m_figures.size()));
    static_cast<QBoxLayout*>(into)->addLayout(m_figureGrid);
}

void ContentionView::layoutFigures(int columns) {
    if (columns == m_figureColumns) return;
    m_figureColumns = columns;
    for (QLabel* l : m_figures)
        m_figureGrid->removeWidget(l);
    for (int c = 0; c < int(m_figures.size()); ++c) {
        m_figureGrid->addWidget(m_figures[size_t(c)], c / columns, c % columns);
        m_figureGrid->setColumnStretch(c, c < columns ? 1 : 0);
    }
}

void ContentionView::resizeEvent(QResizeEvent* e) {
    // All cards in a row while each gets ~110 px ("acquisitions contended" on two lines),
    // otherwise two rows, so no caption is cut mid-word.
    const int n = int(m_figures.size());
    layoutFigures(width() >= n * 110 ? n : (n + 1) / 2);
    QWidget::resizeEvent(e);
}

void ContentionView::buildBarsPlot(QWidget* parent) {
    m_bars = plot_style::create(parent, QStringLiteral("contentionBars"),
                                tr("Per worker: time computing (pale worker colour), waiting "
                                   "for the lock (dark red) and holding it (solid worker "
                                   "colour)."));
    m_bars->yAxis->setLabel(tr("time (s)"));
    plot_style::addTitle(m_bars, tr("Time per worker"));
    plot_style::legendUnderTitle(m_bars, 3);
    // Three legend-only entries; the per-worker bars stay out of the legend. The swatches use
    // the first worker's colour, as the bars do (pale = compute, solid = hold).
    const QColor sample = worker_palette::color(0);
    const std::pair<QString, QBrush> legend[] = {
        {tr("compute"), QBrush(worker_palette::pale(sample))},
        {tr("wait"), QBrush(worker_palette::waitColor())},
        {tr("hold"), QBrush(sample)}};
    for (const auto& [name, brush] : legend) {
        auto* b = new QCPBars(m_bars->xAxis, m_bars->yAxis);
        b->setName(name);
        b->setBrush(brush);
        b->setPen(QPen(sample, 1));
    }
    m_workerBars = new WorkerBarsPlottable(m_bars->xAxis, m_bars->yAxis);
    m_workerBars->removeFromLegend();
    plot_style::apply(m_bars);
}

void ContentionView::buildHistogramPlot(QWidget* parent) {
    m_hist = plot_style::create(parent, QStringLiteral("waitHistogram"),
                                tr("How long contended acquisitions waited, in log-scaled "
                                   "buckets (three per decade), from the recorded lock events. "
                                   "When workers dropped events (ring full), the title says "
                                   "how many of the waits the exact counters saw are in it. "
                                   "Hatched: waits that never ended (a dead or stopped "
                                   "holder, a stop), or go on now, in the bucket of their "
                                   "length so far: each waited at least that long."));
    m_histTitle = plot_style::addTitle(m_hist, tr("Wait times"));
    m_hist->xAxis->setLabel(tr("wait (log scale)"));
    m_hist->yAxis->setLabel(tr("acquisitions"));
    m_hist->yAxis->setTicker(QSharedPointer<IntegerTicker>::create()); // a count of waits
    m_histBars = new QCPBars(m_hist->xAxis, m_hist->yAxis);
    m_histBars->setWidth(0.85);
    m_histBars->setBrush(worker_palette::waitColor());
    m_histBars->setPen(Qt::NoPen);
    m_histBars->setName(tr("waited, then acquired"));
    m_histOpen = new QCPBars(m_hist->xAxis, m_hist->yAxis);
    m_histOpen->setWidth(0.85);
    m_histOpen->setBrush(QBrush(worker_palette::waitColor(), Qt::BDiagPattern));
    m_histOpen->setPen(QPen(worker_palette::waitColor(), 1));
    m_histOpen->setName(tr("still waiting (at the end, or now)"));
    m_histOpen->moveAbove(m_histBars);
    plot_style::legendUnderTitle(m_hist, 2);
    m_hist->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_hist->xAxis->setRange(-0.5, WaitHistogram::kBuckets - 0.5);
    plot_style::apply(m_hist);
}

QString ContentionView::histogramTitle() const {
    return m_histTitle->text();
}

bool ContentionView::showsNoLockMessage() const {
    return m_stack->currentWidget() == m_noLockPage;
}
QString ContentionView::noLockText() const {
    const QString reason = QTextDocumentFragment::fromHtml(m_noLock->text()).toPlainText();
    return m_noLockGap->text().isEmpty() ? reason : reason + QLatin1Char(' ') + m_noLockGap->text();
}

QString ContentionView::timeGapText(const ContentionModel::Summary& s) {
    if (s.busyNs == 0) return {};
    const double busy = double(s.busyNs);
    const double cpu = std::min(1.0, double(s.cpuNs) / busy);
    const double slow = std::min(1.0, double(s.slowMotionNs) / busy);
    const QString cores = s.workers > s.cores
                              ? tr("%1 workers share %2 cores").arg(s.workers).arg(s.cores)
                              : tr("other programs had the cores");
    QString text = tr("CPU time is %1 of the workers' wall time.").arg(format::percent(cpu));
    double unexplained = 1 - cpu; // wall time neither on a CPU nor accounted for below
    if (s.delayUs > 0 && slow >= 0.01) {
        if (s.slowMotionSlept) {
            text += QLatin1Char(' ') + tr("The gap is slow motion: the workers slept %1 of their "
                                          "time in it (%2).")
                                           .arg(format::percent(slow), format::delay(s.delayUs));
            unexplained -= slow;
        } else {
            text += QLatin1Char(' ') + tr("Slow motion (%1) is spun on the CPU, so its %2 of "
                                          "the time counts as CPU time.")
                                           .arg(format::delay(s.delayUs), format::percent(slow));
        }
    }
    if (unexplained >= 0.1 && s.slowMotionSlept && s.delayUs > 0)
        // A sleep lasts at least what was asked, and the worker then needs a core again.
        text += QLatin1Char(' ') + tr("For %1 more the workers were off the CPU beyond their "
                                      "delays: sleeps overshoot, and %2.")
                                       .arg(format::percent(unexplained), cores);
    else if (unexplained >= 0.1)
        text += QLatin1Char(' ') + tr("For %1 of their time the workers were ready to run but "
                                      "not running: %2.")
                                       .arg(format::percent(unexplained), cores);
    return text;
}

void ContentionView::clear() {
    m_sincePlots.invalidate();
    m_barsDirty = true;
    m_histShownTotal = ~uint64_t(0);
    m_histBars->data()->clear();
    m_histOpen->data()->clear();
    m_histTitle->setText(tr("Wait times"));
    buildBars(0);
    m_timeline->clear();
    m_work->clear();
    m_noLockGap->clear();
    m_noLockGap->setMinimumHeight(0);
    m_stack->setCurrentIndex(0);
    updateSummary();
    m_bars->replot();
    m_hist->replot();
}

void ContentionView::startRun(const shm::ExperimentConfig& cfg) {
    m_cfg = cfg;
    m_noLockGap->clear();
    m_sincePlots.invalidate();
    m_barsDirty = true;
    m_histShownTotal = ~uint64_t(0);
    m_histBars->data()->clear();
    m_histOpen->data()->clear();
    buildBars(cfg.workers);
    m_timeline->clear();
    const bool mpi = cfg.transport == shm::Transport::Mpi;
    m_work->startRun(cfg.workers, mpi);
    m_heading->setText(mpi ? tr("Messages") : tr("Lock contention"));
    // MPI: no lock, but messages: the timeline moves to the page that says so, above the
    // ranks' time (and back to the lock page for the next lock run).
    m_timeline->setMessageMode(mpi);
    if (mpi && m_timeline->parentWidget() != m_noLockPage) {
        m_noLockLayout->insertWidget(1, m_timeline, 3);
        m_noLockLayout->setStretchFactor(m_work, 2);
    } else if (!mpi && m_timeline->parentWidget() != m_split) {
        m_split->insertWidget(1, m_timeline);
        m_split->setStretchFactor(1, 2);
        m_noLockLayout->setStretchFactor(m_work, 1);
    }
    const bool locks = cfg.usesLock() && cfg.workload != shm::Workload::Counters &&
                       cfg.transport != shm::Transport::Queue;
    // One bold line saying why there is no lock picture, a sentence on what to watch instead.
    const auto say = [this](const QString& head, const QString& body) {
        m_noLock->setText(
            QStringLiteral("<b>%1</b> %2").arg(head.toHtmlEscaped(), body.toHtmlEscaped()));
        m_stack->setCurrentWidget(m_noLockPage);
    };
    if (locks && !cfg.instrument) {
        // Uninstrumented workers record no lock counters, times or events: say so rather than
        // show zeros that look measured.
        say(tr("Lock timings are off."),
            tr("sync = %1 takes a lock, but this run was started with --no-instrument "
               "(\"Record lock timings\" unchecked), so acquisitions, waits, holds and the "
               "timeline were not measured.")
                .arg(QString::fromStdString(std::string(shm::toString(cfg.sync)))));
    } else if (locks) {
        m_stack->setCurrentIndex(0);
    } else if (mpi) {
        say(tr("Messages, not locks."),
            tr("transport = mpi: rank 0 alone writes the shared array; the other ranks compute "
               "in their own memory and send it their results. The timeline shows each rank's "
               "sends (rank 0: receiving them); below it, where each rank's time went."));
    } else if (cfg.transport == shm::Transport::Queue) {
        say(tr("No lock on the array."),
            tr("transport = queue: the workers send their results through a message queue and "
               "the app writes the array itself. The cost is in the copies and in waiting for "
               "room: see the queue bar above the array."));
    } else if (cfg.transport == shm::Transport::Private && !cfg.usesLock()) {
        say(tr("No lock is taken."),
            tr("transport = private: each worker writes its own copy-on-write copy of the "
               "array, so nothing it writes is shared (or seen)."));
    } else if (cfg.workload == shm::Workload::Counters) {
        say(tr("No lock is taken."),
            tr("Counters: each worker writes only its own counter, so there is nothing to "
               "lock. What slows them down is the cache line they share: see Shared counters."));
    } else if (cfg.sync == shm::SyncMode::Atomic) {
        say(tr("No lock is taken."),
            tr("sync = atomic: every update is a single atomic instruction, so nobody waits "
               "for a lock. Below: where each worker's time went."));
    } else {
        say(tr("No lock is taken."),
            tr("sync = none: workers write without any synchronisation. Shared updates "
               "(histogram) can be lost; the array plot shows the damage. Below: where each "
               "worker's time went."));
    }
}

void ContentionView::buildBars(uint32_t workers) {
    m_barWorkers = workers;
    m_workerBars->setTimes({});
    m_bars->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_tickEvery = 0;
    m_bars->xAxis->setRange(-0.6, std::max(1.0, double(workers)) - 0.4);
}

void ContentionView::updateBars() {
    std::vector<WorkerBarsPlottable::Times> times;
    double top = 0;
    for (uint32_t k = 0; k < m_barWorkers && int(k) < m_model->rowCount(); ++k) {
        const QModelIndex i = m_model->index(int(k), 0);
        const WorkerBarsPlottable::Times t{i.data(ContentionModel::ComputeSecondsRole).toDouble(),
                                           i.data(ContentionModel::WaitSecondsRole).toDouble(),
                                           i.data(ContentionModel::HoldSecondsRole).toDouble()};
        times.push_back(t);
        top = std::max(top, t.compute + t.wait + t.hold);
    }
    m_workerBars->setTimes(std::move(times));
    m_bars->yAxis->setRange(0, top > 0 ? top * 1.08 : 1);
    // Label as many workers as fit, and wrap the legend when narrow.
    plot_style::labelWorkers(m_bars->xAxis, int(m_barWorkers), &m_tickEvery);
    plot_style::fitLegend(m_bars->legend, m_bars->width(), 80, 3);
}

// The histogram's two legend entries side by side, or one under the other when they do not fit
// (Korean words them wider than English: "아직 대기 중 (끝날 때, 또는 지금)"), its parenthesis on
// a line of its own when even that does not fit.
void ContentionView::fitHistogramLegend() {
    const int room = m_hist->axisRect()->width();
    const auto widest = [this] {
        int w = 0;
        for (int i = 0; i < m_hist->legend->itemCount(); ++i)
            w = std::max(w, m_hist->legend->item(i)->minimumOuterSizeHint().width());
        return w;
    };
    // An entry wider than the plot even alone puts its parenthesis on a second line.
    const auto setWrapped = [this](bool wrapped) {
        for (int i = 0; i < m_hist->legend->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPPlottableLegendItem*>(m_hist->legend->item(i))) {
                QString name = item->plottable()->name();
                name.replace(QStringLiteral("\n("), QStringLiteral(" ("));
                if (wrapped) name.replace(QStringLiteral(" ("), QStringLiteral("\n("));
                item->plottable()->setName(name);
            }
    };
    setWrapped(false);
    if (widest() + 8 > room) setWrapped(true);
    plot_style::fitLegend(m_hist->legend, room, widest() + 8, 2);
}

void ContentionView::updateHistogram() {
    QVector<double> keys, values, open;
    double top = 0;
    const std::vector<uint64_t>& opened = m_model->summary().openWaitBuckets;
    const auto openAt = [&opened](int b) { return size_t(b) < opened.size() ? opened[b] : 0; };
    for (int b = 0; b < WaitHistogram::kBuckets; ++b) {
        const double v = double(m_events->waits().counts()[size_t(b)]);
        keys << b;
        values << v;
        open << double(openAt(b));
        top = std::max(top, v + open.back());
    }
    m_histBars->setData(keys, values, true);
    m_histOpen->setData(keys, open, true);
    m_hist->yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    // Show the populated decades plus one on each side (at least three), not all nine.
    int first = WaitHistogram::kBuckets, last = -1;
    for (int b = 0; b < WaitHistogram::kBuckets; ++b)
        if (m_events->waits().counts()[size_t(b)] || openAt(b)) {
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
    fitHistogramLegend();
}

void ContentionView::updateSummary() {
    const ContentionModel::Summary& s = m_model->summary();
    const QString values[] = {
        format::count(s.acquisitionsPerSecond), format::percent(s.contendedPercent / 100),
        format::percent(s.waitShare),           format::duration(s.meanWaitNs),
        format::duration(double(s.maxWaitNs)),  format::duration(double(s.cpuWaitingNs)),
        format::count(double(s.droppedEvents)),
    };
    for (size_t i = 0; i < m_figures.size(); ++i)
        m_figures[i]->setText(
            QStringLiteral("<span style='font-size:medium; font-weight:bold'>%1</span>"
                           "<br><span style='font-size:small'>%2</span>")
                .arg(values[i], tr(kFigureCaptions[i])));
}

void ContentionView::updateHistogramTitle() {
    // Built from the event stream: when workers dropped events, say how many waits it shows of
    // those the (exact) counters saw.
    const uint64_t shown = m_events->waits().total(), counted = m_events->contendedCounted();
    m_histTitle->setText(
        m_events->droppedEvents() && shown < counted
            ? tr("Wait times\npartial: %1 of %2")
                  .arg(format::count(double(shown)), format::count(double(counted)))
            : tr("Wait times"));
}

// The sentence changes length as a run goes on (none at its start, then one line or two): its
// room only grows, so the plot below it keeps its size. Resized, the plot reallocated its
// buffers and replotted whole, twice a run (a new run every 100 ms at 64 workers flat out).
void ContentionView::setGapText(const QString& text) {
    m_noLockGap->setText(text);
    // The stack's width: the label's own is stale until its page has been laid out once.
    const int h = m_noLockGap->heightForWidth(m_stack->width());
    if (h > m_noLockGap->minimumHeight()) m_noLockGap->setMinimumHeight(h);
}

void ContentionView::refresh(bool immediate) {
    const bool active = m_events->active();
    if (!immediate && active && m_sincePlots.isValid() && m_sincePlots.elapsed() < kPlotIntervalMs)
        return;
    m_sincePlots.start();
    if (showsNoLockMessage()) {
        m_work->refresh(immediate);
        // MPI's page is about ranks and messages; its ranks' time is below, as drawn.
        setGapText(m_cfg.transport == shm::Transport::Mpi ? QString()
                                                          : timeGapText(m_model->summary()));
        ++m_replots;
        if (m_cfg.transport == shm::Transport::Mpi) m_timeline->refresh(); // the messages
        return;
    }
    updateSummary();
    // Immediate: the plots' buffers are drawn now (a grab right after shows this moment), but
    // put on screen with the window's next paint, together with the timeline and the labels.
    // rpImmediateRefresh repainted the window once per plot: three paints per slider move.
    const auto mode = immediate ? QCustomPlot::rpRefreshHint : QCustomPlot::rpQueuedReplot;
    if (immediate || m_barsDirty || m_bars->size() != m_barsSize) {
        m_barsDirty = false;
        m_barsSize = m_bars->size();
        updateBars();
        m_bars->replot(mode);
        ++m_replots;
    }
    const uint64_t waits = m_events->waits().total();
    const std::vector<uint64_t>& open = m_model->summary().openWaitBuckets;
    if (immediate || waits != m_histShownTotal || open != m_histShownOpen ||
        m_hist->size() != m_histSize) {
        m_histShownTotal = waits;
        m_histShownOpen = open;
        m_histSize = m_hist->size();
        updateHistogram();
        updateHistogramTitle();
        m_hist->replot(mode);
        ++m_replots;
    }
    m_timeline->refresh();
}

void ContentionView::changeEvent(QEvent* e) {
    // Colours and fonts (presentation mode) of the plots follow the widget's.
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::FontChange) {
        plot_style::apply(m_bars);
        plot_style::apply(m_hist);
    }
    QWidget::changeEvent(e);
}
