#include "gui/controls_panel.h"

#include "cli/setting_words.h"
#include "gui/common/format.h"
#include "segment/segment.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace {
constexpr std::array<uint32_t, 20> kDelayStops = {
    0,    1,    2,    5,     10,    20,    50,     100,    200,    500,
    1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000};

// A QSpinBox holds an int: wider counts need SettingWidget::WideSpin.
constexpr bool autoSpinsFitInt() {
    for (const shm::SettingRow& r : shm::kSettings)
        if (r.kind == shm::SettingKind::Count && r.widget == shm::SettingWidget::Auto &&
            r.max > uint64_t(std::numeric_limits<int>::max()))
            return false;
    return true;
}
static_assert(autoSpinsFitInt(), "a count beyond int range needs SettingWidget::WideSpin");
// A QDoubleSpinBox is exact up to 2^53.
static_assert(shm::limits::kMaxElements <= (1ull << 53));

// Table text (labels, help, choice explanations) is English in the Qt-free core; it is
// translated here, under one context.
QString trSetting(std::string_view text) {
    return QCoreApplication::translate("shm::kSettings", std::string(text).c_str());
}

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// "workers" -> "workersSpin", "lock-scope" -> "lockScopeCombo": the names tests look for.
// The one delay slider keeps its published name "delaySlider".
QString objectNameFor(const shm::SettingRow& r) {
    if (r.widget == shm::SettingWidget::DelaySlider) return QStringLiteral("delaySlider");
    QString name;
    bool upper = false;
    for (char ch : r.name) {
        if (ch == '-') {
            upper = true;
            continue;
        }
        name += upper ? QChar::fromLatin1(ch).toUpper() : QChar::fromLatin1(ch);
        upper = false;
    }
    switch (r.kind) {
    case shm::SettingKind::Count:
        return name + QStringLiteral("Spin");
    case shm::SettingKind::Enum:
        return name + QStringLiteral("Combo");
    case shm::SettingKind::Bool:
        break;
    }
    return name + QStringLiteral("Check");
}

// "Worker processes sharing the array (1 to 256; default 4)."
QString toolTipFor(const shm::SettingRow& r) {
    QString help = trSetting(r.help);
    if (!help.isEmpty()) help[0] = help[0].toUpper();
    return help + QStringLiteral(" (") + setting_words::range(r) + QStringLiteral(").");
}

QComboBox* choiceCombo(const shm::SettingRow& r, QWidget* parent) {
    auto* c = new QComboBox(parent);
    for (size_t i = 0; i < r.choices.size(); ++i) {
        c->addItem(fromView(r.choices[i].name), qulonglong(i));
        c->setItemData(int(i), trSetting(r.choices[i].help), Qt::ToolTipRole);
    }
    return c;
}

QWidget* countSpin(const shm::SettingRow& r, QWidget* parent) {
    if (r.widget == shm::SettingWidget::WideSpin) {
        auto* s = new QDoubleSpinBox(parent);
        s->setDecimals(0);
        s->setRange(double(r.min), double(r.max));
        s->setGroupSeparatorShown(true);
        return s;
    }
    auto* s = new QSpinBox(parent);
    // A row with a "none" word shows it one step below the minimum.
    s->setRange(int(r.min) - (r.none.empty() ? 0 : 1), int(r.max));
    if (!r.none.empty()) s->setSpecialValueText(fromView(r.none));
    s->setGroupSeparatorShown(r.max >= 10000);
    return s;
}

} // namespace

uint32_t ControlsPanel::delayForPosition(int p) {
    return kDelayStops[size_t(std::clamp(p, 0, int(kDelayStops.size()) - 1))];
}

int ControlsPanel::positionForDelay(uint32_t us) {
    int best = 0;
    for (size_t i = 0; i < kDelayStops.size(); ++i)
        if (kDelayStops[i] <= us) best = int(i);
    return best;
}

ControlsPanel::ControlsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("controlsPanel"));
    // The settings scroll; the Run box stays pinned below them, so Start is in view at any
    // window height (a first window at 1002x497 once had it scrolled away).
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("controlsScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_settings = new QWidget;
    auto* layout = new QVBoxLayout(m_settings);
    layout->setContentsMargins(6, 6, 6, 0);
    // Fields are found by index from their widgets' signals: no reallocation after this.
    m_fields.reserve(std::size(shm::kSettings));
    std::vector<std::string_view> groups; // in the order the table first names them
    for (const shm::SettingRow& r : shm::kSettings)
        if (std::find(groups.begin(), groups.end(), r.group) == groups.end())
            groups.push_back(r.group);
    for (std::string_view g : groups)
        layout->addWidget(buildGroup(g));
    layout->addStretch(1);
    m_scroll->setWidget(m_settings);
    outer->addWidget(m_scroll, 1);

    auto* below = m_below = new QVBoxLayout;
    below->setContentsMargins(6, 0, 6, 6);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("validationLabel"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #C0392B;"));
    below->addWidget(m_problem);
    below->addWidget(buildRunBox());
    outer->addLayout(below);
    connectRunButtons();
    setConfig(shm::ExperimentConfig{});
    refitWidth();
}

void ControlsPanel::refitWidth() {
    m_settings->adjustSize();
    const int bar = m_scroll->verticalScrollBar()->sizeHint().width();
    m_scroll->setMinimumWidth(m_settings->sizeHint().width() + bar + 2);
}

int ControlsPanel::unscrolledHeight() const {
    return m_settings->sizeHint().height() + m_below->sizeHint().height() + 2;
}

// One group box with a form row per setting of that group, in table order.
QGroupBox* ControlsPanel::buildGroup(std::string_view group) {
    auto* box = new QGroupBox(trSetting(group), this);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const shm::SettingRow& r : shm::kSettings) {
        if (r.group != group) continue;
        Field& f = m_fields.emplace_back(Field{&r});
        QWidget* w = buildWidget(f, box);
        if (r.kind == shm::SettingKind::Bool || r.widget == shm::SettingWidget::DelaySlider)
            form->addRow(w); // the check box or the group title says what it is
        else
            form->addRow(trSetting(r.label), w);
    }
    return box;
}

// The widget for f.row from its kind and widget hint, wired to settingsChanged().
QWidget* ControlsPanel::buildWidget(Field& f, QWidget* parent) {
    const shm::SettingRow& r = *f.row;
    if (r.widget == shm::SettingWidget::DelaySlider) return buildDelaySlider(f, parent);
    switch (r.kind) {
    case shm::SettingKind::Count:
        f.widget = countSpin(r, parent);
        if (auto* s = qobject_cast<QSpinBox*>(f.widget))
            connect(s, &QSpinBox::valueChanged, this, &ControlsPanel::settingsChanged);
        else
            connect(static_cast<QDoubleSpinBox*>(f.widget), &QDoubleSpinBox::valueChanged, this,
                    &ControlsPanel::settingsChanged);
        break;
    case shm::SettingKind::Enum:
        f.widget = choiceCombo(r, parent);
        connect(static_cast<QComboBox*>(f.widget), &QComboBox::currentIndexChanged, this,
                &ControlsPanel::settingsChanged);
        break;
    case shm::SettingKind::Bool:
        f.widget = new QCheckBox(trSetting(r.label), parent);
        connect(static_cast<QCheckBox*>(f.widget), &QCheckBox::toggled, this,
                &ControlsPanel::settingsChanged);
        break;
    }
    f.widget->setObjectName(objectNameFor(r));
    f.widget->setAccessibleName(trSetting(r.label));
    f.widget->setToolTip(toolTipFor(r));
    return f.widget;
}

// The slow-motion slider over kDelayStops with the delay in words below; it stays live during
// a run and reports every move through delayChanged().
QWidget* ControlsPanel::buildDelaySlider(Field& f, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* slider = new QSlider(Qt::Horizontal, box);
    slider->setRange(0, int(kDelayStops.size()) - 1);
    slider->setPageStep(1);
    slider->setTickPosition(QSlider::TicksBelow);
    slider->setObjectName(objectNameFor(*f.row));
    slider->setAccessibleName(trSetting(f.row->label));
    slider->setToolTip(toolTipFor(*f.row));
    f.widget = slider;
    f.note = new QLabel(box);
    layout->addWidget(slider);
    layout->addWidget(f.note);
    const size_t index = size_t(&f - m_fields.data());
    connect(slider, &QSlider::valueChanged, this, [this, index](int p) {
        Field& field = m_fields[index];
        field.exact = delayForPosition(p);
        field.note->setText(format::delay(uint32_t(field.exact)));
        emit delayChanged(uint32_t(field.exact));
    });
    return box;
}

QGroupBox* ControlsPanel::buildRunBox() {
    auto* run = new QGroupBox(tr("Run"), this);
    auto* rl = new QGridLayout(run);
    const auto button = [run](const QString& text, const char* name, const QString& tip) {
        auto* b = new QPushButton(text, run);
        b->setObjectName(QLatin1String(name));
        b->setToolTip(tip);
        return b;
    };
    m_start =
        button(tr("Start"), "startButton", tr("Create the segment and start the workers (Space)."));
    m_pause = button(tr("Pause"), "pauseButton",
                     tr("Pause or resume all workers at their next batch (Space)."));
    m_stop = button(tr("Stop"), "stopButton",
                    tr("Ask the workers to stop; they are killed if they do not within 3 s "
                       "(Esc)."));
    m_reset =
        button(tr("Reset"), "resetButton", tr("Forget the finished run and clear the views."));
    rl->addWidget(m_start, 0, 0);
    rl->addWidget(m_pause, 0, 1);
    rl->addWidget(m_stop, 1, 0);
    rl->addWidget(m_reset, 1, 1);
    // Which worker and when come from the Fault injection group (the scripted fault's rows).
    m_kill = button(tr("Kill worker now"), "killButton",
                    tr("Strike the worker chosen under Fault injection now (with When = "
                       "holding: at its next lock acquisition, inside the critical section), "
                       "as Action says: kill (SIGKILL: no chance to release anything), stop "
                       "(SIGSTOP) or hang (it keeps running but publishes nothing)."));
    rl->addWidget(m_kill, 2, 0, 1, 2);
    m_continue = button(tr("Continue suspended worker"), "continueButton",
                        tr("A worker is stopped (SIGSTOP): send it SIGCONT before the "
                           "suspend limit fails the run."));
    rl->addWidget(m_continue, 3, 0, 1, 2);
    m_pin = button(tr("Pin this run (A/B)"), "pinButton",
                   tr("Keep this finished run's figures: the next runs show theirs beside them, "
                      "with the ratios, above the views (Ctrl+P)."));
    rl->addWidget(m_pin, 4, 0, 1, 2);
    return run;
}

void ControlsPanel::connectRunButtons() {
    connect(m_start, &QPushButton::clicked, this, &ControlsPanel::startRequested);
    connect(m_pause, &QPushButton::clicked, this, &ControlsPanel::pauseResumeRequested);
    connect(m_stop, &QPushButton::clicked, this, &ControlsPanel::stopRequested);
    connect(m_reset, &QPushButton::clicked, this, &ControlsPanel::resetRequested);
    connect(m_continue, &QPushButton::clicked, this, &ControlsPanel::continueRequested);
    connect(m_pin, &QPushButton::clicked, this, &ControlsPanel::pinRequested);
    connect(m_kill, &QPushButton::clicked, this, [this] {
        const shm::ExperimentConfig c = config();
        if (c.killWorker != shm::kNoWorker)
            emit killRequested(c.killWorker, c.killWhen, c.faultAction);
    });
}

void ControlsPanel::setFieldValue(Field& f, uint64_t v) {
    const QSignalBlocker block(f.widget); // one settingsChanged() after all fields
    if (auto* s = qobject_cast<QSpinBox*>(f.widget))
        s->setValue(shm::isNone(*f.row, v) ? s->minimum() : int(v));
    else if (auto* d = qobject_cast<QDoubleSpinBox*>(f.widget))
        d->setValue(double(v));
    else if (auto* c = qobject_cast<QComboBox*>(f.widget))
        c->setCurrentIndex(c->findData(qulonglong(v)));
    else if (auto* b = qobject_cast<QCheckBox*>(f.widget))
        b->setChecked(v != 0);
    else if (auto* sl = qobject_cast<QSlider*>(f.widget)) {
        f.exact = v;
        sl->setValue(positionForDelay(uint32_t(v)));
        f.note->setText(format::delay(uint32_t(v)));
    }
}

uint64_t ControlsPanel::fieldValue(const Field& f) const {
    if (auto* s = qobject_cast<QSpinBox*>(f.widget))
        return !f.row->none.empty() && s->value() == s->minimum() ? shm::kNone
                                                                  : uint64_t(s->value());
    if (auto* d = qobject_cast<QDoubleSpinBox*>(f.widget))
        return uint64_t(std::llround(d->value()));
    if (auto* c = qobject_cast<QComboBox*>(f.widget)) return c->currentData().toULongLong();
    if (auto* b = qobject_cast<QCheckBox*>(f.widget)) return b->isChecked() ? 1 : 0;
    return f.exact; // the delay slider
}

void ControlsPanel::setConfig(const shm::ExperimentConfig& c) {
    for (Field& f : m_fields)
        setFieldValue(f, f.row->get(c));
    settingsChanged();
}

shm::ExperimentConfig ControlsPanel::config() const {
    shm::ExperimentConfig c;
    for (const Field& f : m_fields)
        f.row->set(c, fieldValue(f));
    return c;
}

QString ControlsPanel::validationMessage() const {
    const shm::ExperimentConfig c = config();
    if (auto err = shm::validate(c)) return QString::fromStdString(*err);
    if (auto err = shm::checkFits(c)) return QString::fromStdString(*err);
    return {};
}

void ControlsPanel::settingsChanged() {
    const shm::ExperimentConfig c = config();
    const bool idle = m_phase == shm::Phase::Idle || m_phase == shm::Phase::Finished;
    for (const Field& f : m_fields)
        f.widget->setEnabled((idle || f.row->live) && f.row->appliesTo(c));
    const QString problem = validationMessage();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_start->setEnabled(idle && problem.isEmpty());
    const bool active = !idle;
    m_pause->setEnabled(m_phase == shm::Phase::Running || m_phase == shm::Phase::Paused);
    m_pause->setText(m_phase == shm::Phase::Paused ? tr("Resume") : tr("Pause"));
    m_stop->setEnabled(active && (m_phase != shm::Phase::Stopping || m_verifying));
    m_reset->setEnabled(m_phase == shm::Phase::Finished);
    m_pin->setEnabled(m_phase == shm::Phase::Finished);
    m_continue->setVisible(m_suspended && active);
    m_kill->setEnabled(active && m_phase != shm::Phase::Stopping &&
                       c.killWorker != shm::kNoWorker && c.killWorker < c.workers);
    m_kill->setText(c.faultAction == shm::FaultAction::Stop   ? tr("Stop worker now")
                    : c.faultAction == shm::FaultAction::Hang ? tr("Hang worker now")
                                                              : tr("Kill worker now"));
    emit configChanged();
}

void ControlsPanel::setSuspended(bool any) {
    if (any == m_suspended) return;
    m_suspended = any;
    settingsChanged();
}

void ControlsPanel::setPhase(shm::Phase phase) {
    m_phase = phase;
    if (phase != shm::Phase::Stopping) m_verifying = false;
    settingsChanged();
}

void ControlsPanel::setVerifying(bool verifying) {
    m_verifying = verifying;
    settingsChanged();
}
