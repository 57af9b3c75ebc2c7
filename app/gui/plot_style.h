#pragma once
// Colours and fonts of a QCustomPlot taken from the widget palette, so the plots follow the
// system's light or dark theme like the rest of the window.
class QCustomPlot;
class QCPAxis;

namespace plot_style {
// Call again on QEvent::PaletteChange (the user switched between light and dark).
void apply(QCustomPlot* plot);
void styleAxis(QCPAxis* axis);
} // namespace plot_style
