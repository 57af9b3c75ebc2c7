#pragma once
// What the counters view shows (counters workload): each worker's counter, where it sits in the
// data region (which cache line, which bytes), and its cost per increment. Fed a RunSnapshot
// each frame; holds the snapshot's ArrayRef so the counters stay readable after the run.
#include "model/run_data.h"

#include <QObject>

#include <vector>

class CountersModel : public QObject {
    Q_OBJECT
  public:
    struct Counter {
        uint32_t worker = 0;
        uint64_t byteOffset = 0;      // in the data region
        uint64_t value = 0;           // the counter in shared memory now
        double nsPerIncrement = 0;    // over its busy (wall) time
        double cpuNsPerIncrement = 0; // over its own CPU time (survives a busy machine)
        bool done = false;
    };
    static constexpr uint64_t kLineBytes = 64; // the cache line of x86-64 and most ARM cores

    explicit CountersModel(QObject* parent = nullptr);
    void startRun(const shm::ExperimentConfig& cfg);
    void update(const shm::RunSnapshot& snap);
    void clear();

    bool hasRun() const { return m_haveRun; }
    const shm::ExperimentConfig& config() const { return m_cfg; }
    const std::vector<Counter>& counters() const { return m_counters; }
    // Bytes from one counter to the next: 8 packed, 128 padded.
    uint64_t strideBytes() const;
    // Cache lines the counters span, and how many counters the busiest line holds.
    uint64_t lines() const;
    uint32_t mostOnOneLine() const;
    // All workers' busy time over all increments (the report's total_ns_per_increment).
    double totalNsPerIncrement() const { return m_total; }
    // All workers' CPU time over all increments (total_cpu_ns_per_increment).
    double totalCpuNsPerIncrement() const { return m_totalCpu; }

  signals:
    void changed();

  private:
    shm::ExperimentConfig m_cfg;
    bool m_haveRun = false;
    shm::ArrayRef m_array;
    std::vector<Counter> m_counters;
    double m_total = 0;
    double m_totalCpu = 0;
};
