#include "runner/cpu_sampler.h"

#include "segment/clock.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string_view>

bool CpuSampler::disabledByEnvironment() {
    const char* v = std::getenv("SHMSCOPE_NO_CPU_SAMPLER");
    return v && *v && std::string_view(v) != "0";
}

uint64_t CpuSampler::periodNs(uint32_t workers) {
    return std::max<uint64_t>(1'000'000, uint64_t(workers) * 62'500);
}

size_t CpuSampler::capPerWorker(uint32_t workers) {
    return std::max<size_t>(1024, (size_t(1) << 20) / std::max(1u, workers));
}

CpuSampler::CpuSampler(std::shared_ptr<shm::Segment> segment, uint32_t workers)
    : m_segment(std::move(segment)), m_workers(workers), m_periodNs(periodNs(workers)),
      m_cap(capPerWorker(workers)), m_points(workers), m_halved(workers, 0) {
    m_thread = std::thread([this] { run(); });
}

CpuSampler::~CpuSampler() {
    if (m_thread.joinable()) stop();
}

std::vector<std::vector<shm::CpuPoint>> CpuSampler::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable()) m_thread.join();
    m_halvings = m_halved.empty() ? 0 : *std::max_element(m_halved.begin(), m_halved.end());
    return std::move(m_points);
}

void CpuSampler::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        lock.unlock();
        readOnce();
        lock.lock();
        if (m_stop) break;
        m_wake.wait_for(lock, std::chrono::nanoseconds(m_periodNs), [this] { return m_stop; });
        if (m_stop) {
            lock.unlock();
            readOnce(); // the last publishes, up to the end
            return;
        }
    }
}

// A worker's first point is (startNs, 0): its CPU clock counts from the barrier it passed
// then. After that a point whenever cpuNs changed, at the heartbeat that came with it (the
// heartbeat is read before and after cpuNs, so the pair belongs to one publish). cpuNs is
// refreshed at most once a millisecond (worker_loop.cpp kCpuPublishNs), so the heartbeat can
// be up to one batch later than the CPU reading: part of the ~1 ms resolution.
void CpuSampler::readOnce() {
    constexpr auto acq = std::memory_order_acquire;
    for (uint32_t k = 0; k < m_workers; ++k) {
        shm::WorkerSlot& s = m_segment->slot(k);
        auto& pts = m_points[k];
        if (pts.empty()) {
            const uint64_t start = s.startNs.load(acq);
            if (!start) continue;
            pts.push_back({start, 0});
        }
        uint64_t beat = 0, cpu = 0;
        for (int tries = 0; tries < 3; ++tries) {
            beat = s.heartbeatNs.load(acq);
            cpu = s.cpuNs.load(std::memory_order_relaxed);
            std::atomic_thread_fence(std::memory_order_acquire);
            if (s.heartbeatNs.load(std::memory_order_relaxed) == beat) break;
        }
        const shm::CpuPoint& last = pts.back();
        if (cpu == last.cpuNs || beat <= last.tNs) continue;
        pts.push_back({beat, cpu});
        if (pts.size() > m_cap) m_halved[k] += shm::thinPoints(pts, m_cap / 2);
    }
}
