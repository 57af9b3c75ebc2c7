#pragma once
// The partition map under the array plot, aligned with its x axis. Top row "plan": which worker
// a static partition gives each index range (block = bands, cyclic = stripes) or, for
// dynamic/guided, how far the shared cursor has handed out work. Bottom row "written": per
// pixel column the owner map's shares, stacked (dynamic shows up as a patchwork).
#include "model/settings.h"

#include <QWidget>

#include <vector>

namespace shm {
class Decimator;
}
class QCPAxis;
class QPainter;

class PartitionStrip : public QWidget {
    Q_OBJECT
  public:
    PartitionStrip(const shm::Decimator* decimator, QCPAxis* axis, QWidget* parent = nullptr);
    void setRun(const shm::ExperimentConfig& cfg, bool active);
    void setCursor(uint64_t cursor) { m_cursor = cursor; }
    QSize sizeHint() const override { return {400, 40}; }
    QSize minimumSizeHint() const override { return {100, 40}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    void computePlan();
    void drawSeedRemainder(QPainter& p) const;

    const shm::Decimator* m_dec;
    QCPAxis* m_axis;
    shm::ExperimentConfig m_cfg;
    bool m_active = false;
    uint64_t m_cursor = 0;
    // Plan per column: share of each worker, from samples (static partitions only).
    std::vector<float> m_plan;
    uint64_t m_planLo = 0, m_planHi = 0;
    size_t m_planColumns = 0;
};
