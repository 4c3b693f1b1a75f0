#include "notify/yaml_reader.h"

#include "scrape/units.h"

#include <set>

namespace vigil::notify {

std::string joinPath(const std::string &path, std::string_view field)
{
    return path.empty() ? std::string(field) : path + "." + std::string(field);
}

std::string indexPath(const std::string &path, size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

YamlReader::YamlReader(std::string fileName, std::string baseDir)
    : fileName_(std::move(fileName)), baseDir_(std::move(baseDir))
{
}

Status YamlReader::error(const YAML::Node &n, const std::string &path, const std::string &message) const
{
    int line = lastLine_;
    if (n.IsDefined() && !n.Mark().is_null()) line = n.Mark().line + 1;
    std::string msg = fileName_ + ":" + std::to_string(line) + ": ";
    if (!path.empty()) msg += path + ": ";
    return Status::invalidArgument(msg + message);
}

Status YamlReader::checkMap(const YAML::Node &n, const std::string &path,
                            std::initializer_list<std::string_view> known, const char *goType, bool allowNull)
{
    if (n.IsDefined() && !n.Mark().is_null()) lastLine_ = n.Mark().line + 1;
    if (n.IsNull() && allowNull) return Status::ok();
    if (!n.IsMap()) return error(n, path, std::string("expected a mapping (") + goType + ")");
    std::set<std::string, std::less<>> seen;
    for (const auto &kv : n) {
        if (!kv.first.IsScalar()) return error(kv.first, path, "mapping keys must be strings");
        const std::string &key = kv.first.Scalar();
        if (!seen.insert(key).second)
            return error(kv.first, path, "mapping key \"" + key + "\" already defined");
        bool ok = known.size() == 0;
        for (std::string_view k : known) ok = ok || k == key;
        if (!ok) return error(kv.first, path, "field " + key + " not found in type " + goType);
    }
    return Status::ok();
}

Status YamlReader::checkSequence(const YAML::Node &n, const std::string &path)
{
    if (n.IsDefined() && !n.Mark().is_null()) lastLine_ = n.Mark().line + 1;
    if (n.IsNull() || n.IsSequence()) return Status::ok();
    return error(n, path, "expected a list");
}

Status YamlReader::readString(const YAML::Node &n, const std::string &path, std::string *out)
{
    if (!n.IsDefined() || n.IsNull()) {
        out->clear();
        return Status::ok();
    }
    if (!n.IsScalar()) return error(n, path, "expected a string");
    *out = n.Scalar();
    return Status::ok();
}

Status YamlReader::readBool(const YAML::Node &n, const std::string &path, bool *out)
{
    bool v = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v))
        return error(n, path, "expected a boolean, got \"" + (n.IsScalar() ? n.Scalar() : std::string()) + "\"");
    *out = v;
    return Status::ok();
}

Status YamlReader::readUint(const YAML::Node &n, const std::string &path, uint64_t *out)
{
    if (!n.IsScalar() || n.Scalar().empty()) return error(n, path, "expected a non-negative integer");
    uint64_t v = 0;
    for (char c : n.Scalar()) {
        if (c < '0' || c > '9' || v > (UINT64_MAX - 9) / 10)
            return error(n, path, "expected a non-negative integer, got \"" + n.Scalar() + "\"");
        v = v * 10 + uint64_t(c - '0');
    }
    *out = v;
    return Status::ok();
}

Status YamlReader::readDuration(const YAML::Node &n, const std::string &path, int64_t *out)
{
    if (!n.IsScalar()) return error(n, path, "expected a duration");
    Result<int64_t> d = scrape::parseDuration(n.Scalar());
    if (!d) return error(n, path, d.status().message());
    *out = *d;
    return Status::ok();
}

Status YamlReader::readStringList(const YAML::Node &n, const std::string &path, std::vector<std::string> *out)
{
    out->clear();
    if (!n.IsDefined()) return Status::ok();
    VIGIL_RETURN_IF_ERROR(checkSequence(n, path));
    if (n.IsNull()) return Status::ok();
    for (size_t i = 0; i < n.size(); ++i) {
        std::string s;
        VIGIL_RETURN_IF_ERROR(readString(n[i], indexPath(path, i), &s));
        out->push_back(std::move(s));
    }
    return Status::ok();
}

std::string YamlReader::resolvePath(const std::string &p) const
{
    if (p.empty() || p[0] == '/' || baseDir_.empty()) return p;
    return baseDir_ + "/" + p;
}

}  // namespace vigil::notify
