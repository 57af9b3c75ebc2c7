#pragma once
// Worker k's lock-event ring (layout.h: RingHeader then Event[ringCapacity]): the writer used by
// the worker and the reader used by the controller, in one place with their contract.
//
// Single producer, single consumer. Producer = worker k (EventRingWriter), consumer = the one
// controller that created the segment (drainEvents). Counters only grow; slot i is
// events[i & (capacity - 1)].
//   head     written only by the producer: events ever pushed. The producer stores the event
//            slots with plain stores, then head with memory_order_release; the consumer loads
//            head with acquire, so every slot below head is fully written when it copies it.
//   tail     written only by the consumer: events ever consumed. The consumer copies the slots,
//            then stores tail with release; the producer loads tail with acquire before it
//            reuses a slot, so the consumer's copy happens-before the overwrite. The producer
//            re-reads tail only when its cached copy says the ring is full, so a push normally
//            touches only the slot and head's line.
//   dropped  written only by the producer (relaxed, at each progress batch): events not stored
//   clamped  because the ring was full / timestamps raised to the previous event's (see below).
//            Read relaxed: they are statistics, not synchronisation.
// A hold is pushed as an Acquired + Released pair, all or nothing, so a full ring never leaves
// half a hold for the reader to guess about.
//
// Time order: the producer never pushes an event older than its previous one (it raises tNs to
// the previous event's). Every process converts ticks with the one header calibration, a
// monotone function, and a worker reads its ticks in program order, so the clamp only catches
// what the clock cannot promise: TSC offsets between cores when the worker migrates (the kernel
// trusts this VM's TSC to be synchronised, but that is a hypervisor's promise). The consumer and
// the timeline then rely on per-worker streams being sorted (binary search by time).
#include "segment/segment.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace shm {

class EventRingWriter {
  public:
    EventRingWriter(RingHeader& h, Event* events, uint64_t capacity)
        : m_h(h), m_ev(events), m_mask(capacity - 1), m_cap(capacity) {
        m_head = h.head.load(std::memory_order_relaxed);
        m_tail = h.tail.load(std::memory_order_acquire);
    }

    // Pushes one event; false (counted as dropped) when the ring is full.
    bool push(EventKind kind, uint64_t tNs, uint32_t lock, uint64_t sequence = kNoSequence) {
        if (!room(1)) return false;
        put(kind, tNs, lock, sequence);
        m_h.head.store(m_head, std::memory_order_release);
        return true;
    }
    // Pushes a hold [beginNs, endNs] as Acquired + Released, both or neither; the sequences are
    // the lock's acquisition sequence of its first and last acquisition (layout.h, Event).
    bool pushHold(uint64_t beginNs, uint64_t endNs, uint32_t lock,
                  uint64_t firstSequence = kNoSequence, uint64_t lastSequence = kNoSequence) {
        if (!room(2)) return false;
        put(EventKind::Acquired, beginNs, lock, firstSequence);
        put(EventKind::Released, endNs, lock, lastSequence);
        m_h.head.store(m_head, std::memory_order_release);
        return true;
    }
    // Makes the counters visible to readers (once per progress batch).
    void publishCounters() {
        m_h.dropped.store(m_dropped, std::memory_order_relaxed);
        m_h.clamped.store(m_clamped, std::memory_order_relaxed);
    }
    uint64_t dropped() const { return m_dropped; }
    uint64_t clamped() const { return m_clamped; }

  private:
    bool room(uint64_t n) {
        if (m_head + n - m_tail > m_cap) {
            m_tail = m_h.tail.load(std::memory_order_acquire); // has the reader moved on?
            if (m_head + n - m_tail > m_cap) {
                m_dropped += n;
                return false;
            }
        }
        return true;
    }
    void put(EventKind kind, uint64_t tNs, uint32_t lock, uint64_t sequence) {
        if (tNs < m_lastNs) {
            tNs = m_lastNs;
            ++m_clamped;
        }
        m_lastNs = tNs;
        m_ev[m_head & m_mask] = makeEvent(tNs, kind, lock, sequence);
        ++m_head;
    }

    RingHeader& m_h;
    Event* m_ev;
    uint64_t m_mask, m_cap;
    uint64_t m_head, m_tail; // m_tail: the consumer's tail as last read
    uint64_t m_lastNs = 0;
    uint64_t m_dropped = 0, m_clamped = 0;
};

// Moves up to `max` unread events of worker k's ring into `out` (appending) and frees their
// slots for the worker. The consumer side of the contract above: only one reader may drain a
// given segment.
size_t drainEvents(const Segment& seg, uint32_t k, std::vector<Event>& out, size_t max = SIZE_MAX);

} // namespace shm
