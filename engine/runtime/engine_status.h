// EngineStatus: an immutable snapshot of engine health for the console's
// status bar and the API. Produced on an engine thread, delivered to the GUI
// by value through a queued signal.
#pragma once

#include <QMetaType>
#include <QString>

#include <cstdint>

namespace vigil::runtime {

struct EngineStatus {
    bool ready = false;
    int64_t headSeries = 0;          // active series in the in-memory head
    double samplesPerSecond = 0;     // appended, averaged over the last interval
    int64_t scrapeFailures = 0;      // failed scrapes since start
    int64_t targetsUp = 0;
    int64_t targetsTotal = 0;
    int64_t diskBytes = 0;           // bytes used by the data directory
    int64_t ingestErrors = 0;        // appends rejected by storage (e.g. disk full)
    bool storageWriteFailing = false;  // the most recent WAL write failed (VigilStorageWriteFailing fires)
    QString dataDir;
    QString listenAddress;           // empty when the API is off
};

}  // namespace vigil::runtime

Q_DECLARE_METATYPE(vigil::runtime::EngineStatus)
