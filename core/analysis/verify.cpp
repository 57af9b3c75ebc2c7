#include "analysis/verify.h"

#include "analysis/smoothness.h"
#include "work/workload.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace shm {
namespace {

// Below this many elements per thread, starting a thread costs more than it saves.
constexpr uint64_t kMinElementsPerThread = 1 << 18;
// A part checks the stop request and publishes progress once per slice, about a millisecond
// of work: 2^20 elements of sin or wave (angle addition; the sine table each slice rebuilds is
// 512 libm calls, 0.05%), 2^14 of mandelbrot (up to hundreds of iterations per element). A stop
// then ends every part within a slice.
uint64_t sliceOf(Workload w) {
    return w == Workload::Mandelbrot ? 1 << 14 : 1 << 20;
}

// Elements [begin, end) against the workload, one instantiation per workload so the inner
// loop calls the function directly. Streamed, not materialised: 10^8 expected doubles would be
// another 800 MB.
template <Workload W>
VerifyResult verifyRangeOf(const double* values, uint64_t begin, uint64_t end, uint64_t n) {
    VerifyResult r;
    for (uint64_t i = begin; i < end; ++i) {
        const double v = values[i - begin];
        r.unwritten += std::isnan(v);
        r.mismatches += !matchesExpected(v, elementValueOf<W>(i, n));
    }
    return r;
}

// sin by angle addition: sin(B + j) = sin(B)cos(j) + cos(B)sin(j) with sin(j), cos(j) from a
// table and sin(B), cos(B) from libm once per block of kBlock elements, so an element costs two
// multiplications and an addition instead of a sine (issue 10: recomputing every std::sin took
// as long as the run itself; this takes a fifth). At most ~6e-16 from std::sin (each of the
// five roundings half an ulp; tst_verify measures it), inside matchesExpected's tolerance.
constexpr uint64_t kBlock = 256;

// The block walk both angle additions share: `phaseAt(base)` gives block base's phase (sin and
// cos from libm once per block), `sinCosOf(base, p, j)` element base + j's (sin d, cos d) for its
// offset d from that phase; expected = sin(p)cos(d) + cos(p)sin(d).
template <typename PhaseAt, typename SinCosOf>
VerifyResult verifyByAngleAddition(const double* values, uint64_t begin, uint64_t end,
                                   PhaseAt phaseAt, SinCosOf sinCosOf) {
    VerifyResult r;
    for (uint64_t base = begin; base < end; base += kBlock) {
        const double pb = phaseAt(base);
        const double sb = std::sin(pb), cb = std::cos(pb);
        const double* const v = values + (base - begin);
        const uint64_t count = std::min(kBlock, end - base);
        uint64_t unwritten = 0, mismatches = 0;
        for (uint64_t j = 0; j < count; ++j) {
            const auto [sinD, cosD] = sinCosOf(base, pb, j);
            unwritten += std::isnan(v[j]);
            mismatches += !matchesExpected(v[j], sb * cosD + cb * sinD);
        }
        r.unwritten += unwritten;
        r.mismatches += mismatches;
    }
    return r;
}

VerifyResult verifySinRange(const double* values, uint64_t begin, uint64_t end) {
    double tabSin[kBlock], tabCos[kBlock];
    for (uint64_t j = 0; j < kBlock; ++j) {
        tabSin[j] = std::sin(double(j));
        tabCos[j] = std::cos(double(j));
    }
    return verifyByAngleAddition(
        values, begin, end, [](uint64_t base) { return double(base); },
        [&](uint64_t, double, uint64_t j) { return std::pair(tabSin[j], tabCos[j]); });
}

// wave likewise, but from the worker's own rounded phase p(i) = 8πi/n (a multiplication and a
// division): a table of p(j) would differ from it by up to 1.3e-14 for large n, more than the
// tolerance, which must stay small enough to tell neighbours apart near wave's extrema. With
// d = p(i) - p(B) (exact: both within a factor two), sin p(i) = sin p(B) cos d + cos p(B) sin d
// and short series for sin d and cos d, |d| <= kBlock·8π/n; their next terms are below 1e-20
// for |d| <= 1e-2, so smaller arrays (n below ~640,000) take libm's sine per element.
VerifyResult verifyWaveRange(const double* values, uint64_t begin, uint64_t end, uint64_t n) {
    if (double(kBlock) * 8 * std::numbers::pi / double(n) > 1e-2)
        return verifyRangeOf<Workload::Wave>(values, begin, end, n);
    return verifyByAngleAddition(
        values, begin, end, [n](uint64_t base) { return wavePhase(base, n); },
        [n](uint64_t base, double pb, uint64_t j) {
            const double d = wavePhase(base + j, n) - pb, d2 = d * d;
            return std::pair(d * (1 - d2 / 6 * (1 - d2 / 20 * (1 - d2 / 42))),
                             1 - d2 / 2 * (1 - d2 / 12 * (1 - d2 / 30)));
        });
}

} // namespace

VerifyResult verifyRange(Workload w, const double* values, uint64_t begin, uint64_t end,
                         uint64_t n) {
    switch (w) {
    case Workload::Sin:
        return verifySinRange(values, begin, end);
    case Workload::Wave:
        return verifyWaveRange(values, begin, end, n);
    case Workload::Mandelbrot:
        return verifyRangeOf<Workload::Mandelbrot>(values, begin, end, n);
    case Workload::Histogram:
    case Workload::Counters:
        break;
    }
    return {};
}

uint64_t verifyPartBegin(uint64_t n, uint64_t parts, uint64_t p) {
    // n·p stays below 2^64: n <= 2^34 elements, parts <= a thread per core.
    return n * p / std::max<uint64_t>(parts, 1);
}

VerifyResult verify(const ExperimentConfig& cfg, const double* data, const VerifyOptions& options) {
    VerifyResult r;
    if (cfg.workload == Workload::Counters) {
        // Every worker's own counter reached exactly its increments.
        const auto* counters = reinterpret_cast<const uint64_t*>(data);
        for (uint32_t k = 0; k < cfg.workers; ++k) {
            const uint64_t v = counters[cfg.counterSlot(k)];
            r.unwritten += v == 0;
            r.mismatches += v != cfg.increments;
        }
        return r;
    }
    if (cfg.workload == Workload::Histogram) {
        const std::vector<double> expected = expectedArray(cfg);
        double total = 0;
        for (uint64_t b = 0; b < cfg.bins; ++b) {
            total += data[b];
            if (!matchesExpected(data[b], expected[b])) ++r.mismatches;
        }
        r.lostUpdates = int64_t(cfg.elements) - int64_t(std::llround(total));
        return r;
    }
    // Every element against the workload function, on every core: recomputing 10^7 sines on
    // one thread cost as much CPU as the whole parallel run (issue 10's profile), so the
    // report waited as long for its verdict as for the work.
    const uint64_t n = cfg.elements;
    const uint64_t cores = std::max(1u, std::thread::hardware_concurrency());
    const uint64_t parts = options.parts
                               ? std::min<uint64_t>(options.parts, std::max<uint64_t>(n, 1))
                               : std::clamp<uint64_t>(n / kMinElementsPerThread, 1, cores);
    std::vector<VerifyResult> results(parts);
    std::vector<std::thread> threads;
    threads.reserve(parts - 1);
    const uint64_t slice = sliceOf(cfg.workload);
    auto part = [&](uint64_t p) {
        const uint64_t end = verifyPartBegin(n, parts, p + 1);
        VerifyResult& out = results[p];
        for (uint64_t b = verifyPartBegin(n, parts, p); b < end; b += slice) {
            if (options.stop.stop_requested()) {
                out.cancelled = true;
                return;
            }
            const uint64_t e = std::min(end, b + slice);
            const VerifyResult x = verifyRange(cfg.workload, data + b, b, e, n);
            out.mismatches += x.mismatches;
            out.unwritten += x.unwritten;
            if (options.checked) options.checked->fetch_add(e - b, std::memory_order_relaxed);
        }
    };
    uint64_t started = 1;
    try { // a thread that cannot start (a pids limit): its part runs here instead
        for (; started < parts; ++started)
            threads.emplace_back(part, started);
    } catch (const std::system_error&) {
    }
    for (uint64_t p = started; p < parts; ++p)
        part(p);
    part(0);
    for (std::thread& t : threads)
        t.join();
    for (const VerifyResult& x : results) {
        r.mismatches += x.mismatches;
        r.unwritten += x.unwritten;
        r.cancelled = r.cancelled || x.cancelled;
    }
    if (r.cancelled) return r; // no picture figure either: a part of the array is no picture
    r.lag1Autocorrelation = lag1Autocorrelation(data, n);
    return r;
}

} // namespace shm
