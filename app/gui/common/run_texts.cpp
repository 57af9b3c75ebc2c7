#include "gui/common/run_texts.h"

#include "analysis/metrics.h"
#include "gui/common/format.h"

#include <QCoreApplication>

namespace run_texts {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("run_texts", s);
}

// The core's thousands separator (metrics.cpp groupedNumber), not the locale's: the reports and
// the window show the same number.
QString grouped(uint64_t v) {
    return QString::fromStdString(shm::groupedNumber(v));
}

QString liveState(const shm::WorkerRecord& w) {
    if (w.suspended) return tr("suspended");
    switch (w.state) {
    case shm::WorkerState::Starting:
        return tr("starting");
    case shm::WorkerState::AtBarrier:
        return tr("at barrier");
    case shm::WorkerState::Running:
        return tr("running");
    case shm::WorkerState::WaitingForLock:
        return tr("waiting for lock");
    case shm::WorkerState::Paused:
        return tr("paused");
    case shm::WorkerState::Done:
        return tr("done");
    case shm::WorkerState::Failed:
        return tr("failed");
    }
    return QStringLiteral("?");
}

} // namespace

QString workerState(const shm::WorkerRecord& w, const shm::RunSnapshot& s) {
    switch (shm::outcome(w, s)) {
    case shm::WorkerOutcome::Crashed: {
        QString t = tr("crashed (signal %1)").arg(w.signal);
        if (w.diedHoldingLock) t += tr(", held lock");
        if (w.recoveredBy >= 0) t += tr(", recovered by %1").arg(w.recoveredBy);
        return t;
    }
    case shm::WorkerOutcome::Terminated:
        return tr("terminated (signal %1)").arg(w.signal);
    case shm::WorkerOutcome::Failed:
        if (w.failedToStart) return tr("failed to start");
        return w.exitCode >= 0 ? tr("failed (code %1)").arg(w.exitCode) : tr("failed");
    case shm::WorkerOutcome::Live:
        return liveState(w);
    case shm::WorkerOutcome::Done:
        return tr("done");
    case shm::WorkerOutcome::Stopped:
        return tr("stopped");
    }
    return {};
}

QString verdict(const shm::ExperimentConfig& cfg, uint64_t mismatches, uint64_t unwritten,
                int64_t lostUpdates) {
    QString v;
    if (cfg.workload == shm::Workload::Counters) {
        v = mismatches == 0   ? tr("counters verified")
            : mismatches == 1 ? tr("%1 counter wrong").arg(grouped(mismatches))
                              : tr("%1 counters wrong").arg(grouped(mismatches));
    } else if (cfg.workload == shm::Workload::Histogram) {
        if (lostUpdates == 0 && mismatches == 0) return tr("histogram verified");
        const uint64_t lost = uint64_t(lostUpdates < 0 ? -lostUpdates : lostUpdates);
        const QString bins = mismatches == 1 ? tr("%1 bin wrong").arg(grouped(mismatches))
                                             : tr("%1 bins wrong").arg(grouped(mismatches));
        v = (lostUpdates < 0 ? tr("%1 extra updates (%2)") : tr("%1 lost updates (%2)"))
                .arg(grouped(lost), bins);
    } else if (mismatches == 0) {
        v = tr("array verified");
    } else {
        v = mismatches == 1 ? tr("%1 mismatch").arg(grouped(mismatches))
                            : tr("%1 mismatches").arg(grouped(mismatches));
        if (unwritten == mismatches)
            v += tr(" (all unwritten)");
        else if (unwritten)
            v += tr(" (%1 unwritten)").arg(grouped(unwritten));
    }
    // The array is empty because nothing was shared, not because nothing was computed.
    if (cfg.transport == shm::Transport::Private && mismatches)
        v += tr(" — the workers wrote private copies");
    return v;
}

QString verdict(const shm::RunReport& r) {
    if (r.verifyCancelled) return tr("not verified (verification stopped)");
    if (!r.verified) return tr("not run");
    return verdict(r.config, r.mismatches, r.unwritten, r.lostUpdates);
}

} // namespace run_texts
