// The console's data sources: the local engine (name "", the default) and
// the remote Prometheus-compatible sources of runtime::DataSourceRegistry.
// ConsoleApp sets the registry once; panels, Explore and the PromQL editor
// look their backend up by name at each query, so a source edited in
// Settings → Remote takes effect at the next refresh. GUI thread only.
#pragma once

#include "runtime/data_source_registry.h"
#include "runtime/engine.h"

#include <QComboBox>
#include <QString>

namespace vigil::ui {

runtime::DataSourceRegistry *dataSources();
void setDataSources(runtime::DataSourceRegistry *registry);

// The engine's QueryService for "", the remote source's client otherwise;
// null when the source is unknown, not ready or the engine is not running.
runtime::QueryBackend *queryBackend(runtime::Engine *engine, const QString &name);
// Why queryBackend() returned null, as text for the user.
QString unavailableText(const QString &name);

// Fills `box` with "Local engine" (data "") and the remote sources, keeps
// `current` selected (added as an entry of its own when unknown) and follows
// later changes of the registry.
void populateDataSourceBox(QComboBox *box, const QString &current);

}  // namespace vigil::ui
