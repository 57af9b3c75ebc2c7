#include "gui/machine_dialog.h"

#include "runner/machine_once.h"
#include "runner/machine_texts.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

MachineDialog::MachineDialog(std::function<bool()> runActive, QWidget* parent)
    : QDialog(parent), m_runActive(std::move(runActive)), m_headline(new QLabel(this)),
      m_table(new QTableWidget(this)), m_provenance(new QLabel(this)) {
    setObjectName(QStringLiteral("aboutMachineDialog"));
    setWindowTitle(tr("About This Machine"));
    m_headline->setObjectName(QStringLiteral("machineHeadline"));
    m_headline->setWordWrap(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_table->setObjectName(QStringLiteral("machineFigures"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Figure"), tr("Here"), tr("What it means")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_provenance->setObjectName(QStringLiteral("machineProvenance"));
    m_provenance->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_measure = buttons->addButton(tr("&Measure Again"), QDialogButtonBox::ActionRole);
    m_measure->setObjectName(QStringLiteral("measureAgain"));
    m_measure->setToolTip(tr("Keeps two CPUs busy for under a second; not while a run is going"));
    connect(m_measure, &QPushButton::clicked, this, &MachineDialog::measureAgain);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_provenance);
    layout->addWidget(buttons);
    resize(900, 460);
    showFigures(machine_once::known());
}

MachineDialog::~MachineDialog() {
    // A probe still going ends within a second; its thread must not outlive its object.
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->wait();
    }
}

void MachineDialog::showFigures(const shm::MachineFigures& m) {
    m_headline->setText(MachineTexts::lineSentence(m));
    const QList<MachineRow> rows = MachineTexts::rows(m);
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const MachineRow& row = rows[r];
        int c = 0;
        for (const QString& text : {row.figure, row.value, row.meaning})
            m_table->setItem(r, c++, new QTableWidgetItem(text));
    }
    m_provenance->setText(MachineTexts::provenance(m));
}

void MachineDialog::measureAgain() {
    if (m_thread) return;
    if (m_runActive && m_runActive()) {
        m_provenance->setText(tr("Not while a run is going: the probe would take CPUs from its "
                                 "workers. Measure again when it has ended."));
        return;
    }
    m_measure->setEnabled(false);
    m_provenance->setText(tr("Measuring… (under a second)"));
    auto result = std::make_shared<shm::MachineFigures>();
    m_thread = QThread::create([result] { *result = machine_once::measureAgain(); });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_measure->setEnabled(true);
        showFigures(*result);
        emit measured();
    });
    m_thread->start();
}
