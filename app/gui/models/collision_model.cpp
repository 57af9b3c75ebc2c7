#include "gui/models/collision_model.h"

#include "gui/common/format.h"
#include "gui/common/worker_palette.h"

#include <algorithm>

namespace {
QString who(const shm::UpdateAccess& a) {
    return worker_palette::workerLabel(a.worker);
}
} // namespace

CollisionModel::CollisionModel(QObject* parent) : QAbstractListModel(parent) {}

QString CollisionModel::patternText(shm::CollisionPattern p) {
    return p == shm::CollisionPattern::RolledBack ? tr("rolled back") : tr("overwritten");
}

void CollisionModel::setReport(const shm::CollisionReport& report) {
    // The window hands the same report in more than once (a live run's end, then its
    // recording shown at its end): the example and step picked stay.
    if (m_haveReport && report == m_report) return;
    beginResetModel();
    m_report = report;
    m_haveReport = true;
    m_current = -1;
    relist();
    endResetModel();
    pick(m_rows.empty() ? -1 : 0, true);
}

void CollisionModel::clear() {
    beginResetModel();
    m_report = {};
    m_haveReport = false;
    m_limit.reset();
    m_rows.clear();
    m_current = -1;
    endResetModel();
    pick(-1, true);
}

void CollisionModel::setTimeLimit(std::optional<uint64_t> ns) {
    if (ns == m_limit) return;
    // A slider move that lists the same examples changes nothing on screen: no signal.
    const std::vector<int> before = m_rows;
    m_limit = ns;
    relist();
    if (m_rows == before) return;
    m_rows = before;
    const int was = m_current >= 0 ? m_rows[size_t(m_current)] : -1;
    beginResetModel();
    m_limit = ns;
    relist();
    // The example picked stays while it is listed (set before the reset ends: the view reads
    // it then); else the first listed one.
    const auto it = std::find(m_rows.begin(), m_rows.end(), was);
    m_current = it != m_rows.end() ? int(it - m_rows.begin()) : -1;
    endResetModel();
    if (m_current >= 0)
        emit changed();
    else
        pick(m_rows.empty() ? -1 : 0, true);
}

const std::vector<shm::CollisionExample>& CollisionModel::pool() const {
    return m_report.examples.empty() ? m_report.closest : m_report.examples;
}

uint64_t CollisionModel::listedAtNs(const shm::CollisionExample& e) const {
    if (e.lost >= 0) return e.accesses[size_t(e.lost)].readNs;
    return e.accesses.empty() ? 0 : e.accesses.back().readNs; // sorted by read time
}

void CollisionModel::relist() {
    m_rows.clear();
    const auto& all = pool();
    for (size_t i = 0; i < all.size(); ++i)
        if (!m_limit || listedAtNs(all[i]) <= *m_limit) m_rows.push_back(int(i));
}

std::optional<uint64_t> CollisionModel::firstListedAfterNs() const {
    std::optional<uint64_t> first;
    for (const auto& e : pool())
        if (m_limit && listedAtNs(e) > *m_limit)
            first = std::min(first.value_or(listedAtNs(e)), listedAtNs(e));
    return first;
}

QString CollisionModel::offReason() const {
    return format::text(m_report.offReason);
}

int CollisionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CollisionModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size())) return {};
    const shm::CollisionExample& e = pool()[size_t(m_rows[size_t(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
        return entryText(index.row());
    case Qt::ToolTipRole:
        return format::text(shm::describeCollision(e));
    case BinRole:
        return e.bin;
    default:
        return {};
    }
}

QString CollisionModel::entryText(int row) const {
    if (row < 0 || row >= int(m_rows.size())) return {};
    const shm::CollisionExample& e = pool()[size_t(m_rows[size_t(row)])];
    if (e.lost < 0 || e.overwriter < 0) {
        if (e.accesses.size() < 2) return tr("bin %1").arg(e.bin);
        return tr("bin %1 · %2 then %3 · nothing lost")
            .arg(QString::number(e.bin), who(e.accesses[0]), who(e.accesses[1]));
    }
    const QString lost = who(e.accesses[size_t(e.lost)]);
    const QString over = who(e.accesses[size_t(e.overwriter)]);
    if (e.pattern == shm::CollisionPattern::RolledBack)
        return tr("bin %1 · %2 lost to %3 · rolled back (%4 updates)")
            .arg(QString::number(e.bin), lost, over, QString::number(e.updatesLost));
    return tr("bin %1 · %2 lost to %3 · %4")
        .arg(QString::number(e.bin), lost, over, patternText(e.pattern));
}

bool CollisionModel::select(int row) {
    if (row < 0 || row >= int(m_rows.size())) return false;
    if (row != m_current) pick(row, true);
    return true;
}

bool CollisionModel::selectBin(uint32_t bin) {
    for (size_t r = 0; r < m_rows.size(); ++r)
        if (pool()[size_t(m_rows[r])].bin == bin) return select(int(r));
    return false;
}

void CollisionModel::pick(int row, bool keyStepToo) {
    m_current = row;
    const shm::CollisionExample* e = example();
    m_steps = e ? shm::collisionSteps(*e) : std::vector<shm::CollisionStep>{};
    if (keyStepToo) m_step = e ? keyStep() : -1;
    emit changed();
}

const shm::CollisionExample* CollisionModel::example() const {
    if (m_current < 0 || m_current >= int(m_rows.size())) return nullptr;
    return &pool()[size_t(m_rows[size_t(m_current)])];
}

bool CollisionModel::setStep(int step) {
    if (m_steps.empty()) return false;
    step = std::clamp(step, 0, int(m_steps.size()) - 1);
    if (step == m_step) return false;
    m_step = step;
    emit changed();
    return true;
}

int CollisionModel::keyStep() const {
    const shm::CollisionExample* e = example();
    if (!e || m_steps.empty()) return -1;
    for (size_t i = 0; i < m_steps.size(); ++i) {
        const shm::CollisionStep& s = m_steps[i];
        if (e->lost >= 0 ? s.struck : (!s.write && s.access == 1)) return int(i);
    }
    return int(m_steps.size()) - 1;
}

uint64_t CollisionModel::binValue() const {
    const shm::CollisionExample* e = example();
    if (!e) return 0;
    if (m_step < 0 || m_step >= int(m_steps.size())) return e->valueBefore;
    return m_steps[size_t(m_step)].binAfter;
}

QString CollisionModel::story() const {
    const shm::CollisionExample* e = example();
    if (!e || e->accesses.empty()) return {};
    const QString bin = QString::number(e->bin);
    if (e->lost < 0 || e->overwriter < 0) {
        if (e->accesses.size() < 2) return {};
        const shm::UpdateAccess &a = e->accesses[0], &b = e->accesses[1];
        return tr("Nothing lost: the second update read what the first wrote. %1 wrote %2 into "
                  "bin %3; %4 read that %2 %5 later and wrote %6. Their bars do not overlap: "
                  "one update after the other, as a lock or an atomic makes them.")
            .arg(who(a), QString::number(a.readValue + 1), bin, who(b),
                 format::duration(double(b.readNs - std::min(b.readNs, a.writeNs))),
                 QString::number(b.readValue + 1));
    }
    const shm::UpdateAccess& lost = e->accesses[size_t(e->lost)];
    const shm::UpdateAccess& over = e->accesses[size_t(e->overwriter)];
    if (e->pattern == shm::CollisionPattern::RolledBack)
        return tr("Rolled back: %1 read %2 and wrote %3 only later, after %4 and others had taken "
                  "bin %5 further. Its stale write took the bin back, undoing %6 updates, %4's "
                  "among them.")
            .arg(who(over), QString::number(over.readValue), QString::number(over.readValue + 1),
                 who(lost), bin, QString::number(e->updatesLost));
    if (over.readValue == lost.readValue)
        return tr("Overwritten: %1 and %2 both read %3 from bin %4 and both wrote %5 — two "
                  "updates, and the bin went up by one. %2 wrote last, over a value it had never "
                  "read: %1's update is lost.")
            .arg(who(lost), who(over), QString::number(lost.readValue), bin,
                 QString::number(lost.readValue + 1));
    return tr("Overwritten: %1 wrote %2 into bin %3; %4 then wrote over it without having read "
              "it: %1's update is lost.")
        .arg(who(lost), QString::number(lost.readValue + 1), bin, who(over));
}

QString CollisionModel::stepText() const {
    const shm::CollisionExample* e = example();
    if (!e || m_step < 0 || m_step >= int(m_steps.size())) return {};
    const shm::CollisionStep& s = m_steps[size_t(m_step)];
    const shm::UpdateAccess& a = e->accesses[size_t(s.access)];
    const QString bin = QString::number(e->bin);
    QString t = tr("Step %1 of %2: ").arg(m_step + 1).arg(m_steps.size());
    if (!s.write) {
        t += tr("%1 reads %2 from bin %3").arg(who(a), QString::number(s.value), bin);
        if (!a.written) t += tr(" — and its worker died before writing");
        return t + QLatin1Char('.');
    }
    t += tr("%1 writes %2 into bin %3").arg(who(a), QString::number(s.value), bin);
    if (s.struck && e->overwriter >= 0) {
        t += tr(" — this write is lost: %1 writes over it later without having read it")
                 .arg(who(e->accesses[size_t(e->overwriter)]));
    } else if (s.access == e->overwriter && e->lost >= 0) {
        const uint64_t before = m_step > 0 ? m_steps[size_t(m_step - 1)].binAfter : e->valueBefore;
        if (e->pattern == shm::CollisionPattern::RolledBack)
            t += tr(" — a stale value: the bin goes back from %1 to %2")
                     .arg(QString::number(before), QString::number(s.value));
        else
            t += tr(" — over %1's update, which it never read: that update is lost")
                     .arg(who(e->accesses[size_t(e->lost)]));
    }
    return t + QLatin1Char('.');
}

QString CollisionModel::summary() const {
    if (!m_haveReport) return {};
    if (!m_report.logged) return tr("Not logged: %1").arg(offReason());
    if (m_report.examples.empty() && m_report.unexplained == 0)
        return tr("No update lost among the %1 logged updates.")
            .arg(format::number(m_report.updates));
    QString s = tr("%1 lost updates explained (%2 overwritten, %3 rolled back)")
                    .arg(format::number(m_report.explained), format::number(m_report.overwritten),
                         format::number(m_report.rolledBack));
    if (m_report.unexplained > 0) {
        QStringList why;
        for (const shm::UnexplainedReason& r : m_report.reasons)
            why << format::text(r.text);
        s += tr("; %1 not explained: %2")
                 .arg(format::number(m_report.unexplained), why.join(QStringLiteral(" ")));
    }
    return s + QLatin1Char('.');
}
