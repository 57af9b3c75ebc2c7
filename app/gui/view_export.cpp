#include "gui/view_export.h"

#include "runner/result_file.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPdfWriter>
#include <QPixmap>
#include <QSvgGenerator>
#include <QWidget>
#include <qcustomplot.h>

namespace view_export {
namespace {

bool hasSuffix(const QString& path, const char* suffix) {
    return path.endsWith(QLatin1String(suffix), Qt::CaseInsensitive);
}

// The widget's own painting (tables, headings, custom widgets) goes through the painter's
// device, so it stays vector; the plots' areas are left out and drawn by QCustomPlot itself.
void paintVector(QWidget* widget, QCPPainter& p) {
    QList<QCustomPlot*> plots;
    if (auto* self = qobject_cast<QCustomPlot*>(widget)) plots << self;
    for (QCustomPlot* plot : widget->findChildren<QCustomPlot*>())
        if (plot->isVisibleTo(widget)) plots << plot;
    QRegion rest(widget->rect());
    for (QCustomPlot* plot : plots)
        rest -= QRect(plot->mapTo(widget, QPoint(0, 0)), plot->size());
    widget->render(&p, QPoint(), rest, QWidget::DrawWindowBackground | QWidget::DrawChildren);
    for (QCustomPlot* plot : plots) {
        p.save();
        const QPoint at = plot->mapTo(widget, QPoint(0, 0));
        p.translate(at);
        p.setClipRect(QRect(QPoint(0, 0), plot->size()));
        p.setMode(QCPPainter::pmVectorized);
        plot->toPainter(&p, plot->width(), plot->height());
        p.restore();
    }
}

bool savePdf(QWidget* widget, QIODevice* out) {
    QPdfWriter pdf(out);
    pdf.setResolution(96);
    pdf.setPageSize(QPageSize(QSizeF(widget->size()), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QCPPainter p(&pdf);
    if (!p.isActive()) return false;
    const double scale =
        std::min(double(pdf.width()) / widget->width(), double(pdf.height()) / widget->height());
    p.scale(scale, scale);
    paintVector(widget, p);
    return p.end();
}

bool saveSvg(QWidget* widget, QIODevice* out) {
    QSvgGenerator svg;
    svg.setOutputDevice(out);
    svg.setSize(widget->size());
    svg.setViewBox(QRect(QPoint(0, 0), widget->size()));
    // Fonts are sized in points: at the generator's default 72 dpi text would come out a
    // quarter smaller than on screen.
    svg.setResolution(widget->logicalDpiX());
    svg.setTitle(QStringLiteral("ShmScope"));
    svg.setDescription(widget->windowTitle().isEmpty() ? QStringLiteral("ShmScope view")
                                                       : widget->windowTitle());
    QCPPainter p;
    if (!p.begin(&svg)) return false;
    paintVector(widget, p);
    return p.end();
}

} // namespace

QImage grabImage(QWidget* widget, QSize exactSize) {
    QImage img = widget->grab().toImage();
    img.setDevicePixelRatio(1);
    if (exactSize.isValid() && img.size() != exactSize)
        img = img.scaled(exactSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return img;
}

bool isSupported(const QString& path) {
    return hasSuffix(path, ".png") || hasSuffix(path, ".pdf") || hasSuffix(path, ".svg");
}

bool save(QWidget* widget, QCustomPlot* plot, const QString& path, QSize exactSize,
          QString* error) {
    const QString couldNot = QCoreApplication::translate("view_export", "could not write %1");
    if (plot && hasSuffix(path, ".pdf")) { // QCustomPlot's own page set-up
        const bool ok = plot->savePdf(path);
        if (!ok && error) *error = couldNot.arg(path);
        return ok;
    }
    // Drawn in memory, then written with every error checked: a full disk is an error naming
    // the OS's reason, not a file cut short behind a success.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    bool ok = false;
    if (hasSuffix(path, ".pdf"))
        ok = savePdf(widget, &buffer);
    else if (hasSuffix(path, ".svg"))
        ok = saveSvg(widget, &buffer);
    else
        ok = grabImage(widget, exactSize).save(&buffer, "PNG");
    buffer.close();
    QString why;
    if (ok) why = writeWholeFile(path, std::string_view(bytes.constData(), size_t(bytes.size())));
    if ((!ok || !why.isEmpty()) && error)
        *error = why.isEmpty() ? couldNot.arg(path) : couldNot.arg(why);
    return ok && why.isEmpty();
}

} // namespace view_export
