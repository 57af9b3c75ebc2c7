#include "gui/common/plot_style.h"

#include "gui/common/worker_palette.h"

#include <QFontMetrics>
#include <qcustomplot.h>

#include <algorithm>

namespace plot_style {

void styleAxis(QCPAxis* axis) {
    const QPalette pal = axis->parentPlot()->palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(90);
    axis->setBasePen(QPen(text, 1));
    axis->setTickPen(QPen(text, 1));
    axis->setSubTickPen(QPen(text, 1));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(grid, 1)); // solid: dotted pens are slow to rasterise
    axis->grid()->setZeroLinePen(Qt::NoPen);
    QFont f = axis->parentPlot()->font();
    axis->setTickLabelFont(f);
    axis->setLabelFont(f);
}

void fitLegend(QCPLegend* legend, int width, int entryWidth, int maxColumns) {
    const int columns = std::clamp(width / std::max(1, entryWidth), 1, maxColumns);
    if (legend->wrap() == columns) return;
    legend->setWrap(columns);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true); // true: re-flow existing entries
}

void labelWorkers(QCPAxis* axis, int workers, int* shownEvery, char letter) {
    const auto label = [letter](int k) {
        return letter == 'w' ? worker_palette::workerLabel(uint32_t(k))
                             : QStringLiteral("%1%2").arg(QLatin1Char(letter)).arg(k);
    };
    const int width = std::max(1, axis->axisRect()->width());
    // Room for the widest label and a gap: with 256 workers "w128w160" ran together at 30 px.
    const int room = std::max(
        30, QFontMetrics(axis->tickLabelFont()).horizontalAdvance(label(workers - 1)) + 10);
    int every = 1;
    while (every < workers && width * every / std::max(1, workers) < room)
        every *= 2;
    if (every == *shownEvery) return;
    *shownEvery = every;
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(axis->ticker());
    ticker->clear();
    for (int k = 0; k < workers; k += every)
        ticker->addTick(k, label(k));
}

QCPTextElement* addTitle(QCustomPlot* plot, const QString& text) {
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    QFont bold = plot->font();
    bold.setBold(true);
    auto* title = new QCPTextElement(plot, text, bold);
    plot->plotLayout()->addElement(0, 0, title);
    return title;
}

void legendUnderTitle(QCustomPlot* plot, int columns) {
    QCPLegend* legend = plot->legend;
    legend->setVisible(true);
    legend->setIconSize(14, 10);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(columns);
    legend->setRowSpacing(0);
    legend->setColumnSpacing(6);
    plot->axisRect()->insetLayout()->take(legend);
    plot->plotLayout()->insertRow(1);
    plot->plotLayout()->addElement(1, 0, legend);
    legend->setMargins(QMargins(4, 1, 4, 1));
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
}

QCustomPlot* create(QWidget* parent, const QString& objectName, const QString& toolTip) {
    auto* plot = new QCustomPlot(parent);
    plot->setObjectName(objectName);
    plot->setMinimumSize(160, 120);
    plot->setToolTip(toolTip);
    return plot;
}

void apply(QCustomPlot* plot) {
    const QPalette pal = plot->palette();
    plot->setBackground(pal.brush(QPalette::Base));
    plot->axisRect()->setBackground(pal.brush(QPalette::Base));
    for (QCPAxis* a : plot->axisRect()->axes())
        styleAxis(a);
    plot->legend->setBrush(QColor(pal.color(QPalette::Base).red(),
                                  pal.color(QPalette::Base).green(),
                                  pal.color(QPalette::Base).blue(), 215));
    plot->legend->setBorderPen(QPen(pal.color(QPalette::Mid), 1));
    plot->legend->setTextColor(pal.color(QPalette::Text));
    plot->legend->setFont(plot->font());
    // Titles (text elements in the layout) follow the palette too.
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i))) {
            title->setTextColor(pal.color(QPalette::WindowText));
            QFont bold = plot->font(); // follows the window's font (presentation mode)
            bold.setBold(true);
            title->setFont(bold);
        }
    plot->setNoAntialiasingOnDrag(true);
    // QCustomPlot's default hint makes every replot() a repaint(): with four plots, one paint
    // and flush of the window per plot per frame. Without it a replot asks for an update(),
    // and the frame's plots, tables and timeline are painted together (64 mutex workers: GUI
    // CPU per frame 42.5 -> 39.3 ms). Screenshots and exports replot immediately.
    plot->setPlottingHint(QCP::phImmediateRefresh, false);
    // Straight axis and grid lines look the same without antialiasing and draw faster.
    plot->setNotAntialiasedElements(QCP::aeAxes | QCP::aeGrid | QCP::aeSubGrid | QCP::aeLegend);
}

} // namespace plot_style
