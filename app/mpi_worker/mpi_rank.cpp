// A rank other than 0: computes its share in private memory and sends rank 0 the results
// (mpi_protocol.h). It never touches the segment, so it may run on another host.
#include "model/layout.h"
#include "mpi_worker/mpi_common.h"
#include "mpi_worker/mpi_protocol.h"
#include "segment/clock.h"
#include "work/partition.h"
#include "work/workload.h"

#include <algorithm>
#include <unistd.h>
#include <vector>

namespace shm::mpi {
namespace {

class Rank {
  public:
    Rank(const World& w, const Go& go)
        : m_w(w), m_cfg(go.config), m_delay(go.delayUs), m_src(m_cfg, uint32_t(w.rank), nullptr) {
        m_histogram = m_cfg.workload == Workload::Histogram;
        if (m_histogram) m_bins.assign(m_cfg.bins, 0.0);
        if (isStatic(m_cfg.partition)) m_assigned = staticShare(m_cfg, uint32_t(w.rank));
        m_cpu0 = processCpuNs();
    }

    void run() {
        checkControl(); // paused already when the barrier opened
        IndexRange r;
        while (!m_stopped && nextPiece(r)) {
            // Compute time is the loop's time less its sends and pauses (measured apart).
            const uint64_t t0 = nowNs(), sent0 = m_sendNs, paused0 = m_pausedNs;
            for (uint64_t i = r.begin; i < r.end && !m_stopped; i += r.stride) {
                add(i);
                if (m_delay) sleepUs(m_delay);
                // Every 4096 elements, across pieces (a piece is often a 1024-element chunk),
                // and every element in slow motion: what is done goes out every kBatchNs
                // (progress, and rank 0's word that we are alive) and a stop is heard. A
                // histogram's counts had no other reason to go before the end.
                if (m_delay || ++m_sinceCheck == 4096) {
                    m_sinceCheck = 0;
                    if (m_count && nowNs() - m_batchStartNs >= kBatchNs) flush();
                    checkControl();
                }
            }
            m_computeNs += (nowNs() - t0) - (m_sendNs - sent0) - (m_pausedNs - paused0);
        }
        flush();
        send(BatchKind::Final, nullptr, 0);
        // Rank 0 answers the Final with a last control word: every control message it sent
        // us is received before we finalize (unmatched messages at MPI_Finalize are an error).
        for (;;) {
            Control c{};
            MPI_Recv(&c, sizeof c, MPI_BYTE, 0, kTagControl, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            if (c.runState == kBye) break;
        }
    }

  private:
    // Static: our own pieces. Dynamic/guided: rank 0 hands them out, one request each.
    bool nextPiece(IndexRange& r) {
        if (isStatic(m_cfg.partition)) return m_src.next(r);
        // Values go before the next request (rank 0 places each piece); a histogram's counts
        // need no place, so they wait for the time limit rather than go out per piece.
        if (!m_histogram) flush();
        const char ask = 0;
        const uint64_t t0 = nowNs();
        MPI_Send(&ask, 1, MPI_BYTE, 0, kTagRequest, MPI_COMM_WORLD);
        WorkPiece p{};
        MPI_Recv(&p, sizeof p, MPI_BYTE, 0, kTagWork, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        m_sendNs += nowNs() - t0;
        ++m_messages;
        if (p.end <= p.begin || p.stride == 0) return false;
        r = {p.begin, p.end, p.stride};
        m_assigned += r.count();
        return true;
    }

    // Appends element i to the open batch (a new batch when i does not continue it).
    void add(uint64_t i) {
        if (m_histogram) {
            if (m_count == 0) m_batchStartNs = nowNs();
            m_bins[histogramBin(i, m_cfg.bins)] += 1.0;
            ++m_count;
            return; // the counts are bins long, however many elements they hold
        }
        // A batch is one arithmetic run of indices: begin, begin + stride, ...
        if ((m_count == 1 && i <= m_begin) || (m_count >= 2 && i != m_begin + m_count * m_stride))
            flush();
        if (m_count == 0) {
            m_begin = i;
            m_stride = 1;
            m_batchStartNs = nowNs();
        } else if (m_count == 1) {
            m_stride = i - m_begin;
        }
        m_values.push_back(elementValue(m_cfg.workload, i, m_cfg.elements));
        if (++m_count >= kBatch) flush(); // no message larger than kBatch values
    }

    void flush() {
        if (m_count == 0) return;
        if (m_histogram) {
            send(BatchKind::Bins, m_bins.data(), m_bins.size());
            std::fill(m_bins.begin(), m_bins.end(), 0.0);
        } else {
            send(BatchKind::Values, m_values.data(), m_values.size());
            m_values.clear();
        }
        m_count = 0;
    }

    void send(BatchKind kind, const double* data, size_t n) {
        BatchHeader h{};
        h.kind = uint32_t(kind);
        h.stopped = m_stopped;
        h.begin = m_begin;
        h.count = m_count;
        h.stride = m_count > 1 ? m_stride : 1;
        h.assigned = m_assigned;
        h.computeNs = m_computeNs;
        h.sendNs = m_sendNs;
        h.cpuNs = processCpuNs() - m_cpu0;
        h.messages = m_messages;
        h.bytes = m_bytes;
        h.prevSendBeginNs = m_prevBegin;
        h.prevSendEndNs = m_prevEnd;
        const uint64_t t0 = nowNs();
        MPI_Send(&h, sizeof h, MPI_BYTE, 0, kTagHeader, MPI_COMM_WORLD);
        if (data) MPI_Send(data, int(n), MPI_DOUBLE, 0, kTagData, MPI_COMM_WORLD);
        const uint64_t t1 = nowNs();
        m_sendNs += t1 - t0;
        m_messages += data ? 2 : 1;
        m_bytes += sizeof h + n * sizeof(double);
        m_prevBegin = t0;
        m_prevEnd = t1;
    }

    // Pause, resume, stop and the delay, relayed by rank 0.
    void checkControl() {
        int flag = 0;
        MPI_Iprobe(0, kTagControl, MPI_COMM_WORLD, &flag, MPI_STATUS_IGNORE);
        while (flag) {
            Control c{};
            MPI_Recv(&c, sizeof c, MPI_BYTE, 0, kTagControl, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            m_delay = c.delayUs;
            const auto s = RunState(c.runState);
            if (s == RunState::Stopping) {
                m_stopped = true;
                return;
            }
            if (s != RunState::Paused) return;
            flush(); // what is done shows while paused
            // Paused: wait for the next word from rank 0 (resume or stop).
            const uint64_t t0 = nowNs();
            MPI_Probe(0, kTagControl, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            m_pausedNs += nowNs() - t0;
            flag = 1;
        }
    }

    World m_w;
    ExperimentConfig m_cfg;
    uint32_t m_delay;
    WorkSource m_src;
    bool m_histogram = false;
    bool m_stopped = false;
    std::vector<double> m_values, m_bins;
    uint64_t m_begin = 0, m_stride = 1, m_count = 0, m_batchStartNs = 0;
    uint64_t m_assigned = 0, m_computeNs = 0, m_sendNs = 0, m_messages = 0, m_bytes = 0;
    uint64_t m_prevBegin = 0, m_prevEnd = 0, m_cpu0 = 0, m_pausedNs = 0, m_sinceCheck = 0;
};

} // namespace

int runRank(const World& w) {
    Hello hello{};
    hello.pid = uint64_t(getpid());
    const std::string host = fullHostName();
    host.copy(hello.host, sizeof hello.host - 1);
    hello.nowNs = nowNs();
    MPI_Gather(&hello, sizeof hello, MPI_BYTE, nullptr, 0, MPI_BYTE, 0, MPI_COMM_WORLD);
    Go go{};
    MPI_Bcast(&go, sizeof go, MPI_BYTE, 0, MPI_COMM_WORLD);
    if (go.pingHosts) { // rank 0 places our times on its clock (other hosts only)
        char hostOfRoot[64] = {};
        MPI_Bcast(hostOfRoot, sizeof hostOfRoot, MPI_BYTE, 0, MPI_COMM_WORLD);
        for (char ping = 1; host != hostOfRoot;) {
            MPI_Recv(&ping, 1, MPI_BYTE, 0, kTagPing, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            if (!ping) break;
            const uint64_t now = nowNs();
            MPI_Send(&now, 1, MPI_UINT64_T, 0, kTagPing, MPI_COMM_WORLD);
        }
        MPI_Barrier(MPI_COMM_WORLD); // nobody computes while the clocks are placed
    }
    if (RunState(go.runState) == RunState::Stopping) { // stopped before it began
        BatchHeader h{};
        h.kind = uint32_t(BatchKind::Final);
        h.stopped = 1;
        MPI_Send(&h, sizeof h, MPI_BYTE, 0, kTagHeader, MPI_COMM_WORLD);
        return 0;
    }
    Rank(w, go).run();
    return 0;
}

} // namespace shm::mpi
