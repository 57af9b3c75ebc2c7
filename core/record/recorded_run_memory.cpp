// RecordedRun::memoryBytes, for the window's runs list until the recorder's recorded_run.cpp
// defines it (then this file goes: one definition only).
#include "record/recorded_run.h"

namespace shm {

namespace {
template <class T> size_t vectorBytes(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}
} // namespace

size_t RecordedRun::memoryBytes() const {
    size_t n = sizeof(RecordedRun) + label.capacity() + reportJson.capacity();
    n += vectorBytes(final.workers) + vectorBytes(report.workers) + vectorBytes(runSamples);
    for (const auto& s : samples)
        n += vectorBytes(s);
    for (const WorkerIntervals& w : intervals)
        n += sizeof(WorkerIntervals) + vectorBytes(w.holds) + vectorBytes(w.waits);
    for (const ArrayFrame& f : frames)
        n += sizeof(ArrayFrame) + vectorBytes(f.values) + vectorBytes(f.owners) +
             vectorBytes(f.columns);
    for (const RunMark& m : marks)
        n += sizeof(RunMark) + m.detail.capacity();
    return n;
}

} // namespace shm
