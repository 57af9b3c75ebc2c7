#include "runner/watchdog.h"

#include <algorithm>

namespace watchdog {

std::string_view toString(Finding f) {
    switch (f) {
    case Finding::None:
        return "none";
    case Finding::StalledWorker:
        return "stalled worker";
    case Finding::StalledRun:
        return "stalled run";
    case Finding::Deadlock:
        return "deadlock";
    case Finding::Suspended:
        return "suspended";
    case Finding::SegmentShrunk:
        return "segment shrunk";
    case Finding::SegmentRemoved:
        return "segment removed";
    case Finding::QueueShrunk:
        return "queue shrunk";
    case Finding::QueueCorrupt:
        return "queue corrupt";
    case Finding::MpirunStopped:
        return "mpirun stopped";
    case Finding::MpiNotExited:
        return "mpirun did not exit";
    case Finding::Crashed:
        return "crashed";
    case Finding::Unrecovered:
        return "unrecovered";
    case Finding::DeadHolderLeft:
        return "dead holder left";
    case Finding::ForeignWrite:
        return "foreign write";
    case Finding::OrphanLock:
        return "orphan lock";
    case Finding::ExitedEarly:
        return "exited early";
    case Finding::ExitedHolding:
        return "exited holding";
    }
    return "?";
}

std::string_view toString(Field f) {
    switch (f) {
    case Field::None:
        return "none";
    case Field::RunState:
        return "runState";
    case Field::ParkWorker:
        return "parkWorker";
    case Field::HangWorker:
        return "hangWorker";
    case Field::DelayUs:
        return "delayUs";
    }
    return "?";
}

State State::forRun(uint32_t workers) {
    State s;
    s.suspendedSinceNs.assign(workers, 0);
    return s;
}

State notePoll(State s, uint64_t nowNs) {
    // Seen once under ctest -j2: a 2.2 s gap blamed a worker that was publishing every
    // millisecond. Whatever the workers did meanwhile was not watched.
    if (s.lastPollNs && nowNs - s.lastPollNs > kPollGapNs) s.stallEpochNs = nowNs;
    s.lastPollNs = nowNs;
    return s;
}

Step checkStall(const State& s, const Reading& r, const shm::ExperimentConfig& cfg) {
    Step out{s, {}};
    // A suspended worker can hold what others block on without saying so (the result queue's
    // lock, a page of its pipe): while one is, checkSuspended() owns the verdict.
    for (const Worker& w : r.workers)
        if (w.suspended && !w.exited) return out;
    const uint64_t now = r.nowNs;
    const uint64_t allowed =
        uint64_t(cfg.stallTimeoutMs) * 1'000'000 + uint64_t(cfg.delayUs) * 1000 * 2;
    // Waiting for a lock is silence too, for as long as the holder holds it: only a worker
    // that can say it waits is judged alone.
    const bool waitersSaySo = cfg.instrument || !cfg.usesLock();
    uint64_t newest = std::max(r.releaseNs, s.stallEpochNs);
    bool anyLive = false;
    for (uint32_t k = 0; k < r.workers.size(); ++k) {
        const Worker& w = r.workers[k];
        if (w.exited || w.suspended) continue;
        anyLive = true;
        const uint64_t heard = std::max({w.heartbeatNs, r.releaseNs, s.stallEpochNs});
        newest = std::max(newest, heard);
        if (!waitersSaySo || w.state != shm::WorkerState::Running) continue; // waiting, done
        if (now <= heard || now - heard <= allowed) continue;
        out.verdict = {Finding::StalledWorker, k, w.pid, now - heard, w.holdingLock};
        return out;
    }
    // A stalled holder silences everyone queued behind it: judge the run as a whole.
    if (!waitersSaySo && anyLive && now > newest && now - newest > allowed) {
        out.verdict.finding = Finding::StalledRun;
        out.verdict.silentNs = now - newest;
    }
    return out;
}

Step checkDeadlock(const State& s, const Reading& r, const shm::ExperimentConfig& cfg) {
    Step out{s, {}};
    if (s.deadHolder < 0) return out;
    const uint64_t now = r.nowNs;
    const uint64_t silent = kSilentNs + uint64_t(cfg.delayUs) * 2000;
    uint32_t blocked = 0;
    for (const Worker& w : r.workers) {
        if (w.exited) continue;
        const bool isBlocked = w.state == shm::WorkerState::WaitingForLock ||
                               (w.heartbeatNs < now && now - w.heartbeatNs > silent);
        if (!isBlocked) {
            out.state.allBlockedNs = 0;
            return out;
        }
        ++blocked;
    }
    if (blocked == 0) return out; // everyone else exited: the run ends on its own
    if (!s.allBlockedNs) {
        out.state.allBlockedNs = now;
        return out;
    }
    if (now - s.allBlockedNs < kDeadlockConfirmNs) return out;
    const auto k = uint32_t(s.deadHolder);
    out.verdict.finding = Finding::Deadlock;
    out.verdict.worker = k;
    out.verdict.holdingLock = k < r.workers.size() ? r.workers[k].holdingLock : 0;
    out.verdict.blocked = blocked;
    return out;
}

Step checkSuspended(const State& s, const Reading& r, const shm::ExperimentConfig& cfg) {
    Step out{s, {}};
    std::vector<uint64_t>& since = out.state.suspendedSinceNs;
    if (since.size() < r.workers.size()) since.resize(r.workers.size(), 0);
    const uint64_t timeout = uint64_t(cfg.suspendTimeoutMs) * 1'000'000;
    for (uint32_t k = 0; k < r.workers.size(); ++k) {
        const Worker& w = r.workers[k];
        if (w.exited || !w.stopped) {
            since[k] = 0;
            continue;
        }
        if (!since[k]) since[k] = r.nowNs;
        if (r.nowNs - since[k] < timeout) continue;
        // The first one named; the others keep what they had (the run fails now).
        out.verdict.finding = Finding::Suspended;
        out.verdict.worker = k;
        out.verdict.pid = w.pid;
        out.verdict.holdingLock = w.holdingLock;
        return out;
    }
    return out;
}

Step checkSegment(const State& s, std::optional<uint64_t> shrunkTo) {
    Step out{s, {}};
    if (!shrunkTo || s.shrinkReported) return out;
    out.state.shrinkReported = true;
    out.verdict.finding = Finding::SegmentShrunk;
    out.verdict.shrunkTo = *shrunkTo;
    return out;
}

Step checkSegmentName(const State& s, bool gone, bool replaced) {
    Step out{s, {}};
    if ((!gone && !replaced) || s.nameReported) return out;
    out.state.nameReported = true;
    out.verdict.finding = Finding::SegmentRemoved;
    out.verdict.value = replaced ? 1 : 0;
    return out;
}

Step checkQueue(const State& s, std::optional<uint64_t> shrunkTo, bool corrupt) {
    Step out{s, {}};
    if (s.queueShrinkReported) return out;
    if (shrunkTo) {
        out.state.queueShrinkReported = true;
        out.verdict.finding = Finding::QueueShrunk;
        out.verdict.shrunkTo = *shrunkTo;
    } else if (corrupt && !s.queueCorruptReported) {
        out.state.queueCorruptReported = true;
        out.verdict.finding = Finding::QueueCorrupt;
    }
    return out;
}

Step checkMpirunStopped(const State& s, const Reading& r, bool stopped,
                        const shm::ExperimentConfig& cfg) {
    Step out{s, {}};
    uint64_t& since = out.state.mpirunStoppedSinceNs;
    if (!stopped) {
        since = 0;
        return out;
    }
    if (since == ~uint64_t(0)) return out; // reported
    if (!since) since = r.nowNs;
    const uint64_t timeout =
        uint64_t(std::min(cfg.suspendTimeoutMs, cfg.stallTimeoutMs)) * 1'000'000;
    if (r.nowNs < since || r.nowNs - since < timeout) return out;
    out.verdict.finding = Finding::MpirunStopped;
    out.verdict.silentNs = r.nowNs - since;
    since = ~uint64_t(0); // once
    return out;
}

Step checkMpiEnded(const State& s, const Reading& r) {
    Step out{s, {}};
    for (const Worker& w : r.workers)
        if (w.state != shm::WorkerState::Done) {
            out.state.mpiAllDoneNs = 0;
            return out;
        }
    uint64_t& since = out.state.mpiAllDoneNs;
    if (!since) since = r.nowNs;
    if (r.nowNs < since || r.nowNs - since < kMpiExitGraceNs) return out;
    since = ~uint64_t(0); // once: no time is later
    out.verdict.finding = Finding::MpiNotExited;
    return out;
}

CrashStep onCrash(const State& s, uint32_t k, uint32_t holdingLock, bool terminatedByUs,
                  bool runFailed, shm::SyncMode sync) {
    CrashStep out{s, {}, false};
    // Only a worker that died on its own can have left the lock held: one the app killed
    // was killed because of an earlier failure (and may well be blocked on that lock).
    out.diedHoldingLock = !terminatedByUs && holdingLock != 0;
    if (terminatedByUs || runFailed) return out;
    if (out.diedHoldingLock && sync == shm::SyncMode::Robust) {
        // The next locker gets EOWNERDEAD and takes the dead worker's work over; atEnd()
        // checks that someone did.
        out.state.awaitingRecovery.push_back(k);
    } else if (out.diedHoldingLock && s.deadHolder < 0) {
        // Show the deadlock rather than end it at once: checkDeadlock() ends the run when
        // every survivor is blocked (or the survivors finish without needing the lock).
        out.state.deadHolder = int(k);
        out.state.allBlockedNs = 0;
    } else {
        out.verdict.finding = Finding::Crashed;
        out.verdict.worker = k;
        out.verdict.holdingLock = out.diedHoldingLock ? holdingLock : 0;
    }
    return out;
}

CrashStep onExit(const State& s, uint32_t k, int64_t pid, int exitCode, uint32_t holdingLock,
                 shm::WorkerState state, bool runFailed, shm::SyncMode sync) {
    CrashStep out{s, {}, holdingLock != 0};
    if (runFailed) return out;
    if (holdingLock != 0) {
        // Whatever it meant by exiting, the lock it says it holds is held by nobody now (a
        // robust mutex: the kernel marks it owner-dead; any other: held forever).
        if (sync == shm::SyncMode::Robust) {
            out.state.awaitingRecovery.push_back(k);
        } else if (s.deadHolder < 0) {
            out.state.deadHolder = int(k);
            out.state.allBlockedNs = 0;
        } else {
            out.verdict.finding = Finding::ExitedHolding;
            out.verdict.worker = k;
            out.verdict.pid = pid;
            out.verdict.holdingLock = holdingLock;
        }
        return out;
    }
    // Every worker says Done before it exits 0, even one stopped before the barrier opened.
    if (exitCode == 0 && state != shm::WorkerState::Done) {
        out.verdict.finding = Finding::ExitedEarly;
        out.verdict.worker = k;
        out.verdict.pid = pid;
        out.verdict.state = state;
    }
    return out;
}

Verdict checkControl(const Reading& r, const Control& wrote, const Control& reads) {
    Verdict v;
    const std::pair<Field, std::pair<uint32_t, uint32_t>> fields[] = {
        {Field::RunState, {wrote.runState, reads.runState}},
        {Field::ParkWorker, {wrote.parkWorker, reads.parkWorker}},
        {Field::HangWorker, {wrote.hangWorker, reads.hangWorker}},
        {Field::DelayUs, {wrote.delayUs, reads.delayUs}},
    };
    for (const auto& [field, values] : fields) {
        if (values.first == values.second) continue;
        v.finding = Finding::ForeignWrite;
        v.field = field;
        v.value = values.second;
        break;
    }
    if (!v) return v;
    // Who wrote it cannot be read from the segment; a run with one foreign program has one
    // likely writer, and the line names it as such.
    uint32_t foreign = 0;
    for (uint32_t k = 0; k < r.workers.size(); ++k)
        if (r.workers[k].foreign && ++foreign == 1) {
            v.worker = k;
            v.pid = r.workers[k].pid;
        }
    v.named = foreign == 1;
    if (!v.named) v.worker = 0, v.pid = 0;
    return v;
}

namespace {
// Bytes no worker's lock call wrote: a run with one foreign program has one likely writer.
void nameLikelyWriter(const Reading& r, Verdict& v) {
    uint32_t foreign = 0;
    for (uint32_t k = 0; k < r.workers.size(); ++k)
        if (r.workers[k].foreign && ++foreign == 1) {
            v.worker = k;
            v.writerPid = r.workers[k].pid;
        }
    if (foreign != 1) v.worker = 0, v.writerPid = 0;
}
} // namespace

Step checkLocks(const State& s, const Reading& r, const std::vector<LockSeen>& locks,
                const shm::ExperimentConfig& cfg) {
    Step out{s, {}};
    std::vector<uint64_t>& since = out.state.orphanSinceNs;
    std::vector<uint64_t>& seq = out.state.orphanAcquisitions;
    since.resize(locks.size(), 0);
    seq.resize(locks.size(), 0);
    bool judge = s.deadHolder < 0;
    for (const Worker& w : r.workers)
        if (!w.exited && (w.suspended || w.stopped)) judge = false;
    const uint64_t confirm = std::min(kOrphanConfirmNs, uint64_t(cfg.stallTimeoutMs) * 1'000'000);
    for (size_t i = 0; i < locks.size(); ++i) {
        const LockSeen& l = locks[i];
        bool claimed = false;
        for (const Worker& w : r.workers)
            if (!w.exited && w.holdingLock == l.id) claimed = true;
        // Taken and nobody alive to let go; a new acquisition since proves it is not.
        const bool orphan =
            judge && l.taken && !l.ownerLive && !claimed && (!since[i] || l.acquisitions == seq[i]);
        if (!orphan) {
            since[i] = 0;
            continue;
        }
        if (!since[i]) {
            since[i] = std::max(r.nowNs, uint64_t(1));
            seq[i] = l.acquisitions;
            continue;
        }
        // Nothing was watched across a gap in the app's polls: count from after it.
        since[i] = std::max(since[i], s.stallEpochNs);
        if (r.nowNs < since[i] || r.nowNs - since[i] < confirm) continue;
        out.verdict.finding = Finding::OrphanLock;
        out.verdict.holdingLock = l.id;
        out.verdict.pid = l.ownerTid;
        out.verdict.silentNs = r.nowNs - since[i];
        for (uint32_t k = 0; k < r.workers.size(); ++k)
            if (l.ownerTid != 0 && r.workers[k].pid == l.ownerTid) {
                out.verdict.worker = k;
                out.verdict.named = true;
            }
        if (l.ownerTid == 0) nameLikelyWriter(r, out.verdict);
        return out;
    }
    return out;
}

Verdict atEnd(const State& s, const std::vector<bool>& recovered) {
    Verdict v;
    // A crash the run was allowed to outlive still fails it unless a survivor recovered it.
    for (uint32_t k : s.awaitingRecovery)
        if (k >= recovered.size() || !recovered[k]) {
            v.finding = Finding::Unrecovered;
            v.worker = k;
            return v;
        }
    if (s.deadHolder >= 0) {
        v.finding = Finding::DeadHolderLeft;
        v.worker = uint32_t(s.deadHolder);
    }
    return v;
}

} // namespace watchdog
