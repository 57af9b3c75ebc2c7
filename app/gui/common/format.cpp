#include "gui/common/format.h"

#include "analysis/units.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace format {
namespace {
// Three significant digits: 1.23, 12.3, 123.
QString threeDigits(double v) {
    return QString::number(v, 'f', v < 10 ? 2 : v < 100 ? 1 : 0);
}
} // namespace

QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString rate(double r) {
    if (r <= 0) return QStringLiteral("–");
    return QString::fromStdString(shm::rateText(r)); // the headless sweep table's rounding too
}

QString duration(double ns) {
    if (ns < 1e3) return QStringLiteral("%1 ns").arg(ns, 0, 'f', 0);
    if (ns < 1e6) return threeDigits(ns / 1e3) + QStringLiteral(" µs");
    if (ns < 1e9) return threeDigits(ns / 1e6) + QStringLiteral(" ms");
    return threeDigits(ns / 1e9) + QStringLiteral(" s");
}

QString count(double n) {
    if (n < 1e4) return QString::number(n, 'f', 0);
    if (n < 1e6) return threeDigits(n / 1e3) + QStringLiteral("k");
    if (n < 1e9) return threeDigits(n / 1e6) + QStringLiteral("M");
    return threeDigits(n / 1e9) + QStringLiteral("G");
}

QString bytes(uint64_t b) {
    if (b >= (1ull << 30))
        return QStringLiteral("%1 GiB").arg(double(b) / double(1ull << 30), 0, 'f', 2);
    if (b >= (1ull << 20))
        return QStringLiteral("%1 MiB").arg(double(b) / double(1ull << 20), 0, 'f', 1);
    return QStringLiteral("%1 KiB").arg(double(b) / 1024.0, 0, 'f', 1);
}

QString number(uint64_t v) {
    return QLocale().toString(qulonglong(v));
}

QString percent(double fraction) {
    return QStringLiteral("%1 %").arg(fraction * 100, 0, 'f', 1);
}

QString delay(uint32_t us) {
    const auto tr = [](const char* s) { return QCoreApplication::translate("format", s); };
    if (us == 0) return tr("off (full speed)");
    if (us < 1000) return tr("%1 µs per element").arg(us);
    if (us < 1000000) return tr("%1 ms per element").arg(us / 1000.0, 0, 'g', 3);
    return tr("%1 s per element").arg(us / 1e6, 0, 'g', 3);
}

QString configSummary(const shm::ExperimentConfig& c) {
    const auto tr = [](const char* s) { return QCoreApplication::translate("format", s); };
    QStringList parts;
    parts << (c.workers == 1 ? tr("1 worker") : tr("%1 workers").arg(c.workers));
    if (c.workload == shm::Workload::Counters) {
        parts << tr("counters (%1), %2 increments each")
                     .arg(text(shm::toString(c.counterLayout)), number(c.increments));
    } else {
        parts << tr("%1 over %2 elements").arg(text(shm::toString(c.workload)), number(c.elements));
        parts << tr("%1 partition").arg(text(shm::toString(c.partition)));
        if (c.transport != shm::Transport::Shared)
            parts << tr("%1 transport").arg(text(shm::toString(c.transport)));
        parts << (c.sync == shm::SyncMode::None ? tr("no lock")
                  : c.sync == shm::SyncMode::Atomic
                      ? tr("atomic updates")
                      : tr("%1 lock").arg(text(shm::toString(c.sync))));
    }
    parts << (c.delayUs ? tr("slow motion %1").arg(delay(c.delayUs)) : tr("full speed"));
    return parts.join(QStringLiteral(", "));
}

} // namespace format
