#include "gui/common/rounded_bar.h"

#include <QPaintDevice>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>

#include <cmath>

namespace {
// The image: the shape at its left edge, `kSpan` logical pixels wide, so that it holds both
// rounded ends, and a middle column between them that every straight column matches.
QPixmap endsImage(qreal radius, qreal height, qreal span, qreal dpr, const QColor& fill,
                  const QColor& outline) {
    const QString key = QStringLiteral("shmscope-bar:%1:%2:%3:%4:%5:%6")
                            .arg(radius)
                            .arg(height)
                            .arg(dpr)
                            .arg(fill.rgba())
                            .arg(outline.isValid() ? outline.rgba() : 0u)
                            .arg(outline.isValid());
    QPixmap pm;
    if (QPixmapCache::find(key, &pm)) return pm;
    // One pixel of room around the shape: a 1 px pen is centred on its edge.
    pm = QPixmap(QSize(int(std::ceil((span + 2) * dpr)), int(std::ceil((height + 2) * dpr))));
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter q(&pm);
    q.setRenderHint(QPainter::Antialiasing, true);
    q.setPen(outline.isValid() ? QPen(outline, 1) : QPen(Qt::NoPen));
    q.setBrush(fill);
    q.drawRoundedRect(QRectF(1, 1, span, height), radius, radius);
    q.end();
    QPixmapCache::insert(key, pm);
    return pm;
}
} // namespace

void rounded_bar::draw(QPainter* p, const QRectF& r, qreal radius, const QColor& fill,
                       const QColor& outline) {
    // Each end takes the radius plus the pen's reach; the middle gets one column of its own.
    const qreal end = std::ceil(radius) + 1;
    const qreal span = 2 * end + 1;
    // Whole logical pixels only: the image is drawn at the same sub-pixel offset it was drawn
    // at (1, 1), and a fractional width would stretch the middle by a fraction of a column.
    const bool whole = r.x() == std::floor(r.x()) && r.y() == std::floor(r.y()) &&
                       r.width() == std::floor(r.width()) && r.height() == std::floor(r.height());
    if (!whole || r.width() < span || p->transform().type() > QTransform::TxTranslate) {
        p->save();
        p->setRenderHint(QPainter::Antialiasing, true);
        p->setPen(outline.isValid() ? QPen(outline, 1) : QPen(Qt::NoPen));
        p->setBrush(fill);
        p->drawRoundedRect(r, radius, radius);
        p->restore();
        return;
    }
    const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
    const QPixmap pm = endsImage(radius, r.height(), span, dpr, fill, outline);
    const qreal h = r.height() + 2, x0 = r.x() - 1, y0 = r.y() - 1;
    // Each end is the image's first or last `cap` columns (the pen's overhang included); the
    // column right after the left end is stretched over the middle.
    const qreal cap = end + 1, middleW = r.width() + 2 - 2 * cap;
    auto src = [dpr, h](qreal x, qreal w) { return QRectF(x * dpr, 0, w * dpr, h * dpr); };
    p->drawPixmap(QRectF(x0, y0, cap, h), pm, src(0, cap));
    if (middleW > 0) p->drawPixmap(QRectF(x0 + cap, y0, middleW, h), pm, src(cap, 1));
    p->drawPixmap(QRectF(x0 + cap + middleW, y0, cap, h), pm, src(span + 2 - cap, cap));
}
