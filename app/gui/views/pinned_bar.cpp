#include "gui/views/pinned_bar.h"

#include "gui/common/format.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextDocumentFragment>

namespace {
// One figure in the unit it is read in.
QString figureText(std::string_view key, double v) {
    if (key == "compute_seconds" || key == "cpu_seconds") return format::duration(v * 1e9);
    if (key == "throughput") return format::rate(v);
    if (key == "lock.wait_share") return format::percent(v);
    return format::number(uint64_t(std::max(0.0, v)));
}
} // namespace

PinnedBar::PinnedBar(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("pinnedBar"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    m_text = new QLabel(this);
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_text->setToolTip(tr("The latest finished run against the pinned one: its figure, the "
                          "pinned run's, and the ratio latest / pinned."));
    m_unpin = new QPushButton(tr("Unpin"), this);
    m_unpin->setToolTip(tr("Forget the pinned run."));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_unpin);
    connect(m_unpin, &QPushButton::clicked, this, &PinnedBar::unpinRequested);
    hide();
}

void PinnedBar::showPinned(const QString& what, double computeSeconds) {
    m_text->setText(tr("<b>Pinned</b> %1, compute %2 — the next runs are compared with it.")
                        .arg(what.toHtmlEscaped(), format::duration(computeSeconds * 1e9)));
    show();
}

void PinnedBar::showComparison(const std::vector<shm::ComparedFigure>& figures,
                               const std::vector<std::string>& differs) {
    QStringList parts;
    for (const shm::ComparedFigure& f : figures) {
        if (f.key == "mismatches") continue; // in the verdict already
        const QString name = f.key == "compute_seconds"   ? tr("compute")
                             : f.key == "throughput"      ? tr("throughput")
                             : f.key == "lock.wait_share" ? tr("waiting")
                             : f.key == "cpu_seconds"     ? tr("CPU")
                                                          : tr("lost updates");
        QString part = QStringLiteral("%1 %2 → %3")
                           .arg(name, figureText(f.key, f.pinned), figureText(f.key, f.now));
        if (f.ratio) part += QStringLiteral(" <b>×%1</b>").arg(*f.ratio, 0, 'f', 2);
        parts << part;
    }
    QStringList changed;
    for (const std::string& d : differs)
        changed << format::text(d).toHtmlEscaped();
    m_text->setText(
        tr("<b>Pinned → latest</b> (%1): %2")
            .arg(changed.isEmpty() ? tr("same settings") : changed.join(QStringLiteral(", ")),
                 parts.join(QStringLiteral(" &nbsp;·&nbsp; "))));
    show();
}

QString PinnedBar::text() const {
    return QTextDocumentFragment::fromHtml(m_text->text()).toPlainText();
}
