#pragma once
// The painted part of the Collision view: the bin's value big, then one lane per worker with
// its accesses (read mark, write mark, the bar between) on a time axis. Steps not yet reached
// are faint, the step shown is outlined, the lost write struck through in red. Reads only its
// CollisionModel.
#include <QRectF>
#include <QWidget>

#include <cstdint>
#include <vector>

class CollisionModel;
class QPainter;

// Where each moment of an example goes across the lanes. Gaps between the accesses' moments
// span from nanoseconds to milliseconds (a worker preempted between its read and its write):
// each gap gets one slot plus a little for its logarithm, so every mark has room and a longer
// gap still looks longer. The axis labels give the real times.
struct CollisionTimeAxis {
    std::vector<uint64_t> times; // sorted, distinct
    std::vector<double> units;   // position of each, in slots
    static CollisionTimeAxis build(std::vector<uint64_t> times);
    // 0..1 across the axis; a time between two moments is placed between them linearly.
    double fraction(uint64_t t) const;
};

class CollisionLanes : public QWidget {
    Q_OBJECT
  public:
    explicit CollisionLanes(const CollisionModel* model, QWidget* parent = nullptr);
    QSize minimumSizeHint() const override;

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    struct Layout;
    Layout layout() const; // only with an example picked
    void paintMessage(QPainter& p, const QString& text) const;
    void paintLanes(QPainter& p, const Layout& l) const;
    void paintAccesses(QPainter& p, const Layout& l) const;
    void paintAccess(QPainter& p, const Layout& l, size_t i, std::vector<QRectF>& taken) const;
    void paintAxis(QPainter& p, const Layout& l) const;
    const CollisionModel* m_model;
};
