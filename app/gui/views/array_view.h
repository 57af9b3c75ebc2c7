#pragma once
// The live shared array: value against index, decimated per pixel column straight from the
// mapped segment and coloured by writer, the expected curve as an overlay, mismatches in red,
// horizontal zoom/pan with the mouse, and the partition map underneath.
#include "decimator.h"
#include "dirty_tracker.h"
#include "run_controller.h"

#include <QWidget>

#include <future>
#include <vector>

class ArrayColumnsPlottable;
class PartitionStrip;
class QCPBars;
class QCPLayer;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QPushButton;

class ArrayView : public QWidget {
    Q_OBJECT
  public:
    explicit ArrayView(QWidget* parent = nullptr);
    ~ArrayView() override;

    void startRun(const shm::ExperimentConfig& cfg);
    // Reads progress, rescans what changed (within budgetNs; 0 = all) and redraws.
    void refresh(const RunController& run, const RunController::Snapshot& snap, uint64_t budgetNs);
    void runFinished(const RunController& run);
    void clear();
    void resetZoom();

    QCustomPlot* plot() const { return m_plot; }
    const Decimator& decimator() const { return m_dec; }
    uint64_t mismatchesInView() const;

  protected:
    void changeEvent(QEvent* e) override;

  private:
    void onRangeChanged();
    void updateExpectedCurve();
    void updateInfo(const RunController* run);
    void fitValueAxis();
    int plotColumns() const;

    QLabel* m_info;
    QPushButton* m_resetZoom;
    QCustomPlot* m_plot;
    QCPLayer* m_dataLayer;
    ArrayColumnsPlottable* m_columns;
    QCPGraph* m_expected;
    QCPGraph* m_mismatchLegend;
    QCPBars* m_unwrittenLegend;
    PartitionStrip* m_strip;

    shm::ExperimentConfig m_cfg;
    bool m_haveRun = false;
    bool m_finished = false;
    Decimator m_dec;
    DirtyTracker m_tracker;
    bool m_viewDirty = true;
    int m_viewColumns = 0;
    uint64_t m_drawnVersion = ~0ull;
    std::future<std::vector<double>> m_binsFuture; // histogram: expected bins, computed aside
    std::vector<double> m_expectedBins;
    bool m_wantCheck = false; // enable the expected-value check once the bins are known
};
