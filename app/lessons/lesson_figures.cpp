#include "lessons/lesson_figures.h"

#include "analysis/report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>

namespace {

// Figures reports gain outside shm::toJson: the run's label (labelledReport). Everything else
// (overlap, machine.*, ...) is in every report's JSON, null when not measured.
const QStringList kAddedFigures{QStringLiteral("label")};

// Settings that add parts of the report only some runs have: counters.*, queue.*, mpi.* (and
// each worker's mpi.*), seed_split.*, fault.*; a logged run's collisions.* are added below. Walking a report built for each variant as well
// as the run's own takes them in: a flag given with --lesson may switch them on.
QList<shm::ExperimentConfig> variants(const shm::ExperimentConfig& cfg) {
    QList<shm::ExperimentConfig> out{cfg};
    shm::ExperimentConfig c = cfg;
    c.workload = shm::Workload::Counters;
    out << c;
    c = cfg;
    c.transport = shm::Transport::Queue;
    out << c;
    c = cfg;
    c.transport = shm::Transport::Mpi;
    out << c;
    c = cfg;
    c.partition = shm::Partition::Seed;
    out << c;
    c = cfg;
    c.killWorker = 0;
    out << c;
    return out;
}

// Every path below `v` into *paths, arrays as '#' plus "length".
void walk(const QJsonValue& v, const QString& at, QSet<QString>* paths) {
    if (!at.isEmpty()) paths->insert(at);
    const QString prefix = at.isEmpty() ? QString() : at + QLatin1Char('.');
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            walk(it.value(), prefix + it.key(), paths);
    } else if (v.isArray()) {
        paths->insert(prefix + QStringLiteral("length"));
        paths->insert(prefix + QStringLiteral("#"));
        for (const QJsonValue& e : v.toArray())
            walk(e, prefix + QStringLiteral("#"), paths);
    }
}

// Array indices as the catalogue writes them.
QStringList normalised(const QString& path) {
    QStringList parts = path.split(QLatin1Char('.'));
    for (QString& p : parts) {
        bool digits = !p.isEmpty();
        for (QChar ch : p)
            digits = digits && ch.isDigit();
        if (digits || p == QLatin1String("last")) p = QStringLiteral("#");
    }
    return parts;
}

int editDistance(const QString& a, const QString& b) {
    QList<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diag = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

} // namespace

QSet<QString> knownFigures(const shm::ExperimentConfig& cfg) {
    QSet<QString> paths;
    for (const shm::ExperimentConfig& c : variants(cfg)) {
        shm::RunReport r = shm::failedToStartReport(c, "", "");
        r.workers.resize(1); // one of each list's items: their keys are what an index reaches
        r.recoveries.resize(1);
        // A histogram's update log, as a logged run reports it (collisions.explained, ...),
        // with one of each list's items.
        r.collisions.logged = true;
        r.collisions.reasons.resize(1);
        shm::CollisionExample e;
        e.accesses.resize(1);
        e.roles.resize(1);
        e.lost = 0;
        r.collisions.examples = {e};
        r.collisions.closest = {e};
        walk(QJsonDocument::fromJson(QByteArray::fromStdString(shm::toJson(r))).object(), {},
             &paths);
    }
    for (const QString& p : kAddedFigures)
        paths.insert(p);
    return paths;
}

QString checkFigure(const QString& path, const QSet<QString>& known) {
    const QStringList parts = normalised(path);
    const QString n = parts.join(QLatin1Char('.'));
    if (known.contains(n)) return {};
    QString best;
    int bestD = 1 << 30;
    for (const QString& k : known) {
        const int d = editDistance(n, k);
        if (d < bestD || (d == bestD && k < best)) {
            bestD = d;
            best = k;
        }
    }
    if (best.isEmpty() || bestD > std::max<qsizetype>(2, n.size() / 3))
        return QStringLiteral("no such figure");
    // The suggestion with the lesson's own indices where it gave one.
    const QStringList written = path.split(QLatin1Char('.'));
    QStringList s = best.split(QLatin1Char('.'));
    for (int i = 0; i < s.size(); ++i)
        if (s[i] == QLatin1String("#"))
            s[i] = i < parts.size() && parts[i] == QLatin1String("#") ? written[i]
                                                                      : QStringLiteral("0");
    return QStringLiteral("no such figure (did you mean %1?)").arg(s.join(QLatin1Char('.')));
}
