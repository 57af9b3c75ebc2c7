#pragma once
// Paints the progress cell as a bar in the worker's colour, with the text on top. For
// dynamic/guided partitions the bar spans the whole array: all workers' total shaded behind,
// this worker's share solid.
#include <QStyledItemDelegate>

class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
  public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};
