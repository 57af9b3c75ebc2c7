#pragma once
// File → Open Recent: the last recordings opened or saved, newest first, each once (by its
// absolute path), at most kMax. Kept in QSettings under one key only when the window is
// persistent (tests, screenshots and benchmarks neither read nor change a user's list).
#include <QString>
#include <QStringList>

class RecentFiles {
  public:
    static constexpr int kMax = 8;

    RecentFiles(QString settingsKey, bool persistent);

    const QStringList& files() const { return m_files; }
    // To the front (moved there if listed), the oldest dropped past kMax.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

  private:
    void save() const;

    QString m_key;
    bool m_persistent;
    QStringList m_files;
};
