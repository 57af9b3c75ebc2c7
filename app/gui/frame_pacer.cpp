#include "gui/frame_pacer.h"

#include "segment/clock.h"

#include <algorithm>
#include <cmath>

int FramePacer::tick() {
    const double cpu = double(shm::threadCpuNs()), wall = double(shm::nowNs());
    if (m_lastCpuNs >= 0 && wall > m_lastWallNs) {
        const double share = (cpu - m_lastCpuNs) / (wall - m_lastWallNs);
        // Halfway towards the interval that would have met the target: steady, no oscillation.
        const double wanted = m_intervalMs * share / kTargetShare;
        m_intervalMs = std::clamp(int(std::lround(0.5 * m_intervalMs + 0.5 * wanted)), m_baseMs,
                                  std::max(m_baseMs, kMaxIntervalMs));
    }
    m_lastCpuNs = cpu;
    m_lastWallNs = wall;
    return m_intervalMs;
}

void FramePacer::reset() {
    m_intervalMs = m_baseMs;
    m_lastCpuNs = -1;
}

void FramePacer::setBase(int ms) {
    m_baseMs = ms;
    m_intervalMs = std::max(m_intervalMs, ms);
    if (m_intervalMs > std::max(ms, kMaxIntervalMs)) m_intervalMs = ms;
}
