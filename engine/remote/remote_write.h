// Prometheus Remote-Write 1.0: the WriteRequest as plain values, and its wire
// form (protobuf, then snappy block compression) as the spec defines it.
//
// encodeWriteRequest() produces the HTTP body a sender POSTs with
// remoteWriteHeaders(); decodeWriteRequest() turns a receiver's body back into
// values and checks what the spec requires of it (labels sorted, unique,
// non-empty names with __name__ present, valid UTF-8). Pure functions,
// thread-safe.
#pragma once

#include "core/status.h"
#include "model/labels.h"
#include "model/sample.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil::remote {

struct Exemplar {
    model::Labels labels;
    double value = 0;
    int64_t timestampMs = 0;
};

struct TimeSeries {
    model::Labels labels;
    std::vector<model::Sample> samples;  // oldest first
    std::vector<Exemplar> exemplars;
};

struct MetricMetadata {
    enum class Type { Unknown = 0, Counter, Gauge, Histogram, GaugeHistogram, Summary, Info, StateSet };
    Type type = Type::Unknown;
    std::string familyName;
    std::string help;
    std::string unit;
};

struct WriteRequest {
    std::vector<TimeSeries> series;
    std::vector<MetricMetadata> metadata;
    size_t sampleCount() const;
};

// The spec's request headers.
inline constexpr const char *kContentEncoding = "snappy";
inline constexpr const char *kContentType = "application/x-protobuf";
inline constexpr const char *kVersionHeader = "X-Prometheus-Remote-Write-Version";
inline constexpr const char *kVersion = "0.1.0";
// "Vigil/<version>" (the spec requires a User-Agent).
std::string userAgent();
// Content-Encoding, Content-Type, the version header and User-Agent.
std::vector<std::pair<std::string, std::string>> remoteWriteHeaders();

// Protobuf-serialises and snappy-compresses `req` (labels are already sorted
// by construction of model::Labels).
std::string encodeWriteRequest(const WriteRequest &req);
// The uncompressed protobuf form (for tests and size figures).
std::string serializeWriteRequest(const WriteRequest &req);

// Snappy-decompresses and parses `body`. InvalidArgument with a message that
// says what is wrong (not snappy, not a WriteRequest, bad labels).
Result<WriteRequest> decodeWriteRequest(std::string_view body);

}  // namespace vigil::remote
