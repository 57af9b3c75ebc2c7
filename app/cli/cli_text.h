#pragma once
// The command line's words (--help, the parser's errors and warnings, notes on stderr) are
// translated under one context, "CliText": the parser is free functions, which have no tr() of
// their own, and lupdate reads CliText::tr("...") calls and QT_TRANSLATE_NOOP("CliText", ...).
// The language is installed before parsing (main.cpp), so they come in it.
#include <QCoreApplication>

class CliText {
    Q_DECLARE_TR_FUNCTIONS(CliText)
};
