#pragma once
// Colours and fonts of a QCustomPlot taken from the widget palette, so the plots follow the
// system's light or dark theme like the rest of the window.
class QCustomPlot;
class QCPAxis;

namespace plot_style {
void apply(QCustomPlot* plot);
void styleAxis(QCPAxis* axis);
} // namespace plot_style
