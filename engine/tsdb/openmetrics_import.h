// importOpenMetrics: backfill — imports an OpenMetrics text file whose
// samples all carry timestamps (the input of `promtool tsdb
// create-blocks-from openmetrics`: families not interleaved, every sample
// with a timestamp, "# EOF" at the end) into the database directory dbDir as
// block files (docs/format/blocks.md). The Vigil command line exposes it as
// `vigil tsdb import openmetrics FILE [--storage.tsdb.path=DIR]`.
//
// All or nothing: the whole file is parsed and validated first; the first
// bad line fails the import with InvalidArgument "FILE:LINE:COLUMN: reason"
// (or "FILE:LINE: reason" for checks after parsing: missing timestamp,
// conflicting duplicate sample) and nothing is written. Blocks are then
// written to a staging directory (dbDir/import.tmp) and moved into
// dbDir/blocks only when all are complete; a failure while moving removes
// the ones already moved. A crash can leave dbDir/import.tmp, which the next
// import deletes (a database never reads it).
//
// Ordering: samples may come in any order, across and within series, and
// arbitrarily far in the past: each series is sorted by timestamp and written
// directly into blocks aligned to ImportOptions::blockRangeMs, bypassing the
// head's ordering rules. A repeated (series, timestamp) with identical value
// bits is kept once; with a different value it is an error naming both lines.
// Label pairs with empty values are dropped (as Prometheus does).
//
// Locking: the database must not be open in a running Vigil. The import
// takes the same QLockFile the engine takes ("lock" in lockDir, by default
// dbDir) and fails with FailedPrecondition naming the holder's pid when it
// is held. Imported data shows up the next time the database is opened.
//
// Thread safety: reentrant; concurrent imports into one dbDir exclude each
// other through the lock. Memory: the parsed samples (~24 bytes each).
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>

namespace vigil::tsdb {

struct ImportOptions {
    int64_t blockRangeMs = 2LL * 60 * 60 * 1000;  // blocks cover aligned ranges this long
    std::string lockDir;                          // empty: dbDir
};

struct ImportStats {
    uint64_t lines = 0;    // sample lines read
    uint64_t series = 0;
    uint64_t samples = 0;  // after dropping exact duplicates
    uint64_t duplicatesDropped = 0;
    uint64_t blocks = 0;
    uint64_t bytes = 0;    // block file bytes written
    int64_t minTime = 0, maxTime = 0;  // ms, valid when samples > 0
};

Status importOpenMetrics(const std::string &file, const std::string &dbDir, ImportStats *stats,
                         const ImportOptions &options = {});

}  // namespace vigil::tsdb
