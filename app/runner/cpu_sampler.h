#pragma once
// CpuSampler: a thread that reads every worker's published CPU time (WorkerSlot.cpuNs with its
// heartbeat) about once a millisecond while a run computes, so the report can say how much of
// the run every worker was on a CPU at once (analysis/cpu_overlap.h). It only reads shared
// memory (no system call but its sleep), never takes a lock a worker or the GUI thread holds,
// and stop() wakes it at once: the thread that owns it (the GUI's) never waits on a worker.
#include "analysis/cpu_overlap.h"
#include "segment/segment.h"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class CpuSampler {
  public:
    // Benchmarking only: SHMSCOPE_NO_CPU_SAMPLER=1 turns it off (overlap is then null).
    static bool disabledByEnvironment();
    // Every 1 ms up to 16 workers; beyond, workers × 62.5 µs, so the reads (~0.2 µs a slot)
    // stay well under 1 % of a CPU.
    static uint64_t periodNs(uint32_t workers);
    // Points kept per worker before thinning (analysis thinPoints): 2^20 over all workers.
    static size_t capPerWorker(uint32_t workers);

    CpuSampler(std::shared_ptr<shm::Segment> segment, uint32_t workers);
    ~CpuSampler(); // stops and joins
    CpuSampler(const CpuSampler&) = delete;
    CpuSampler& operator=(const CpuSampler&) = delete;

    // Stops (one last reading first) and hands over each worker's points, in time order.
    std::vector<std::vector<shm::CpuPoint>> stop();
    int halvings() const { return m_halvings; } // valid after stop()

  private:
    void run();
    void readOnce();

    std::shared_ptr<shm::Segment> m_segment;
    uint32_t m_workers;
    uint64_t m_periodNs;
    size_t m_cap;
    std::vector<std::vector<shm::CpuPoint>> m_points; // the thread's until it is joined
    std::vector<int> m_halved;
    int m_halvings = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};
