#pragma once
// Saving a view as an image: PNG through QWidget::grab(), PDF through QCustomPlot::savePdf for
// a single plot (vector) or QWidget::render into a QPdfWriter for composite views. SVG would
// need Qt SVG, which ShmScope does not depend on.
#include <QImage>
#include <QSize>
#include <QString>

class QCustomPlot;
class QWidget;

namespace view_export {
// The widget as it is on screen; scaled to exactSize when that is valid and differs.
QImage grabImage(QWidget* widget, QSize exactSize = {});
bool save(QWidget* widget, QCustomPlot* plot, const QString& path, QSize exactSize, QString* error);
} // namespace view_export
