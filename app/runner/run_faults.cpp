// Fault injection: a worker killed (SIGKILL), stopped (SIGSTOP) or hung, now or parked inside
// its next critical section; the scripted fault of --kill-worker; SIGCONT to the stopped.
#include "runner/run_controller.h"

#include "segment/clock.h"

#include <csignal>

void RunController::killWorker(uint32_t k, shm::KillWhen when, shm::FaultAction action) {
    if (mpi()) {
        killRank(k, action);
        return;
    }
    if (!m_procs.running(k)) return;
    if (when == shm::KillWhen::Holding && m_cfg.usesLock() && m_segment && !m_failed) {
        // Parked inside the critical section first; checkParked() sends the kill.
        m_parkWanted = int(k);
        m_parkAction = action;
        writeControl(&shm::SegmentHeader::parkWorker, k + 1);
        return;
    }
    if (!m_meta.fault.killed && m_cfg.killWorker == k && m_releaseNs) {
        m_meta.fault.killed = true;
        m_meta.fault.atMs = double(shm::nowNs() - m_releaseNs) / 1e6;
    }
    switch (action) {
    case shm::FaultAction::Kill:
        m_procs.signal(k, SIGKILL); // the worker gets no chance to release anything
        break;
    case shm::FaultAction::Stop:
        m_procs.signal(k, SIGSTOP); // watchSuspended() takes it from here
        break;
    case shm::FaultAction::Hang:
        writeControl(&shm::SegmentHeader::hangWorker, k + 1); // the stall watch
        break;
    }
}

void RunController::fireScriptedFault() {
    if (m_phase != shm::Phase::Running && m_phase != shm::Phase::Paused) return;
    killWorker(m_cfg.killWorker, m_cfg.killWhen, m_cfg.faultAction);
}

// The worker asked to park holds its lock and waits: kill it there.
void RunController::checkParked() {
    if (m_parkWanted < 0) return;
    const auto k = uint32_t(m_parkWanted);
    if (m_exits[k].exited) {
        m_parkWanted = -1;
        return;
    }
    if (!m_segment->slot(k).parked.load(std::memory_order_acquire)) return;
    m_parkWanted = -1;
    writeControl(&shm::SegmentHeader::parkWorker, 0);
    killWorker(k, shm::KillWhen::Time, m_parkAction);
}

bool RunController::continueWorkers() {
    bool any = false;
    for (uint32_t k = 0; k < m_exits.size(); ++k)
        if (m_exits[k].suspended && !m_exits[k].exited && m_exits[k].pid > 0) {
            ::kill(pid_t(m_exits[k].pid), SIGCONT);
            any = true;
        }
    return any;
}
