#include "view_export.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QWidget>
#include <qcustomplot.h>

namespace view_export {

QImage grabImage(QWidget* widget, QSize exactSize) {
    QImage img = widget->grab().toImage();
    img.setDevicePixelRatio(1);
    if (exactSize.isValid() && img.size() != exactSize)
        img = img.scaled(exactSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return img;
}

bool save(QWidget* widget, QCustomPlot* plot, const QString& path, QSize exactSize,
          QString* error) {
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        bool ok = false;
        if (plot) {
            ok = plot->savePdf(path);
        } else {
            QPdfWriter pdf(path);
            pdf.setResolution(96);
            pdf.setPageSize(QPageSize(QSizeF(widget->size()), QPageSize::Point));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            QPainter p(&pdf);
            if ((ok = p.isActive())) {
                const double scale = std::min(double(pdf.width()) / widget->width(),
                                              double(pdf.height()) / widget->height());
                p.scale(scale, scale);
                widget->render(&p);
            }
        }
        if (!ok && error)
            *error = QCoreApplication::translate("view_export", "could not write %1").arg(path);
        return ok;
    }
    const QImage img = grabImage(widget, exactSize);
    if (!img.save(path, "PNG")) {
        if (error)
            *error = QCoreApplication::translate("view_export", "could not write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace view_export
