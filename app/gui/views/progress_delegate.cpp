#include "gui/views/progress_delegate.h"

#include "gui/models/progress_model.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

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
    p->setRenderHint(QPainter::Antialiasing, true);
    const QPalette& pal = opt.palette;
    p->setPen(QPen(pal.color(QPalette::Mid), 1));
    p->setBrush(pal.color(QPalette::Base));
    p->drawRoundedRect(bar, 3, 3);
    p->setPen(Qt::NoPen);
    if (total > own) {
        QColor shade = pal.color(QPalette::Mid);
        shade.setAlpha(110);
        p->setBrush(shade);
        p->drawRoundedRect(QRectF(bar.topLeft(), QSizeF(bar.width() * total, bar.height())), 3, 3);
    }
    if (own > 0) {
        p->setBrush(color);
        p->drawRoundedRect(
            QRectF(bar.topLeft(), QSizeF(std::max(2.0, bar.width() * own), bar.height())), 3, 3);
    }
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
    p->setBrush(haloColor);
    p->drawRoundedRect(halo, 3, 3);
    p->setPen(pal.color(QPalette::Text));
    p->drawText(bar, Qt::AlignCenter, text);
    p->restore();
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    return {std::max(s.width(), 160), std::max(s.height(), 26)};
}
