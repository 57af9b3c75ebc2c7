#include "run_data.h"

namespace shm {

std::string_view nameOf(Phase p) {
    switch (p) {
    case Phase::Idle:
        return "idle";
    case Phase::Starting:
        return "starting";
    case Phase::Running:
        return "running";
    case Phase::Paused:
        return "paused";
    case Phase::Stopping:
        return "stopping";
    case Phase::Finished:
        return "finished";
    }
    return "?";
}

std::string_view nameOf(RunStatus s) {
    return s == RunStatus::Finished ? "finished" : "failed";
}

std::string_view nameOf(WorkerOutcome o) {
    switch (o) {
    case WorkerOutcome::Live:
        return "running";
    case WorkerOutcome::Done:
        return "done";
    case WorkerOutcome::Stopped:
        return "stopped";
    case WorkerOutcome::Crashed:
        return "crashed";
    case WorkerOutcome::Terminated:
        return "terminated";
    case WorkerOutcome::Failed:
        return "failed";
    }
    return "?";
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
    }
    return "?";
}

} // namespace shm
