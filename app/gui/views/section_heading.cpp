#include "gui/views/section_heading.h"

#include <QVBoxLayout>

SectionHeading::SectionHeading(const QString& text, QWidget* parent) : QLabel(text, parent) {
    // Only the weight is set: the size stays inherited, so presentation mode scales it too.
    QFont f;
    f.setBold(true);
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
