#include "gui/models/runs_model.h"

#include "gui/common/format.h"
#include "gui/common/run_texts.h"
#include "model/settings.h"

#include <QLocale>

RunsModel::RunsModel(QObject* parent) : QAbstractTableModel(parent) {}

int RunsModel::add(std::shared_ptr<const shm::RecordedRun> run) {
    if (!run) return -1;
    const int row = int(m_runs.size());
    beginInsertRows({}, row, row);
    const size_t bytes = run->memoryBytes();
    m_runs.push_back({std::move(run), bytes});
    m_bytes += bytes;
    endInsertRows();
    const int before = m_dropped;
    trim();
    settingsChanged();
    return row - (m_dropped - before);
}

void RunsModel::setLimitBytes(size_t bytes) {
    m_limit = bytes;
    trim();
    settingsChanged();
}

void RunsModel::trim() {
    size_t n = 0;
    size_t bytes = m_bytes;
    while (n + 1 < m_runs.size() && bytes > m_limit)
        bytes -= m_runs[n++].bytes;
    if (n == 0) return;
    beginRemoveRows({}, 0, int(n) - 1);
    m_runs.erase(m_runs.begin(), m_runs.begin() + std::ptrdiff_t(n));
    m_bytes = bytes;
    m_dropped += int(n);
    endRemoveRows();
    emit runsDropped(int(n), note());
}

QString RunsModel::note() const {
    if (!m_dropped) return {};
    return tr("%n oldest run(s) dropped to stay under %1 of memory", "", m_dropped)
        .arg(format::bytes(m_limit));
}

std::shared_ptr<const shm::RecordedRun> RunsModel::run(int row) const {
    if (row < 0 || row >= int(m_runs.size())) return nullptr;
    return m_runs[size_t(row)].run;
}

int RunsModel::rowOf(const shm::RecordedRun* run) const {
    for (size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].run.get() == run) return int(i);
    return -1;
}

void RunsModel::clear() {
    beginResetModel();
    m_runs.clear();
    m_bytes = 0;
    endResetModel();
}

void RunsModel::settingsChanged() {
    if (!m_runs.empty())
        emit dataChanged(index(0, SettingsCol), index(int(m_runs.size()) - 1, SettingsCol));
}

// The settings whose values are not the same in every run kept, with this run's values: what
// tells the runs apart (sync mutex, sync atomic). A lone run shows its summary instead.
QString RunsModel::differingSettings(const shm::RecordedRun& run) const {
    if (m_runs.size() < 2) return format::configSummary(run.config);
    QStringList parts;
    for (const shm::SettingRow& row : shm::kSettings) {
        const std::string mine = shm::settingText(row, run.config);
        bool differs = false;
        for (const Entry& e : m_runs)
            differs = differs || shm::settingText(row, e.run->config) != mine;
        if (differs)
            parts << QStringLiteral("%1 %2").arg(format::text(row.name), format::text(mine));
    }
    return parts.isEmpty() ? tr("same settings") : parts.join(QStringLiteral(", "));
}

int RunsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_runs.size())) return {};
    const Entry& e = m_runs[size_t(index.row())];
    const shm::RecordedRun& r = *e.run;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case LabelCol:
            return format::text(r.label);
        case SettingsCol:
            return differingSettings(r);
        case VerdictCol:
            return run_texts::verdict(r.report);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("%1\n%2\n%3 s recorded, %4 in memory%5")
            .arg(format::text(r.label), format::configSummary(r.config))
            .arg(double(r.endNs - std::min(r.endNs, r.releaseNs)) / 1e9, 0, 'f', 3)
            .arg(format::bytes(e.bytes))
            .arg(r.complete ? QString() : tr("\nincomplete: the run was cut short"));
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case LabelCol:
        return tr("Run");
    case SettingsCol:
        return tr("Settings");
    case VerdictCol:
        return tr("Verdict");
    default:
        return {};
    }
}
