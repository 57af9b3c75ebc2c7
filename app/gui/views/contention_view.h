#pragma once
// The lock-contention view: summary figures, per-worker stacked bars of computing / waiting /
// holding time, a log-bucket histogram of wait times and the lock timeline lanes. With `none`
// or `atomic` sync it says plainly that no lock is taken and shows each worker's wall and CPU
// time instead.
#include "gui/models/contention_model.h"
#include "model/settings.h"

#include <QElapsedTimer>
#include <QWidget>

#include <vector>

class LockEventsModel;
class LockTimeline;
class QCPBars;
class QCustomPlot;
class QGridLayout;
class QCPTextElement;
class QLabel;
class QSplitter;
class QStackedWidget;
class QVBoxLayout;
class WorkTimePlot;
class WorkerBarsPlottable;

class ContentionView : public QWidget {
    Q_OBJECT
  public:
    ContentionView(ContentionModel* model, const LockEventsModel* events,
                   QWidget* parent = nullptr);
    void startRun(const shm::ExperimentConfig& cfg);
    // Consumes new lock events every call; redraws the figures, bars, histogram and timeline at
    // most every kPlotIntervalMs while the run is live (always when immediate or after the run),
    // and each plot only when its data or size changed.
    void refresh(bool immediate);
    static constexpr int kPlotIntervalMs = 100;
    int replotCount() const { return m_replots; } // bars + histogram replots, for tests
    void clear();

    bool showsNoLockMessage() const;
    QString noLockText() const; // the reason and, once measured, timeGapText's sentence
    // Where the workers' wall time went that was not CPU time, from the model's figures: slow
    // motion they slept, or time ready to run without a core. Never "waiting": no lock is taken.
    static QString timeGapText(const ContentionModel::Summary& s);
    QCustomPlot* barsPlot() const { return m_bars; }
    QCustomPlot* histogramPlot() const { return m_hist; }
    LockTimeline* timeline() const { return m_timeline; }
    WorkTimePlot* workTimes() const { return m_work; }
    QString histogramTitle() const;

  protected:
    void changeEvent(QEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

  private:
    void setGapText(const QString& text);
    void buildFigures(QLayout* into, QWidget* parent);
    void layoutFigures(int columns);
    void buildBarsPlot(QWidget* parent);
    void buildHistogramPlot(QWidget* parent);
    void buildBars(uint32_t workers);
    void updateBars();
    void updateHistogram();
    void fitHistogramLegend();
    void updateSummary();
    void updateHistogramTitle();

    ContentionModel* m_model;
    const LockEventsModel* m_events;
    QStackedWidget* m_stack;
    QWidget* m_noLockPage;                 // m_noLock's reason above m_work's times per worker
    QVBoxLayout* m_noLockLayout = nullptr; // MPI: the timeline joins it (message timeline)
    QSplitter* m_split = nullptr;          // the lock page's plots above the timeline
    QLabel* m_heading = nullptr;           // "Lock contention", or "Messages" (MPI)
    QLabel* m_noLock;
    QLabel* m_noLockGap; // timeGapText, under m_noLock
    WorkTimePlot* m_work;
    std::vector<QLabel*> m_figures;
    QGridLayout* m_figureGrid = nullptr;
    int m_figureColumns = 0;
    QCustomPlot* m_bars;
    QCustomPlot* m_hist;
    QCPBars* m_histBars;
    QCPBars* m_histOpen; // waits going on at the end (or now), stacked on the acquired ones
    QCPTextElement* m_histTitle;
    LockTimeline* m_timeline;
    WorkerBarsPlottable* m_workerBars = nullptr;
    uint32_t m_barWorkers = 0;
    int m_tickEvery = 0;
    QElapsedTimer m_sincePlots;
    bool m_barsDirty = true;
    QSize m_barsSize, m_histSize;
    uint64_t m_histShownTotal = ~uint64_t(0);
    std::vector<uint64_t> m_histShownOpen;
    int m_replots = 0;
    shm::ExperimentConfig m_cfg;
};
