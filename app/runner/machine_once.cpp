#include "runner/machine_once.h"

#include "probe/machine_probe.h"
#include "probe/probe_cache.h"

#include <future>
#include <mutex>
#include <optional>

namespace machine_once {
namespace {

std::mutex& lock() {
    static std::mutex m;
    return m;
}
std::optional<shm::MachineFigures>& taken() {
    static std::optional<shm::MachineFigures> figures;
    return figures;
}

} // namespace

shm::MachineFigures figures() {
    // Held while measuring: a second caller waits for the first one's figures, never probes
    // beside it.
    const std::lock_guard guard(lock());
    if (!taken()) taken() = shm::cachedOrMeasuredMachine();
    return *taken();
}

shm::MachineFigures measureAgain() {
    const std::lock_guard guard(lock());
    taken() = shm::cachedOrMeasuredMachine(true);
    return *taken();
}

shm::MachineFigures known() {
    // Never waits for a probe going on (the window calls this on its GUI thread).
    if (std::unique_lock guard(lock(), std::try_to_lock); guard && taken()) return *taken();
    return shm::loadCachedMachine(shm::probeCachePath(), shm::readBootId())
        .value_or(shm::MachineFigures{});
}

void prefetch() {
    // Kept until exit: its destructor waits for a probe still going (under a second).
    static std::future<void> running = std::async(std::launch::async, [] { (void)figures(); });
}

} // namespace machine_once
