// YamlReader: strict reading of yaml-cpp nodes with errors that name the
// file, line and field ("<file>:<line>: <path>: <reason>"), shared by the
// notification configuration parsers. Internal to vigil_notify.
//
// Not thread-safe (remembers the last line seen for nodes without a mark).
#pragma once

#include "core/status.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::notify {

std::string joinPath(const std::string &path, std::string_view field);
std::string indexPath(const std::string &path, size_t i);

class YamlReader {
public:
    YamlReader(std::string fileName, std::string baseDir);

    Status error(const YAML::Node &n, const std::string &path, const std::string &message) const;
    // A mapping (or null when allowNull) with unique string keys, all in `known`.
    Status checkMap(const YAML::Node &n, const std::string &path, std::initializer_list<std::string_view> known,
                    const char *goType, bool allowNull = false);
    Status checkSequence(const YAML::Node &n, const std::string &path);
    Status readString(const YAML::Node &n, const std::string &path, std::string *out);
    Status readBool(const YAML::Node &n, const std::string &path, bool *out);
    Status readUint(const YAML::Node &n, const std::string &path, uint64_t *out);
    Status readDuration(const YAML::Node &n, const std::string &path, int64_t *out);
    Status readStringList(const YAML::Node &n, const std::string &path, std::vector<std::string> *out);
    std::string resolvePath(const std::string &p) const;
    const std::string &fileName() const { return fileName_; }
    int lastLine() const { return lastLine_; }

    // Runs `f` and turns yaml-cpp exceptions into InvalidArgument errors.
    template <typename F>
    Status guard(F f)
    {
        try {
            return f();
        } catch (const YAML::Exception &e) {
            const int line = e.mark.is_null() ? lastLine_ : e.mark.line + 1;
            return Status::invalidArgument(fileName_ + ":" + std::to_string(line) + ": " + e.msg);
        } catch (const std::exception &e) {
            return Status::invalidArgument(fileName_ + ":" + std::to_string(lastLine_) + ": " + e.what());
        }
    }

private:
    std::string fileName_;
    std::string baseDir_;
    int lastLine_ = 1;
};

}  // namespace vigil::notify
