#include "analysis/decimator.h"

#include "work/workload.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>

namespace shm {

#endif

void Decimator::configure(uint64_t count, uint32_t workers, WrittenBy rule) {
    m_count = count;
    m_workers = workers;
    m_rule = rule;
    m_expected = {};
    setView(0, count, int(std::min<uint64_t>(count, 1000)), true);
}

void Decimator::setView(uint64_t lo, uint64_t hi, int columns, bool knownUnwritten) {
    hi = std::min(hi, m_count);
    lo = std::min(lo, hi);
    m_lo = lo;
    m_hi = hi;
    const uint64_t span = hi - lo;
    const size_t n = size_t(std::min<uint64_t>(span, uint64_t(std::max(columns, 1))));
    m_columns.assign(n, DecimatedColumn{});
    for (size_t c = 0; c < n; ++c) {
        // span * c stays far below 2^64: span <= 2^34 elements, columns <= a few thousand.
        m_columns[c].begin = lo + span * c / n;
        m_columns[c].end = lo + span * (c + 1) / n;
        m_columns[c].dominantOwner = m_workers;
        m_columns[c].scanned = knownUnwritten;
    }
    m_ownerCounts.assign(n * (m_workers + 1), 0);
    m_dirty.assign(n, 0);
    m_dirtyCount = 0;
    m_sweep = 0;
    if (knownUnwritten) {
        for (size_t c = 0; c < n; ++c)
            m_ownerCounts[c * (m_workers + 1) + m_workers] =
                uint32_t(m_columns[c].end - m_columns[c].begin);
    } else {
        markAllDirty();
    }
    ++m_version;
}

void Decimator::fillFrom(const std::vector<DecimatedColumn>& coarse) {
    const uint32_t stride = m_workers + 1;
    std::fill(m_ownerCounts.begin(), m_ownerCounts.end(), 0u);
    auto src = coarse.begin();
    for (size_t c = 0; c < m_columns.size(); ++c) {
        DecimatedColumn& col = m_columns[c];
        const DecimatedColumn fresh{col.begin, col.end, 0, 0, 0, 0, m_workers, true};
        col = fresh;
        uint32_t* counts = &m_ownerCounts[c * stride];
        // Coarse columns are ordered and contiguous: skip those ending before this column.
        while (src != coarse.end() && src->end <= col.begin)
            ++src;
        uint64_t best = 0, covered = 0;
        for (auto it = src; it != coarse.end() && it->begin < col.end; ++it) {
            const uint64_t overlap = std::min(it->end, col.end) - std::max(it->begin, col.begin);
            covered += overlap;
            if (!it->written) continue;
            // A coarse column shared by two columns gives each its share (evenly spread).
            const double share =
                double(overlap) / double(std::max<uint64_t>(1, it->end - it->begin));
            const uint64_t written =
                std::max<uint64_t>(1, uint64_t(double(it->written) * share + 0.5));
            col.min = col.written ? std::min(col.min, it->min) : it->min;
            col.max = col.written ? std::max(col.max, it->max) : it->max;
            col.written += written;
            col.mismatches += uint64_t(double(it->mismatches) * share + 0.5);
            const uint32_t owner = std::min(it->dominantOwner, m_workers);
            counts[owner] += uint32_t(written);
            if (owner < m_workers && counts[owner] > best) {
                best = counts[owner];
                col.dominantOwner = owner;
            }
        }
        uint64_t owned = 0;
        for (uint32_t k = 0; k < m_workers; ++k)
            owned += counts[k];
        counts[m_workers] += uint32_t(covered - std::min(covered, owned + counts[m_workers]));
    }
    std::fill(m_dirty.begin(), m_dirty.end(), 0);
    m_dirtyCount = 0;
    ++m_version;
}

void Decimator::setExpected(std::function<double(uint64_t)> expected) {
    m_expected = std::move(expected);
    markAllDirty();
}

size_t Decimator::columnOf(uint64_t index) const {
    // Columns are equal to within one element, so the estimate is off by at most one.
    const size_t n = m_columns.size();
    size_t c = size_t((index - m_lo) * n / (m_hi - m_lo));
    c = std::min(c, n - 1);
    while (c > 0 && index < m_columns[c].begin)
        --c;
    while (c + 1 < n && index >= m_columns[c].end)
        ++c;
    return c;
}

void Decimator::markDirty(uint64_t begin, uint64_t end) {
    begin = std::max(begin, m_lo);
    end = std::min(end, m_hi);
    if (begin >= end || m_columns.empty()) return;
    const size_t first = columnOf(begin), last = columnOf(end - 1);
    for (size_t c = first; c <= last; ++c) {
        if (!m_dirty[c]) ++m_dirtyCount;
        m_dirty[c] = 1;
    }
}

void Decimator::markAllDirty() {
    std::fill(m_dirty.begin(), m_dirty.end(), uint8_t(1));
    m_dirtyCount = m_dirty.size();
}

namespace {

// Owners come in runs (a block partition writes long stretches): count run lengths instead of
// incrementing a counter per element, which would chain every increment through memory.
void countOwners(const uint8_t* owner, uint64_t begin, uint64_t end, uint32_t workers,
                 uint32_t* counts) {
    uint64_t i = begin;
    while (i < end) {
        const uint8_t o = owner[i];
        uint64_t j = i + 1;
#if defined(__SSE2__)
        const __m128i want = _mm_set1_epi8(char(o));
        while (j + 16 <= end) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(owner + j));
            const int same = _mm_movemask_epi8(_mm_cmpeq_epi8(v, want));
            if (same != 0xFFFF) {
                j += uint64_t(__builtin_ctz(~same & 0xFFFF));
                break;
            }
            j += 16;
        }
#endif
        while (j < end && owner[j] == o)
            ++j;
        counts[o < workers ? o : workers] += uint32_t(j - i);
        i = j;
    }
}

// Min, max and count of the non-NaN values. NaN compares false, so "v < lo ? v : lo" skips it;
// that is exactly what minpd/maxpd do, two lanes at a time.
void minMaxNotNaN(const double* data, uint64_t begin, uint64_t end, double& lo, double& hi,
                  uint64_t& written) {
    uint64_t i = begin;
    uint64_t nans = 0;
#if defined(__SSE2__)
    __m128d vlo = _mm_set1_pd(lo), vhi = _mm_set1_pd(hi);
    __m128i vnan = _mm_setzero_si128();
    for (; i + 2 <= end; i += 2) {
        const __m128d v = _mm_loadu_pd(data + i);
        vlo = _mm_min_pd(v, vlo);
        vhi = _mm_max_pd(v, vhi);
        vnan = _mm_sub_epi64(vnan, _mm_castpd_si128(_mm_cmpunord_pd(v, v))); // -1 per NaN
    }
    alignas(16) double l[2], h[2];
    alignas(16) uint64_t nn[2];
    _mm_store_pd(l, vlo);
    _mm_store_pd(h, vhi);
    _mm_store_si128(reinterpret_cast<__m128i*>(nn), vnan);
    lo = std::min(l[0], l[1]);
    hi = std::max(h[0], h[1]);
    nans = nn[0] + nn[1];
#endif
    for (; i < end; ++i) {
        const double v = data[i];
        if (std::isnan(v)) {
            ++nans;
            continue;
        }
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    written = (end - begin) - nans;
}

} // namespace

DecimatedColumn Decimator::scan(const double* data, const uint8_t* owner, uint64_t begin,
                                uint64_t end, uint32_t workers, WrittenBy rule,
                                const std::function<double(uint64_t)>& expected, uint32_t* counts) {
    DecimatedColumn col;
    col.begin = begin;
    col.end = end;
    col.scanned = true;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    uint64_t written = 0, mismatches = 0;
    std::fill(counts, counts + workers + 1, 0u);
    countOwners(owner, begin, end, workers, counts);
    // With 256 workers an unwritten element's owner byte (255) is worker 255's id too
    // (layout.h: ownerOf): move the unwritten ones from worker 255 to "nobody".
    const bool ambiguous = workers > kUnwritten;
    if (rule == WrittenBy::NotNaN) {
        minMaxNotNaN(data, begin, end, lo, hi, written);
        if (ambiguous) {
            const uint32_t unwritten =
                uint32_t(std::min<uint64_t>(end - begin - written, counts[kUnwritten]));
            counts[kUnwritten] -= unwritten;
            counts[workers] += unwritten;
        }
        if (expected)
            for (uint64_t i = begin; i < end; ++i)
                if (!std::isnan(data[i]) && !matchesExpected(data[i], expected(i))) ++mismatches;
    } else {
        for (uint64_t i = begin; i < end; ++i) {
            const double v = data[i];
            if (ownerOf(owner[i], ambiguous && v != 0) == kNoOwner) {
                if (ambiguous) --counts[kUnwritten], ++counts[workers];
                continue;
            }
            ++written;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            if (expected && !matchesExpected(v, expected(i))) ++mismatches;
        }
    }
    col.written = written;
    col.mismatches = mismatches;
    col.min = written ? lo : 0;
    col.max = written ? hi : 0;
    col.dominantOwner = workers;
    uint32_t best = 0;
    for (uint32_t k = 0; k < workers; ++k)
        if (counts[k] > best) {
            best = counts[k];
            col.dominantOwner = k;
        }
    return col;
}

void Decimator::rescan(size_t c, const double* data, const uint8_t* owner) {
    const DecimatedColumn fresh = scan(data, owner, m_columns[c].begin, m_columns[c].end, m_workers,
                                       m_rule, m_expected, &m_ownerCounts[c * (m_workers + 1)]);
    if (!(fresh == m_columns[c])) {
        m_columns[c] = fresh;
        ++m_version;
    }
}

int Decimator::process(const double* data, const uint8_t* owner, uint64_t budgetNs) {
    if (!m_dirtyCount || !data || !owner) return 0;
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const size_t n = m_columns.size();
    int done = 0;
    for (size_t step = 0; step < n && m_dirtyCount; ++step) {
        const size_t c = (m_sweep + step) % n;
        if (!m_dirty[c]) continue;
        m_dirty[c] = 0;
        --m_dirtyCount;
        rescan(c, data, owner);
        ++done;
        if (budgetNs &&
            uint64_t(
                std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count()) >=
                budgetNs) {
            m_sweep = (c + 1) % n;
            return done;
        }
    }
    m_sweep = 0;
    return done;
}

} // namespace shm
