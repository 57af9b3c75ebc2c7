#include "analysis/wait_histogram.h"

#include "analysis/metrics.h"

#include <algorithm>
#include <cmath>

namespace shm {

void WaitHistogram::reset(uint32_t workers) {
    m_counts.assign(kBuckets, 0);
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

void WaitHistogram::add(uint64_t waitNs) {
    ++m_counts[size_t(bucketOf(waitNs))];
    ++m_total;
}

std::vector<uint64_t> WaitHistogram::openCounts(const RunSnapshot& s) {
    std::vector<uint64_t> out(kBuckets, 0);
    const uint64_t end = runEndNs(s);
    for (const WorkerRecord& w : s.workers)
        if (const uint64_t open = openWaitNs(w, end)) ++out[size_t(bucketOf(open))];
    return out;
}

void WaitHistogram::consume(uint32_t k, const Event* events, size_t n) {
    if (k >= m_waitSince.size()) return;
    for (size_t i = 0; i < n; ++i) {
        const Event& e = events[i];
        const auto kind = eventKind(e);
        if (kind == EventKind::WaitBegin) {
            m_waitSince[k] = e.tNs;
        } else if (kind == EventKind::Acquired && m_waitSince[k]) {
            ++m_counts[size_t(bucketOf(e.tNs - std::min(e.tNs, m_waitSince[k])))];
            ++m_total;
            m_waitSince[k] = 0;
        }
    }
}

} // namespace shm
