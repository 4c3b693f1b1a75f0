#include "web/json_writer.h"

#include <charconv>
#include <cmath>

namespace vigil::web {

void appendJsonString(std::string &out, std::string_view s)
{
    static const char kHex[] = "0123456789abcdef";
    out.push_back('"');
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                    // Go's encoder escapes <, > and & too (HTML safety); keep the same bytes.
                    out += "\\u00";
                    out.push_back(kHex[c >> 4]);
                    out.push_back(kHex[c & 0xf]);
                } else {
                    out.push_back(ch);
                }
        }
    }
    out.push_back('"');
}

void JsonWriter::separate()
{
    if (needComma_) out_.push_back(',');
    needComma_ = true;
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    out_.push_back('{');
    needComma_ = false;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    out_.push_back('}');
    needComma_ = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    out_.push_back('[');
    needComma_ = false;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    out_.push_back(']');
    needComma_ = true;
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view k)
{
    separate();
    appendJsonString(out_, k);
    out_.push_back(':');
    needComma_ = false;
    return *this;
}

JsonWriter &JsonWriter::string(std::string_view s)
{
    separate();
    appendJsonString(out_, s);
    return *this;
}

JsonWriter &JsonWriter::boolean(bool b)
{
    separate();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    out_ += "null";
    return *this;
}

JsonWriter &JsonWriter::integer(int64_t v)
{
    separate();
    out_ += std::to_string(v);
    return *this;
}

JsonWriter &JsonWriter::number(double v)
{
    if (!std::isfinite(v)) return null();
    separate();
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, ec == std::errc() ? p : buf);
    return *this;
}

JsonWriter &JsonWriter::raw(std::string_view json)
{
    separate();
    out_ += json;
    return *this;
}

JsonWriter &JsonWriter::labels(const model::Labels &ls)
{
    beginObject();
    for (const auto &l : ls) key(l.name).string(l.value);
    return endObject();
}

JsonWriter &JsonWriter::stringArray(const std::vector<std::string> &values)
{
    beginArray();
    for (const auto &v : values) string(v);
    return endArray();
}

}  // namespace vigil::web
