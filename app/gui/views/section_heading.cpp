#include "section_heading.h"

SectionHeading::SectionHeading(const QString& text, QWidget* parent) : QLabel(text, parent) {
    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    setFont(f);
    setContentsMargins(2, 2, 2, 2);
}
