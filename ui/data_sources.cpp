#include "data_sources.h"

#include "runtime/query_service.h"

#include <QCoreApplication>
#include <QPointer>

namespace vigil::ui {

namespace {
QPointer<runtime::DataSourceRegistry> g_registry;

void fill(QComboBox *box, const QString &current)
{
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(QCoreApplication::translate("DataSources", "Local engine"), QString());
    if (g_registry) {
        for (const auto &s : g_registry->sources()) {
            const QString name = QString::fromStdString(s.name);
            box->addItem(name, name);
        }
    }
    int i = box->findData(current);
    if (i < 0) {
        box->addItem(QCoreApplication::translate("DataSources", "%1 (missing)").arg(current), current);
        i = box->count() - 1;
    }
    box->setCurrentIndex(i);
}
}  // namespace

runtime::DataSourceRegistry *dataSources()
{
    return g_registry.data();
}

void setDataSources(runtime::DataSourceRegistry *registry)
{
    g_registry = registry;
}

runtime::QueryBackend *queryBackend(runtime::Engine *engine, const QString &name)
{
    if (name.isEmpty()) return engine ? engine->queryService() : nullptr;
    return g_registry ? g_registry->backend(name.toStdString()) : nullptr;
}

QString unavailableText(const QString &name)
{
    if (name.isEmpty()) return QCoreApplication::translate("DataSources", "The engine is not running.");
    const std::string why = g_registry ? g_registry->error(name.toStdString()) : std::string();
    if (!why.empty()) return QCoreApplication::translate("DataSources", "The data source “%1” is not available: %2").arg(name, QString::fromStdString(why));
    return QCoreApplication::translate("DataSources", "The data source “%1” is not available.").arg(name);
}

void populateDataSourceBox(QComboBox *box, const QString &current)
{
    fill(box, current);
    if (g_registry) {
        QObject::connect(g_registry, &runtime::DataSourceRegistry::changed, box,
                         [box] { fill(box, box->currentData().toString()); });
    }
}

}  // namespace vigil::ui
