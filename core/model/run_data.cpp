#include "model/run_data.h"

#include <array>

namespace shm {
namespace {
// Names indexed by the enum's value: the static_asserts tie each table to its enum's last
// value, so adding a value without a name fails to compile.
constexpr std::array<std::string_view, 6> kPhases = {"idle",   "starting", "running",
                                                     "paused", "stopping", "finished"};
static_assert(size_t(Phase::Finished) + 1 == kPhases.size());
constexpr std::array<std::string_view, 3> kStatuses = {"finished", "failed", "terminated"};
static_assert(size_t(RunStatus::Terminated) + 1 == kStatuses.size());
constexpr std::array<std::string_view, 6> kOutcomes = {"running", "done",       "stopped",
                                                       "crashed", "terminated", "failed"};
static_assert(size_t(WorkerOutcome::Failed) + 1 == kOutcomes.size());
constexpr std::array<std::string_view, 7> kWorkerStates = {
    "starting", "at barrier", "running", "waiting for lock", "paused", "done", "failed"};
static_assert(kLastWorkerState + 1 == kWorkerStates.size());

template <typename E, size_t N>
std::string_view name(const std::array<std::string_view, N>& t, E e) {
    return size_t(e) < N ? t[size_t(e)] : std::string_view("?");
}
} // namespace

std::string_view nameOf(Phase p) {
    return name(kPhases, p);
}
std::string_view nameOf(RunStatus s) {
    return name(kStatuses, s);
}
std::string_view nameOf(WorkerOutcome o) {
    return name(kOutcomes, o);
}
std::string_view toString(WorkerState s) {
    return name(kWorkerStates, s);
}

} // namespace shm
