// File > Export Results: the finished run's figures as files, written by the same core
// functions as --csv, --array-csv and --trace (one source for the window and the CLI).
#include "gui/main_window.h"

#include "analysis/csv_export.h"
#include "analysis/trace.h"
#include "gui/models/lock_events_model.h"
#include "gui/models/progress_model.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>

#include <sstream>

namespace {
struct ResultFileInfo {
    const char* title;  // dialog title
    const char* name;   // suggested file name
    const char* filter; // dialog filter
};
ResultFileInfo info(MainWindow::ResultFile kind) {
    using R = MainWindow::ResultFile;
    switch (kind) {
    case R::WorkersCsv:
        return {"Export the workers table", "shmscope-workers.csv", "CSV table (*.csv)"};
    case R::ArrayCsv:
        return {"Export the array", "shmscope-array.csv", "CSV table (*.csv)"};
    case R::LockEventsCsv:
        return {"Export the lock events", "shmscope-lock-events.csv", "CSV table (*.csv)"};
    case R::Trace:
        return {"Export a trace for Perfetto or chrome://tracing", "shmscope-trace.json",
                "Trace Event Format (*.json)"};
    }
    return {"", "", ""};
}
} // namespace

bool MainWindow::writeResults(ResultFile kind, const QString& path, QString* error) {
    auto refuse = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (m_run.phase() != shm::Phase::Finished)
        return refuse(m_run.isActive() ? tr("The run is still going: export its results when it "
                                            "has ended.")
                                       : tr("No run yet: start one, then export its results."));
    const shm::RunReport& report = m_run.report();
    const shm::RunSnapshot last = m_run.snapshot();
    std::string text;
    switch (kind) {
    case ResultFile::WorkersCsv:
        text = shm::workersCsv(report);
        break;
    case ResultFile::ArrayCsv: {
        if (!last.array.valid()) return refuse(tr("The run's array is no longer mapped."));
        if (last.array.count > shm::kMaxArrayCsvRows)
            return refuse(tr("%1 elements is more than the %2 a CSV file is useful for.")
                              .arg(last.array.count)
                              .arg(shm::kMaxArrayCsvRows));
        std::ostringstream out;
        shm::writeArrayCsv(out, report.config, last.array.data, last.array.owner, last.array.count);
        text = std::move(out).str();
        break;
    }
    case ResultFile::LockEventsCsv:
        if (!report.config.usesLock() || !report.config.instrument)
            return refuse(tr("This run recorded no lock events (sync %1%2).")
                              .arg(QString::fromLatin1(shm::toString(report.config.sync)),
                                   report.config.instrument ? QString() : tr(", timings off")));
        text = shm::lockEventsCsv(m_lockEvents->activity(), last.releaseNs);
        break;
    case ResultFile::Trace: {
        shm::TraceInput in;
        in.final = &last;
        in.report = &report;
        in.locks = &m_lockEvents->activity();
        in.progress = m_progressModel->history();
        text = shm::toTraceJson(in);
        break;
    }
    }
    // Written whole or not at all: a failed write never leaves half a file behind.
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(text.data(), qint64(text.size())) != qint64(text.size()) || !f.commit())
        return refuse(tr("Could not write %1: %2").arg(path, f.errorString()));
    return true;
}

void MainWindow::exportResults(ResultFile kind) {
    const ResultFileInfo i = info(kind);
    QString err;
    // Say why before asking for a file name, not after.
    if (m_run.phase() != shm::Phase::Finished) {
        writeResults(kind, QString(), &err);
        QMessageBox::information(this, tr(i.title), err);
        return;
    }
    const QString path =
        QFileDialog::getSaveFileName(this, tr(i.title), QString::fromLatin1(i.name), tr(i.filter));
    if (path.isEmpty()) return;
    if (!writeResults(kind, path, &err)) QMessageBox::warning(this, tr("Export failed"), err);
}
