#pragma once
// Lock statistics per worker (rows) and for the whole run (summary()), from the counters each
// worker publishes in its own slot. The stacked bars read the time roles; tests read both.
#include "run_controller.h"

#include <QAbstractTableModel>

#include <vector>

class ContentionModel : public QAbstractTableModel {
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
        ValueRole, // the column's raw number (qulonglong or double)
    };

    struct Summary {
        bool lockTaken = false;
        uint64_t acquisitions = 0;
        uint64_t contended = 0;
        double acquisitionsPerSecond = 0;
        double contendedPercent = 0;
        double meanWaitNs = 0; // per contended acquisition
        uint64_t maxWaitNs = 0;
        uint64_t droppedEvents = 0;
    };
    struct Row {
        shm::LockStats lock;
        double computeSeconds = 0, waitSeconds = 0, holdSeconds = 0;
        uint64_t dropped = 0;
        bool operator==(const Row&) const = default;
    };

    explicit ContentionModel(QObject* parent = nullptr);

    void update(const RunController::Snapshot& snap, const shm::ExperimentConfig& cfg,
                uint64_t nowNs);
    void clear();
    const Summary& summary() const { return m_summary; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    static QString formatNs(double ns);
    static QString formatCount(double n); // 288k, 1.20M: fits a narrow card

  private:
    std::vector<Row> m_rows;
    Summary m_summary;
};
