#pragma once
// The bold caption above each view, so every screenshot says what it shows.
#include <QLabel>

class SectionHeading : public QLabel {
    Q_OBJECT
  public:
    explicit SectionHeading(const QString& text, QWidget* parent = nullptr);
};
