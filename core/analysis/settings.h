#pragma once
// ExperimentConfig: every setting of one run, plus the names the CLI, config files and JSON
// reports use for the enums. Validation lives here so the CLI, the window and the worker all
// refuse the same things with the same words.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shm {

enum class Workload : uint32_t { Sin = 0, Wave, Histogram, Mandelbrot };
enum class Partition : uint32_t { Block = 0, Cyclic, BlockCyclic, Dynamic, Guided };
enum class SyncMode : uint32_t { None = 0, Mutex, Striped, Spin, Atomic };
enum class LockScope : uint32_t { Element = 0, Chunk };

struct ExperimentConfig {
    uint32_t workers = 4;
    uint64_t elements = 1'000'000;
    Workload workload = Workload::Wave;
    uint32_t bins = 64;
    Partition partition = Partition::Block;
    uint64_t chunk = 1024;
    SyncMode sync = SyncMode::None;
    uint32_t stripes = 16;
    LockScope lockScope = LockScope::Element;
    uint32_t delayUs = 0;
    bool instrument = true;

    bool operator==(const ExperimentConfig&) const = default;

    // Length of the plotted/verified array: the bins for histogram, else the elements.
    uint64_t dataCount() const { return workload == Workload::Histogram ? bins : elements; }
    bool usesLock() const {
        return sync == SyncMode::Mutex || sync == SyncMode::Striped || sync == SyncMode::Spin;
    }
};

namespace limits {
inline constexpr uint32_t kMaxWorkers = 64;
inline constexpr uint32_t kMaxStripes = 4096;
inline constexpr uint32_t kMaxBins = 1u << 24;
inline constexpr uint32_t kMaxDelayUs = 1'000'000;
inline constexpr uint64_t kMaxElements = 1ull << 34; // further bounded by free /dev/shm space
} // namespace limits

std::string_view toString(Workload);
std::string_view toString(Partition);
std::string_view toString(SyncMode);
std::string_view toString(LockScope);
std::optional<Workload> workloadFromString(std::string_view);
std::optional<Partition> partitionFromString(std::string_view);
std::optional<SyncMode> syncFromString(std::string_view);
std::optional<LockScope> lockScopeFromString(std::string_view);

// Every setting name, in the order the CLI help and the JSON report list them.
// Names match the CLI flags without "--" and the keys of a --config JSON file.
inline constexpr std::string_view kSettingNames[] = {
    "workers", "elements", "workload",   "bins",     "partition", "chunk",
    "sync",    "stripes",  "lock-scope", "delay-us", "instrument"};

// Applies one setting given as text (from a flag or a config file). On failure returns a
// one-line message naming the setting and what is wrong with the value.
std::optional<std::string> applySetting(ExperimentConfig& cfg, std::string_view name,
                                        std::string_view value);

// Checks ranges and combinations; returns a one-line message or nothing when valid.
std::optional<std::string> validate(const ExperimentConfig& cfg);

// Human-readable lists for --help and error messages.
std::string allowedValues(std::string_view settingName);

} // namespace shm
