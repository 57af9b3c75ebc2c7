// The worker's end of the result queue (result_queue.h, the ring in queue_ring.h).
#include "segment/bus_guard.h"
#include "segment/clock.h"
#include "segment/queue_file.h"
#include "segment/result_queue.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>

namespace shm {

namespace {
const char kSenderBusLine[] = "shmscope-worker: the result queue shrank under this worker "
                              "(SIGBUS writing to it): changed by another process\n";

// Why the mapped header is not the ring this build writes ("" when it is).
std::string checkHeader(const QueueFileHeader& f) {
    if (f.magic != kQueueMagic) return "not a ShmScope result queue (wrong magic)";
    if (f.version != kQueueLayoutVersion || f.capacity != kQueueCapacity ||
        f.cellBytes != sizeof(QueueCell) || f.batchValues != kQueueBatchValues ||
        f.cellsOffset != kQueueCellsOffset)
        return "layout " + std::to_string(f.version) + " (" + std::to_string(f.capacity) + " × " +
               std::to_string(f.cellBytes) + " bytes), not this worker's " +
               std::to_string(kQueueLayoutVersion);
    return {};
}
} // namespace

QueueSender::QueueSender(const Segment& seg, WorkerSlot& slot, uint32_t worker)
    : m_seg(seg.header()), m_slot(slot) {
    const uint64_t key = m_seg.queueKey, bytes = m_seg.queueBytes; // read once: others write too
    if (key == 0) throw SegmentError("segment " + seg.name() + " names no result queue");
    m_name = queueName(seg.name(), key);
    const auto refuse = [&](const std::string& why) {
        return SegmentError("result queue " + m_name + ": " + why);
    };
    // Checked before it is mapped: a file of the wrong size or with holes would raise SIGBUS
    // at the first message instead of being refused here.
    QueueFd file{shm_open(m_name.c_str(), O_RDWR | O_CLOEXEC, 0)};
    if (file.fd < 0) throw refuse(std::string("cannot be opened: ") + std::strerror(errno));
    if (std::string why = checkQueueFile(file.fd, bytes); !why.empty()) throw refuse(why);
    if (bytes != kQueueFileBytes)
        throw refuse(std::to_string(bytes) + " bytes, not the " + std::to_string(kQueueFileBytes) +
                     " of this worker's queue");
    m_base = mapQueueFile(file.fd);
    if (!m_base) throw refuse(std::string("cannot be mapped: ") + std::strerror(errno));
    m_busGuard = bus_guard::add(m_base, kQueueFileBytes, kSenderBusLine);
    m_file = static_cast<QueueFileHeader*>(m_base);
    m_cells = reinterpret_cast<QueueCell*>(static_cast<char*>(m_base) + kQueueCellsOffset);
    if (std::string why = checkHeader(*m_file); !why.empty()) {
        bus_guard::remove(m_busGuard);
        unmapQueueFile(m_base);
        throw refuse(why);
    }
    m_msg.worker = worker;
}

QueueSender::~QueueSender() {
    bus_guard::remove(m_busGuard); // before the queue is unmapped
    unmapQueueFile(m_base);
}

void QueueSender::add(uint64_t index, double value, uint64_t stride) {
    if (m_msg.count &&
        (m_msg.bins || stride != m_msg.stride || index != m_msg.begin + m_msg.count * m_msg.stride))
        send();
    if (m_msg.count == 0) {
        m_msg.begin = index;
        m_msg.stride = stride;
        m_msg.bins = 0;
    }
    m_msg.values[m_msg.count++] = value;
    if (m_msg.count == kQueueBatchValues) send();
}

void QueueSender::addBin(uint64_t bin) {
    if (m_msg.count && !m_msg.bins) send();
    m_msg.bins = 1;
    m_msg.values[m_msg.count++] = double(bin); // exact: bins < 2^24
    if (m_msg.count == kQueueBatchValues) send();
}

void QueueSender::flush() {
    if (m_msg.count) send();
}

// Vyukov's enqueue: the cell at the tail is ours once its seq says it is free for that
// position and our CAS moves the tail past it. Only a full ring makes us wait, and only that
// wait is counted (queueSendWaitNs). Whatever the file says, every try either moves on or
// sleeps: a tail or seq another process scribbled cannot make a sender spin.
uint64_t QueueSender::claim() {
    std::atomic<uint64_t>& tail = m_file->tail;
    uint64_t pos = tail.load(std::memory_order_relaxed);
    uint64_t waitingSince = 0;
    for (;;) {
        const uint64_t seq = m_cells[pos % kQueueCapacity].seq.load(std::memory_order_acquire);
        if (seq == pos) {
            if (tail.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) break;
            continue; // pos is the tail another sender moved it to
        }
        if (const uint64_t now = tail.load(std::memory_order_relaxed); now != pos) {
            pos = now; // another sender took pos: try where the tail is now
            continue;
        }
        // Full: the receiver has not freed the cell yet (or the file makes no sense).
        const uint64_t t = nowNs();
        if (!waitingSince) waitingSince = t;
        if (RunState(m_seg.runState.load(std::memory_order_relaxed)) == RunState::Stopping &&
            t - waitingSince > kQueueGiveUpNs)
            throw SegmentError("result queue " + m_name + ": no room for " +
                               std::to_string(kQueueGiveUpNs / 1'000'000) +
                               " ms after the run was stopped (nobody reads it any more)");
        queueNap(kQueueSenderNapNs);
        pos = tail.load(std::memory_order_relaxed);
    }
    if (waitingSince) m_waitNs += nowNs() - waitingSince;
    return pos;
}

void QueueSender::send() {
    const size_t bytes = kQueueHeaderBytes + m_msg.count * sizeof(double);
    const uint64_t pos = claim();
    QueueCell& cell = m_cells[pos % kQueueCapacity];
    std::memcpy(&cell.msg, &m_msg, bytes);
    cell.seq.store(pos + 1, std::memory_order_release); // published
    m_msg.count = 0;
    ++m_messages;
    m_bytes += bytes;
    constexpr auto r = std::memory_order_relaxed;
    m_slot.queueMessages.store(m_messages, r);
    m_slot.queueBytes.store(m_bytes, r);
    m_slot.queueSendWaitNs.store(m_waitNs, r);
}

} // namespace shm
