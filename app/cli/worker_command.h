#pragma once
// --worker-command: workers started by a command of the user's (the Python worker, their own
// program) instead of shmscope-worker, in the same run as the built-in ones.
#include <QString>
#include <QStringList>

#include <cstdint>

struct WorkerCommand {
    QString text;       // as the user gave it (the report's "program")
    QStringList argv;   // program and arguments; empty: every worker is shmscope-worker
    uint32_t count = 0; // the last `count` workers of a run run it; 0 = all of them

    bool empty() const { return argv.isEmpty(); }
    // Worker k of a run of `workers`: started by the command?
    bool runs(uint32_t k, uint32_t workers) const {
        return !empty() && (count == 0 || k + count >= workers);
    }
    // A short name for the window's worker column: "py" for a Python script, else the
    // program's file name.
    QString shortName() const;
};

// Splits `text` like a shell would split words (quotes, no expansion) and finds the program
// (on PATH or as a path). On failure: one line naming the problem.
QString parseWorkerCommand(const QString& text, WorkerCommand* out);
