#pragma once
// Lock statistics per worker (rows) and for the whole run (summary()), from the counters each
// worker publishes in its own slot, through core's metrics (the report uses the same). The
// stacked bars read the time roles; tests read both.
#include "analysis/metrics.h"
#include "gui/models/worker_rows_model.h"
#include "model/run_data.h"

// One worker's lock figures.
struct ContentionRow {
    shm::LockStats lock;
    shm::TimeSplit time;
    uint64_t dropped = 0;
    double cpuSeconds = 0;
    bool operator==(const ContentionRow&) const = default;
};

class ContentionModel : public WorkerRowsModel<ContentionRow> {
    Q_OBJECT
  public:
    enum Column {
        WorkerCol,
        AcquisitionsCol,
        ContendedCol,
        MeanWaitCol,
        MaxWaitCol,
        WaitCol,
        HoldCol,
        ComputeCol,
        DroppedCol,
        ColumnCount
    };
    enum Role {
        ComputeSecondsRole = Qt::UserRole + 1, // busy time neither waiting for nor holding a lock
        WaitSecondsRole,
        HoldSecondsRole,
        ColorRole,
        ValueRole,       // the column's raw number (qulonglong or double)
        BusySecondsRole, // barrier to the worker's end, pauses excluded
        CpuSecondsRole,  // the worker process's CPU time since the barrier
    };

    struct Summary {
        bool lockTaken = false;
        uint64_t acquisitions = 0;
        uint64_t contended = 0;
        double acquisitionsPerSecond = 0;
        double contendedPercent = 0;
        double meanWaitNs = 0; // per contended acquisition
        uint64_t maxWaitNs = 0;
        double waitShare = 0; // all workers' wait time over their busy time
        uint64_t droppedEvents = 0;
        uint64_t cpuNs = 0;        // all workers' CPU time
        uint64_t cpuWaitingNs = 0; // of it burned while waiting, at least
        double imbalance = 0;      // slowest worker's busy time over the mean
        // Where wall time went when it was not CPU time: all workers' busy (wall) time, and of
        // it the slow-motion delays: each processed element's delay at the delay setting (a
        // delay changed during the run is counted at its latest value, so this is an estimate).
        uint64_t busyNs = 0;
        uint64_t slowMotionNs = 0;
        uint32_t delayUs = 0;
        bool slowMotionSlept = false; // the workers sleep their delays (short ones they spin)
        uint32_t workers = 0;
        unsigned cores = 0; // the cores the workers may run on
        // Waits going on at the end (or now), per wait-histogram bucket of their length so far.
        std::vector<uint64_t> openWaitBuckets;
    };
    using Row = ContentionRow;

    explicit ContentionModel(QObject* parent = nullptr);

    void update(const shm::RunSnapshot& snap);
    void clear() { startRun(0); }
    // A new run of n workers: n blank rows (the same rows when n is unchanged).
    void startRun(uint32_t workers);
    const Summary& summary() const { return m_summary; }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

  private:
    Summary m_summary;
};
