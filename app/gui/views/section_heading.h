#pragma once
// The bold caption above each view, so every screenshot says what it shows.
#include <QLabel>

class QVBoxLayout;

class SectionHeading : public QLabel {
    Q_OBJECT
  public:
    explicit SectionHeading(const QString& text, QWidget* parent = nullptr);
};

// The layout every view starts with: compact margins, its heading on top.
QVBoxLayout* sectionLayout(QWidget* view, const QString& heading);
