#include "gui/views/work_time_plot.h"

#include "gui/common/plot_style.h"
#include "gui/common/worker_palette.h"
#include "gui/models/contention_model.h"
#include "gui/views/work_time_bars_plottable.h"

#include <QEvent>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <vector>

WorkTimePlot::WorkTimePlot(const ContentionModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    setObjectName(QStringLiteral("workTimes"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = plot_style::create(this, QStringLiteral("workTimesPlot"),
                                tr("Per worker: wall time from the start barrier to its end "
                                   "(pale, wide) and the CPU time it used (solid, narrow). "
                                   "Unequal wall times are load imbalance (the title's "
                                   "imbalance: the slowest over the mean); CPU well below wall "
                                   "time means the worker slept (slow motion) or was ready "
                                   "to run without a core."));
    m_plot->yAxis->setLabel(tr("time (s)"));
    m_title = plot_style::addTitle(m_plot, tr("Time per worker"));
    plot_style::legendUnderTitle(m_plot, 2);
    // Legend-only entries in the first worker's colour, as the bars use theirs.
    const QColor sample = worker_palette::color(0);
    const std::pair<QString, QBrush> legend[] = {
        {tr("wall time"), QBrush(worker_palette::pale(sample))}, {tr("CPU"), QBrush(sample)}};
    for (const auto& [name, brush] : legend) {
        auto* b = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        b->setName(name);
        b->setBrush(brush);
        b->setPen(QPen(sample, 1));
    }
    m_bars = new WorkTimeBarsPlottable(m_plot->xAxis, m_plot->yAxis);
    m_bars->removeFromLegend();
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot_style::apply(m_plot);
    layout->addWidget(m_plot);
}

QString WorkTimePlot::title() const {
    return m_title->text();
}

void WorkTimePlot::clear() {
    startRun(0);
    m_plot->replot();
}

void WorkTimePlot::startRun(uint32_t workers, bool ranks) {
    m_ranks = ranks;
    m_workers = workers;
    m_bars->setTimes({});
    m_tickEvery = 0;
    m_plot->xAxis->setRange(-0.6, std::max(1.0, double(workers)) - 0.4);
    m_plot->yAxis->setRange(0, 1);
    m_title->setText(m_ranks ? tr("Time per rank") : tr("Time per worker"));
}

void WorkTimePlot::refresh(bool immediate) {
    double top = 0;
    std::vector<WorkTimeBarsPlottable::Times> times;
    for (int k = 0; k < int(m_workers) && k < m_model->rowCount(); ++k) {
        const QModelIndex i = m_model->index(k, 0);
        const WorkTimeBarsPlottable::Times t{i.data(ContentionModel::BusySecondsRole).toDouble(),
                                             i.data(ContentionModel::CpuSecondsRole).toDouble()};
        top = std::max({top, t.wall, t.cpu});
        times.push_back(t);
    }
    m_bars->setTimes(std::move(times));
    m_plot->yAxis->setRange(0, top > 0 ? top * 1.08 : 1);
    const double imbalance = m_model->summary().imbalance;
    const QString what = m_ranks ? tr("Time per rank") : tr("Time per worker");
    m_title->setText(imbalance > 0 ? tr("%1 · imbalance %2").arg(what).arg(imbalance, 0, 'f', 2)
                                   : what);
    plot_style::labelWorkers(m_plot->xAxis, int(m_workers), &m_tickEvery, m_ranks ? 'r' : 'w');
    // As ContentionView's plots: drawn now, on screen with the window's next paint.
    m_plot->replot(immediate ? QCustomPlot::rpRefreshHint : QCustomPlot::rpQueuedReplot);
}

void WorkTimePlot::changeEvent(QEvent* e) {
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::FontChange)
        plot_style::apply(m_plot); // the title too
    QWidget::changeEvent(e);
}
