#include "model/settings.h"

#include <charconv>
#include <variant>

namespace shm {
namespace {

// The table's invariants, checked where a broken row cannot build.
constexpr bool reportKeyMatchesName(const SettingRow& r) {
    if (r.name.size() != r.reportKey.size()) return false;
    for (size_t i = 0; i < r.name.size(); ++i)
        if (r.reportKey[i] != (r.name[i] == '-' ? '_' : r.name[i])) return false;
    return true;
}
constexpr bool tableIsConsistent() {
    const ExperimentConfig defaults{};
    for (size_t i = 0; i < std::size(kSettings); ++i) {
        const SettingRow& r = kSettings[i];
        for (size_t j = 0; j < i; ++j)
            if (kSettings[j].name == r.name) return false;
        if (!reportKeyMatchesName(r) || r.help.empty() || r.label.empty() || r.group.empty())
            return false;
        if (r.min > r.max) return false;
        if (!isNone(r, r.def) && (r.def < r.min || r.def > r.max)) return false;
        if (!r.none.empty() && r.kind != SettingKind::Count) return false;
        if (r.get(defaults) != r.def) return false; // ExperimentConfig{} agrees with the table
        if ((r.kind == SettingKind::Enum) != !r.choices.empty()) return false;
        if (r.kind == SettingKind::Enum && (r.min != 0 || r.max + 1 != r.choices.size()))
            return false;
        if (r.kind == SettingKind::Bool && (r.min != 0 || r.max != 1)) return false;
        if (r.widget != SettingWidget::Auto && r.kind != SettingKind::Count) return false;
        if (r.windowDef != kNoWindowDef && (r.windowDef < r.min || r.windowDef > r.max))
            return false;
    }
    return true;
}
static_assert(tableIsConsistent(), "kSettings: a row breaks an invariant listed above");

constexpr const SettingRow& row(std::string_view name) {
    return *findSetting(name); // a typo here does not compile
}
constexpr const SettingRow& kWorkloadRow = row("workload");
constexpr const SettingRow& kPartitionRow = row("partition");
constexpr const SettingRow& kSyncRow = row("sync");
constexpr const SettingRow& kLockScopeRow = row("lock-scope");
constexpr const SettingRow& kKillWhenRow = row("kill-when");
constexpr const SettingRow& kFaultActionRow = row("fault-action");
constexpr const SettingRow& kCounterLayoutRow = row("counter-layout");
constexpr const SettingRow& kTransportRow = row("transport");

std::string_view choiceName(const SettingRow& r, uint64_t index) {
    return index < r.choices.size() ? r.choices[index].name : std::string_view("?");
}
std::optional<uint64_t> choiceIndex(const SettingRow& r, std::string_view s) {
    for (size_t i = 0; i < r.choices.size(); ++i)
        if (r.choices[i].name == s) return i;
    return std::nullopt;
}
template <typename E> std::optional<E> enumFromString(const SettingRow& r, std::string_view s) {
    if (auto i = choiceIndex(r, s)) return E(*i);
    return std::nullopt;
}

// Strict unsigned parse: digits only, no sign, no trailing garbage, no overflow.
std::optional<uint64_t> parseUnsigned(std::string_view s) {
    if (s.empty() || s.size() > 20) return std::nullopt;
    uint64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<uint64_t> parseBool(std::string_view v) {
    if (v == "true" || v == "1" || v == "on") return 1;
    if (v == "false" || v == "0" || v == "off") return 0;
    return std::nullopt;
}

std::string quoted(std::string_view v) {
    std::string out = "'";
    out.append(v.substr(0, 40));
    if (v.size() > 40) out += "...";
    return out + "'";
}

std::string flag(const SettingRow& r) {
    return "--" + std::string(r.name);
}

std::string outOfRange(const SettingRow& r, uint64_t v) {
    return flag(r) + ": " + std::to_string(v) + " is out of range (" + allowedValues(r) + ")";
}

} // namespace

std::string_view toString(Workload w) {
    return choiceName(kWorkloadRow, uint64_t(w));
}
std::string_view toString(Partition p) {
    return choiceName(kPartitionRow, uint64_t(p));
}
std::string_view toString(SyncMode s) {
    return choiceName(kSyncRow, uint64_t(s));
}
std::string_view toString(LockScope s) {
    return choiceName(kLockScopeRow, uint64_t(s));
}
std::string_view toString(KillWhen w) {
    return choiceName(kKillWhenRow, uint64_t(w));
}
std::string_view toString(FaultAction a) {
    return choiceName(kFaultActionRow, uint64_t(a));
}
std::string_view toString(CounterLayout l) {
    return choiceName(kCounterLayoutRow, uint64_t(l));
}
std::string_view toString(Transport t) {
    return choiceName(kTransportRow, uint64_t(t));
}
std::optional<Workload> workloadFromString(std::string_view s) {
    return enumFromString<Workload>(kWorkloadRow, s);
}
std::optional<Partition> partitionFromString(std::string_view s) {
    return enumFromString<Partition>(kPartitionRow, s);
}
std::optional<SyncMode> syncFromString(std::string_view s) {
    return enumFromString<SyncMode>(kSyncRow, s);
}
std::optional<LockScope> lockScopeFromString(std::string_view s) {
    return enumFromString<LockScope>(kLockScopeRow, s);
}

std::string allowedValues(const SettingRow& r) {
    switch (r.kind) {
    case SettingKind::Count:
        return std::to_string(r.min) + " to " + std::to_string(r.max) +
               (r.none.empty() ? "" : " or " + std::string(r.none));
    case SettingKind::Bool:
        return "true|false";
    case SettingKind::Enum:
        break;
    }
    std::string out;
    for (const SettingChoice& c : r.choices) {
        if (!out.empty()) out += "|";
        out += c.name;
    }
    return out;
}

std::string rangeText(const SettingRow& r) {
    std::string def = isNone(r, r.def)               ? std::string(r.none)
                      : r.kind == SettingKind::Count ? std::to_string(r.def)
                      : r.kind == SettingKind::Bool  ? std::string(r.def ? "true" : "false")
                                                     : std::string(choiceName(r, r.def));
    if (!r.unit.empty()) def += " " + std::string(r.unit);
    if (r.windowDef != kNoWindowDef) // only Count rows have one so far
        def += " (in the window: " + std::to_string(r.windowDef) +
               (r.unit.empty() ? "" : " " + std::string(r.unit)) + ")";
    return allowedValues(r) + "; default " + def;
}

ExperimentConfig windowDefaults() {
    ExperimentConfig c;
    for (const SettingRow& r : kSettings)
        if (r.windowDef != kNoWindowDef) r.set(c, r.windowDef);
    return c;
}

std::string settingText(const SettingRow& r, const ExperimentConfig& c) {
    const uint64_t v = r.get(c);
    switch (r.kind) {
    case SettingKind::Count:
        return isNone(r, v) ? std::string(r.none) : std::to_string(v);
    case SettingKind::Bool:
        return v ? "true" : "false";
    case SettingKind::Enum:
        break;
    }
    return std::string(choiceName(r, v));
}

namespace {
// The row's value for `text` (kNone for its none word), or what is wrong with it.
std::variant<uint64_t, ValueProblem> parseValue(const SettingRow& r, std::string_view text) {
    std::optional<uint64_t> v;
    switch (r.kind) {
    case SettingKind::Count:
        if (!r.none.empty() && text == r.none) return kNone;
        v = parseUnsigned(text);
        if (!v) return ValueProblem::NotWholeNumber;
        if (*v < r.min || *v > r.max) return ValueProblem::OutOfRange;
        return *v;
    case SettingKind::Enum:
        v = choiceIndex(r, text);
        if (!v) return ValueProblem::UnknownChoice;
        return *v;
    case SettingKind::Bool:
        break;
    }
    v = parseBool(text);
    if (!v) return ValueProblem::NotBoolean;
    return *v;
}
} // namespace

std::optional<ValueProblem> valueProblem(const SettingRow& r, std::string_view text) {
    const auto v = parseValue(r, text);
    if (const auto* p = std::get_if<ValueProblem>(&v)) return *p;
    return std::nullopt;
}

std::optional<std::string> applySetting(ExperimentConfig& c, const SettingRow& r,
                                        std::string_view text) {
    const auto v = parseValue(r, text);
    if (const auto* n = std::get_if<uint64_t>(&v)) {
        r.set(c, *n);
        return std::nullopt;
    }
    switch (std::get<ValueProblem>(v)) {
    case ValueProblem::NotWholeNumber:
        return flag(r) + ": " + quoted(text) + " is not a whole number (" + allowedValues(r) + ")";
    case ValueProblem::OutOfRange:
        return outOfRange(r, *parseUnsigned(text));
    case ValueProblem::UnknownChoice:
        return flag(r) + ": unknown value " + quoted(text) + " (expected " + allowedValues(r) + ")";
    case ValueProblem::NotBoolean:
        break;
    }
    return flag(r) + ": " + quoted(text) + " is not a boolean (true|false)";
}

std::optional<std::string> applySetting(ExperimentConfig& c, std::string_view name,
                                        std::string_view text) {
    if (const SettingRow* r = findSetting(name)) return applySetting(c, *r, text);
    return "unknown setting " + quoted(name);
}

std::optional<std::string> validate(const ExperimentConfig& c) {
    for (const SettingRow& r : kSettings)
        if (const uint64_t v = r.get(c); !isNone(r, v) && (v < r.min || v > r.max))
            return outOfRange(r, v);
    // A chunk-scoped striped lock guards one stripe, but a chunk of histogram updates touches
    // bins of every stripe: the lock would protect nothing. Refuse rather than mislead.
    if (c.sync == SyncMode::Striped && c.lockScope == LockScope::Chunk &&
        c.workload == Workload::Histogram)
        return "--lock-scope chunk with --sync striped cannot protect histogram bins (a chunk "
               "touches every stripe): use --lock-scope element or --sync mutex";
    if (c.transport == Transport::Queue && c.workload == Workload::Counters)
        return "--transport queue: the counters workload has no results to send (use shared "
               "or private)";
    if (c.transport == Transport::Mpi && c.workload == Workload::Counters)
        return "--transport mpi: the counters workload has no results to send (use shared or "
               "private)";
    if (c.transport == Transport::Mpi && c.sync != SyncMode::None)
        return "--transport mpi: ranks share no memory (rank 0 alone writes the array), so "
               "--sync " +
               std::string(toString(c.sync)) + " has nothing to guard: use --sync none";
    if (c.transport == Transport::Mpi && c.killWorker != kNoWorker &&
        c.faultAction == FaultAction::Hang)
        return "--fault-action hang: an MPI rank publishes through rank 0 and cannot be told to "
               "hang (use kill or stop)";
    if (c.killWorker != kNoWorker && c.killWorker >= c.workers)
        return "--kill-worker: " + std::to_string(c.killWorker) + " is not a worker (there are " +
               std::to_string(c.workers) + ": 0 to " + std::to_string(c.workers - 1) + ")";
    if (c.killWorker != kNoWorker && c.killWhen == KillWhen::Holding &&
        c.workload == Workload::Counters)
        return "--kill-when holding: the counters workload takes no lock to hold";
    if (c.killWorker != kNoWorker && c.killWhen == KillWhen::Holding && !c.usesLock())
        return "--kill-when holding: sync " + std::string(toString(c.sync)) +
               " takes no lock to hold (use a lock-based --sync)";
    return std::nullopt;
}

} // namespace shm
