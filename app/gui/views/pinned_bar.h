#pragma once
// A/B in the window: a strip above the views while a run is pinned — the pinned run's key
// figures beside the latest run's, with their ratios (compute, throughput, busy time waiting,
// CPU, lost updates), the settings that differ, and Unpin.
#include "analysis/compare.h"

#include <QFrame>

class QLabel;
class QPushButton;

class PinnedBar : public QFrame {
    Q_OBJECT
  public:
    explicit PinnedBar(QWidget* parent = nullptr);
    // Pinned, nothing newer yet: what was pinned.
    void showPinned(const QString& what, double computeSeconds);
    // A newer run beside the pinned one.
    void showComparison(const std::vector<shm::ComparedFigure>& figures,
                        const std::vector<std::string>& differs);
    QString text() const;

  signals:
    void unpinRequested();

  private:
    QLabel* m_text;
    QPushButton* m_unpin;
};
