#include "snapshot.h"

#include <algorithm>

namespace shm {

LockStats& LockStats::operator+=(const LockStats& o) {
    acquisitions += o.acquisitions;
    contended += o.contended;
    waitNs += o.waitNs;
    holdNs += o.holdNs;
    maxWaitNs = std::max(maxWaitNs, o.maxWaitNs);
    return *this;
}

std::string_view toString(WorkerState s) {
    switch (s) {
    case WorkerState::Starting:
        return "starting";
    case WorkerState::AtBarrier:
        return "at barrier";
    case WorkerState::Running:
        return "running";
    case WorkerState::WaitingForLock:
        return "waiting for lock";
    case WorkerState::Paused:
        return "paused";
    case WorkerState::Done:
        return "done";
    case WorkerState::Failed:
        return "failed";
    case WorkerState::Crashed:
        return "crashed";
    }
    return "?";
}

WorkerSnapshot readWorker(const Segment& seg, uint32_t k) {
    constexpr auto r = std::memory_order_relaxed;
    const WorkerSlot& s = seg.slot(k);
    WorkerSnapshot w;
    w.id = k;
    w.heartbeatNs = s.heartbeatNs.load(std::memory_order_acquire);
    w.state = WorkerState(std::min<uint32_t>(s.state.load(r), uint32_t(WorkerState::Crashed)));
    w.pid = int64_t(s.pid.load(r));
    w.processed = s.processed.load(r);
    w.assigned = s.assigned.load(r);
    w.startNs = s.startNs.load(r);
    w.doneNs = s.doneNs.load(r);
    w.pausedNs = s.pausedNs.load(r);
    w.holdingLock = s.holdingLock.load(r);
    w.droppedEvents = seg.ring(k).dropped.load(r);
    w.clampedEvents = seg.ring(k).clamped.load(r);
    w.lock.acquisitions = s.acquisitions.load(r);
    w.lock.contended = s.contended.load(r);
    w.lock.waitNs = s.waitNs.load(r);
    w.lock.holdNs = s.holdNs.load(r);
    w.lock.maxWaitNs = s.maxWaitNs.load(r);
    return w;
}

std::vector<WorkerSnapshot> readWorkers(const Segment& seg) {
    std::vector<WorkerSnapshot> out;
    const uint32_t n = seg.config().workers;
    out.reserve(n);
    for (uint32_t k = 0; k < n; ++k)
        out.push_back(readWorker(seg, k));
    return out;
}

} // namespace shm
