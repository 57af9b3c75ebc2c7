#include "wait_histogram.h"

#include <algorithm>
#include <cmath>

void WaitHistogram::reset(uint32_t workers) {
    m_counts.assign(kBuckets, 0);
    m_lastT.assign(workers, 0);
    m_waitSince.assign(workers, 0);
    m_total = 0;
}

int WaitHistogram::bucketOf(uint64_t ns) {
    if (double(ns) < kFirstEdgeNs) return 0;
    const int b = 1 + int(std::floor(kPerDecade * std::log10(double(ns) / kFirstEdgeNs) + 1e-9));
    return std::clamp(b, 1, kBuckets - 1);
}

double WaitHistogram::lowerEdgeNs(int bucket) {
    if (bucket <= 0) return 0;
    return kFirstEdgeNs * std::pow(10.0, double(bucket - 1) / kPerDecade);
}

void WaitHistogram::consume(uint32_t k, const std::deque<shm::Event>& events) {
    if (k >= m_lastT.size()) return;
    auto it = std::upper_bound(events.begin(), events.end(), m_lastT[k],
                               [](uint64_t t, const shm::Event& e) { return t < e.tNs; });
    for (; it != events.end(); ++it) {
        const auto kind = shm::EventKind(it->kind);
        if (kind == shm::EventKind::WaitBegin) {
            m_waitSince[k] = it->tNs;
        } else if (kind == shm::EventKind::Acquired && m_waitSince[k]) {
            ++m_counts[size_t(bucketOf(it->tNs - m_waitSince[k]))];
            ++m_total;
            m_waitSince[k] = 0;
        }
        m_lastT[k] = it->tNs;
    }
}
