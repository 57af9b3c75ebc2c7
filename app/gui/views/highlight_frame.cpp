#include "gui/views/highlight_frame.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

HighlightFrame::HighlightFrame(QWidget* target) : QWidget(target) {
    setObjectName(QStringLiteral("lessonHighlight"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    setGeometry(target->rect());
    target->installEventFilter(this);
    hide();
}

bool HighlightFrame::eventFilter(QObject* watched, QEvent* e) {
    // Over the view's own children, at the view's size.
    if (watched == parent() && (e->type() == QEvent::Resize || e->type() == QEvent::ChildAdded)) {
        setGeometry(parentWidget()->rect());
        raise();
    }
    return QWidget::eventFilter(watched, e);
}

void HighlightFrame::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // Violet: far from the workers' base colours (blue, orange, green, pink, ...) and from the
    // wait colour's dark red; visible on light and dark themes and on a projector.
    const int w = std::max(3, fontMetrics().height() / 5);
    p.setPen(QPen(QColor(0x8E, 0x44, 0xAD), w));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(rect()).adjusted(w / 2.0, w / 2.0, -w / 2.0, -w / 2.0), 6, 6);
}
