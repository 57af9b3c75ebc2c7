#include "gui/models/counters_model.h"

#include "analysis/metrics.h"

#include <algorithm>
#include <atomic>

CountersModel::CountersModel(QObject* parent) : QObject(parent) {}

void CountersModel::startRun(const shm::ExperimentConfig& cfg) {
    m_cfg = cfg;
    m_haveRun = cfg.workload == shm::Workload::Counters;
    m_array = {};
    m_counters.clear();
    m_total = 0;
    emit changed();
}

void CountersModel::clear() {
    m_haveRun = false;
    m_array = {};
    m_counters.clear();
    m_total = 0;
    emit changed();
}

uint64_t CountersModel::strideBytes() const {
    return m_cfg.counterLayout == shm::CounterLayout::Padded ? 128 : 8;
}

uint64_t CountersModel::lines() const {
    // Every worker's whole stride: padded shows each counter's 128 bytes, padding included.
    const uint64_t bytes = uint64_t(m_cfg.workers) * strideBytes();
    return (bytes + kLineBytes - 1) / kLineBytes;
}

uint32_t CountersModel::mostOnOneLine() const {
    return uint32_t(std::min<uint64_t>(m_cfg.workers,
                                       kLineBytes / std::min<uint64_t>(strideBytes(), kLineBytes)));
}

void CountersModel::update(const shm::RunSnapshot& snap) {
    if (!m_haveRun || !snap.array.valid()) return;
    m_array = snap.array;
    const uint64_t end = shm::runEndNs(snap);
    const auto* raw = reinterpret_cast<const uint64_t*>(m_array.data);
    m_counters.assign(snap.workers.size(), {});
    for (size_t k = 0; k < snap.workers.size(); ++k) {
        const shm::WorkerRecord& w = snap.workers[k];
        Counter& c = m_counters[k];
        c.worker = w.id;
        const uint64_t slot = m_cfg.counterSlot(w.id);
        c.byteOffset = slot * 8;
        // The worker's own cache line, read while it writes: a torn value is impossible (an
        // aligned 8-byte load), a slightly old one is fine.
        c.value = std::atomic_ref<uint64_t>(const_cast<uint64_t&>(raw[slot]))
                      .load(std::memory_order_relaxed);
        c.nsPerIncrement = shm::nsPerIncrement(w, end);
        c.cpuNsPerIncrement = shm::cpuNsPerIncrement(w);
        c.done = w.state == shm::WorkerState::Done;
    }
    m_total = shm::totalNsPerIncrement(snap);
    m_totalCpu = shm::totalCpuNsPerIncrement(snap);
    emit changed();
}
