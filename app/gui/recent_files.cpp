#include "gui/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace {
// One spelling per file: "./a.shmscope" and "/home/me/a.shmscope" are the same entry.
QString absolute(const QString& path) {
    return QFileInfo(path).absoluteFilePath();
}
} // namespace

RecentFiles::RecentFiles(QString settingsKey, bool persistent)
    : m_key(std::move(settingsKey)), m_persistent(persistent) {
    if (!m_persistent) return;
    for (const QString& f : QSettings().value(m_key).toStringList())
        if (!f.isEmpty() && !m_files.contains(absolute(f))) m_files << absolute(f);
    while (m_files.size() > kMax)
        m_files.removeLast();
}

void RecentFiles::add(const QString& path) {
    const QString file = absolute(path);
    m_files.removeAll(file);
    m_files.prepend(file);
    while (m_files.size() > kMax)
        m_files.removeLast();
    save();
}

void RecentFiles::remove(const QString& path) {
    m_files.removeAll(absolute(path));
    save();
}

void RecentFiles::clear() {
    m_files.clear();
    save();
}

void RecentFiles::save() const {
    if (m_persistent) QSettings().setValue(m_key, m_files);
}
