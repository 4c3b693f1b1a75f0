#include "notify/notify_config_parser.h"

#include "scrape/label_validation.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <set>

namespace vigil::notify {

namespace {

std::string quote(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

}  // namespace

Result<NotifyConfig> NotifyConfigParser::parse(std::string_view yaml)
{
    NotifyConfig cfg;
    cfg.sourceFile = r_.fileName();
    Status st = r_.guard([&] {
        const YAML::Node root = YAML::Load(std::string(yaml));
        return parseDocument(root, &cfg);
    });
    if (!st) return st;
    return cfg;
}

Status NotifyConfigParser::parseDocument(const YAML::Node &root, NotifyConfig *cfg)
{
    if (!root.IsDefined() || root.IsNull())
        return Status::invalidArgument(r_.fileName() + ":1: no route provided in config");
    VIGIL_RETURN_IF_ERROR(r_.checkMap(root, "",
                                      {"global", "route", "receivers", "inhibit_rules", "templates",
                                       "time_intervals", "mute_time_intervals", "escalations"},
                                      "config.plain"));
    if (const YAML::Node g = root["global"]; g.IsDefined()) VIGIL_RETURN_IF_ERROR(parseGlobal(g, &cfg->global));
    if (const YAML::Node t = root["templates"]; t.IsDefined())
        VIGIL_RETURN_IF_ERROR(r_.readStringList(t, "templates", &cfg->templates));
    for (const char *key : {"time_intervals", "mute_time_intervals"})
        if (const YAML::Node t = root[key]; t.IsDefined()) VIGIL_RETURN_IF_ERROR(parseTimeIntervals(t, key, cfg));

    const YAML::Node recv = root["receivers"];
    std::set<std::string, std::less<>> names;
    if (recv.IsDefined()) {
        VIGIL_RETURN_IF_ERROR(r_.checkSequence(recv, "receivers"));
        for (size_t i = 0; i < recv.size(); ++i) {
            Receiver rc;
            const std::string p = indexPath("receivers", i);
            VIGIL_RETURN_IF_ERROR(parseReceiver(recv[i], p, cfg->global, &rc));
            if (!names.insert(rc.name).second)
                return r_.error(recv[i], p, "notification config name " + quote(rc.name) + " is not unique");
            cfg->receivers.push_back(std::move(rc));
        }
    }

    const YAML::Node route = root["route"];
    if (!route.IsDefined() || route.IsNull()) return r_.error(root, "", "no routes provided");
    VIGIL_RETURN_IF_ERROR(parseRoute(route, "route", nullptr, &cfg->route));
    VIGIL_RETURN_IF_ERROR(checkRouteRefs(cfg->route, "route", *cfg));

    if (const YAML::Node ir = root["inhibit_rules"]; ir.IsDefined()) {
        VIGIL_RETURN_IF_ERROR(r_.checkSequence(ir, "inhibit_rules"));
        for (size_t i = 0; i < ir.size(); ++i) {
            InhibitRule rule;
            VIGIL_RETURN_IF_ERROR(parseInhibitRule(ir[i], indexPath("inhibit_rules", i), &rule));
            cfg->inhibitRules.push_back(std::move(rule));
        }
    }
    if (const YAML::Node e = root["escalations"]; e.IsDefined()) VIGIL_RETURN_IF_ERROR(parseEscalations(e, cfg));
    return Status::ok();
}

Status NotifyConfigParser::parseGlobal(const YAML::Node &n, GlobalConfig *g)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(
        n, "global",
        {"resolve_timeout", "http_config", "smtp_from", "smtp_hello", "smtp_smarthost", "smtp_auth_username",
         "smtp_auth_password", "smtp_auth_password_file", "smtp_auth_secret", "smtp_auth_identity",
         "smtp_require_tls", "slack_api_url", "slack_api_url_file", "pagerduty_url", "opsgenie_api_url",
         "opsgenie_api_key", "opsgenie_api_key_file", "wechat_api_url", "wechat_api_secret", "wechat_api_corp_id",
         "victorops_api_url", "victorops_api_key", "victorops_api_key_file", "telegram_api_url", "webex_api_url"},
        "config.GlobalConfig", true));
    if (n.IsNull()) return Status::ok();
    for (const auto &kv : n) {
        const std::string key = kv.first.Scalar();
        const std::string p = joinPath("global", key);
        const YAML::Node &v = kv.second;
        if (key == "resolve_timeout") VIGIL_RETURN_IF_ERROR(r_.readDuration(v, p, &g->resolveTimeoutMs));
        else if (key == "http_config") VIGIL_RETURN_IF_ERROR(parseHttpConfig(v, p, &g->http));
        else if (key == "smtp_from") VIGIL_RETURN_IF_ERROR(r_.readString(v, p, &g->smtpFrom));
        else if (key == "smtp_hello") VIGIL_RETURN_IF_ERROR(r_.readString(v, p, &g->smtpHello));
        else if (key == "smtp_smarthost") VIGIL_RETURN_IF_ERROR(r_.readString(v, p, &g->smtpSmarthost));
        else if (key == "smtp_auth_username") VIGIL_RETURN_IF_ERROR(r_.readString(v, p, &g->smtpAuthUsername));
        else if (key == "smtp_auth_password") VIGIL_RETURN_IF_ERROR(r_.readString(v, p, &g->smtpAuthPassword));
        else if (key == "smtp_auth_identity") VIGIL_RETURN_IF_ERROR(r_.readString(v, p, &g->smtpAuthIdentity));
        else if (key == "smtp_require_tls") VIGIL_RETURN_IF_ERROR(r_.readBool(v, p, &g->smtpRequireTls));
        else if (key == "slack_api_url") VIGIL_RETURN_IF_ERROR(r_.readString(v, p, &g->slackApiUrl));
        else if (key == "slack_api_url_file") VIGIL_RETURN_IF_ERROR(r_.readString(v, p, &g->slackApiUrlFile));
        else if (key == "smtp_auth_password_file")
            VIGIL_RETURN_IF_ERROR(r_.readString(v, p, &g->smtpAuthPasswordFile));
        // Other integrations' globals are accepted (valid Alertmanager files
        // load) but Vigil has no receiver that uses them.
    }
    if (!g->slackApiUrl.empty() && !g->slackApiUrlFile.empty())
        return r_.error(n, "global", "at most one of slack_api_url & slack_api_url_file must be configured");
    if (!g->smtpAuthPassword.empty() && !g->smtpAuthPasswordFile.empty())
        return r_.error(n, "global", "at most one of smtp_auth_password & smtp_auth_password_file must be configured");
    g->slackApiUrlFile = r_.resolvePath(g->slackApiUrlFile);
    g->smtpAuthPasswordFile = r_.resolvePath(g->smtpAuthPasswordFile);
    if (g->smtpSmarthost.size() && g->smtpSmarthost.find(':') == std::string::npos)
        return r_.error(n["smtp_smarthost"], "global.smtp_smarthost",
                        "address " + g->smtpSmarthost + ": missing port in address");
    return Status::ok();
}

Status NotifyConfigParser::readMatcherList(const YAML::Node &n, const std::string &path, LabelMatchers *out)
{
    std::vector<std::string> items;
    VIGIL_RETURN_IF_ERROR(r_.readStringList(n, path, &items));
    for (size_t i = 0; i < items.size(); ++i) {
        Result<LabelMatchers> ms = parseMatchers(items[i]);
        if (!ms) return r_.error(n[i], indexPath(path, i), ms.status().message());
        out->insert(out->end(), ms->begin(), ms->end());
    }
    return Status::ok();
}

Status NotifyConfigParser::readLegacyMatch(const YAML::Node &n, const std::string &path, bool regex,
                                           LabelMatchers *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(n, path, {}, regex ? "config.MatchRegexps" : "map[string]string", true));
    if (n.IsNull()) return Status::ok();
    for (const auto &kv : n) {
        const std::string name = kv.first.Scalar();
        if (!scrape::isValidLabelName(name))
            return r_.error(kv.first, path, quote(name) + " is not a valid label name");
        std::string value;
        VIGIL_RETURN_IF_ERROR(r_.readString(kv.second, joinPath(path, name), &value));
        Result<model::Matcher> m =
            model::Matcher::create(regex ? model::Matcher::Type::Regex : model::Matcher::Type::Equal, name, value);
        if (!m) return r_.error(kv.second, joinPath(path, name), m.status().message());
        out->push_back(std::move(*m));
    }
    return Status::ok();
}

Status NotifyConfigParser::parseRoute(const YAML::Node &n, const std::string &path, const Route *parent, Route *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(n, path,
                                      {"receiver", "group_by", "match", "match_re", "matchers", "continue",
                                       "routes", "group_wait", "group_interval", "repeat_interval",
                                       "mute_time_intervals", "active_time_intervals"},
                                      "config.Route"));
    const bool root = parent == nullptr;
    if (parent) {
        // Children inherit what they do not set (Alertmanager's dispatch.NewRoute).
        out->receiver = parent->receiver;
        out->groupBy = parent->groupBy;
        out->groupByAll = parent->groupByAll;
        out->groupWaitMs = parent->groupWaitMs;
        out->groupIntervalMs = parent->groupIntervalMs;
        out->repeatIntervalMs = parent->repeatIntervalMs;
    }
    if (const YAML::Node v = n["receiver"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(r_.readString(v, joinPath(path, "receiver"), &out->receiver));
    if (root && out->receiver.empty()) return r_.error(n, path, "root route must specify a default receiver");

    if (const YAML::Node v = n["group_by"]; v.IsDefined()) {
        std::vector<std::string> by;
        const std::string p = joinPath(path, "group_by");
        VIGIL_RETURN_IF_ERROR(r_.readStringList(v, p, &by));
        out->groupBy.clear();
        out->groupByAll = false;
        std::set<std::string> seen;
        for (size_t i = 0; i < by.size(); ++i) {
            if (by[i] == "...") {
                if (by.size() > 1)
                    return r_.error(v, p, "cannot have wildcard group_by (`...`) and other other labels at the same time");
                out->groupByAll = true;
                continue;
            }
            if (!scrape::isValidLabelName(by[i])) return r_.error(v[i], indexPath(p, i), "invalid label name " + quote(by[i]));
            if (!seen.insert(by[i]).second) return r_.error(v[i], p, "duplicated label " + quote(by[i]) + " in group_by");
            out->groupBy.push_back(by[i]);
        }
        std::sort(out->groupBy.begin(), out->groupBy.end());
    }
    if (const YAML::Node v = n["match"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(readLegacyMatch(v, joinPath(path, "match"), false, &out->matchers));
    if (const YAML::Node v = n["match_re"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(readLegacyMatch(v, joinPath(path, "match_re"), true, &out->matchers));
    if (const YAML::Node v = n["matchers"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(readMatcherList(v, joinPath(path, "matchers"), &out->matchers));
    if (root && !out->matchers.empty()) return r_.error(n, path, "root route must not have any matchers");
    if (const YAML::Node v = n["continue"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(r_.readBool(v, joinPath(path, "continue"), &out->continueMatching));
    if (root && out->continueMatching) return r_.error(n, path, "cannot have continue in root route");

    struct Interval { const char *key; int64_t *dst; const char *zero; };
    for (const Interval &iv : {Interval{"group_wait", &out->groupWaitMs, nullptr},
                               Interval{"group_interval", &out->groupIntervalMs, "group_interval cannot be zero"},
                               Interval{"repeat_interval", &out->repeatIntervalMs, "repeat_interval cannot be zero"}}) {
        if (const YAML::Node v = n[iv.key]; v.IsDefined()) {
            VIGIL_RETURN_IF_ERROR(r_.readDuration(v, joinPath(path, iv.key), iv.dst));
            if (iv.zero && *iv.dst == 0) return r_.error(v, joinPath(path, iv.key), iv.zero);
        }
    }
    if (const YAML::Node v = n["mute_time_intervals"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(r_.readStringList(v, joinPath(path, "mute_time_intervals"), &out->muteTimeIntervals));
    if (const YAML::Node v = n["active_time_intervals"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(
            r_.readStringList(v, joinPath(path, "active_time_intervals"), &out->activeTimeIntervals));
    if (root && !out->muteTimeIntervals.empty())
        return r_.error(n, path, "root route must not have any mute time intervals");
    if (root && !out->activeTimeIntervals.empty())
        return r_.error(n, path, "root route must not have any active time intervals");

    out->key = (parent ? parent->key + "/" : std::string()) + matchersToString(out->matchers);
    out->id = (parent ? parent->id + "/" : std::string()) + matchersToString(out->matchers);
    if (const YAML::Node v = n["routes"]; v.IsDefined()) {
        const std::string p = joinPath(path, "routes");
        VIGIL_RETURN_IF_ERROR(r_.checkSequence(v, p));
        for (size_t i = 0; i < v.size(); ++i) {
            Route child;
            VIGIL_RETURN_IF_ERROR(parseRoute(v[i], indexPath(p, i), out, &child));
            child.id += "/" + std::to_string(i);
            out->routes.push_back(std::move(child));
        }
    }
    return Status::ok();
}

Status NotifyConfigParser::checkRouteRefs(const Route &route, const std::string &path, const NotifyConfig &cfg)
{
    if (!cfg.findReceiver(route.receiver))
        return Status::invalidArgument(r_.fileName() + ": " + path + ": undefined receiver " + quote(route.receiver) +
                                       " used in route");
    for (const auto *list : {&route.muteTimeIntervals, &route.activeTimeIntervals})
        for (const std::string &name : *list)
            if (!cfg.timeIntervals.count(name))
                return Status::invalidArgument(r_.fileName() + ": " + path + ": undefined time interval " +
                                               quote(name) + " used in route");
    for (size_t i = 0; i < route.routes.size(); ++i)
        VIGIL_RETURN_IF_ERROR(checkRouteRefs(route.routes[i], indexPath(joinPath(path, "routes"), i), cfg));
    return Status::ok();
}

Status NotifyConfigParser::parseInhibitRule(const YAML::Node &n, const std::string &path, InhibitRule *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(n, path,
                                      {"source_match", "source_match_re", "source_matchers", "target_match",
                                       "target_match_re", "target_matchers", "equal"},
                                      "config.InhibitRule"));
    if (const YAML::Node v = n["source_match"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(readLegacyMatch(v, joinPath(path, "source_match"), false, &out->sourceMatchers));
    if (const YAML::Node v = n["source_match_re"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(readLegacyMatch(v, joinPath(path, "source_match_re"), true, &out->sourceMatchers));
    if (const YAML::Node v = n["source_matchers"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(readMatcherList(v, joinPath(path, "source_matchers"), &out->sourceMatchers));
    if (const YAML::Node v = n["target_match"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(readLegacyMatch(v, joinPath(path, "target_match"), false, &out->targetMatchers));
    if (const YAML::Node v = n["target_match_re"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(readLegacyMatch(v, joinPath(path, "target_match_re"), true, &out->targetMatchers));
    if (const YAML::Node v = n["target_matchers"]; v.IsDefined())
        VIGIL_RETURN_IF_ERROR(readMatcherList(v, joinPath(path, "target_matchers"), &out->targetMatchers));
    if (const YAML::Node v = n["equal"]; v.IsDefined()) {
        VIGIL_RETURN_IF_ERROR(r_.readStringList(v, joinPath(path, "equal"), &out->equal));
        for (size_t i = 0; i < out->equal.size(); ++i)
            if (!scrape::isValidLabelName(out->equal[i]))
                return r_.error(v[i], indexPath(joinPath(path, "equal"), i),
                                quote(out->equal[i]) + " is not a valid label name");
    }
    return Status::ok();
}

Status NotifyConfigParser::parseTimeIntervals(const YAML::Node &n, const std::string &path, NotifyConfig *cfg)
{
    VIGIL_RETURN_IF_ERROR(r_.checkSequence(n, path));
    for (size_t i = 0; i < n.size(); ++i) {
        const std::string p = indexPath(path, i);
        VIGIL_RETURN_IF_ERROR(r_.checkMap(n[i], p, {"name", "time_intervals"}, "config.TimeInterval"));
        std::string name;
        VIGIL_RETURN_IF_ERROR(r_.readString(n[i]["name"], joinPath(p, "name"), &name));
        if (name.empty()) return r_.error(n[i], p, "missing name in time interval");
        if (cfg->timeIntervals.count(name))
            return r_.error(n[i], p, "time interval " + quote(name) + " is not unique");
        std::vector<TimeInterval> list;
        const YAML::Node ti = n[i]["time_intervals"];
        const std::string tp = joinPath(p, "time_intervals");
        if (ti.IsDefined()) {
            VIGIL_RETURN_IF_ERROR(r_.checkSequence(ti, tp));
            for (size_t j = 0; j < ti.size(); ++j) {
                TimeInterval t;
                VIGIL_RETURN_IF_ERROR(parseTimeInterval(ti[j], indexPath(tp, j), &t));
                list.push_back(std::move(t));
            }
        }
        cfg->timeIntervals.emplace(name, std::move(list));
    }
    return Status::ok();
}

Status NotifyConfigParser::parseTimeInterval(const YAML::Node &n, const std::string &path, TimeInterval *out)
{
    VIGIL_RETURN_IF_ERROR(r_.checkMap(n, path, {"times", "weekdays", "days_of_month", "months", "years", "location"},
                                      "timeinterval.TimeInterval", true));
    if (n.IsNull()) return Status::ok();
    if (const YAML::Node v = n["times"]; v.IsDefined()) {
        const std::string p = joinPath(path, "times");
        VIGIL_RETURN_IF_ERROR(r_.checkSequence(v, p));
        for (size_t i = 0; i < v.size(); ++i) {
            const std::string ip = indexPath(p, i);
            VIGIL_RETURN_IF_ERROR(r_.checkMap(v[i], ip, {"start_time", "end_time"}, "timeinterval.TimeRange"));
            std::string a, b;
            VIGIL_RETURN_IF_ERROR(r_.readString(v[i]["start_time"], joinPath(ip, "start_time"), &a));
            VIGIL_RETURN_IF_ERROR(r_.readString(v[i]["end_time"], joinPath(ip, "end_time"), &b));
            Result<int> s = parseClockTime(a), e = parseClockTime(b);
            if (!s) return r_.error(v[i], ip, s.status().message());
            if (!e) return r_.error(v[i], ip, e.status().message());
            if (*s >= *e) return r_.error(v[i], ip, "start time cannot be equal or greater than end time");
            out->times.push_back({*s, *e});
        }
    }
    struct Field { const char *key; std::vector<IntRange> *dst; Result<IntRange> (*parse)(std::string_view); };
    for (const Field &f : {Field{"weekdays", &out->weekdays, parseWeekdayRange},
                           Field{"days_of_month", &out->daysOfMonth, parseDayOfMonthRange},
                           Field{"months", &out->months, parseMonthRange},
                           Field{"years", &out->years, parseYearRange}}) {
        const YAML::Node v = n[f.key];
        if (!v.IsDefined()) continue;
        std::vector<std::string> items;
        const std::string p = joinPath(path, f.key);
        VIGIL_RETURN_IF_ERROR(r_.readStringList(v, p, &items));
        for (size_t i = 0; i < items.size(); ++i) {
            Result<IntRange> rg = f.parse(items[i]);
            if (!rg) return r_.error(v[i], indexPath(p, i), rg.status().message());
            f.dst->push_back(*rg);
        }
    }
    if (const YAML::Node v = n["location"]; v.IsDefined()) {
        VIGIL_RETURN_IF_ERROR(r_.readString(v, joinPath(path, "location"), &out->location));
        Status st = checkLocation(out->location);
        if (!st) return r_.error(v, joinPath(path, "location"), st.message());
    }
    return Status::ok();
}

const Receiver *NotifyConfig::findReceiver(std::string_view name) const
{
    for (const Receiver &r : receivers)
        if (r.name == name) return &r;
    return nullptr;
}

Result<NotifyConfig> NotifyConfig::loadString(std::string_view yaml, const std::string &fileName)
{
    const std::string dir = QFileInfo(QString::fromStdString(fileName)).absolutePath().toStdString();
    return NotifyConfigParser(fileName, fileName.empty() ? std::string() : dir).parse(yaml);
}

Result<NotifyConfig> NotifyConfig::loadFile(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return Status::ioError("cannot read " + path + ": " + f.errorString().toStdString());
    const QByteArray data = f.readAll();
    return loadString(std::string_view(data.constData(), size_t(data.size())), path);
}

}  // namespace vigil::notify
