// RemotePage (Settings → Remote): the console's remote_write destinations
// (list, add, edit, remove; stored in app.db and applied to the running
// engine without a restart) with each queue's health — pending samples,
// shards, lag, failures — refreshed every two seconds from the queue
// metrics; and the remote query data sources (list, add, edit, remove, Test).
// Every store, keychain and network call is asynchronous. GUI thread only.
#pragma once

#include "runtime/data_source_registry.h"
#include "runtime/engine.h"
#include "runtime/remote_write_destinations.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace vigil::ui {

class RemotePage : public QWidget {
    Q_OBJECT
public:
    RemotePage(runtime::Engine *engine, runtime::RemoteWriteDestinations *destinations,
               runtime::DataSourceRegistry *sources, QWidget *parent = nullptr);

    QTableWidget *destinationsTable() const { return destinations_; }
    QTableWidget *sourcesTable() const { return sources_; }
    QLabel *message() const { return message_; }

public Q_SLOTS:
    void addDestination();
    void editDestination();
    void removeDestination();
    void addSource();
    void editSource();
    void removeSource();
    // Checks the selected source's server (its stored client); the result
    // shows in its Status column.
    void testSource();
    void refreshHealth();

Q_SIGNALS:
    // After a save/remove/test finished (the text shown, empty on success).
    void operationFinished(const QString &error);

private:
    void showDestinations();
    void showSources();
    void report(const Status &s, const QString &done);
    QString selectedName(QTableWidget *table) const;

    runtime::Engine *engine_;
    runtime::RemoteWriteDestinations *rw_;
    runtime::DataSourceRegistry *ds_;
    QTableWidget *destinations_;
    QTableWidget *sources_;
    QLabel *message_;
    QTimer *healthTimer_;
    QMap<QString, QString> testResults_;
};

}  // namespace vigil::ui
