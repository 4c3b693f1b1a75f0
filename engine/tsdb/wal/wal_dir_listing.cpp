#include "tsdb/wal/wal_dir_listing.h"

#include "tsdb/wal/wal_env.h"

#include <algorithm>
#include <cstdio>

namespace vigil::tsdb::wal {

namespace {

constexpr std::string_view kCheckpointPrefix = "checkpoint.";
constexpr std::string_view kTmpSuffix = ".tmp";

std::optional<uint32_t> parseNumber(std::string_view s)
{
    if (s.size() < 8 || s.size() > 10) return std::nullopt;
    uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    if (v > UINT32_MAX) return std::nullopt;
    return static_cast<uint32_t>(v);
}

}  // namespace

std::string WalDirListing::segmentName(uint32_t n)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08u", n);
    return buf;
}

std::string WalDirListing::checkpointName(uint32_t n)
{
    return std::string(kCheckpointPrefix) + segmentName(n);
}

std::optional<uint32_t> WalDirListing::parseSegmentName(std::string_view name)
{
    return parseNumber(name);
}

std::optional<uint32_t> WalDirListing::parseCheckpointName(std::string_view name)
{
    if (!name.starts_with(kCheckpointPrefix)) return std::nullopt;
    return parseNumber(name.substr(kCheckpointPrefix.size()));
}

Result<WalDirListing> WalDirListing::read(WalEnv *env, const std::string &dir)
{
    auto names = env->listDir(dir);
    if (!names) return names.status();
    WalDirListing l;
    for (const std::string &n : *names) {
        if (auto s = parseSegmentName(n)) {
            l.segments.push_back(*s);
        } else if (auto c = parseCheckpointName(n)) {
            l.checkpoints.push_back(*c);
        } else if (n.starts_with(kCheckpointPrefix) && n.ends_with(kTmpSuffix)) {
            l.tmpCheckpoints.push_back(n);
        }
    }
    std::sort(l.segments.begin(), l.segments.end());
    std::sort(l.checkpoints.begin(), l.checkpoints.end());
    return l;
}

}  // namespace vigil::tsdb::wal
