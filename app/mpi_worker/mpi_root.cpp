// Rank 0: runs beside the app, attaches to the segment and publishes for every rank — their
// slots (progress, figures, state), their rings (the message timeline) and their results in
// the array — while it computes its own share straight into the segment (mpi_protocol.h).
// One thread: between its own pieces (at most kRootBatchNs each) it takes every message that
// has arrived, so senders wait for it at most that long.
#include "model/layout.h"
#include "mpi_worker/mpi_common.h"
#include "mpi_worker/mpi_protocol.h"
#include "segment/clock.h"
#include "segment/event_ring.h"
#include "segment/futex.h"
#include "segment/segment.h"
#include "segment/slot_publish.h"
#include "work/partition.h"
#include "work/workload.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <memory>
#include <vector>

namespace shm::mpi {
namespace {

constexpr uint64_t kIdleWaitNs = 100'000; // shorter gaps between messages are not drawn as waits

struct RankState {
    WorkerSlot* slot = nullptr;
    std::unique_ptr<EventRingWriter> ring;
    std::unique_ptr<WorkSource> src; // dynamic/guided: the pieces rank 0 hands out to it
    int64_t clockOffsetNs = 0;       // its clock + offset = ours (0 on our host)
    uint32_t lastKiB = 0;            // its last batch's size (its send, drawn with the next)
    uint64_t processed = 0, assigned = 0;
    bool final = false;
};

class Root {
  public:
    Root(const World& w, std::unique_ptr<Segment> seg)
        : m_w(w), m_seg(std::move(seg)), m_h(m_seg->header()), m_cfg(m_seg->config()),
          m_data(m_seg->data()), m_owner(m_seg->owner()), m_ranks(size_t(w.size)) {}

    int run() {
        hello();
        if (!waitForBarrier()) return 0;
        go();
        loop();
        finish();
        return 0;
    }

  private:
    // Every rank's pid and host into its slot; then the app sees all attached.
    void hello() {
        Hello mine{};
        mine.pid = uint64_t(getpid());
        fullHostName().copy(mine.host, sizeof mine.host - 1);
        mine.nowNs = nowNs();
        std::vector<Hello> all(size_t(m_w.size));
        MPI_Gather(&mine, sizeof mine, MPI_BYTE, all.data(), sizeof mine, MPI_BYTE, 0,
                   MPI_COMM_WORLD);
        m_hosts.resize(all.size());
        for (size_t k = 0; k < all.size(); ++k) {
            RankState& r = m_ranks[k];
            r.slot = &m_seg->slot(uint32_t(k));
            r.ring = std::make_unique<EventRingWriter>(
                m_seg->ring(uint32_t(k)), m_seg->ringEvents(uint32_t(k)), kRingCapacity);
            if (!isStatic(m_cfg.partition))
                r.src = std::make_unique<WorkSource>(m_cfg, uint32_t(k), &m_h.cursor);
            else
                r.assigned = staticShare(m_cfg, uint32_t(k));
            all[k].host[sizeof all[k].host - 1] = 0;
            m_hosts[k] = all[k].host;
            // Hosts told apart by full name, numbered in order of first rank (ours is 0): the
            // app kills and watches by pid only ranks on host 0, and counts hosts by number.
            const auto first =
                std::find(m_hosts.begin(), m_hosts.begin() + ptrdiff_t(k) + 1, m_hosts[k]);
            size_t index = 0;
            for (auto it = m_hosts.begin(); it != first; ++it)
                index += std::find(m_hosts.begin(), it, *it) == it; // a host seen first here
            WorkerSlot& s = *r.slot;
            std::memset(s.host, 0, sizeof s.host);
            std::string shortName = m_hosts[k].substr(0, m_hosts[k].find('.'));
            if (shortName.empty()) shortName = m_hosts[k];
            shortName.copy(s.host, sizeof s.host - 1);
            s.hostIndex = uint8_t(std::min<size_t>(index, 255));
            s.pid.store(all[k].pid, std::memory_order_relaxed);
            s.assigned.store(r.assigned, std::memory_order_relaxed);
            s.heartbeatNs.store(nowNs(), std::memory_order_relaxed);
            s.state.store(uint32_t(WorkerState::AtBarrier), std::memory_order_release);
        }
    }

    bool waitForBarrier() {
        RunState st;
        for (uint32_t waits = 0;
             (st = RunState(m_h.runState.load(std::memory_order_acquire))) == RunState::Created;
             ++waits) {
            futexWait(m_h.runState, uint32_t(RunState::Created), 100'000'000);
            if (waits % 10 == 9) checkAppAlive();
        }
        m_state = st;
        return true;
    }

    void checkAppAlive() {
        if (kill(pid_t(m_h.creatorPid), 0) != 0 && errno == ESRCH)
            fail(m_w, "the app that created the segment (pid " + std::to_string(m_h.creatorPid) +
                          ") is gone");
    }

    void go() {
        Go g{};
        g.config = m_cfg;
        g.config.delayUs = m_h.delayUs.load(std::memory_order_relaxed);
        g.runState =
            uint32_t(m_state == RunState::Stopping ? RunState::Stopping : RunState::Running);
        g.delayUs = g.config.delayUs;
        m_delay = g.delayUs;
        const bool otherHosts = std::any_of(m_hosts.begin(), m_hosts.end(),
                                            [&](const std::string& h) { return h != m_hosts[0]; });
        g.pingHosts = otherHosts;
        MPI_Bcast(&g, sizeof g, MPI_BYTE, 0, MPI_COMM_WORLD);
        if (otherHosts) {
            char root[64] = {};
            m_hosts[0].copy(root, sizeof root - 1);
            MPI_Bcast(root, sizeof root, MPI_BYTE, 0, MPI_COMM_WORLD);
            for (size_t k = 1; k < m_ranks.size(); ++k)
                if (m_hosts[k] != m_hosts[0]) placeClock(k); // one host, one CLOCK_MONOTONIC
            MPI_Barrier(MPI_COMM_WORLD);
        }
        const uint64_t start = nowNs();
        for (RankState& r : m_ranks) {
            r.slot->startNs.store(start, std::memory_order_relaxed);
            r.slot->heartbeatNs.store(start, std::memory_order_relaxed);
            r.slot->state.store(
                uint32_t(m_state == RunState::Stopping ? WorkerState::Done : WorkerState::Running),
                std::memory_order_release);
        }
        m_cpu0 = processCpuNs();
        if (m_state == RunState::Stopping) m_ownDone = true;
        if (m_state == RunState::Paused) { // paused before we began: the ranks wait for resume
            m_pausedAtNs = start;
            for (RankState& r : m_ranks)
                r.slot->state.store(uint32_t(WorkerState::Paused), std::memory_order_relaxed);
            relay();
        }
        m_own = std::make_unique<WorkSource>(m_cfg, 0,
                                             isStatic(m_cfg.partition) ? nullptr : &m_h.cursor);
    }

    // Their clock at the middle of a round trip is ours, to half the round trip: the best of
    // the pings (mpi_protocol.h). Published in the rank's ring header (the report's figures).
    void placeClock(size_t k) {
        uint64_t bestRtt = UINT64_MAX;
        const uint64_t begin = nowNs();
        for (int i = 0; i < kClockPingsMax; ++i) {
            if (i >= kClockPings &&
                (bestRtt <= kClockGoodRttNs || nowNs() - begin > kClockBudgetNs))
                break;
            const char ping = 1;
            uint64_t theirs = 0;
            const uint64_t t0 = nowNs();
            MPI_Send(&ping, 1, MPI_BYTE, int(k), kTagPing, MPI_COMM_WORLD);
            MPI_Recv(&theirs, 1, MPI_UINT64_T, int(k), kTagPing, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            const uint64_t t1 = nowNs();
            if (t1 - t0 >= bestRtt) continue;
            bestRtt = t1 - t0;
            m_ranks[k].clockOffsetNs = int64_t(t0 + (t1 - t0) / 2) - int64_t(theirs);
        }
        const char done = 0;
        MPI_Send(&done, 1, MPI_BYTE, int(k), kTagPing, MPI_COMM_WORLD);
        RingHeader& ring = m_seg->ring(uint32_t(k));
        ring.clockOffsetNs.store(m_ranks[k].clockOffsetNs, std::memory_order_relaxed);
        ring.clockErrorNs.store((bestRtt + 1) / 2, std::memory_order_relaxed);
    }

    void loop() {
        uint64_t lastAppCheck = nowNs();
        while (!allFinal()) {
            if (nowNs() - lastAppCheck > 100'000'000) {
                checkAppAlive();
                lastAppCheck = nowNs();
            }
            const bool took = takeMessages();
            followControl();
            if (!m_ownDone && m_state == RunState::Running)
                computeOwn();
            else if (!took)
                idle();
        }
    }

    bool allFinal() const {
        if (!m_ownDone) return false;
        for (size_t k = 1; k < m_ranks.size(); ++k)
            if (!m_ranks[k].final) return false;
        return true;
    }

    // Nothing to do: sleep a little (the timeline shows rank 0 waiting for messages).
    void idle() {
        const uint64_t now = nowNs();
        if (!m_idleSinceNs) m_idleSinceNs = now;
        m_ranks[0].slot->heartbeatNs.store(now, std::memory_order_relaxed);
        // Paused ranks send nothing: they are known to be waiting for us, not silent.
        if (m_state == RunState::Paused)
            for (RankState& r : m_ranks)
                if (!r.final) r.slot->heartbeatNs.store(now, std::memory_order_relaxed);
        sleepUs(20);
    }

    // Pause, resume, stop and the delay: from the header to every rank still working.
    void followControl() {
        const auto st = RunState(m_h.runState.load(std::memory_order_acquire));
        const uint32_t delay = m_h.delayUs.load(std::memory_order_relaxed);
        if (st == m_state && delay == m_delay) return;
        const uint64_t now = nowNs();
        if (m_state == RunState::Paused && st != RunState::Paused) {
            for (RankState& r : m_ranks) { // the pause ends for everyone still working
                if (r.final && &r != &m_ranks[0]) continue;
                r.slot->pausedNs.fetch_add(now - m_pausedAtNs, std::memory_order_relaxed);
                r.slot->heartbeatNs.store(now, std::memory_order_relaxed);
                if (st == RunState::Running)
                    r.slot->state.store(uint32_t(WorkerState::Running), std::memory_order_relaxed);
            }
        }
        if (st == RunState::Paused && m_state != RunState::Paused) {
            m_pausedAtNs = now;
            for (RankState& r : m_ranks)
                if (!r.final && !(&r == &m_ranks[0] && m_ownDone))
                    r.slot->state.store(uint32_t(WorkerState::Paused), std::memory_order_relaxed);
        }
        m_state = st;
        m_delay = delay;
        if (st == RunState::Stopping) m_ownDone = true;
        relay();
    }

    void relay() {
        const Control c{uint32_t(m_state), m_delay};
        for (size_t k = 1; k < m_ranks.size(); ++k)
            if (!m_ranks[k].final)
                MPI_Send(&c, sizeof c, MPI_BYTE, int(k), kTagControl, MPI_COMM_WORLD);
    }

    // Our own share, straight into the segment, for at most kRootBatchNs.
    void computeOwn() {
        const uint64_t t0 = nowNs();
        uint64_t done = 0;
        while (nowNs() - t0 < kRootBatchNs) {
            if (m_pieceLeft.begin >= m_pieceLeft.end) {
                if (!m_own->next(m_pieceLeft)) {
                    m_ownDone = true;
                    break;
                }
                if (!isStatic(m_cfg.partition)) m_ranks[0].assigned += m_pieceLeft.count();
            }
            // Up to 4096 elements between clock reads (one element in slow motion).
            const uint64_t n = std::min<uint64_t>(m_pieceLeft.count(), m_delay ? 1 : 4096);
            for (uint64_t j = 0; j < n; ++j, m_pieceLeft.begin += m_pieceLeft.stride) {
                const uint64_t i = m_pieceLeft.begin;
                if (m_cfg.workload == Workload::Histogram) {
                    const uint64_t b = histogramBin(i, m_cfg.bins);
                    m_data[b] += 1.0; // rank 0 is the array's only writer
                    m_owner[b] = 0;
                } else {
                    m_data[i] = elementValue(m_cfg.workload, i, m_cfg.elements);
                    m_owner[i] = 0;
                }
                if (m_delay) sleepUs(m_delay);
            }
            done += n;
            // Slow motion: messages and control between elements. Dynamic/guided: between
            // pieces, so the others' requests are answered while we work (with 5 ms batches
            // rank 0 claimed 99.7% of a dynamic run's pieces before anyone else got one).
            if (m_delay || (!isStatic(m_cfg.partition) && m_pieceLeft.begin >= m_pieceLeft.end))
                break;
        }
        m_computeNs += nowNs() - t0;
        m_ranks[0].processed += done;
        publishRoot();
    }

    void publishRoot() {
        RankState& me = m_ranks[0];
        const SlotProgress p{me.processed, me.assigned, processCpuNs() - m_cpu0};
        publishSlot(*me.slot, p, nowNs(), [this, &me](WorkerSlot& s) {
            constexpr auto r = std::memory_order_relaxed;
            s.mpiComputeNs.store(m_computeNs, r);
            s.mpiCommNs.store(m_recvNs, r);
            s.queueMessages.store(m_recvMessages, r);
            s.queueBytes.store(m_recvBytes, r);
            me.ring->publishCounters();
        });
    }

    // The messages that have arrived, at most 64 (control and the app check come between);
    // true if there was any.
    bool takeMessages() {
        bool any = false;
        for (int taken = 0; taken < 64; ++taken) {
            int flag = 0;
            MPI_Status st;
            MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
            if (!flag) return any;
            any = true;
            const uint64_t t0 = nowNs();
            // The events name the rank the message came from (layout.h, above Event).
            const uint32_t from = uint32_t(st.MPI_SOURCE) | (st.MPI_TAG == kTagRequest ? 256 : 0);
            if (m_idleSinceNs && t0 - m_idleSinceNs >= kIdleWaitNs)
                m_ranks[0].ring->push(EventKind::WaitBegin, m_idleSinceNs, from);
            m_idleSinceNs = 0;
            if (st.MPI_TAG == kTagHeader)
                receiveBatch(st.MPI_SOURCE);
            else if (st.MPI_TAG == kTagRequest)
                handOut(st.MPI_SOURCE);
            else
                fail(m_w, "unexpected message (tag " + std::to_string(st.MPI_TAG) + ") from rank " +
                              std::to_string(st.MPI_SOURCE));
            const uint64_t t1 = nowNs();
            m_recvNs += t1 - t0;
            m_ranks[0].ring->pushHold(t0, t1, from);
            publishRoot();
        }
        return any;
    }

    // dynamic/guided: the next piece for rank k (nothing once stopping).
    void handOut(int k) {
        char ask = 0;
        MPI_Recv(&ask, 1, MPI_BYTE, k, kTagRequest, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        ++m_recvMessages;
        RankState& r = m_ranks[size_t(k)];
        IndexRange piece{};
        WorkPiece p{0, 0, 1};
        if (m_state != RunState::Stopping && r.src && r.src->next(piece)) {
            p = {piece.begin, piece.end, piece.stride};
            r.assigned += piece.count();
            r.slot->assigned.store(r.assigned, std::memory_order_relaxed);
        }
        MPI_Send(&p, sizeof p, MPI_BYTE, k, kTagWork, MPI_COMM_WORLD);
    }

    void receiveBatch(int k) {
        BatchHeader h{};
        MPI_Recv(&h, sizeof h, MPI_BYTE, k, kTagHeader, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        ++m_recvMessages;
        m_recvBytes += sizeof h;
        RankState& r = m_ranks[size_t(k)];
        const uint8_t who = uint8_t(k);
        const uint64_t n = m_cfg.dataCount();
        const bool histogram = m_cfg.workload == Workload::Histogram;
        const std::string from = "rank " + std::to_string(k);
        if ((BatchKind(h.kind) == BatchKind::Values && histogram) ||
            (BatchKind(h.kind) == BatchKind::Bins && !histogram))
            fail(m_w, from + " sent a batch of the wrong kind for this workload");
        switch (BatchKind(h.kind)) {
        case BatchKind::Values: {
            if (h.count == 0 || h.count > kBatch || h.stride == 0 || h.begin >= n ||
                (h.count - 1) > (n - 1 - h.begin) / h.stride)
                fail(m_w, from + " sent indices past the array");
            if (h.stride == 1) { // straight into the array: no extra copy
                receiveData(k, m_data + h.begin, h.count);
                std::memset(m_owner + h.begin, who, h.count);
            } else {
                m_buf.resize(h.count);
                receiveData(k, m_buf.data(), h.count);
                for (uint64_t j = 0; j < h.count; ++j) {
                    m_data[h.begin + j * h.stride] = m_buf[j];
                    m_owner[h.begin + j * h.stride] = who;
                }
            }
            ++m_recvMessages;
            m_recvBytes += h.count * sizeof(double);
            r.processed += h.count;
            break;
        }
        case BatchKind::Bins: {
            m_buf.resize(m_cfg.bins);
            receiveData(k, m_buf.data(), m_cfg.bins);
            for (uint32_t b = 0; b < m_cfg.bins; ++b)
                if (m_buf[b] != 0) {
                    m_data[b] += m_buf[b];
                    m_owner[b] = who;
                }
            ++m_recvMessages;
            m_recvBytes += m_cfg.bins * sizeof(double);
            r.processed += h.count;
            break;
        }
        case BatchKind::Final: {
            r.final = true;
            const Control bye{kBye, 0}; // its last message: see mpi_protocol.h, step 5
            MPI_Send(&bye, sizeof bye, MPI_BYTE, k, kTagControl, MPI_COMM_WORLD);
            break;
        }
        default:
            fail(m_w, "rank " + std::to_string(k) + " sent an unknown batch kind");
        }
        publishRank(r, h);
    }

    // A batch's values: exactly `count` doubles, or the rank is broken (one line, exit 3).
    void receiveData(int k, double* into, uint64_t count) {
        MPI_Status st;
        MPI_Recv(into, int(count), MPI_DOUBLE, k, kTagData, MPI_COMM_WORLD, &st);
        int got = -1;
        MPI_Get_count(&st, MPI_DOUBLE, &got);
        if (got != int(count))
            fail(m_w, "rank " + std::to_string(k) + " sent " + std::to_string(got) +
                          " values for a batch of " + std::to_string(count));
    }

    void publishRank(RankState& r, const BatchHeader& h) {
        if (isStatic(m_cfg.partition)) r.assigned = h.assigned;
        const uint64_t now = nowNs();
        publishSlot(*r.slot, SlotProgress{r.processed, r.assigned, h.cpuNs}, now,
                    [this, &h](WorkerSlot& s) {
                        constexpr auto o = std::memory_order_relaxed;
                        s.mpiComputeNs.store(h.computeNs, o);
                        s.mpiCommNs.store(h.sendNs, o);
                        // This message is counted too (the header: what was sent before it).
                        const BatchKind kind = BatchKind(h.kind);
                        s.queueMessages.store(h.messages + (kind != BatchKind::Final ? 2 : 1), o);
                        s.queueBytes.store(h.bytes + sizeof h +
                                               (kind == BatchKind::Values ? h.count * 8
                                                : kind == BatchKind::Bins ? m_cfg.bins * 8
                                                                          : 0),
                                           o);
                    });
        if (h.prevSendEndNs) { // its previous send, on our clock, never after now
            const uint64_t b =
                std::min(uint64_t(int64_t(h.prevSendBeginNs) + r.clockOffsetNs), now);
            const uint64_t e = std::min(uint64_t(int64_t(h.prevSendEndNs) + r.clockOffsetNs), now);
            r.ring->pushHold(b, std::max(b, e), r.lastKiB);
        }
        const BatchKind kind = BatchKind(h.kind);
        const uint64_t values = kind == BatchKind::Values ? h.count
                                : kind == BatchKind::Bins ? m_cfg.bins
                                                          : 0;
        r.lastKiB = uint32_t(std::min<uint64_t>((sizeof h + values * 8 + 1023) / 1024, 0xffff));
        r.ring->publishCounters();
        if (r.final) {
            r.slot->doneNs.store(now, std::memory_order_relaxed);
            r.slot->state.store(uint32_t(WorkerState::Done), std::memory_order_release);
        }
    }

    void finish() {
        WorkerSlot& s = *m_ranks[0].slot;
        publishRoot();
        s.doneNs.store(nowNs(), std::memory_order_relaxed);
        s.state.store(uint32_t(WorkerState::Done), std::memory_order_release);
    }

    World m_w;
    std::unique_ptr<Segment> m_seg;
    SegmentHeader& m_h;
    ExperimentConfig m_cfg;
    double* m_data;
    uint8_t* m_owner;
    std::vector<RankState> m_ranks;
    std::vector<std::string> m_hosts;
    std::unique_ptr<WorkSource> m_own;
    IndexRange m_pieceLeft{};
    RunState m_state = RunState::Created;
    uint32_t m_delay = 0;
    bool m_ownDone = false;
    uint64_t m_pausedAtNs = 0, m_idleSinceNs = 0;
    uint64_t m_cpu0 = 0, m_computeNs = 0, m_recvNs = 0, m_recvMessages = 0, m_recvBytes = 0;
    std::vector<double> m_buf;
};

} // namespace

int runRoot(const World& w, const std::string& segmentName) {
    std::unique_ptr<Segment> seg;
    try {
        seg = Segment::attach(segmentName);
    } catch (const std::exception& e) {
        fail(w, std::string(e.what()) + " (rank 0 runs on " + shortHostName() +
                    "; it must run on the app's host: first in the hostfile)");
    }
    const ExperimentConfig cfg = seg->config();
    if (cfg.transport != Transport::Mpi)
        fail(w, "segment " + segmentName + " is not a --transport mpi run");
    if (cfg.workers != uint32_t(w.size))
        fail(w, "mpirun started " + std::to_string(w.size) + " ranks for a run of " +
                    std::to_string(cfg.workers) + " workers");
    return Root(w, std::move(seg)).run();
}

} // namespace shm::mpi
