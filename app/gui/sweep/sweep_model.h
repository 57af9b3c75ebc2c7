#pragma once
// The sweep's points as a table (one row per point: its swept values and figures), and the
// whole summary for the plot. Fed from the sweep RunPlayer after every run; the Sweep view reads
// only this.
#include "analysis/sweep.h"

#include <QAbstractTableModel>

class SweepModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    using QAbstractTableModel::QAbstractTableModel;

    void setSummary(const shm::SweepSummary& s);
    const shm::SweepSummary& summary() const { return m_summary; }
    // The figures of one point in a few lines (tooltips, hover).
    QString pointText(int point) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

  signals:
    void summaryChanged();

  private:
    int axes() const { return int(m_summary.plan.axes.size()); }
    shm::SweepSummary m_summary;
};
