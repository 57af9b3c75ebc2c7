#pragma once
// The probe's figures kept for the rest of this boot: the machine does not change until it
// restarts (a new boot id), and measuring costs a third of a second of busy CPUs.
// $XDG_CACHE_HOME/shmscope/probe.json, or ~/.cache/shmscope/probe.json.
#include "probe/machine_figures.h"

#include <optional>
#include <string>

namespace shm {

// Where the cache lives; empty when neither XDG_CACHE_HOME (absolute) nor HOME is set.
std::string probeCachePath();
// The cached figures if the file holds this boot's; nothing if it is missing, unreadable,
// corrupt, of another format or of another boot.
std::optional<MachineFigures> loadCachedMachine(const std::string& path, const std::string& bootId);
// Written whole or not at all (a temporary file renamed over the old one), directories made.
// The reason when it could not be.
std::optional<std::string> storeCachedMachine(const std::string& path, const MachineFigures& m);

// This boot's figures from the cache, or measured now and cached (always measured when
// `measureAgain`). `measured` says which.
MachineFigures cachedOrMeasuredMachine(bool measureAgain = false, bool* measured = nullptr);

} // namespace shm
