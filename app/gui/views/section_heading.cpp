#include "section_heading.h"

#include <QVBoxLayout>

SectionHeading::SectionHeading(const QString& text, QWidget* parent) : QLabel(text, parent) {
    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    setFont(f);
    setContentsMargins(2, 2, 2, 2);
}

QVBoxLayout* sectionLayout(QWidget* view, const QString& heading) {
    auto* layout = new QVBoxLayout(view);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(new SectionHeading(heading, view));
    return layout;
}
