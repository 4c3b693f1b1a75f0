#include "discovery/target_group_parser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <yaml-cpp/yaml.h>

#include <string>

namespace vigil::discovery {

namespace {

bool validLabelName(std::string_view s)
{
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

bool validUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size())).toUtf8() == QByteArray(s.data(), qsizetype(s.size()));
}

std::string groupError(size_t i, const std::string &what)
{
    return "target group " + std::to_string(i) + ": " + what;
}

// Shared by both formats once the values are strings.
Status addLabel(std::vector<model::Label> *labels, size_t group, const std::string &name, const std::string &value)
{
    if (!validLabelName(name)) return Status::invalidArgument(groupError(group, "\"" + name + "\" is not a valid label name"));
    if (!validUtf8(value))
        return Status::invalidArgument(groupError(group, "invalid UTF-8 in the value of label \"" + name + "\""));
    labels->push_back({name, value});
    return Status::ok();
}

model::Labels addressLabels(const std::string &target)
{
    return model::Labels::fromUnsorted({{"__address__", target}});
}

}  // namespace

Result<std::vector<TargetGroup>> parseTargetGroupsJson(std::string_view json)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())), &perr);
    if (perr.error != QJsonParseError::NoError)
        return Status::invalidArgument("invalid JSON at offset " + std::to_string(perr.offset) + ": " +
                                       perr.errorString().toStdString());
    if (doc.isNull()) return std::vector<TargetGroup>{};
    if (!doc.isArray()) return Status::invalidArgument("expected a JSON array of target groups");
    std::vector<TargetGroup> out;
    const QJsonArray groups = doc.array();
    for (qsizetype i = 0; i < groups.size(); ++i) {
        if (groups[i].isNull()) continue;
        if (!groups[i].isObject()) return Status::invalidArgument(groupError(size_t(i), "not an object"));
        const QJsonObject o = groups[i].toObject();
        TargetGroup g;
        const QJsonValue targets = o.value(QStringLiteral("targets"));
        if (!targets.isNull() && !targets.isUndefined()) {
            if (!targets.isArray()) return Status::invalidArgument(groupError(size_t(i), "\"targets\" is not an array"));
            for (const QJsonValue &t : targets.toArray()) {
                if (!t.isString())
                    return Status::invalidArgument(groupError(size_t(i), "a target is not a string"));
                g.targets.push_back(addressLabels(t.toString().toStdString()));
            }
        }
        const QJsonValue labels = o.value(QStringLiteral("labels"));
        if (!labels.isNull() && !labels.isUndefined()) {
            if (!labels.isObject()) return Status::invalidArgument(groupError(size_t(i), "\"labels\" is not an object"));
            std::vector<model::Label> ls;
            const QJsonObject lo = labels.toObject();
            for (auto it = lo.begin(); it != lo.end(); ++it) {
                if (!it.value().isString())
                    return Status::invalidArgument(
                        groupError(size_t(i), "the value of label \"" + it.key().toStdString() + "\" is not a string"));
                VIGIL_RETURN_IF_ERROR(addLabel(&ls, size_t(i), it.key().toStdString(), it.value().toString().toStdString()));
            }
            g.labels = model::Labels::fromUnsorted(std::move(ls));
        }
        out.push_back(std::move(g));
    }
    return out;
}

Result<std::vector<TargetGroup>> parseTargetGroupsYaml(std::string_view yaml)
{
    try {
        const YAML::Node root = YAML::Load(std::string(yaml));
        if (!root.IsDefined() || root.IsNull()) return std::vector<TargetGroup>{};
        if (!root.IsSequence()) return Status::invalidArgument("expected a YAML list of target groups");
        std::vector<TargetGroup> out;
        for (size_t i = 0; i < root.size(); ++i) {
            const YAML::Node n = root[i];
            if (n.IsNull()) continue;
            if (!n.IsMap()) return Status::invalidArgument(groupError(i, "not a mapping"));
            TargetGroup g;
            for (const auto &kv : n) {
                const std::string key = kv.first.Scalar();
                const YAML::Node &v = kv.second;
                if (key == "targets") {
                    if (v.IsNull()) continue;
                    if (!v.IsSequence()) return Status::invalidArgument(groupError(i, "\"targets\" is not a list"));
                    for (const YAML::Node &t : v) {
                        if (!t.IsScalar()) return Status::invalidArgument(groupError(i, "a target is not a string"));
                        g.targets.push_back(addressLabels(t.Scalar()));
                    }
                } else if (key == "labels") {
                    if (v.IsNull()) continue;
                    if (!v.IsMap()) return Status::invalidArgument(groupError(i, "\"labels\" is not a mapping"));
                    std::vector<model::Label> ls;
                    for (const auto &l : v) {
                        if (!l.second.IsScalar())
                            return Status::invalidArgument(
                                groupError(i, "the value of label \"" + l.first.Scalar() + "\" is not a string"));
                        VIGIL_RETURN_IF_ERROR(addLabel(&ls, i, l.first.Scalar(), l.second.Scalar()));
                    }
                    g.labels = model::Labels::fromUnsorted(std::move(ls));
                } else {
                    return Status::invalidArgument(
                        groupError(i, "field " + key + " not found in type struct { Targets []string; Labels model.LabelSet }"));
                }
            }
            out.push_back(std::move(g));
        }
        return out;
    } catch (const YAML::Exception &e) {
        return Status::invalidArgument(std::string("invalid YAML: ") + e.what());
    }
}

}  // namespace vigil::discovery
