#pragma once
// Where each worker's time went when no lock is taken (none, atomic, counters, queue, private,
// or lock timings off): its wall time from the barrier to its end beside the CPU it used, and
// the run's imbalance in the title. Load imbalance, preemption (more workers than cores) and
// slow motion all show here; a lock's waits and holds have the contention view proper.
#include <QWidget>

class ContentionModel;
class QCPTextElement;
class QCustomPlot;
class WorkTimeBarsPlottable;

class WorkTimePlot : public QWidget {
    Q_OBJECT
  public:
    explicit WorkTimePlot(const ContentionModel* model, QWidget* parent = nullptr);
    // ranks: an MPI run's ranks ("Time per rank", r0, r1, ...).
    void startRun(uint32_t workers, bool ranks = false);
    void refresh(bool immediate);
    void clear();
    QCustomPlot* plot() const { return m_plot; }
    QString title() const;
    const WorkTimeBarsPlottable* bars() const { return m_bars; }

  protected:
    void changeEvent(QEvent* e) override;

  private:
    const ContentionModel* m_model;
    QCustomPlot* m_plot;
    QCPTextElement* m_title;
    WorkTimeBarsPlottable* m_bars;
    uint32_t m_workers = 0;
    int m_tickEvery = 0;
    bool m_ranks = false;
};
