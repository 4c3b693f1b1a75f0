// Storage interfaces: how the scraper writes and PromQL reads, without knowing
// which storage sits behind (the local TSDB, a remote read source, a merge).
// Modeled on Prometheus's storage.Appender / storage.Querier.
//
// Units: timestamps are int64 milliseconds since the Unix epoch; time ranges
// [mint, maxt] are inclusive at both ends.
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "model/matcher.h"
#include "model/sample.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vigil::storage {

// Opaque per-appender-source reference to a series; 0 means "unknown, look
// it up by labels". A ref returned by one Appendable is only meaningful to it.
using SeriesRef = uint64_t;

// Appender error messages (Status code InvalidArgument), the same words
// Prometheus uses so scrape errors read the same.
inline constexpr const char *kErrOutOfOrder = "out of order sample";
inline constexpr const char *kErrDuplicate = "duplicate sample for timestamp";
inline constexpr const char *kErrOutOfBounds = "out of bounds";
inline constexpr const char *kErrTooOldSample = "too old sample";

// A batch of appends that becomes visible to queriers atomically on commit().
// Not thread-safe: one appender is used by one thread at a time. Destroying an
// appender without commit() rolls back.
class Appender {
public:
    virtual ~Appender() = default;
    // Appends one sample. With ref == 0 the series is found or created from
    // labels (which must be sorted and contain __name__). Returns the ref to use
    // for later appends of the same series. Rejected samples return a non-Ok
    // Status (see kErr* above); the batch stays usable.
    virtual Result<SeriesRef> append(SeriesRef ref, const model::Labels &labels, int64_t t, double v) = 0;
    // Makes all appended samples durable (per the WAL policy) and visible.
    virtual Status commit() = 0;
    // Discards all samples appended since the last commit.
    virtual void rollback() = 0;
};

// Thread-safe: appender() may be called from any thread.
class Appendable {
public:
    virtual ~Appendable() = default;
    virtual std::unique_ptr<Appender> appender() = 0;
};

// Iterates the samples of one series in increasing timestamp order.
class SampleIterator {
public:
    virtual ~SampleIterator() = default;
    // Advances to the next sample; false at the end or on error.
    virtual bool next() = 0;
    // Advances to the first sample with timestamp >= t; stays put if the
    // current sample already qualifies. False when there is none.
    virtual bool seek(int64_t t) = 0;
    // The current sample; valid after next()/seek() returned true.
    virtual model::Sample at() const = 0;
    // Non-Ok when iteration stopped because of an error (e.g. corruption).
    virtual Status status() const { return {}; }
};

// One series of a query result: labels plus a way to read its samples.
// Implementations are immutable snapshots safe to read from any thread.
class Series {
public:
    virtual ~Series() = default;
    virtual const model::Labels &labels() const = 0;
    // A fresh iterator over the samples within the querier's [mint, maxt].
    virtual std::unique_ptr<SampleIterator> iterator() const = 0;
};

using SeriesPtr = std::shared_ptr<const Series>;
using SeriesSet = std::vector<SeriesPtr>;  // sorted by labels

// A read view over [mint, maxt]. Holds no global lock for its lifetime;
// appends may continue concurrently (samples appended after the querier was
// created may or may not be seen). Not thread-safe itself; make one per thread.
class Querier {
public:
    virtual ~Querier() = default;
    // Series whose labels match all matchers and that have samples within
    // [mint, maxt]. An empty matcher list is InvalidArgument.
    virtual Result<SeriesSet> select(const std::vector<model::Matcher> &matchers) = 0;
    // Sorted, unique label names of series matching (all series if empty).
    virtual Result<std::vector<std::string>> labelNames(const std::vector<model::Matcher> &matchers) = 0;
    // Sorted, unique values of `name` among series matching.
    virtual Result<std::vector<std::string>> labelValues(const std::string &name,
                                                         const std::vector<model::Matcher> &matchers) = 0;
};

// Thread-safe factory of queriers.
class Queryable {
public:
    virtual ~Queryable() = default;
    virtual Result<std::unique_ptr<Querier>> querier(int64_t mint, int64_t maxt) = 0;
};

}  // namespace vigil::storage
