#pragma once
// The lock-contention view: summary figures, per-worker stacked bars of computing / waiting /
// holding time, a log-bucket histogram of wait times and the lock timeline lanes. With `none`
// or `atomic` sync it says plainly that no lock is taken.
#include "lock_lanes.h"
#include "run_controller.h"
#include "wait_histogram.h"

#include <QElapsedTimer>
#include <QWidget>

#include <vector>

class ContentionModel;
class LockTimeline;
class QCPBars;
class QCustomPlot;
class QLabel;
class QStackedWidget;

class ContentionView : public QWidget {
    Q_OBJECT
  public:
    explicit ContentionView(ContentionModel* model, QWidget* parent = nullptr);
    void startRun(const shm::ExperimentConfig& cfg);
    // Consumes new lock events every call (wait histogram, lock activity for the timeline);
    // redraws the figures, bars, histogram and timeline at
    // most every kPlotIntervalMs while the run is live (always when immediate or after the run),
    // and each plot only when its data or size changed.
    void refresh(const RunController& run, uint64_t nowNs, bool immediate);
    static constexpr int kPlotIntervalMs = 100;
    int replotCount() const { return m_replots; } // bars + histogram replots, for tests
    void clear();

    bool showsNoLockMessage() const;
    QString noLockText() const;
    QCustomPlot* barsPlot() const { return m_bars; }
    QCustomPlot* histogramPlot() const { return m_hist; }
    LockTimeline* timeline() const { return m_timeline; }
    const WaitHistogram& waitHistogram() const { return m_waits; }
    const shm::LockActivity& lockActivity() const { return m_activity; }

  protected:
    void changeEvent(QEvent* e) override;

  private:
    void buildBars(uint32_t workers);
    void updateBars();
    void updateHistogram();
    void updateSummary();
    void consumeEvents(const RunController& run);

    ContentionModel* m_model;
    QStackedWidget* m_stack;
    QLabel* m_noLock;
    std::vector<QLabel*> m_figures;
    QCustomPlot* m_bars;
    QCustomPlot* m_hist;
    QCPBars* m_histBars;
    LockTimeline* m_timeline;
    struct WorkerBars {
        QCPBars* compute;
        QCPBars* wait;
        QCPBars* hold;
    };
    std::vector<WorkerBars> m_workerBars;
    int m_tickEvery = 0;
    QElapsedTimer m_sincePlots;
    bool m_barsDirty = true;
    QSize m_barsSize, m_histSize;
    uint64_t m_histShownTotal = ~uint64_t(0);
    int m_replots = 0;
    WaitHistogram m_waits;
    // The timeline's intervals, fed here from RunController::events(k) (trimmed deques, so
    // what was consumed is tracked by timestamp per worker).
    shm::LockActivity m_activity;
    std::vector<shm::EventCursor> m_cursors;
    std::vector<shm::Event> m_newEvents;
    shm::ExperimentConfig m_cfg;
};
