#include "tsdb/series_hash.h"

#include <string>

namespace vigil::tsdb {

uint64_t seriesHash(const model::Labels &labels)
{
    // name \xff value \xff ... as model::Labels::hash().
    thread_local std::string buf;
    buf.clear();
    for (const auto &l : labels) {
        buf.append(l.name);
        buf.push_back('\xff');
        buf.append(l.value);
        buf.push_back('\xff');
    }
    if (buf.capacity() > 64 * 1024) {
        const uint64_t h = model::hashBytes(buf.data(), buf.size());
        std::string().swap(buf);  // do not keep a huge buffer per thread
        return h;
    }
    return model::hashBytes(buf.data(), buf.size());
}

}  // namespace vigil::tsdb
