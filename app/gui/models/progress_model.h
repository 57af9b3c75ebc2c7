#pragma once
// One row per worker: what the progress table shows. Fed a RunSnapshot once per frame; every
// figure comes from core's metrics (the report uses the same). Emits one dataChanged per frame
// at most (coalesced), and only if a cell changed.
#include "analysis/trace.h"
#include "gui/models/worker_rows_model.h"
#include "model/run_data.h"

#include <QColor>
#include <QString>

#include <utility>
#include <vector>

// What one worker's row shows.
struct ProgressRow {
    QString stateText;
    shm::WorkerOutcome outcome = shm::WorkerOutcome::Live;
    bool shareOfRun = false; // dynamic/guided: the fraction is of the whole array
    qint64 pid = 0;
    bool external = false; // started by --worker-command
    QString host;          // --transport mpi: the rank's host
    uint64_t processed = 0;
    uint64_t assigned = 0;
    double fraction = 0;
    double totalFraction = 0;
    double rate = 0;       // elements/s
    double cpuSeconds = 0; // since the barrier
    double busySeconds = 0;
    double waitShare = -1; // of busy time; ProgressModel::kNoLock / kTimingsOff
    bool operator==(const ProgressRow&) const = default;
};

class ProgressModel : public WorkerRowsModel<ProgressRow> {
    Q_OBJECT
  public:
    enum Column {
        WorkerCol,
        PidCol,
        StateCol,
        ProgressCol,
        RateCol,
        TimeCol,
        CpuCol,
        WaitCol,
        ColumnCount
    };
    enum Role {
        FractionRole = Qt::UserRole + 1, // double 0..1: the bar's fill (this worker)
        TotalFractionRole,               // double 0..1: dynamic/guided: all workers together
        ColorRole,                       // QColor of the worker
    };

    static constexpr double kNoLock = -1;     // waitShare: no lock in this run
    static constexpr double kTimingsOff = -2; // waitShare: lock taken, timings off

    using Row = ProgressRow;
    // The whole run's figures, as the report names them (compute_seconds, imbalance and the
    // workers' cpu_seconds summed).
    struct Summary {
        bool measured = false;  // a run is (or was) past its start barrier
        bool lockTaken = false; // the Lock wait column has something to say
        double computeSeconds = 0;
        double imbalance = 0;
        double cpuSeconds = 0;
        // How many workers are in each state, most first ("waiting for lock" 254, "running"
        // 2): with 256 workers the table shows a few rows at a time, this says what the rest do.
        std::vector<std::pair<QString, int>> states;
        bool operator==(const Summary&) const = default;
    };
    const Summary& summary() const { return m_summary; }
    explicit ProgressModel(QObject* parent = nullptr);

    void update(const shm::RunSnapshot& snap);
    void clear() { startRun(0); }
    // A new run of n workers: n blank rows (the same rows when n is unchanged).
    void startRun(uint32_t workers);
    // Every worker's progress at each frame since the barrier, for File > Export > Trace's
    // progress counters (thinned to every other sample past kMaxHistory).
    const std::vector<shm::ProgressSample>& history() const { return m_history; }
    static constexpr size_t kMaxHistory = 100'000;
    // --worker-command: its short name ("py") beside those workers' ids, and the whole command
    // in their tooltip.
    void setWorkerCommand(const QString& shortName, const QString& command) {
        m_commandName = shortName;
        m_command = command;
    }
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

  signals:
    void summaryChanged();
    void runStarted(); // the rows are blank until the run's first frame

  private:
    void recordHistory(const shm::RunSnapshot& snap);
    // data()'s Qt::ToolTipRole for worker k's row.
    QVariant toolTip(const Row& r, int column, uint32_t k) const;
    Summary m_summary;
    std::vector<uint64_t> m_lastProcessed;
    std::vector<uint64_t> m_lastNs;
    bool m_shareOfRun = false; // dynamic/guided: the progress column shows shares of the run
    QString m_commandName, m_command;
    std::vector<shm::ProgressSample> m_history;
};
