#include "controls_panel.h"

#include "segment.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <array>
#include <cmath>
#include <limits>

namespace {
constexpr std::array<uint32_t, 20> kDelayStops = {
    0,    1,    2,    5,     10,    20,    50,     100,    200,    500,
    1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000};

template <typename Enum, size_t N>
QComboBox* enumCombo(QWidget* parent, const std::array<Enum, N>& values,
                     const std::array<const char*, N>& tips) {
    auto* c = new QComboBox(parent);
    for (size_t i = 0; i < N; ++i) {
        const auto name = shm::toString(values[i]);
        c->addItem(QString::fromLatin1(name.data(), qsizetype(name.size())), int(values[i]));
        c->setItemData(int(i), QString::fromUtf8(tips[i]), Qt::ToolTipRole);
    }
    return c;
}

QString formatDelay(uint32_t us) {
    if (us == 0) return QStringLiteral("off (full speed)");
    if (us < 1000) return QStringLiteral("%1 µs per element").arg(us);
    if (us < 1000000) return QStringLiteral("%1 ms per element").arg(us / 1000.0, 0, 'g', 3);
    return QStringLiteral("%1 s per element").arg(us / 1e6, 0, 'g', 3);
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
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* experiment = new QGroupBox(tr("Experiment"), this);
    auto* ef = new QFormLayout(experiment);
    ef->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_workers = new QSpinBox(experiment);
    m_workers->setObjectName(QStringLiteral("workersSpin"));
    m_workers->setRange(1, int(shm::limits::kMaxWorkers));
    m_workers->setToolTip(tr("Number of worker processes sharing the array (1–64)."));
    ef->addRow(tr("Workers"), m_workers);
    m_elements = new QDoubleSpinBox(experiment);
    m_elements->setObjectName(QStringLiteral("elementsSpin"));
    m_elements->setDecimals(0);
    m_elements->setRange(1, double(shm::limits::kMaxElements));
    m_elements->setGroupSeparatorShown(true);
    m_elements->setToolTip(tr("Length of the shared array, in doubles (8 bytes each)."));
    ef->addRow(tr("Elements"), m_elements);
    m_workload = enumCombo<shm::Workload, 4>(
        experiment,
        {shm::Workload::Sin, shm::Workload::Wave, shm::Workload::Histogram,
         shm::Workload::Mandelbrot},
        {"sin(i): cheap, every element independent.",
         "A smooth wave over the array: easy to read in the plot.",
         "Every element adds 1 to a hashed bin: shared read-modify-writes that race without a "
         "lock.",
         "Escape iterations along a line: uneven cost, so static partitions get unequal work."});
    m_workload->setObjectName(QStringLiteral("workloadCombo"));
    m_workload->setToolTip(tr("What each element computes."));
    ef->addRow(tr("Workload"), m_workload);
    m_bins = new QSpinBox(experiment);
    m_bins->setObjectName(QStringLiteral("binsSpin"));
    m_bins->setRange(1, int(shm::limits::kMaxBins));
    m_bins->setToolTip(tr("Number of histogram bins (histogram workload only)."));
    ef->addRow(tr("Bins"), m_bins);
    layout->addWidget(experiment);

    auto* part = new QGroupBox(tr("Partition"), this);
    auto* pf = new QFormLayout(part);
    pf->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_partition = enumCombo<shm::Partition, 5>(
        part,
        {shm::Partition::Block, shm::Partition::Cyclic, shm::Partition::BlockCyclic,
         shm::Partition::Dynamic, shm::Partition::Guided},
        {"One contiguous band per worker.", "Worker k takes every W-th element.",
         "Chunks dealt round-robin to the workers.",
         "Workers claim the next chunk from a shared cursor when they are free.",
         "Like dynamic, with pieces shrinking as the work runs out."});
    m_partition->setObjectName(QStringLiteral("partitionCombo"));
    m_partition->setToolTip(tr("How the indices are divided among the workers."));
    pf->addRow(tr("Strategy"), m_partition);
    m_chunk = new QSpinBox(part);
    m_chunk->setObjectName(QStringLiteral("chunkSpin"));
    m_chunk->setRange(1, std::numeric_limits<int>::max());
    m_chunk->setGroupSeparatorShown(true);
    m_chunk->setToolTip(tr("Elements per piece of work (and per lock with lock scope chunk)."));
    pf->addRow(tr("Chunk"), m_chunk);
    layout->addWidget(part);

    auto* sync = new QGroupBox(tr("Synchronisation"), this);
    auto* sf = new QFormLayout(sync);
    sf->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_sync = enumCombo<shm::SyncMode, 5>(
        sync,
        {shm::SyncMode::None, shm::SyncMode::Mutex, shm::SyncMode::Striped, shm::SyncMode::Spin,
         shm::SyncMode::Atomic},
        {"No lock: fastest, and shared updates can be lost.",
         "One process-shared mutex for everything.",
         "One mutex per stripe of indices: less contention.", "A test-and-test-and-set spin lock.",
         "Atomic instructions, no lock."});
    m_sync->setObjectName(QStringLiteral("syncCombo"));
    m_sync->setToolTip(tr("How workers protect their writes to the shared array."));
    sf->addRow(tr("Sync"), m_sync);
    m_stripes = new QSpinBox(sync);
    m_stripes->setObjectName(QStringLiteral("stripesSpin"));
    m_stripes->setRange(1, int(shm::limits::kMaxStripes));
    m_stripes->setToolTip(tr("Number of mutexes for striped sync (striped only)."));
    sf->addRow(tr("Stripes"), m_stripes);
    m_lockScope = enumCombo<shm::LockScope, 2>(
        sync, {shm::LockScope::Element, shm::LockScope::Chunk},
        {"Lock and unlock around every element.", "Hold the lock for a whole chunk."});
    m_lockScope->setObjectName(QStringLiteral("lockScopeCombo"));
    m_lockScope->setToolTip(
        tr("How much work one lock acquisition covers (lock-based sync only)."));
    sf->addRow(tr("Lock scope"), m_lockScope);
    m_instrument = new QCheckBox(tr("Record lock timings"), sync);
    m_instrument->setObjectName(QStringLiteral("instrumentCheck"));
    m_instrument->setToolTip(tr("Time every lock acquisition; turn off to measure what the "
                                "instrumentation itself costs."));
    sf->addRow(QString(), m_instrument);
    layout->addWidget(sync);

    auto* slow = new QGroupBox(tr("Slow motion"), this);
    auto* sl = new QVBoxLayout(slow);
    m_delay = new QSlider(Qt::Horizontal, slow);
    m_delay->setObjectName(QStringLiteral("delaySlider"));
    m_delay->setRange(0, int(kDelayStops.size()) - 1);
    m_delay->setPageStep(1);
    m_delay->setTickPosition(QSlider::TicksBelow);
    m_delay->setToolTip(tr("Extra time per element; acts immediately, also during a run."));
    m_delayLabel = new QLabel(slow);
    sl->addWidget(m_delay);
    sl->addWidget(m_delayLabel);
    layout->addWidget(slow);
    connect(m_delay, &QSlider::valueChanged, this, [this](int p) {
        m_delayUs = delayForPosition(p);
        updateDelayLabel();
        emit delayChanged(m_delayUs);
    });

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("validationLabel"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #C0392B;"));
    layout->addWidget(m_problem);

    auto* run = new QGroupBox(tr("Run"), this);
    auto* rl = new QGridLayout(run);
    m_start = new QPushButton(tr("Start"), run);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_start->setToolTip(tr("Create the segment and start the workers (Space)."));
    m_pause = new QPushButton(tr("Pause"), run);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setToolTip(tr("Pause or resume all workers at their next batch (Space)."));
    m_stop = new QPushButton(tr("Stop"), run);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setToolTip(
        tr("Ask the workers to stop; they are killed if they do not within 3 s (Esc)."));
    m_reset = new QPushButton(tr("Reset"), run);
    m_reset->setObjectName(QStringLiteral("resetButton"));
    m_reset->setToolTip(tr("Forget the finished run and clear the views."));
    rl->addWidget(m_start, 0, 0);
    rl->addWidget(m_pause, 0, 1);
    rl->addWidget(m_stop, 1, 0);
    rl->addWidget(m_reset, 1, 1);
    auto* killLabel = new QLabel(tr("Fault injection:"), run);
    rl->addWidget(killLabel, 2, 0, 1, 2);
    m_killWorker = new QSpinBox(run);
    m_killWorker->setObjectName(QStringLiteral("killWorkerSpin"));
    m_killWorker->setPrefix(QStringLiteral("w"));
    m_killWorker->setToolTip(tr("Which worker to kill."));
    m_kill = new QPushButton(tr("Kill worker"), run);
    m_kill->setObjectName(QStringLiteral("killButton"));
    m_kill->setToolTip(
        tr("Send SIGKILL to the chosen worker: it gets no chance to release a lock."));
    rl->addWidget(m_killWorker, 3, 0);
    rl->addWidget(m_kill, 3, 1);
    layout->addWidget(run);
    layout->addStretch(1);

    connect(m_start, &QPushButton::clicked, this, &ControlsPanel::startRequested);
    connect(m_pause, &QPushButton::clicked, this, &ControlsPanel::pauseResumeRequested);
    connect(m_stop, &QPushButton::clicked, this, &ControlsPanel::stopRequested);
    connect(m_reset, &QPushButton::clicked, this, &ControlsPanel::resetRequested);
    connect(m_kill, &QPushButton::clicked, this,
            [this] { emit killRequested(uint32_t(m_killWorker->value())); });
    for (QSpinBox* s : {m_workers, m_bins, m_chunk, m_stripes})
        connect(s, &QSpinBox::valueChanged, this, &ControlsPanel::settingsChanged);
    connect(m_elements, &QDoubleSpinBox::valueChanged, this, &ControlsPanel::settingsChanged);
    for (QComboBox* c : {m_workload, m_partition, m_sync, m_lockScope})
        connect(c, &QComboBox::currentIndexChanged, this, &ControlsPanel::settingsChanged);
    connect(m_instrument, &QCheckBox::toggled, this, &ControlsPanel::settingsChanged);

    setConfig(shm::ExperimentConfig{});
}

void ControlsPanel::setConfig(const shm::ExperimentConfig& c) {
    const QSignalBlocker b1(m_delay);
    m_workers->setValue(int(c.workers));
    m_elements->setValue(double(c.elements));
    m_workload->setCurrentIndex(m_workload->findData(int(c.workload)));
    m_bins->setValue(int(c.bins));
    m_partition->setCurrentIndex(m_partition->findData(int(c.partition)));
    m_chunk->setValue(int(std::min<uint64_t>(c.chunk, uint64_t(std::numeric_limits<int>::max()))));
    m_sync->setCurrentIndex(m_sync->findData(int(c.sync)));
    m_stripes->setValue(int(c.stripes));
    m_lockScope->setCurrentIndex(m_lockScope->findData(int(c.lockScope)));
    m_instrument->setChecked(c.instrument);
    m_delayUs = c.delayUs;
    m_delay->setValue(positionForDelay(c.delayUs));
    updateDelayLabel();
    settingsChanged();
}

shm::ExperimentConfig ControlsPanel::config() const {
    shm::ExperimentConfig c;
    c.workers = uint32_t(m_workers->value());
    c.elements = uint64_t(std::llround(m_elements->value()));
    c.workload = shm::Workload(m_workload->currentData().toInt());
    c.bins = uint32_t(m_bins->value());
    c.partition = shm::Partition(m_partition->currentData().toInt());
    c.chunk = uint64_t(m_chunk->value());
    c.sync = shm::SyncMode(m_sync->currentData().toInt());
    c.stripes = uint32_t(m_stripes->value());
    c.lockScope = shm::LockScope(m_lockScope->currentData().toInt());
    c.delayUs = m_delayUs;
    c.instrument = m_instrument->isChecked();
    return c;
}

QString ControlsPanel::validationMessage() const {
    const shm::ExperimentConfig c = config();
    if (auto err = shm::validate(c)) return QString::fromStdString(*err);
    if (auto err = shm::checkFits(c)) return QString::fromStdString(*err);
    return {};
}

void ControlsPanel::updateDelayLabel() {
    m_delayLabel->setText(formatDelay(m_delayUs));
}

void ControlsPanel::settingsChanged() {
    const shm::ExperimentConfig c = config();
    const bool idle =
        m_phase == shm::Phase::Idle || m_phase == shm::Phase::Finished;
    for (QWidget* w : std::initializer_list<QWidget*>{m_workers, m_elements, m_workload,
                                                      m_partition, m_chunk, m_sync, m_instrument})
        w->setEnabled(idle);
    m_bins->setEnabled(idle && c.workload == shm::Workload::Histogram);
    m_stripes->setEnabled(idle && c.sync == shm::SyncMode::Striped);
    m_lockScope->setEnabled(idle && c.usesLock());
    m_instrument->setEnabled(idle && c.usesLock());
    const QString problem = validationMessage();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_start->setEnabled(idle && problem.isEmpty());
    const bool active = !idle;
    m_pause->setEnabled(m_phase == shm::Phase::Running ||
                        m_phase == shm::Phase::Paused);
    m_pause->setText(m_phase == shm::Phase::Paused ? tr("Resume") : tr("Pause"));
    m_stop->setEnabled(active && m_phase != shm::Phase::Stopping);
    m_reset->setEnabled(m_phase == shm::Phase::Finished);
    m_killWorker->setMaximum(int(c.workers) - 1);
    m_kill->setEnabled(active && m_phase != shm::Phase::Stopping);
}

void ControlsPanel::setPhase(shm::Phase phase) {
    m_phase = phase;
    settingsChanged();
}
