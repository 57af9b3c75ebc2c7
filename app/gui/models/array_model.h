#pragma once
// What the array plot shows, as data: min/max per pixel column of the run's array (Decimator),
// which ranges changed since the last frame (DirtyTracker), the expected values, and the final
// verdict. Fed a RunSnapshot each frame; holds the snapshot's ArrayRef, so the mapping stays
// valid as long as the plot shows it. The view reads only this model.
#include "analysis/decimator.h"
#include "analysis/dirty_tracker.h"
#include "analysis/report.h"
#include "model/run_data.h"
#include "record/recorded_run.h"

#include <QObject>

#include <future>
#include <vector>

class ArrayModel : public QObject {
    Q_OBJECT
  public:
    explicit ArrayModel(QObject* parent = nullptr);
    ~ArrayModel() override;

    void startRun(const shm::ExperimentConfig& cfg);
    // Takes the frame's snapshot: marks what the workers wrote since the last one.
    void update(const shm::RunSnapshot& snap);
    // The plotted index range [lo, hi) in `columns` pixel columns.
    void setView(uint64_t lo, uint64_t hi, int columns);
    // Rescans dirty columns for at most budgetNs (0 = all). True if a column changed.
    bool scan(uint64_t budgetNs);
    void runFinished(const shm::RunReport& report);
    // Replay (after startRun with the recorded run's settings): the array as a recorded frame
    // holds it instead of a live segment. A full frame is decimated as a live array is (its
    // ArrayRef, in snap, keeps the recorded run alive); a decimated frame fills the columns
    // from its own (Decimator::fillFrom); null: nothing written yet. The run counts as not
    // finished until runFinished is called again (the replay reached the end).
    void showFrame(const shm::RunSnapshot& snap, const shm::ArrayFrame* frame);
    bool isReplay() const { return m_replay; }
    void clear();

    bool hasRun() const { return m_haveRun; }
    bool isFinished() const { return m_finished; }
    bool isHistogram() const { return m_cfg.workload == shm::Workload::Histogram; }
    const shm::ExperimentConfig& config() const { return m_cfg; }
    const shm::Decimator& decimator() const { return m_dec; }
    uint64_t cursor() const { return m_cursor; }
    // --transport queue: the result queue as the controller's receiver sees it.
    const shm::QueueStats& queue() const { return m_queue; }
    // --transport mpi: what the ranks' messages moved so far (core's mpiFigures).
    const shm::MpiFigures& mpi() const { return m_mpi; }
    // Expected value at index i (bins: once computed); NaN when not known yet.
    double expectedAt(uint64_t i) const;
    bool expectedBinsReady() const { return !m_expectedBins.empty(); }
    const std::vector<double>* expectedBins() const { return &m_expectedBins; }
    // Mismatches are checked live only for small arrays (see array_model.cpp).
    bool checksLive() const;
    uint64_t mismatchesInView() const;
    // After the run: the report's figures (the same the status bar and JSON show).
    const shm::RunReport& finalReport() const { return m_report; }

  signals:
    void expectedChanged(); // the expected curve can be drawn (again)

  private:
    shm::ExperimentConfig m_cfg;
    bool m_haveRun = false;
    bool m_finished = false;
    shm::ArrayRef m_array;
    uint64_t m_cursor = 0;
    shm::QueueStats m_queue;
    shm::MpiFigures m_mpi;
    uint64_t m_queueMessagesScanned = 0; // received messages when the array was last marked
    shm::Decimator m_dec;
    shm::DirtyTracker m_tracker;
    bool m_freshSegment = true;                    // nothing published yet: the array is all NaN
    std::future<std::vector<double>> m_binsFuture; // histogram: expected bins, computed aside
    void takeExpectedBins();
    std::vector<double> m_expectedBins;
    bool m_wantCheck = false; // enable the expected-value check once the bins are known
    shm::RunReport m_report;
    bool m_replay = false;
    std::vector<shm::DecimatedColumn> m_frameColumns; // replay of a decimated frame
};
