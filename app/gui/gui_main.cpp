#include "gui_main.h"

#include <QApplication>
#include <QLabel>

// Placeholder until the window lands (issue 3).
int runGui(const CliOptions&, int& argc, char** argv) {
    QApplication app(argc, argv);
    QLabel l(QStringLiteral("ShmScope"));
    l.show();
    return app.exec();
}
