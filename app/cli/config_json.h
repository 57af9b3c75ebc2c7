#pragma once
// Settings given as a JSON object — a --config file, a lesson's run — applied through the
// settings table: keys are flag names ("lock-scope") or report keys ("lock_scope"), values are
// typed as the report prints them (numbers, strings for choices, true/false, null for "none").
#include "model/settings.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Applies every key of obj to cfg. On failure returns one line: "<where>: unknown field 'k' in
// '<source>'", "<where>: field 'k' must be ...", or "<where> '<source>': <the flag's error>".
// `given` (optional) receives the flag name of each setting applied.
QString applySettingsObject(const QJsonObject& obj, shm::ExperimentConfig& cfg,
                            const QString& where, const QString& source,
                            QStringList* given = nullptr);

// The keys of the JSON object in `json` (the top level of valid JSON) that appear more than
// once, each once, sorted. QJsonDocument keeps the last of repeated keys without a word. One
// pass over the text: a search per key made 100k keys (1.4 MB) take over a minute (tst_cli's
// configWithManyKeysIsQuick times it).
QStringList repeatedKeys(const QByteArray& json);
