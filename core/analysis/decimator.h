#pragma once
// Min/max per pixel column, read straight from the mapped array. A column is rescanned only when
// part of it was marked dirty (the workers wrote there), so a frame costs what changed, not the
// array's length. Scanning can be spread over frames with a time budget.
#include "model/layout.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace shm {

struct DecimatedColumn {
    uint64_t begin = 0; // index range [begin, end) this column covers
    uint64_t end = 0;
    double min = 0; // over written elements; meaningless while written == 0
    double max = 0;
    uint64_t written = 0;       // elements holding a value (not NaN, or for bins: touched)
    uint64_t mismatches = 0;    // written elements whose value differs from the expected one
    uint32_t dominantOwner = 0; // worker that wrote most of the column (== workers if none)
    bool scanned = false;       // false until first scanned after a view change: draw nothing
    bool operator==(const DecimatedColumn&) const = default;
};

class Decimator {
  public:
    // What "written" means: element arrays start as NaN; histogram bins start at 0 and are
    // written once their owner entry is set.
    enum class WrittenBy { NotNaN, OwnerSet };

    void configure(uint64_t count, uint32_t workers, WrittenBy rule);
    // Columns cover [lo, hi) in at most `columns` equal pieces. Resets and marks all dirty,
    // unless the caller knows nothing is written yet (a fresh segment): then no scan is needed.
    void setView(uint64_t lo, uint64_t hi, int columns, bool knownUnwritten = false);
    // Expected value of element i, for mismatch counts; empty = do not check. Marks all dirty.
    void setExpected(std::function<double(uint64_t)> expected);

    void markDirty(uint64_t begin, uint64_t end);
    void markAllDirty();
    // Fills the current view's columns from coarser columns kept of the whole array (a
    // recorded array frame, record/recorded_run.h) instead of scanning an array: each column
    // merges the coarse ones it overlaps (min, max, written, mismatches summed; owners counted
    // as each coarse column's dominant owner). Clears the dirty marks.
    void fillFrom(const std::vector<DecimatedColumn>& coarse);
    bool hasDirty() const { return m_dirtyCount > 0; }

    // Rescans dirty columns. budgetNs 0 = no limit; otherwise stops after the column that
    // crosses the budget and continues there on the next call. Returns columns rescanned.
    int process(const double* data, const uint8_t* owner, uint64_t budgetNs = 0);

    uint64_t count() const { return m_count; }
    uint32_t workers() const { return m_workers; }
    uint64_t viewBegin() const { return m_lo; }
    uint64_t viewEnd() const { return m_hi; }
    const std::vector<DecimatedColumn>& columns() const { return m_columns; }
    // Elements per owner in column c: `workers` entries, then one for "no owner recorded".
    const uint32_t* ownerCounts(size_t c) const { return &m_ownerCounts[c * (m_workers + 1)]; }
    // Bumped whenever a column changes, so views redraw only then.
    uint64_t version() const { return m_version; }

    // Scans [begin, end) from scratch: the reference the incremental path must equal.
    static DecimatedColumn scan(const double* data, const uint8_t* owner, uint64_t begin,
                                uint64_t end, uint32_t workers, WrittenBy rule,
                                const std::function<double(uint64_t)>& expected,
                                uint32_t* ownerCounts);

  private:
    void rescan(size_t c, const double* data, const uint8_t* owner);
    size_t columnOf(uint64_t index) const;

    uint64_t m_count = 0;
    uint32_t m_workers = 0;
    WrittenBy m_rule = WrittenBy::NotNaN;
    uint64_t m_lo = 0, m_hi = 0;
    std::vector<DecimatedColumn> m_columns;
    std::vector<uint32_t> m_ownerCounts;
    std::vector<uint8_t> m_dirty;
    size_t m_dirtyCount = 0;
    size_t m_sweep = 0; // where the next budgeted pass starts, so no column starves
    std::function<double(uint64_t)> m_expected;
    uint64_t m_version = 0;
};

} // namespace shm
