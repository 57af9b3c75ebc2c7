#pragma once
// The files the command line names, checked before anything runs (exit 2, one line): an input
// or output that is a FIFO, a socket or a block device would block the app for ever (a FIFO
// with nobody at the other end) or never end; two outputs naming one file would leave only the
// last one written. The app's own standard output (/dev/stdout) stays allowed, and character
// devices too (/dev/null; /dev/full fails when written, exit 3).
#include "cli/cli_options.h"

#include <QString>

QString checkFilePaths(const CliOptions& o);

// Whether the open descriptor fd may take a result: a regular file or a character device, or a
// pipe that is the app's own standard output or error. Otherwise a one-line reason ("is a
// FIFO"). For outputs opened after the check above (the file may have changed meanwhile).
QString outputKindProblem(int fd);
