// JsonWriter: a small streaming JSON writer for the HTTP API's responses.
//
// Writes compact JSON into a std::string in the order calls are made (so the
// API can keep Prometheus's field order) and inserts commas itself. Strings
// are escaped per RFC 8259 (control characters as \u00XX, invalid UTF-8
// passed through unchanged, as Go's encoder replaces it: callers pass UTF-8).
// The caller is responsible for balancing begin/end calls; no validation.
//
//   JsonWriter w;
//   w.beginObject().key("status").string("success").endObject();
//
// Thread safety: none; one writer per response.
#pragma once

#include "model/labels.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::web {

class JsonWriter {
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(std::string_view k);
    JsonWriter &string(std::string_view s);
    JsonWriter &boolean(bool b);
    JsonWriter &null();
    JsonWriter &integer(int64_t v);
    // A finite double in shortest round-trip form; NaN/Inf are written as null
    // (JSON has no such numbers; the API sends sample values as strings).
    JsonWriter &number(double v);
    // Inserts already encoded JSON as one value.
    JsonWriter &raw(std::string_view json);
    // {"name":"value",...} in label order.
    JsonWriter &labels(const model::Labels &ls);
    JsonWriter &stringArray(const std::vector<std::string> &values);

    const std::string &str() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    void separate();
    std::string out_;
    bool needComma_ = false;
};

// Appends `s` as a quoted JSON string to `out`.
void appendJsonString(std::string &out, std::string_view s);

}  // namespace vigil::web
