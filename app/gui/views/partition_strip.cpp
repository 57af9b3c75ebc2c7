#include "gui/views/partition_strip.h"

#include "analysis/decimator.h"
#include "gui/common/worker_palette.h"
#include "work/partition.h"

#include <QPainter>
#include <qcustomplot.h>

namespace {
constexpr int kPlanTop = 3, kPlanHeight = 10, kWrittenTop = 16, kWrittenHeight = 20;
constexpr uint64_t kPlanSamples = 32; // per column; exact once a column has fewer elements
} // namespace

PartitionStrip::PartitionStrip(const shm::Decimator* decimator, QCPAxis* axis, QWidget* parent)
    : QWidget(parent), m_dec(decimator), m_axis(axis) {
    setObjectName(QStringLiteral("partitionStrip"));
    setToolTip(tr("Partition map. plan: which worker the partition gives each index range "
                  "(dynamic/guided: how far work has been handed out). written: who wrote each "
                  "range, from the owner map. Red hatching (seed split): ranges the blog's "
                  "arange split plans but no worker runs."));
}

void PartitionStrip::setRun(const shm::ExperimentConfig& cfg, bool active) {
    if (!(cfg == m_cfg)) m_planColumns = 0;
    m_cfg = cfg;
    m_active = active;
}

void PartitionStrip::computePlan() {
    const auto& cols = m_dec->columns();
    const uint32_t w = m_cfg.workers;
    m_planLo = m_dec->viewBegin();
    m_planHi = m_dec->viewEnd();
    m_planColumns = cols.size();
    m_plan.assign(cols.size() * w, 0.f);
    if (!shm::isStatic(m_cfg.partition) || m_cfg.workload == shm::Workload::Histogram) return;
    for (size_t c = 0; c < cols.size(); ++c) {
        const uint64_t len = cols[c].end - cols[c].begin;
        const uint64_t samples = std::min(len, kPlanSamples);
        for (uint64_t s = 0; s < samples; ++s) {
            const uint64_t i = cols[c].begin + len * s / samples;
            const int k = shm::staticOwner(m_cfg, i);
            if (k >= 0 && uint32_t(k) < w) m_plan[c * w + uint32_t(k)] += 1.f / float(samples);
        }
    }
}

void PartitionStrip::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const auto& cols = m_dec->columns();
    const QRect axisRect = m_axis->axisRect()->rect();
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p.setFont(f);
    p.setPen(pal.color(QPalette::WindowText));
    const int labelRight = axisRect.left() - 6;
    p.drawText(QRect(0, kPlanTop - 2, labelRight, kPlanHeight + 4),
               Qt::AlignRight | Qt::AlignVCenter, tr("plan"));
    p.drawText(QRect(0, kWrittenTop, labelRight, kWrittenHeight), Qt::AlignRight | Qt::AlignVCenter,
               tr("written"));
    p.fillRect(QRect(axisRect.left(), kPlanTop, axisRect.width(), kPlanHeight),
               worker_palette::unwrittenColor());
    p.fillRect(QRect(axisRect.left(), kWrittenTop, axisRect.width(), kWrittenHeight),
               worker_palette::unwrittenColor());
    if (cols.empty() || !m_cfg.workers || m_dec->workers() != m_cfg.workers) return;
    if (m_planColumns != cols.size() || m_planLo != m_dec->viewBegin() ||
        m_planHi != m_dec->viewEnd())
        computePlan();

    const uint32_t w = m_cfg.workers;
    const bool dynamic =
        !shm::isStatic(m_cfg.partition) || m_cfg.workload == shm::Workload::Histogram;
    std::vector<QColor> colors;
    for (uint32_t k = 0; k < w; ++k)
        colors.push_back(worker_palette::color(k));
    p.setClipRect(QRect(axisRect.left(), 0, axisRect.width(), height()));
    for (size_t c = 0; c < cols.size(); ++c) {
        const double x0 = m_axis->coordToPixel(double(cols[c].begin));
        const double x1 = std::max(x0 + 1, m_axis->coordToPixel(double(cols[c].end)));
        const double width = x1 - x0;
        const double len = double(cols[c].end - cols[c].begin);
        // Plan row.
        if (dynamic) {
            if (m_cfg.workload != shm::Workload::Histogram && cols[c].begin < m_cursor) {
                const double share = std::min(1.0, double(m_cursor - cols[c].begin) / len);
                p.fillRect(QRectF(x0, kPlanTop, width * share, kPlanHeight),
                           pal.color(QPalette::Mid));
            }
        } else {
            double y = kPlanTop;
            for (uint32_t k = 0; k < w; ++k) {
                const float share = m_plan[c * w + k];
                if (share <= 0) continue;
                QColor col = colors[k];
                col.setAlpha(150);
                p.fillRect(QRectF(x0, y, width, kPlanHeight * double(share)), col);
                y += kPlanHeight * double(share);
            }
        }
        // Written row: the owner shares of this column, stacked.
        const uint32_t* counts = m_dec->ownerCounts(c);
        double y = kWrittenTop;
        for (uint32_t k = 0; k < w; ++k) {
            if (!counts[k]) continue;
            const double h = kWrittenHeight * double(counts[k]) / len;
            p.fillRect(QRectF(x0, y, width, h), colors[k]);
            y += h;
        }
    }
    if (m_cfg.partition == shm::Partition::Seed) drawSeedRemainder(p);
}

void PartitionStrip::drawSeedRemainder(QPainter& p) const {
    // The blog's split plans more ranges than workers: what they cover is never run. Hatched in
    // red across both rows, at least 3 px wide so a single element still shows.
    const shm::SeedSplit s = shm::seedSplit(m_cfg);
    const uint64_t from = std::min<uint64_t>(uint64_t(m_cfg.workers), s.ranges) * s.step;
    if (from >= m_cfg.elements) return;
    const double x0 = m_axis->coordToPixel(double(from));
    const double x1 = std::max(x0 + 3, m_axis->coordToPixel(double(m_cfg.elements)));
    const QRectF r(x0, kPlanTop, x1 - x0, kWrittenTop + kWrittenHeight - kPlanTop);
    p.fillRect(r, QBrush(worker_palette::mismatchColor(), Qt::BDiagPattern));
    p.setPen(worker_palette::mismatchColor());
    p.drawRect(r);
}
