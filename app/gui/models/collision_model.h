#pragma once
// What the Collision view shows: the run's lost updates (the report's collision examples) as a
// list to pick from, the picked one's accesses as steps in time order (shm::collisionSteps)
// and the step shown, with the story of that step in words. Without a lost update it lists
// the closest pair of updates instead (a lock or atomics: nothing lost). A recorded run
// scrubbed to a moment lists only what had happened by then.
#include "analysis/collisions.h"

#include <QAbstractListModel>

#include <optional>
#include <vector>

class CollisionModel : public QAbstractListModel {
    Q_OBJECT
  public:
    enum Role { BinRole = Qt::UserRole + 1 };

    explicit CollisionModel(QObject* parent = nullptr);

    // A run's report (at its end, or a recorded run's). The same report again keeps the
    // example and step picked; a new one picks the first and shows its lost write.
    void setReport(const shm::CollisionReport& report);
    void clear();
    // A recorded run shown at `ns` after its start barrier: only examples whose lost update
    // (for the closest pair: its second update) had read by then. nullopt: the whole run.
    void setTimeLimit(std::optional<uint64_t> ns);

    bool hasReport() const { return m_haveReport; }
    bool logged() const { return m_report.logged; }
    QString offReason() const;
    // No lost update in the run: the list holds the closest pair.
    bool showsClosest() const { return m_report.examples.empty(); }
    const shm::CollisionReport& report() const { return m_report; }
    // Examples in the report that the time limit hides (none listed yet: when the first comes).
    std::optional<uint64_t> firstListedAfterNs() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // The picked example (row of the list; -1 none) and its steps.
    int current() const { return m_current; }
    bool select(int row);
    // The first listed example on this bin; false when it has none.
    bool selectBin(uint32_t bin);
    const shm::CollisionExample* example() const;
    const std::vector<shm::CollisionStep>& steps() const { return m_steps; }
    int step() const { return m_step; }
    bool setStep(int step);
    bool stepBy(int delta) { return setStep(m_step + delta); }
    // The step of the lost write (struck), or for the closest pair the second update's read.
    int keyStep() const;
    // The bin's value after the step shown (before the first step: valueBefore).
    uint64_t binValue() const;

    // The picked example in one line for the list: "bin 5 · w1 lost to w3 · overwritten".
    QString entryText(int row) const;
    // What happened, for the whole example, and what the step shown does.
    QString story() const;
    QString stepText() const;
    // The run's figures: lost updates explained, by pattern, unexplained with reasons.
    QString summary() const;
    static QString patternText(shm::CollisionPattern p);

  signals:
    // The example or the step changed (the list itself signals through the model's own).
    void changed();

  private:
    const std::vector<shm::CollisionExample>& pool() const;
    uint64_t listedAtNs(const shm::CollisionExample& e) const;
    void relist();
    void pick(int row, bool keyStepToo);

    shm::CollisionReport m_report;
    bool m_haveReport = false;
    std::optional<uint64_t> m_limit;
    std::vector<int> m_rows; // listed examples: indices into pool()
    int m_current = -1;
    std::vector<shm::CollisionStep> m_steps;
    int m_step = -1;
};
