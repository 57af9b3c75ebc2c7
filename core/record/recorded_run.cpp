#include "record/recorded_run.h"

#include <array>

namespace shm {

namespace {
constexpr std::array<std::string_view, 5> kMarkNames = {"phase", "state", "exit", "fault",
                                                        "recovery"};

size_t stringBytes(const std::string& s) {
    return s.capacity() > 15 ? s.capacity() + 1 : 0; // beyond the small-string buffer
}
template <class T> size_t vectorBytes(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}
} // namespace

std::string_view nameOf(MarkKind k) {
    const auto i = size_t(k);
    return i < kMarkNames.size() ? kMarkNames[i] : std::string_view("?");
}

std::optional<MarkKind> markKindFromName(std::string_view name) {
    for (size_t i = 0; i < kMarkNames.size(); ++i)
        if (kMarkNames[i] == name) return MarkKind(i);
    return std::nullopt;
}

// An estimate that follows what grows with a run's length (samples, intervals, frames, marks);
// the fixed part (report, final snapshot) is counted roughly.
size_t RecordedRun::memoryBytes() const {
    size_t n = sizeof(RecordedRun) + stringBytes(label) + stringBytes(reportJson);
    n += vectorBytes(report.workers) + vectorBytes(report.recoveries) + vectorBytes(report.errors);
    for (const WorkerReport& w : report.workers)
        n += stringBytes(w.stateText) + stringBytes(w.host);
    n += vectorBytes(final.workers);
    for (const WorkerRecord& w : final.workers)
        n += stringBytes(w.host);
    n += vectorBytes(meta.errors);
    for (const std::string& e : meta.errors)
        n += stringBytes(e);
    n += vectorBytes(samples);
    for (const auto& perWorker : samples) {
        n += vectorBytes(perWorker);
        for (const WorkerSample& s : perWorker)
            n += stringBytes(s.record.host);
    }
    n += vectorBytes(runSamples);
    n += vectorBytes(intervals);
    for (const WorkerIntervals& w : intervals)
        n += vectorBytes(w.holds) + vectorBytes(w.waits);
    n += vectorBytes(frames);
    for (const ArrayFrame& f : frames)
        n += vectorBytes(f.values) + vectorBytes(f.owners) + vectorBytes(f.columns);
    n += vectorBytes(marks);
    for (const RunMark& m : marks)
        n += stringBytes(m.detail);
    return n;
}

} // namespace shm
