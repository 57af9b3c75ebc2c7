#pragma once
// The report's "collisions" object (analysis/collisions.h), a published contract like the rest
// of --json: logged, reason, log_bytes, updates, explained, unexplained, by_pattern
// {overwritten, rolled_back}, same_read_pairs, half_done, unexplained_reasons [{code, text,
// count}], examples and closest [{pattern, bin, value_before, updates_lost, lost, overwriter,
// collider, text, accesses [{worker, bin, read, wrote, read_ns, write_ns, role}]}].
#include "analysis/collisions.h"

#include <string>

namespace shm {

std::string collisionsJson(const CollisionReport& c, size_t maxExamples = kCollisionExamplesInJson);
std::string_view nameOf(AccessRole); // "lost" | "overwriter" | "collider" | "other"

} // namespace shm
