#include "gui/sweep/sweep_panel.h"

#include "gui/common/format.h"
#include "gui/sweep/sweep_texts.h"
#include "runner/run_player.h"
#include "runner/sweep_tally.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

SweepPanel::SweepPanel(const RunPlayer& player, const SweepTally& tally, QWidget* parent)
    : QWidget(parent), m_player(player), m_tally(tally) {
    setObjectName(QStringLiteral("sweepPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* intro = new QLabel(tr("Run the settings in Controls over a range of values, each point "
                                "several times, and see how it scales. Slow motion is off and the "
                                "views redraw 4 times a second during a sweep; `shmscope "
                                "--sweep ...` in a terminal measures without a window."),
                             this);
    intro->setWordWrap(true);
    // Wrapped text must not widen the dock (it is shared with Controls and Lessons).
    intro->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    for (int a = 0; a < 2; ++a) {
        m_setting[a] = new QComboBox(this);
        m_setting[a]->setObjectName(QStringLiteral("sweepSetting%1").arg(a));
        if (a == 1) m_setting[a]->addItem(tr("(nothing)"), QString());
        for (const shm::SettingRow& r : shm::kSettings)
            m_setting[a]->addItem(format::text(r.label), format::text(r.name));
        m_values[a] = new QLineEdit(this);
        m_values[a]->setObjectName(QStringLiteral("sweepValues%1").arg(a));
        m_values[a]->setToolTip(tr("Values separated by commas, as the command line takes them: "
                                   "1,2,4,8 or mutex,striped,atomic."));
        form->addRow(a == 0 ? tr("Vary") : tr("and"), m_setting[a]);
        form->addRow(tr("over"), m_values[a]);
        connect(m_setting[a], &QComboBox::currentIndexChanged, this, [this, a] {
            suggestValues(a);
            refresh();
        });
        connect(m_values[a], &QLineEdit::textChanged, this, &SweepPanel::refresh);
    }
    m_repeat = new QSpinBox(this);
    m_repeat->setObjectName(QStringLiteral("sweepRepeat"));
    m_repeat->setRange(1, int(shm::kMaxRepeat));
    m_repeat->setValue(3);
    m_repeat->setToolTip(tr("Runs per point, interleaved over the points so drift on a busy "
                            "machine hits every point alike; the table shows the median."));
    form->addRow(tr("Runs per point"), m_repeat);
    layout->addLayout(form);
    m_run = new QPushButton(tr("Run sweep"), this);
    m_run->setObjectName(QStringLiteral("runSweepButton"));
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("sweepProgress"));
    m_progress->setWordWrap(true);
    m_progress->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_results = new QPushButton(tr("Show results"), this);
    m_results->setObjectName(QStringLiteral("sweepResultsButton"));
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("sweepExportButton"));
    layout->addWidget(m_run);
    layout->addWidget(m_progress);
    auto* row = new QHBoxLayout;
    row->addWidget(m_results);
    row->addWidget(m_export);
    layout->addLayout(row);
    layout->addStretch(1);
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (m_player.playing())
            emit stopRequested();
        else
            emit runRequested();
    });
    connect(m_results, &QPushButton::clicked, this, &SweepPanel::resultsRequested);
    connect(m_export, &QPushButton::clicked, this, &SweepPanel::exportRequested);
    connect(&m_player, &RunPlayer::changed, this, &SweepPanel::refresh);
    m_setting[0]->setCurrentIndex(m_setting[0]->findData(QStringLiteral("workers")));
    suggestValues(0);
    refresh();
}

void SweepPanel::suggestValues(int axis) {
    const QString name = m_setting[axis]->currentData().toString();
    const shm::SettingRow* r = shm::findSetting(name.toStdString());
    QString values;
    if (!r) {
        values.clear();
    } else if (name == QLatin1String("workers")) {
        values = QStringLiteral("1,2,4,8");
    } else if (r->kind == shm::SettingKind::Enum) {
        QStringList names;
        for (const shm::SettingChoice& c : r->choices)
            names << format::text(c.name);
        values = names.join(QLatin1Char(','));
    } else if (r->kind == shm::SettingKind::Bool) {
        values = QStringLiteral("false,true");
    } else {
        values = QString::number(r->def);
    }
    m_values[axis]->setText(values);
    m_values[axis]->setEnabled(r != nullptr);
}

void SweepPanel::setAxes(const std::vector<shm::SweepAxis>& axes, uint32_t repeat) {
    for (size_t a = 0; a < 2; ++a) {
        if (a >= axes.size()) {
            if (a == 1) m_setting[1]->setCurrentIndex(0);
            continue;
        }
        m_setting[a]->setCurrentIndex(m_setting[a]->findData(format::text(axes[a].row->name)));
        QStringList values;
        for (uint64_t v : axes[a].values) {
            shm::ExperimentConfig c;
            axes[a].row->set(c, v);
            values << format::text(shm::settingText(*axes[a].row, c));
        }
        m_values[a]->setText(values.join(QLatin1Char(',')));
    }
    m_repeat->setValue(int(repeat));
}

std::optional<shm::SweepPlan> SweepPanel::plan(const shm::ExperimentConfig& base,
                                               QString* error) const {
    std::vector<shm::SweepAxis> axes;
    for (int a = 0; a < 2; ++a) {
        const QString name = m_setting[a]->currentData().toString();
        if (name.isEmpty()) continue;
        shm::SweepAxis axis;
        const QString spec = name + QLatin1Char('=') + m_values[a]->text().remove(QLatin1Char(' '));
        if (auto err = shm::parseSweepAxis(spec.toStdString(), &axis)) {
            *error = format::text(*err);
            return std::nullopt;
        }
        axes.push_back(axis);
    }
    shm::ExperimentConfig cfg = base;
    cfg.delayUs = 0; // slow motion would measure the delay, not the scaling
    shm::SweepPlan p;
    if (auto err = shm::planSweep(cfg, axes, uint32_t(m_repeat->value()), &p)) {
        *error = format::text(*err);
        return std::nullopt;
    }
    return p;
}

void SweepPanel::refresh() {
    const bool running = m_player.playing();
    const bool hasResults = !m_tally.summary().points.empty();
    m_run->setText(running ? tr("Stop sweep") : tr("Run sweep"));
    for (int a = 0; a < 2; ++a) {
        m_setting[a]->setEnabled(!running);
        m_values[a]->setEnabled(!running && !m_setting[a]->currentData().toString().isEmpty());
    }
    m_repeat->setEnabled(!running);
    m_results->setEnabled(hasResults);
    m_export->setEnabled(hasResults && !running);
    if (running) {
        const double eta = m_player.etaSeconds();
        const shm::SweepPlan& plan = m_tally.plan();
        const int run = std::min(m_player.runsDone(), m_player.runsTotal() - 1);
        const size_t point = plan.order[size_t(run)];
        m_progress->setText(
            tr("Point %1 of %2 (%3), run %4 of %5%6")
                .arg(point + 1)
                .arg(plan.points.size())
                .arg(format::text(shm::pointName(plan, point)))
                .arg(run + 1)
                .arg(m_player.runsTotal())
                .arg(eta > 0 ? tr(", about %1 left").arg(format::duration(eta * 1e9)) : QString()));
    } else if (hasResults) {
        // Doubtful speedups (a starved baseline, more than the cores give), one line each.
        QString caveats;
        for (const QString& c : sweep_texts::caveatLines(m_tally.summary()))
            caveats += QStringLiteral("\n⚠ ") + c;
        m_progress->setText(tr("%1 of %2 runs done.%3")
                                .arg(m_player.runsDone())
                                .arg(m_player.runsTotal())
                                .arg(m_player.lastError().isEmpty()
                                         ? QString()
                                         : tr(" Last error: %1").arg(m_player.lastError())) +
                            caveats);
    } else {
        m_progress->clear();
    }
}
