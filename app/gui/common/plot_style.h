#pragma once
// Colours and fonts of a QCustomPlot taken from the widget palette, so the plots follow the
// system's light or dark theme like the rest of the window.
class QCustomPlot;
class QString;
class QWidget;
class QCPAxis;
class QCPLegend;
class QCPTextElement;

namespace plot_style {
// Call again on QEvent::PaletteChange (the user switched between light and dark).
void apply(QCustomPlot* plot);
// A plot as every view starts one: its object name, tooltip and minimum size.
QCustomPlot* create(QWidget* parent, const QString& objectName, const QString& toolTip);
void styleAxis(QCPAxis* axis);
// Columns-first legend: as many columns as fit in `width` at about `entryWidth` px each,
// re-flowing the existing entries when that number changes.
void fitLegend(QCPLegend* legend, int width, int entryWidth, int maxColumns);
// Tick labels w0, w1, ... under per-worker bars: as many as fit at about 30 px each (every
// 2nd, 4th, ... beyond that). *shownEvery keeps the spacing last used: the text ticker is only
// rebuilt when it changes.
// letter: 'w' for workers, 'r' for MPI ranks ("r0", "r1", ...).
void labelWorkers(QCPAxis* axis, int workers, int* shownEvery, char letter = 'w');
// A bold title in a row of its own above the axis rect (apply() keeps its font and colour).
QCPTextElement* addTitle(QCustomPlot* plot, const QString& text);
// The legend in its own row under the title, `columns` wide, so it never covers a bar.
void legendUnderTitle(QCustomPlot* plot, int columns);
} // namespace plot_style
