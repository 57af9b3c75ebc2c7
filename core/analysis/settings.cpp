#include "settings.h"

#include <array>
#include <charconv>
#include <utility>

namespace shm {
namespace {

template <typename E, size_t N> using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<Workload, 4> kWorkloads{{{Workload::Sin, "sin"},
                                             {Workload::Wave, "wave"},
                                             {Workload::Histogram, "histogram"},
                                             {Workload::Mandelbrot, "mandelbrot"}}};
constexpr NameTable<Partition, 5> kPartitions{{{Partition::Block, "block"},
                                               {Partition::Cyclic, "cyclic"},
                                               {Partition::BlockCyclic, "block-cyclic"},
                                               {Partition::Dynamic, "dynamic"},
                                               {Partition::Guided, "guided"}}};
constexpr NameTable<SyncMode, 5> kSyncModes{{{SyncMode::None, "none"},
                                             {SyncMode::Mutex, "mutex"},
                                             {SyncMode::Striped, "striped"},
                                             {SyncMode::Spin, "spin"},
                                             {SyncMode::Atomic, "atomic"}}};
constexpr NameTable<LockScope, 2> kScopes{
    {{LockScope::Element, "element"}, {LockScope::Chunk, "chunk"}}};

template <typename E, size_t N> std::string_view nameOf(const NameTable<E, N>& t, E e) {
    for (const auto& [v, n] : t)
        if (v == e) return n;
    return "?";
}
template <typename E, size_t N>
std::optional<E> valueOf(const NameTable<E, N>& t, std::string_view s) {
    for (const auto& [v, n] : t)
        if (n == s) return v;
    return std::nullopt;
}
template <typename E, size_t N> std::string joined(const NameTable<E, N>& t) {
    std::string out;
    for (const auto& [v, n] : t) {
        if (!out.empty()) out += "|";
        out += n;
    }
    return out;
}

// Strict unsigned parse: digits only, no sign, no trailing garbage, no overflow.
std::optional<uint64_t> parseUnsigned(std::string_view s) {
    if (s.empty() || s.size() > 20) return std::nullopt;
    uint64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::string quoted(std::string_view v) {
    std::string out = "'";
    out.append(v.substr(0, 40));
    if (v.size() > 40) out += "...";
    return out + "'";
}

std::optional<std::string> setCount(uint64_t& dst, std::string_view name, std::string_view value,
                                    uint64_t lo, uint64_t hi) {
    auto v = parseUnsigned(value);
    if (!v)
        return "--" + std::string(name) + ": " + quoted(value) + " is not a whole number (" +
               std::to_string(lo) + " to " + std::to_string(hi) + ")";
    if (*v < lo || *v > hi)
        return "--" + std::string(name) + ": " + std::to_string(*v) + " is out of range (" +
               std::to_string(lo) + " to " + std::to_string(hi) + ")";
    dst = *v;
    return std::nullopt;
}

template <typename T>
std::optional<std::string> setSmall(T& dst, std::string_view name, std::string_view value,
                                    uint64_t lo, uint64_t hi) {
    uint64_t v = 0;
    if (auto err = setCount(v, name, value, lo, hi)) return err;
    dst = static_cast<T>(v);
    return std::nullopt;
}

template <typename E, size_t N>
std::optional<std::string> setEnum(E& dst, const NameTable<E, N>& t, std::string_view name,
                                   std::string_view value) {
    auto v = valueOf(t, value);
    if (!v)
        return "--" + std::string(name) + ": unknown value " + quoted(value) + " (expected " +
               joined(t) + ")";
    dst = *v;
    return std::nullopt;
}

} // namespace

std::string_view toString(Workload w) {
    return nameOf(kWorkloads, w);
}
std::string_view toString(Partition p) {
    return nameOf(kPartitions, p);
}
std::string_view toString(SyncMode s) {
    return nameOf(kSyncModes, s);
}
std::string_view toString(LockScope s) {
    return nameOf(kScopes, s);
}
std::optional<Workload> workloadFromString(std::string_view s) {
    return valueOf(kWorkloads, s);
}
std::optional<Partition> partitionFromString(std::string_view s) {
    return valueOf(kPartitions, s);
}
std::optional<SyncMode> syncFromString(std::string_view s) {
    return valueOf(kSyncModes, s);
}
std::optional<LockScope> lockScopeFromString(std::string_view s) {
    return valueOf(kScopes, s);
}

std::string allowedValues(std::string_view n) {
    if (n == "workload") return joined(kWorkloads);
    if (n == "partition") return joined(kPartitions);
    if (n == "sync") return joined(kSyncModes);
    if (n == "lock-scope") return joined(kScopes);
    return {};
}

std::optional<std::string> applySetting(ExperimentConfig& c, std::string_view n,
                                        std::string_view v) {
    using namespace limits;
    if (n == "workers") return setSmall(c.workers, n, v, 1, kMaxWorkers);
    if (n == "elements") return setCount(c.elements, n, v, 1, kMaxElements);
    if (n == "bins") return setSmall(c.bins, n, v, 1, kMaxBins);
    if (n == "chunk") return setCount(c.chunk, n, v, 1, kMaxElements);
    if (n == "stripes") return setSmall(c.stripes, n, v, 1, kMaxStripes);
    if (n == "delay-us") return setSmall(c.delayUs, n, v, 0, kMaxDelayUs);
    if (n == "workload") return setEnum(c.workload, kWorkloads, n, v);
    if (n == "partition") return setEnum(c.partition, kPartitions, n, v);
    if (n == "sync") return setEnum(c.sync, kSyncModes, n, v);
    if (n == "lock-scope") return setEnum(c.lockScope, kScopes, n, v);
    if (n == "instrument") {
        if (v == "true" || v == "1" || v == "on")
            c.instrument = true;
        else if (v == "false" || v == "0" || v == "off")
            c.instrument = false;
        else
            return "--instrument: " + quoted(v) + " is not a boolean (true|false)";
        return std::nullopt;
    }
    return "unknown setting " + quoted(n);
}

std::optional<std::string> validate(const ExperimentConfig& c) {
    using namespace limits;
    auto range = [](std::string_view n, uint64_t v, uint64_t lo,
                    uint64_t hi) -> std::optional<std::string> {
        if (v >= lo && v <= hi) return std::nullopt;
        return "--" + std::string(n) + ": " + std::to_string(v) + " is out of range (" +
               std::to_string(lo) + " to " + std::to_string(hi) + ")";
    };
    if (auto e = range("workers", c.workers, 1, kMaxWorkers)) return e;
    if (auto e = range("elements", c.elements, 1, kMaxElements)) return e;
    if (auto e = range("bins", c.bins, 1, kMaxBins)) return e;
    if (auto e = range("chunk", c.chunk, 1, kMaxElements)) return e;
    if (auto e = range("stripes", c.stripes, 1, kMaxStripes)) return e;
    if (auto e = range("delay-us", c.delayUs, 0, kMaxDelayUs)) return e;
    // A chunk-scoped striped lock guards one stripe, but a chunk of histogram updates touches
    // bins of every stripe: the lock would protect nothing. Refuse rather than mislead.
    if (c.sync == SyncMode::Striped && c.lockScope == LockScope::Chunk &&
        c.workload == Workload::Histogram)
        return "--lock-scope chunk with --sync striped cannot protect histogram bins (a chunk "
               "touches every stripe): use --lock-scope element or --sync mutex";
    return std::nullopt;
}

} // namespace shm
