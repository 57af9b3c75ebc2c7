#pragma once
// The figures a lesson may name: every dotted path a run's --json report has, so a lesson file
// with a misspelt figure is refused before anything runs, with the nearest real path offered.
// The paths are not listed by hand: they are walked from real report JSON (shm::toJson) built
// for the run's settings and for variants that add optional parts (see lesson_figures.cpp).
#include "model/settings.h"

#include <QSet>
#include <QString>

// The known paths of a report for these settings, array indices written '#' (and each
// array's "length"): "lock.contended", "workers.#.rate", "workers.length", "counters.layout".
QSet<QString> knownFigures(const shm::ExperimentConfig& cfg);

// Empty when `path` is one of `known` (indices, "last" and "length" allowed where the report
// has an array); else "no such figure", with "(did you mean lock.contended?)" when a known
// path is near.
QString checkFigure(const QString& path, const QSet<QString>& known);
