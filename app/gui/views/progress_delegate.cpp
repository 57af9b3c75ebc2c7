#include "gui/views/progress_delegate.h"

#include "gui/common/rounded_bar.h"
#include "gui/models/progress_model.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

void ProgressDelegate::paint(QPainter* p, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* w = opt.widget;
    QStyle* style = w ? w->style() : QApplication::style();
    opt.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, p, w); // selection background

    const double own = std::clamp(index.data(ProgressModel::FractionRole).toDouble(), 0.0, 1.0);
    const double total =
        std::clamp(index.data(ProgressModel::TotalFractionRole).toDouble(), 0.0, 1.0);
    const QColor color = index.data(ProgressModel::ColorRole).value<QColor>();
    const QRectF bar = QRectF(opt.rect).adjusted(4, 4, -4, -4);

    p->save();
    const QPalette& pal = opt.palette;
    // Whole pixels, so every shape takes rounded_bar's fast path.
    const auto snapped = [](const QRectF& r) {
        return QRectF(std::round(r.x()), std::round(r.y()), std::round(r.width()),
                      std::round(r.height()));
    };
    rounded_bar::draw(p, bar, 3, pal.color(QPalette::Base), pal.color(QPalette::Mid));
    if (total > own) {
        QColor shade = pal.color(QPalette::Mid);
        shade.setAlpha(110);
        rounded_bar::draw(p, snapped({bar.topLeft(), QSizeF(bar.width() * total, bar.height())}), 3,
                          shade);
    }
    if (own > 0)
        rounded_bar::draw(
            p, snapped({bar.topLeft(), QSizeF(std::max(2.0, bar.width() * own), bar.height())}), 3,
            color);
    // Text in the palette's text colour on a pale halo, readable on any worker colour.
    const QString text = index.data(Qt::DisplayRole).toString();
    QFont f = opt.font;
    f.setBold(true);
    p->setFont(f);
    const QRectF tr = p->fontMetrics().boundingRect(text).adjusted(-4, 0, 4, 0);
    QRectF halo(QPointF(0, 0), tr.size());
    halo.moveCenter(bar.center());
    QColor haloColor = pal.color(QPalette::Base);
    haloColor.setAlpha(190);
    rounded_bar::draw(p, snapped(halo), 3, haloColor);
    p->setPen(pal.color(QPalette::Text));
    p->drawText(bar, Qt::AlignCenter, text);
    p->restore();
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    return {std::max(s.width(), 160), std::max(s.height(), 26)};
}
