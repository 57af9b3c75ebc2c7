#include "gui/views/array_view.h"

#include "gui/common/format.h"
#include "gui/common/integer_ticker.h"
#include "gui/common/plot_style.h"
#include "gui/common/run_texts.h"
#include "gui/common/worker_palette.h"
#include "gui/models/array_model.h"
#include "gui/views/array_columns_plottable.h"
#include "gui/views/partition_strip.h"
#include "gui/views/section_heading.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

ArrayView::ArrayView(ArrayModel* model, QWidget* parent) : QWidget(parent), m_model(model) {
    setObjectName(QStringLiteral("arrayView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addLayout(buildTopRow());
    buildPlot();
    layout->addWidget(m_plot, 1);

    m_strip = new PartitionStrip(&m_model->decimator(), m_plot->xAxis, this);
    layout->addWidget(m_strip);
    connect(m_model, &ArrayModel::expectedChanged, this, [this] {
        m_columns->setExpectedBins(m_model->expectedBins());
        m_viewDirty = true;
    });
    updateInfo();
}

// The heading, the run's details, the queue's fill (--transport queue) and Reset zoom.
QHBoxLayout* ArrayView::buildTopRow() {
    auto* top = new QHBoxLayout;
    top->addWidget(new SectionHeading(tr("Shared array"), this));
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("arrayInfo"));
    m_info->setTextFormat(Qt::RichText);
    // Long run details wrap onto a second line rather than widening the window (and its
    // screenshots) or being cut: in Korean the verdict at the end fell off at 1024x700.
    m_info->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_info->setWordWrap(true);
    // No minimum: in a narrow column (side by side, a large --zoom) the details give way, and
    // the heading and Reset zoom keep their room instead of being drawn over one another.
    top->addWidget(m_info, 1);
    m_queueFill = new QProgressBar(this);
    m_queueFill->setObjectName(QStringLiteral("queueFill"));
    m_queueFill->setFormat(tr("queue %v of %m"));
    m_queueFill->setFixedWidth(
        m_queueFill->fontMetrics().horizontalAdvance(QStringLiteral("queue 256 of 256")) + 40);
    m_queueFill->setToolTip(tr("--transport queue: messages sent by the workers and not yet "
                               "written into the array by the app. Full: the senders wait."));
    m_queueFill->hide();
    top->addWidget(m_queueFill);
    m_resetZoom = new QPushButton(tr("Reset zoom"), this);
    m_resetZoom->setToolTip(tr("Show the whole array again (wheel zooms, drag pans)."));
    connect(m_resetZoom, &QPushButton::clicked, this, &ArrayView::resetZoom);
    top->addWidget(m_resetZoom);
    return top;
}

// The plot: the values as min-max columns coloured by writer, the expected curve, legends.
void ArrayView::buildPlot() {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("arrayPlot"));
    m_plot->setMinimumHeight(160);
    m_plot->setToolTip(tr("Value of each element against its index, min–max per pixel column, "
                          "coloured by the worker that wrote it. Wheel: zoom, drag: pan."));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->xAxis->setLabel(tr("element index"));
    m_plot->yAxis->setLabel(tr("value"));
    m_plot->xAxis->setNumberFormat(QStringLiteral("gb"));
    m_plot->xAxis->setTicker(QSharedPointer<IntegerTicker>::create()); // indices and bins
    m_plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom | QCP::msTop);
    m_plot->axisRect()->setMargins(QMargins(0, 0, 14, 0));

    // The data gets its own buffered layer: a frame that only changes data redraws that layer,
    // not the axes, grid and legend.
    m_plot->addLayer(QStringLiteral("data"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limAbove);
    m_dataLayer = m_plot->layer(QStringLiteral("data"));
    m_dataLayer->setMode(QCPLayer::lmBuffered);
    m_columns = new ArrayColumnsPlottable(m_plot->xAxis, m_plot->yAxis, &m_model->decimator());
    m_columns->setLayer(m_dataLayer);
    m_columns->setName(tr("value (colour = writer)"));
    m_expected = m_plot->addGraph();
    m_expected->setLayer(m_dataLayer);
    m_expected->setName(tr("expected"));
    m_expected->setAdaptiveSampling(false);
    m_unwrittenLegend = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_unwrittenLegend->setName(tr("unwritten"));
    m_unwrittenLegend->setPen(Qt::NoPen);
    m_unwrittenLegend->setBrush(worker_palette::unwrittenColor());
    m_mismatchLegend = m_plot->addGraph();
    m_mismatchLegend->setName(tr("mismatch"));
    m_mismatchLegend->setLineStyle(QCPGraph::lsNone);
    m_mismatchLegend->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssCross, QPen(worker_palette::mismatchColor(), 2), Qt::NoBrush, 8));

    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(4);
    m_plot->legend->setIconSize(22, 10);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot_style::apply(m_plot);
    QColor expectedColor = m_plot->palette().color(QPalette::Text);
    expectedColor.setAlpha(170);
    m_expected->setPen(QPen(expectedColor, 1, Qt::DashLine));
    m_columns->setBarColor(worker_palette::color(4));
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &ArrayView::onRangeChanged);
    connect(m_plot, &QCustomPlot::mousePress, this,
            [this](QMouseEvent* e) { m_pressAt = e->pos(); });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) {
        if (!m_model->isHistogram() || (e->pos() - m_pressAt).manhattanLength() > 4) return;
        const double bin = std::round(m_plot->xAxis->pixelToCoord(e->pos().x()));
        if (bin >= 0 && bin < double(m_model->config().dataCount())) emit binClicked(int(bin));
    });
    // The plot's width is known only once it lays itself out (in a replot): a view first
    // refreshed before its layout decimated to 16 columns, and one that is not refreshed every
    // frame (a finished run, a side-by-side column) would keep those. Decimate again then.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        if (!m_model->hasRun() || plotColumns() == m_viewColumns || m_relayoutQueued) return;
        m_relayoutQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_relayoutQueued = false;
            refresh(0);
            emit redecimated();
        });
    });
}

int ArrayView::plotColumns() const {
    return std::max(16, m_plot->axisRect()->width());
}

void ArrayView::startRun() {
    const shm::ExperimentConfig& cfg = m_model->config();
    const bool histogram = m_model->isHistogram();
    m_columns->setBarMode(histogram);
    m_plot->xAxis->setLabel(histogram ? tr("bin") : tr("element index"));
    m_plot->yAxis->setLabel(histogram ? tr("count") : tr("value"));
    // A bin holds a whole count; values are whatever the workload computes.
    if (histogram)
        m_plot->yAxis->setTicker(QSharedPointer<IntegerTicker>::create());
    else
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_columns->setName(histogram ? tr("actual count") : tr("value (colour = writer)"));
    m_columns->setExpectedBins(nullptr);
    m_mismatchLegend->setName(histogram ? tr("lost updates") : tr("mismatch"));
    m_mismatchLegend->setScatterStyle(
        histogram ? QCPScatterStyle(QCPScatterStyle::ssSquare, worker_palette::mismatchColor(),
                                    QBrush(worker_palette::mismatchColor(), Qt::BDiagPattern), 9)
                  : QCPScatterStyle(QCPScatterStyle::ssCross,
                                    QPen(worker_palette::mismatchColor(), 2), Qt::NoBrush, 8));
    m_unwrittenLegend->removeFromLegend();
    if (!histogram) m_unwrittenLegend->addToLegend();
    // Bins are not indices of the partition: the map under the plot would mislead there.
    m_strip->setVisible(!histogram);
    m_strip->setRun(cfg, true);
    resetZoom();
    if (m_startLast > m_startFirst) {
        // Bins are centred on their index (resetZoom), elements start at theirs.
        const double shift = histogram ? -0.5 : 0;
        m_plot->xAxis->setRange(double(m_startFirst) + shift, double(m_startLast) + shift);
    }
}

void ArrayView::setStartRange(uint64_t first, uint64_t last) {
    m_startFirst = first;
    m_startLast = last;
}

void ArrayView::clear() {
    m_expected->data()->clear();
    m_strip->setRun(shm::ExperimentConfig{}, false);
    updateInfo();
    m_plot->replot();
    m_strip->update();
}

void ArrayView::resetZoom() {
    const double n = double(std::max<uint64_t>(m_model->config().dataCount(), 1));
    const bool bins = m_model->isHistogram();
    m_plot->xAxis->setRange(bins ? -0.5 : 0, bins ? n - 0.5 : n);
    m_viewDirty = true;
}

void ArrayView::onRangeChanged() {
    // Keep the view inside the array and at least a few elements wide.
    const double n = double(std::max<uint64_t>(m_model->decimator().count(), 1));
    QCPRange r = m_plot->xAxis->range();
    const double lo = m_model->isHistogram() ? -0.5 : 0;
    const double hi = m_model->isHistogram() ? n - 0.5 : n;
    double span = std::clamp(r.size(), std::min(8.0, hi - lo), hi - lo);
    double a = std::clamp(r.center() - span / 2, lo, hi - span);
    if (std::abs(a - r.lower) > 1e-9 || std::abs(a + span - r.upper) > 1e-9) {
        QSignalBlocker block(m_plot->xAxis);
        m_plot->xAxis->setRange(a, a + span);
    }
    m_viewDirty = true;
}

void ArrayView::updateExpectedCurve() {
    const auto& cols = m_model->decimator().columns();
    QVector<double> keys, values;
    keys.reserve(qsizetype(cols.size()));
    values.reserve(qsizetype(cols.size()));
    if (m_model->isHistogram()) {
        if (m_model->expectedBinsReady())
            for (const auto& c : cols) {
                keys << double(c.begin) << double(c.end - 1);
                const double v = m_model->expectedAt(c.begin);
                values << v << v;
            }
        m_expected->setLineStyle(QCPGraph::lsStepCenter);
    } else {
        for (const auto& c : cols) {
            const uint64_t mid = c.begin + (c.end - c.begin - 1) / 2;
            keys << double(mid);
            values << m_model->expectedAt(mid);
        }
        m_expected->setLineStyle(QCPGraph::lsLine);
    }
    m_expected->setData(keys, values, true);
}

void ArrayView::fitValueAxis() {
    bool found = false;
    QCPRange r = m_columns->getValueRange(found);
    bool foundExpected = false;
    const QCPRange e = m_expected->getValueRange(foundExpected);
    if (foundExpected)
        r = found ? QCPRange(std::min(r.lower, e.lower), std::max(r.upper, e.upper)) : e;
    if (!found && !foundExpected) r = QCPRange(-1, 1);
    if (m_model->isHistogram()) r.lower = 0;
    double pad = r.size() * 0.06;
    if (pad <= 0) pad = std::max(1.0, std::abs(r.upper) * 0.1);
    // Room at the top for the legend.
    m_plot->yAxis->setRange(r.lower - (r.lower == 0 ? 0 : pad), r.upper + pad * 3.5);
}

void ArrayView::refresh(uint64_t budgetNs) {
    if (!m_model->hasRun()) return;
    const QCPRange xr = m_plot->xAxis->range();
    const int columns = plotColumns();
    const bool viewChanged = m_viewDirty || columns != m_viewColumns;
    if (viewChanged) {
        m_viewColumns = columns;
        const uint64_t lo = uint64_t(std::max(0.0, std::floor(xr.lower + 0.5)));
        const uint64_t hi = uint64_t(std::max(0.0, std::ceil(xr.upper + 0.5)));
        m_model->setView(lo, hi, columns);
        updateExpectedCurve();
        m_viewDirty = false;
        // Ticks about 9 characters apart: a narrow column (side by side, --zoom 2.5) would
        // otherwise run "8 10 12 14" into "81012 14".
        const int charWidth = std::max(1, m_plot->fontMetrics().averageCharWidth());
        m_plot->xAxis->ticker()->setTickCount(std::clamp(columns / (9 * charWidth), 2, 5));
    }
    m_model->scan(budgetNs);
    m_strip->setCursor(m_model->cursor());
    updateInfo();
    const shm::Decimator& dec = m_model->decimator();
    if (dec.version() != m_drawnVersion || viewChanged) {
        m_drawnVersion = dec.version();
        const QCPRange before = m_plot->yAxis->range();
        plot_style::fitLegend(m_plot->legend, m_plot->axisRect()->width() - 20, 150, 4);
        fitValueAxis();
        // Without a budget (a replayed moment) the buffers are drawn now and reach the screen
        // with the window's next paint, with the other views' (ContentionView::refresh).
        if (viewChanged || budgetNs == 0 || m_plot->yAxis->range() != before)
            m_plot->replot(budgetNs ? QCustomPlot::rpQueuedReplot : QCustomPlot::rpRefreshHint);
        else
            m_dataLayer->replot();
        m_strip->update();
    }
}

void ArrayView::runFinished() {
    m_strip->setRun(m_model->config(), false);
}

void ArrayView::updateInfo() {
    if (!m_model->hasRun()) {
        m_info->setText(tr("<span style='color:gray'>start a run to see the array</span>"));
        return;
    }
    const shm::ExperimentConfig& cfg = m_model->config();
    const shm::Decimator& dec = m_model->decimator();
    const bool histogram = m_model->isHistogram();
    uint64_t written = 0, total = 0;
    for (const auto& c : dec.columns()) {
        if (!c.scanned) continue; // not read yet since the view changed
        written += c.written;
        total += c.end - c.begin;
    }
    QStringList parts;
    parts << (histogram ? tr("%1 bins").arg(format::number(cfg.bins))
                        : tr("%1 elements").arg(format::number(cfg.elements)));
    if (cfg.transport == shm::Transport::Mpi) {
        // The copies shared memory avoids: every result of ranks 1.. went to rank 0 as a
        // message. Early and short: it is the point of an MPI run, and a narrow window cuts the
        // line (rank 0's receiving time is in the report and on the timeline).
        const shm::MpiFigures& m = m_model->mpi();
        parts << tr("to rank 0: <b>%1</b> in %2 msgs")
                     .arg(format::bytes(m.bytes), format::number(m.messages));
    }
    if (dec.viewEnd() - dec.viewBegin() < dec.count())
        parts << tr("view %1–%2")
                     .arg(format::number(dec.viewBegin()),
                          format::number(dec.viewEnd() - 1)); // the last one shown
    if (!histogram && total)
        parts << tr("unwritten in view: %1").arg(format::number(total - written));
    const QString red = worker_palette::mismatchColor().name();
    if (m_model->isFinished()) {
        // The run's verdict, worded as in the status bar and the text report.
        const shm::RunReport& r = m_model->finalReport();
        const QString verdict = run_texts::verdict(r).toHtmlEscaped();
        parts << (r.mismatches || r.lostUpdates ? tr("<b style='color:%1'>%2</b>").arg(red, verdict)
                                                : verdict);
    } else if (m_model->checksLive()) {
        const uint64_t bad = m_model->mismatchesInView();
        parts << (bad ? tr("<b style='color:%1'>mismatches in view: %2</b>")
                            .arg(red, format::number(bad))
                      : tr("mismatches in view: 0"));
    }
    if (dec.hasDirty()) parts << tr("<i>scanning…</i>");
    const shm::QueueStats& q = m_model->queue();
    m_queueFill->setVisible(cfg.transport == shm::Transport::Queue);
    if (q.active) {
        m_queueFill->setMaximum(int(q.capacity));
        m_queueFill->setValue(int(std::min(q.depth, q.capacity)));
        parts << tr("queue: %1 messages, up to %2 waiting")
                     .arg(format::number(q.messages), format::number(q.maxDepth));
    }
    if (cfg.transport == shm::Transport::Private && !m_model->isFinished())
        parts << tr("<b>private copies: nothing the workers write reaches this array</b>");
    m_info->setText(QStringLiteral("&nbsp;&nbsp;") + parts.join(QStringLiteral(" · ")));
}

void ArrayView::changeEvent(QEvent* e) {
    // Colours and fonts (presentation mode) of the plots follow the widget's.
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::FontChange) {
        plot_style::apply(m_plot);
    }
    QWidget::changeEvent(e);
}
