#include "cli/worker_command.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

QString WorkerCommand::shortName() const {
    if (empty()) return {};
    for (const QString& a : argv)
        if (a.endsWith(QLatin1String(".py"))) return QStringLiteral("py");
    const QString program = QFileInfo(argv.first()).fileName();
    return program.startsWith(QLatin1String("python")) ? QStringLiteral("py") : program;
}

QString parseWorkerCommand(const QString& text, WorkerCommand* out) {
    const QStringList argv = QProcess::splitCommand(text);
    if (argv.isEmpty()) return QStringLiteral("--worker-command needs a command to run");
    const QString& program = argv.first();
    // QProcess looks a bare name up on PATH when it starts; look now so a typo fails before
    // the segment exists, with its name.
    const bool found = program.contains(QLatin1Char('/'))
                           ? QFileInfo(program).isExecutable() && QFileInfo(program).isFile()
                           : !QStandardPaths::findExecutable(program).isEmpty();
    if (!found)
        return QStringLiteral("--worker-command: '%1' is not an executable program%2")
            .arg(program,
                 program.contains(QLatin1Char('/')) ? QString() : QStringLiteral(" on PATH"));
    // A script the interpreter cannot open would fail in every worker with the interpreter's
    // own message; name it once here instead.
    for (qsizetype i = 1; i < argv.size(); ++i)
        if (argv[i].endsWith(QLatin1String(".py")) && !QFileInfo(argv[i]).isFile())
            return QStringLiteral("--worker-command: %1 does not exist (relative paths start "
                                  "at %2)")
                .arg(argv[i], QDir::currentPath());
    out->text = text.trimmed();
    out->argv = argv;
    return {};
}
