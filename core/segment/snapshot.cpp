#include "segment/snapshot.h"

#include <algorithm>
#include <cctype>

namespace shm {

WorkerRecord readWorker(const Segment& seg, uint32_t k) {
    constexpr auto r = std::memory_order_relaxed;
    const WorkerSlot& s = seg.slot(k);
    WorkerRecord w;
    w.id = k;
    w.heartbeatNs = s.heartbeatNs.load(std::memory_order_acquire);
    // A value out of range (a corrupt or foreign slot) reads as Failed rather than as garbage.
    w.state = WorkerState(std::min<uint32_t>(s.state.load(r), kLastWorkerState));
    w.pid = int64_t(s.pid.load(r));
    w.processed = s.processed.load(r);
    w.assigned = s.assigned.load(r);
    w.startNs = s.startNs.load(r);
    w.doneNs = s.doneNs.load(r);
    w.pausedNs = s.pausedNs.load(r);
    w.cpuNs = s.cpuNs.load(r);
    w.holdingLock = s.holdingLock.load(r);
    w.parked = s.parked.load(r) != 0;
    // Packed in 32 bits, recovered near the newest beat (the wait or park began close to it).
    const uint64_t near = std::max(w.heartbeatNs, w.startNs);
    w.waitSinceNs = unpackSince(s.waitSince.load(r), near);
    w.holdSinceNs = unpackSince(s.holdSince.load(r), near);
    // 1 + the recovering worker; anything else (found by fuzz_inputs: a garbage slot made this
    // a signed overflow) reads as "not recovered".
    const uint32_t by = s.recoveredBy.load(r);
    w.recoveredBy = by >= 1 && by <= seg.config().workers ? int32_t(by - 1) : -1;
    w.recoveredAtNs = s.recoveredAtNs.load(r);
    w.queueMessages = s.queueMessages.load(r);
    w.queueBytes = s.queueBytes.load(r);
    w.queueSendWaitNs = s.queueSendWaitNs.load(r);
    w.waitCpuNs = s.waitCpuNs.load(r);
    w.mpiComputeNs = s.mpiComputeNs.load(r);
    w.mpiCommNs = s.mpiCommNs.load(r);
    w.hostIndex = s.hostIndex;
    // Never past the field; a foreign slot's bytes become '?' rather than broken JSON or text.
    for (size_t i = 0; i < sizeof s.host && s.host[i]; ++i) {
        const char ch = s.host[i];
        w.host += (std::isalnum(uint8_t(ch)) || ch == '-' || ch == '.' || ch == '_') ? ch : '?';
    }
    w.droppedEvents = seg.ring(k).dropped.load(r);
    w.clampedEvents = seg.ring(k).clamped.load(r);
    w.clockOffsetNs = seg.ring(k).clockOffsetNs.load(r);
    w.clockErrorNs = seg.ring(k).clockErrorNs.load(r);
    w.lock.acquisitions = s.acquisitions.load(r);
    w.lock.contended = s.contended.load(r);
    w.lock.waitNs = s.waitNs.load(r);
    w.lock.holdNs = s.holdNs.load(r);
    w.lock.maxWaitNs = s.maxWaitNs.load(r);
    return w;
}

} // namespace shm
