#pragma once
// The part every per-worker table model shares: one Row value per worker, replaced as a whole
// each frame, with at most one coalesced dataChanged for the rows that differ.
#include <QAbstractTableModel>

#include <algorithm>
#include <vector>

template <typename Row> class WorkerRowsModel : public QAbstractTableModel {
  public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    const Row& row(int r) const { return m_rows.at(size_t(r)); }

  protected:
    // Sizes the table to n workers (a model reset only when the count changes).
    void resizeRows(size_t n) {
        if (n == m_rows.size()) return;
        beginResetModel();
        m_rows.assign(n, Row{});
        endResetModel();
    }
    // n blank rows for a new run: the rows kept (one dataChanged) when the count is the same,
    // so a view does not lose and regain its rows, scroll bars and layout with every run.
    void blankRows(size_t n) {
        if (n != m_rows.size()) return resizeRows(n);
        std::fill(m_rows.begin(), m_rows.end(), Row{});
        if (n) emit dataChanged(index(0, 0), index(int(n) - 1, columnCount() - 1));
    }
    // Stores the frame's rows; one dataChanged over the changed ones. True if any changed.
    bool setRows(const std::vector<Row>& rows) {
        resizeRows(rows.size());
        int first = -1, last = -1;
        for (size_t k = 0; k < rows.size(); ++k) {
            if (rows[k] == m_rows[k]) continue;
            m_rows[k] = rows[k];
            if (first < 0) first = int(k);
            last = int(k);
        }
        if (first >= 0) emit dataChanged(index(first, 0), index(last, columnCount() - 1));
        return first >= 0;
    }
    std::vector<Row> m_rows;
};
