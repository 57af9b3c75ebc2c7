#include "segment/result_queue.h"

#include "segment/clock.h"

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace bip = boost::interprocess;

namespace shm {

std::string queueName(const std::string& segmentName) {
    return segmentName + "-q";
}

bool removeQueue(const std::string& segmentName) {
    bip::message_queue::remove(queueName(segmentName).c_str());
    return !segmentExists(queueName(segmentName));
}

QueueSender::QueueSender(const std::string& segmentName, WorkerSlot& slot, uint32_t worker)
    : m_slot(slot) {
    try {
        m_q = std::make_unique<bip::message_queue>(bip::open_only, queueName(segmentName).c_str());
    } catch (const bip::interprocess_exception& e) {
        throw SegmentError("cannot open the result queue " + queueName(segmentName) + ": " +
                           e.what());
    }
    m_msg.worker = worker;
}

QueueSender::~QueueSender() = default;

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

// try_send first: only a full queue makes us wait, and only that wait is counted.
void QueueSender::send() {
    const size_t bytes = kQueueHeaderBytes + m_msg.count * sizeof(double);
    if (!m_q->try_send(&m_msg, bytes, 0)) {
        const uint64_t t0 = nowNs();
        m_q->send(&m_msg, bytes, 0);
        m_waitNs += nowNs() - t0;
    }
    m_msg.count = 0;
    ++m_messages;
    m_bytes += bytes;
    constexpr auto r = std::memory_order_relaxed;
    m_slot.queueMessages.store(m_messages, r);
    m_slot.queueBytes.store(m_bytes, r);
    m_slot.queueSendWaitNs.store(m_waitNs, r);
}

struct QueueReceiver::State {
    std::shared_ptr<Segment> seg;
    std::unique_ptr<bip::message_queue> q;
    std::atomic<bool> stop{false};
    std::atomic<bool> done{false};
    std::atomic<uint64_t> messages{0}, bytes{0}, maxDepth{0}, lastWriteNs{0};

    // Sent by every worker (their slots) minus received: no lock taken to know the depth.
    uint64_t depth() const {
        uint64_t sent = 0;
        for (uint32_t k = 0; k < seg->config().workers; ++k)
            sent += seg->slot(k).queueMessages.load(std::memory_order_relaxed);
        const uint64_t got = messages.load(std::memory_order_relaxed);
        // A message being written counts as received a moment late: never above capacity.
        return sent > got ? std::min<uint64_t>(sent - got, kQueueCapacity) : 0;
    }

    void apply(const QueueMessage& m, size_t size) {
        const uint64_t n = seg->config().dataCount();
        const uint32_t count = uint32_t(std::min<size_t>(
            m.count, size > kQueueHeaderBytes ? (size - kQueueHeaderBytes) / sizeof(double) : 0));
        double* data = seg->data();
        uint8_t* owner = seg->owner();
        const auto who = uint8_t(std::min<uint32_t>(m.worker, 254));
        for (uint32_t j = 0; j < count; ++j) {
            const uint64_t i = m.bins ? uint64_t(m.values[j]) : m.begin + j * m.stride;
            if (i >= n) continue; // a malformed message cannot write outside the array
            if (m.bins)
                data[i] += 1.0;
            else
                data[i] = m.values[j];
            owner[i] = who;
        }
    }

    void run() {
        auto msg = std::make_unique<QueueMessage>();
        for (;;) {
            const uint64_t d = depth();
            if (d > maxDepth.load(std::memory_order_relaxed))
                maxDepth.store(d, std::memory_order_relaxed);
            size_t size = 0;
            unsigned prio = 0;
            bool got;
            if (stop.load(std::memory_order_acquire)) {
                got = q->try_receive(msg.get(), sizeof(QueueMessage), size, prio);
                if (!got) break; // every sender has exited and the queue is empty
            } else {
                const auto until = boost::posix_time::microsec_clock::universal_time() +
                                   boost::posix_time::milliseconds(20);
                got = q->timed_receive(msg.get(), sizeof(QueueMessage), size, prio, until);
            }
            if (!got) continue;
            apply(*msg, size);
            lastWriteNs.store(nowNs(), std::memory_order_relaxed);
            messages.fetch_add(1, std::memory_order_relaxed);
            bytes.fetch_add(size, std::memory_order_relaxed);
        }
        done.store(true, std::memory_order_release);
    }
};

QueueReceiver::QueueReceiver(std::shared_ptr<Segment> seg) : m_state(std::make_shared<State>()) {
    m_state->seg = std::move(seg);
    const std::string name = queueName(m_state->seg->name());
    try {
        bip::permissions perm(0600);
        m_state->q = std::make_unique<bip::message_queue>(
            bip::create_only, name.c_str(), kQueueCapacity, sizeof(QueueMessage), perm);
    } catch (const bip::interprocess_exception& e) {
        throw SegmentError("cannot create the result queue " + name + ": " + e.what());
    }
    m_thread = std::thread([s = m_state] { s->run(); });
}

QueueReceiver::~QueueReceiver() {
    if (!m_thread.joinable()) return;
    if (m_state->done.load(std::memory_order_acquire)) {
        m_thread.join();
    } else {
        m_state->stop.store(true, std::memory_order_release);
        m_thread.detach(); // holds its own State: the segment and queue stay mapped for it
    }
}

void QueueReceiver::requestStop() {
    m_state->stop.store(true, std::memory_order_release);
}

bool QueueReceiver::done() const {
    return m_state->done.load(std::memory_order_acquire);
}

uint64_t QueueReceiver::depth() const {
    return m_state->depth();
}

void QueueReceiver::abandon() {
    if (m_thread.joinable()) m_thread.detach();
}

QueueReceiver::Stats QueueReceiver::stats() const {
    const State& s = *m_state;
    return {s.messages.load(std::memory_order_relaxed), s.bytes.load(std::memory_order_relaxed),
            s.maxDepth.load(std::memory_order_relaxed),
            s.lastWriteNs.load(std::memory_order_relaxed)};
}

} // namespace shm
