#pragma once
// The options of `shmscope` that are not experiment settings (those come from shm::kSettings):
// one table row per flag drives both the parsing (cli_options.cpp) and its lines in --help.
#include "cli/cli_options.h"

#include <QList>
#include <QPair>
#include <QString>

#include <cstdint>

// What parsing collects besides CliOptions, applied or checked once every flag is read.
struct ParseState {
    CliOptions& o;
    QList<QPair<QString, QString>> settings; // setting flags, applied after the config file
    QString commandText;                     // --worker-command
    uint32_t commandCount = 0;               // --worker-command-count; 0 = not given
};

// A flag's value (empty for a switch) applied to the state: a one-line error naming the flag,
// or nothing.
using ApplyOption = QString (*)(ParseState&, const QString& value);

// Whether an empty value is refused with the row's `missing` message like a missing one.
enum class EmptyValue {
    Refused,
    Blank,   // refused when empty or only blanks
    Allowed, // given to `apply`, which judges it
    // The value may be left out ("--rehearse" or "--rehearse 3"): the next argument is taken
    // only when it does not start with '-'; a missing one gives `apply` "".
    Optional
};

// The --help section a row's lines belong to.
enum class HelpSection { Modes, SettingsFile, Lessons };

struct OptionRow {
    const char* name;  // "--json"
    const char* alias; // "-h", or nullptr
    bool takesValue;   // false: a switch, refused with an inline value ("--json=1")
    EmptyValue empty;
    // The error when the value is missing (or refused empty); nullptr: `apply` gets "" and
    // judges it. This and `help` are English, translated where shown (context "CliText").
    const char* missing;
    HelpSection section;
    const char* help; // its lines in --help, or nullptr where another row's lines name it
    ApplyOption apply;
};

// The row for `flag` (its name or alias), or nullptr.
const OptionRow* findOption(const QString& flag);

// The --help lines of a section's options, in table order: in the interface language when
// `translated`, else English (the man page).
QString optionHelp(HelpSection section, bool translated);
