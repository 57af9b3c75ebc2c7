#include "gui/sweep/sweep_view.h"

#include "gui/common/format.h"
#include "gui/common/integer_ticker.h"
#include "gui/common/plot_style.h"
#include "gui/common/worker_palette.h"
#include "gui/sweep/sweep_model.h"
#include "gui/views/section_heading.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace {
const QColor kWrong(0xC0, 0x39, 0x2B);
// Lost updates or mismatches: a fast point whose array is wrong.
bool wrongResult(const shm::SweepPointSummary& p) {
    return p.runs && (p.mismatches > 0 || p.lostUpdates > 0);
}
// Workers axes spanning this factor or more are drawn log 2 (plotSpeedup).
constexpr double kWideWorkers = 32;

// The number of cores, a vertical line at x = cores: past it, more workers only take turns.
void markCores(QCustomPlot* plot, unsigned cores, const QString& text) {
    auto* line = new QCPItemStraightLine(plot);
    line->setPen(QPen(QColor(0x8E, 0x44, 0xAD), 1.5));
    line->point1->setCoords(cores, 0);
    line->point2->setCoords(cores, 1);
    auto* label = new QCPItemText(plot);
    label->setText(text);
    label->setColor(QColor(0x8E, 0x44, 0xAD));
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(cores, 0.02);
    label->setPadding(QMargins(4, 0, 0, 0));
}

// The ideal, speedup = workers / the baseline's: a straight line on linear axes, a curve
// over log 2 workers (sampled).
void addIdeal(QCustomPlot* plot, const QString& name, const QColor& colour, bool wide, double base,
              double xMax) {
    auto* ideal = plot->addGraph();
    ideal->setName(name);
    ideal->setPen(QPen(colour, 1.5, Qt::DashLine));
    if (!wide) {
        ideal->setData({base, xMax}, {1, xMax / base});
        return;
    }
    for (int k = 0; k <= 60; ++k) {
        const double w = base * std::pow(xMax / base, k / 60.0);
        ideal->addData(w, w / base);
    }
}

// The speedup plot's axes (plotSpeedup says why a wide workers axis is log 2).
void setSpeedupAxes(QCustomPlot* plot, bool wide, double base, double xMax, double yMax,
                    unsigned cores) {
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    if (wide) {
        auto log2 = QSharedPointer<QCPAxisTickerLog>::create();
        log2->setLogBase(2);
        log2->setSubTickCount(0);
        plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
        plot->xAxis->setTicker(log2);
        plot->xAxis->setNumberFormat(QStringLiteral("f"));
        plot->xAxis->setNumberPrecision(0);
        plot->xAxis->setRange(base / 1.3, xMax * 1.3);
        const double twiceCores = 2.0 * std::max(1u, cores) / base;
        plot->yAxis->setRange(0, std::max(yMax * 1.2, std::min(xMax / base, twiceCores)) * 1.08);
    } else {
        plot->xAxis->setTicker(QSharedPointer<IntegerTicker>::create()); // no "2.5 workers"
        plot->xAxis->setRange(0, xMax * 1.05 + 0.5);
        plot->yAxis->setRange(0, std::max(yMax, xMax / base) * 1.08);
    }
}

} // namespace

SweepView::SweepView(SweepModel* model, QWidget* parent) : QWidget(parent), m_model(model) {
    setObjectName(QStringLiteral("sweepView"));
    auto* layout = sectionLayout(this, tr("Sweep"));
    auto* heading = qobject_cast<QLabel*>(layout->itemAt(0)->widget());
    layout->removeWidget(heading);
    auto* top = new QHBoxLayout;
    top->addWidget(heading);
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("sweepCaption"));
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    top->addWidget(m_caption, 1);
    m_back = new QPushButton(tr("Back to the run"), this);
    m_back->setToolTip(tr("The views of the last run (View > Sweep Results comes back here)."));
    top->addWidget(m_back);
    layout->insertLayout(0, top);
    connect(m_back, &QPushButton::clicked, this, &SweepView::backRequested);

    auto* split = m_split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    m_plot = plot_style::create(split, QStringLiteral("sweepPlot"),
                                tr("Speedup against workers (or throughput per value): hover a "
                                   "point for its figures."));
    m_plot->setMouseTracking(true);
    m_plot->legend->setVisible(true);
    plot_style::apply(m_plot);
    connect(m_plot, &QCustomPlot::mouseMove, this, &SweepView::onHover);
    m_group = new QCPBarsGroup(m_plot);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("sweepTable"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    split->addWidget(m_plot);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    connect(m_model, &SweepModel::summaryChanged, this, &SweepView::rebuild);
    rebuild();
}

QString SweepView::caption() const {
    return m_caption->text();
}

void SweepView::fitSplit() {
    // The table gets the rows it needs (up to a dozen, at most half), the plot the rest.
    const int rows = std::min<int>(std::max<int>(m_model->rowCount(), 1), 12);
    const int want = m_table->horizontalHeader()->sizeHint().height() +
                     rows * m_table->verticalHeader()->defaultSectionSize() + 6;
    const int total = m_split->height();
    if (total > 0)
        m_split->setSizes({total - std::min(want, total / 2), std::min(want, total / 2)});
}

void SweepView::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    fitSplit();
}

void SweepView::changeEvent(QEvent* e) {
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::FontChange) {
        plot_style::apply(m_plot);
        m_plot->replot();
    }
    QWidget::changeEvent(e);
}

void SweepView::rebuild() {
    const shm::SweepSummary& s = m_model->summary();
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_markers.clear();
    if (s.plan.axes.empty()) {
        m_caption->setText(tr("no sweep yet: choose settings in the Sweep panel and run"));
        m_plot->replot();
        return;
    }
    QStringList what;
    for (const shm::SweepAxis& a : s.plan.axes)
        what << format::text(a.row->name);
    size_t runs = 0;
    for (const shm::SweepPointSummary& p : s.points)
        runs += p.runs + p.failed;
    m_caption->setText(tr("%1 · %2 runs per point, interleaved · %3 of %4 runs · %5 cores")
                           .arg(what.join(QStringLiteral(" × ")))
                           .arg(s.plan.repeat)
                           .arg(runs)
                           .arg(s.plan.order.size())
                           .arg(s.cores));
    fitSplit();
    // Linear unless plotSpeedup says otherwise (a wide workers axis).
    m_plot->xAxis->setScaleType(QCPAxis::stLinear);
    m_plot->xAxis->setNumberFormat(QStringLiteral("gbd"));
    m_plot->xAxis->setNumberPrecision(6);
    if (s.workersAxis >= 0)
        plotSpeedup();
    else
        plotThroughput();
    plot_style::apply(m_plot);
    m_plot->replot();
}

void SweepView::plotSpeedup() {
    const shm::SweepSummary& s = m_model->summary();
    const shm::SweepAxis& wAxis = s.plan.axes[size_t(s.workersAxis)];
    const double base = double(wAxis.values.front());
    double xMax = 1, yMax = 1;
    for (uint64_t w : wAxis.values)
        xMax = std::max(xMax, double(w));
    // A wide workers axis (1 to 256): on a linear axis the points up to the cores crowd into
    // its first pixels, and the ideal line, reaching 256, flattens every measured speedup onto
    // the axis. So log 2 (1, 2, 4 ... 256 evenly spaced), and the height is the measured
    // points' and twice the cores', the ideal line running off the top beyond that.
    const bool wide = xMax / base >= kWideWorkers;
    // The ideal: speedup = workers / the baseline's.
    addIdeal(m_plot, tr("ideal"), palette().color(QPalette::Mid), wide, base, xMax);
    std::vector<std::pair<double, double>> wrong; // points whose result is wrong
    for (size_t l = 0; l < s.lines.size(); ++l) {
        const shm::SweepLine& line = s.lines[l];
        const QColor c = worker_palette::color(uint32_t(l));
        QString name = tr("speedup");
        if (s.plan.axes.size() > 1) {
            const shm::SweepAxis& other = s.plan.axes[size_t(1 - s.workersAxis)];
            name = format::text(std::string(other.row->name) + "=" +
                                shm::settingText(*other.row, s.points[line.points.front()].config));
        }
        auto* g = m_plot->addGraph();
        g->setName(name);
        g->setPen(QPen(c, 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, c, c, 8));
        for (size_t i : line.points) {
            const shm::SweepPointSummary& p = s.points[i];
            if (!p.speedup) continue;
            g->addData(double(p.config.workers), *p.speedup);
            m_markers.push_back({double(p.config.workers), *p.speedup, int(i)});
            yMax = std::max(yMax, *p.speedup);
            if (wrongResult(p)) wrong.emplace_back(double(p.config.workers), *p.speedup);
        }
        // The fitted Amdahl curve (over the points up to the cores), dotted in the line's colour.
        const shm::AmdahlFit& fit = line.fitUpToCores.valid ? line.fitUpToCores : line.fitAll;
        // Amdahl's law cannot predict a slowdown: a flat "fit" at f = 1 would be a lie.
        const bool slower = std::any_of(line.points.begin(), line.points.end(), [&](size_t i) {
            return s.points[i].speedup && *s.points[i].speedup < 0.95;
        });
        if (fit.valid && !slower) {
            auto* a = m_plot->addGraph();
            a->setName(tr("Amdahl f = %1").arg(fit.serialFraction, 0, 'f', 3));
            a->setPen(QPen(c, 1.5, Qt::DotLine));
            for (int k = 0; k <= 60; ++k) {
                const double w =
                    wide ? base * std::pow(xMax / base, k / 60.0) : base + (xMax - base) * k / 60.0;
                const double p = w / base;
                a->addData(w, 1 / (fit.serialFraction + (1 - fit.serialFraction) / p));
            }
        }
    }
    if (!wrong.empty()) { // fast and wrong is not a speedup: crossed out in red
        auto* x = m_plot->addGraph();
        x->setName(tr("wrong result"));
        x->setLineStyle(QCPGraph::lsNone);
        x->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCross, QPen(kWrong, 2.5), Qt::NoBrush, 14));
        for (const auto& [wx, wy] : wrong)
            x->addData(wx, wy);
    }
    m_plot->xAxis->setLabel(tr("workers"));
    m_plot->yAxis->setLabel(tr("speedup (baseline: %1 worker%2)")
                                .arg(base)
                                .arg(base == 1 ? QString() : QStringLiteral("s")));
    setSpeedupAxes(m_plot, wide, base, xMax, yMax, s.cores);
    markCores(m_plot, s.cores, tr("%1 cores").arg(s.cores));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

void SweepView::plotThroughput() {
    const shm::SweepSummary& s = m_model->summary();
    const shm::SweepAxis& x = s.plan.axes[0];
    const size_t groups = s.plan.axes.size() > 1 ? s.plan.axes[1].values.size() : 1;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (size_t i = 0; i < x.values.size(); ++i) {
        shm::ExperimentConfig c;
        x.row->set(c, x.values[i]);
        ticker->addTick(double(i), format::text(shm::settingText(*x.row, c)));
    }
    m_group->clear();
    double yMax = 0;
    double top = 0;
    for (const shm::SweepPointSummary& p : s.points)
        top = std::max(top, p.throughput);
    // Millions per second read better than 6·10^7.
    const double scale = top >= 1e6 ? 1e6 : top >= 1e3 ? 1e3 : 1;
    for (size_t g = 0; g < groups; ++g) {
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        const QColor c = worker_palette::color(uint32_t(g));
        bars->setBrush(c);
        bars->setPen(Qt::NoPen);
        bars->setWidth(0.8 / double(groups));
        bars->setBarsGroup(m_group);
        if (groups > 1) {
            const shm::SweepAxis& other = s.plan.axes[1];
            shm::ExperimentConfig c2;
            other.row->set(c2, other.values[g]);
            bars->setName(format::text(std::string(other.row->name) + "=" +
                                       shm::settingText(*other.row, c2)));
        } else {
            bars->setName(tr("throughput"));
        }
        for (size_t i = 0; i < x.values.size(); ++i) {
            const size_t point = i * groups + g;
            const shm::SweepPointSummary& p = s.points[point];
            if (!p.runs) continue;
            const double v = p.throughput / scale;
            bars->addData(double(i), v);
            // The hover finds a bar by its group's offset from the tick.
            const double offset = (double(g) - (double(groups) - 1) / 2) * 0.8 / double(groups);
            m_markers.push_back({double(i) + offset, v, int(point)});
            yMax = std::max(yMax, v);
            if (wrongResult(p)) {
                auto* t = new QCPItemText(m_plot);
                t->setText(tr("wrong result"));
                t->setColor(kWrong);
                QFont bold = m_plot->font();
                bold.setBold(true);
                t->setFont(bold);
                t->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
                t->position->setCoords(double(i) + offset, v);
            }
        }
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setLabel(format::text(x.row->name));
    m_plot->yAxis->setLabel(scale == 1e6   ? tr("throughput (million elements/s)")
                            : scale == 1e3 ? tr("throughput (thousand elements/s)")
                                           : tr("throughput (elements/s)"));
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_plot->xAxis->setRange(-0.6, double(x.values.size()) - 0.4);
    m_plot->yAxis->setRange(0, yMax > 0 ? yMax * 1.1 : 1);
    m_plot->legend->setVisible(groups > 1);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

void SweepView::onHover(QMouseEvent* e) {
    // The nearest drawn point within 12 px, its figures as a tooltip.
    int best = -1;
    double bestD = 12 * 12;
    for (const Marker& m : m_markers) {
        const double dx = m_plot->xAxis->coordToPixel(m.x) - e->position().x();
        const double dy = m_plot->yAxis->coordToPixel(m.y) - e->position().y();
        if (dx * dx + dy * dy < bestD) {
            bestD = dx * dx + dy * dy;
            best = m.point;
        }
    }
    if (best >= 0)
        QToolTip::showText(e->globalPosition().toPoint(), m_model->pointText(best), m_plot);
    else
        QToolTip::hideText();
}
