#pragma once
// Saving a view: PNG through QWidget::grab(); PDF and SVG as vectors, text as text. A
// QCustomPlot paints its cached layer pixmaps when rendered as a widget, so in PDF and SVG
// every plot is drawn again through QCustomPlot::toPainter over the rest of the view.
#include <QImage>
#include <QSize>
#include <QString>

class QCustomPlot;
class QWidget;

namespace view_export {
// The widget as it is on screen; scaled to exactSize when that is valid and differs.
QImage grabImage(QWidget* widget, QSize exactSize = {});
// By the file name's suffix: .png, .pdf or .svg (exactSize applies to PNG). `plot`, when
// given, is saved alone as the PDF (QCustomPlot::savePdf).
bool save(QWidget* widget, QCustomPlot* plot, const QString& path, QSize exactSize, QString* error);
// The suffixes save() writes, for messages and file dialogs.
bool isSupported(const QString& path);
} // namespace view_export
