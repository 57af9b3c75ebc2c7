#pragma once
// Whole processes timed from outside (posix_spawn to exit): what a user waits for, against
// references started the same way in the same run. See bench_main.cpp.
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace bench {

// Wall seconds from spawn to exit of `argv` (program first); nullopt if it failed.
std::optional<double> wallOf(const QStringList& argv, const QStringList& env = {});
// Spawns `count` copies of argv at once and waits for all: the bare cost of starting them.
std::optional<double> wallOfMany(const QStringList& argv, int count);
// stdout of argv (and whether it exited 0).
std::optional<QString> outputOf(const QStringList& argv, const QStringList& env = {});
// An interpreter that imports numpy, or empty.
QString pythonWithNumpy();

// The figures every row prints: the median (the upper one of an even count) and the minimum
// of its runs, 0 for none; and a number from a --bench-frames summary line, the one after
// `before` on the line starting with `line` ("... median 12.34 ms ..."), -1 if absent.
double median(std::vector<double> v);
double minOf(const std::vector<double>& v);
double figureAfter(const QString& out, const QString& line, const QString& before);

} // namespace bench
