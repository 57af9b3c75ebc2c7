#pragma once
// A run's collisions (analysis/collisions.h) in a recording: four tables, added in schema 3
// (docs/recording.md). Internal to core/record, like recording_schema.h.
#include "analysis/collisions.h"
#include "record/recording_schema.h"

#include <optional>

namespace shm::recfile {

std::string collisionSchemaSql(); // CREATE statements, each ending in ';'

bool writeCollisions(sqlite3* db, std::map<std::string, sqlite3_stmt*>& cache, int64_t runId,
                     const CollisionReport& c);
// Nothing when the run has no row (a file of schema 2, or a run that never ended).
// Throws nothing: a damaged row reads as nothing.
std::optional<CollisionReport> readCollisions(sqlite3* db, int64_t runId);

} // namespace shm::recfile
