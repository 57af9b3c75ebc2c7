#pragma once
// The runs of this session (and of opened recordings) the window keeps: one row per
// RecordedRun with its label, the settings in which it differs from the other runs kept, and
// its verdict. Bounded by memory: the sum of RecordedRun::memoryBytes() stays under the limit,
// the oldest runs dropped first (the newest always stays), and note() says how many went.
#include "record/recorded_run.h"

#include <QAbstractTableModel>
#include <QString>

#include <memory>
#include <vector>

class RunsModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { LabelCol, SettingsCol, VerdictCol, ColumnCount };
    static constexpr size_t kDefaultLimitBytes = size_t(512) << 20;

    explicit RunsModel(QObject* parent = nullptr);

    // Appends a run, then drops the oldest until the sum fits the limit. Returns its row.
    int add(std::shared_ptr<const shm::RecordedRun> run);
    void setLimitBytes(size_t bytes); // drops the oldest at once if they no longer fit
    size_t limitBytes() const { return m_limit; }
    size_t bytes() const { return m_bytes; }
    int droppedRuns() const { return m_dropped; }
    // "" until a run was dropped; then how many and why (the Runs tab and status bar say it).
    QString note() const;
    std::shared_ptr<const shm::RecordedRun> run(int row) const;
    int rowOf(const shm::RecordedRun* run) const; // -1 when not kept
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

  signals:
    void runsDropped(int count, const QString& note);

  private:
    struct Entry {
        std::shared_ptr<const shm::RecordedRun> run;
        size_t bytes = 0;
    };
    void trim();
    void settingsChanged(); // the differing settings of every row may change with one run
    QString differingSettings(const shm::RecordedRun& run) const;

    std::vector<Entry> m_runs;
    size_t m_limit = kDefaultLimitBytes;
    size_t m_bytes = 0;
    int m_dropped = 0;
};
