// NotifyConfigParser: alertmanager.yml text -> NotifyConfig (rules and error
// format in notify_config.h). Internal to vigil_notify; use
// NotifyConfig::loadFile / loadString. One parser per document; not
// thread-safe; never throws.
#pragma once

#include "notify/notify_config.h"
#include "notify/yaml_reader.h"

namespace vigil::notify {

class NotifyConfigParser {
public:
    NotifyConfigParser(std::string fileName, std::string baseDir) : r_(std::move(fileName), std::move(baseDir)) {}
    Result<NotifyConfig> parse(std::string_view yaml);

    // Shared with AlertingConfig::parse (prometheus.yml's alerting section).
    Status parseHttpConfig(const YAML::Node &n, const std::string &path, HttpConfig *out);
    YamlReader &reader() { return r_; }

private:
    Status parseDocument(const YAML::Node &root, NotifyConfig *cfg);
    Status parseGlobal(const YAML::Node &n, GlobalConfig *g);
    Status parseRoute(const YAML::Node &n, const std::string &path, const Route *parent, Route *out);
    Status parseInhibitRule(const YAML::Node &n, const std::string &path, InhibitRule *out);
    Status parseTimeIntervals(const YAML::Node &n, const std::string &path, NotifyConfig *cfg);
    Status parseTimeInterval(const YAML::Node &n, const std::string &path, TimeInterval *out);
    Status readMatcherList(const YAML::Node &n, const std::string &path, LabelMatchers *out);
    Status readLegacyMatch(const YAML::Node &n, const std::string &path, bool regex, LabelMatchers *out);
    // Vigil's escalation ladders (escalation_parser.cpp).
    Status parseEscalations(const YAML::Node &n, NotifyConfig *cfg);
    Status checkRouteRefs(const Route &route, const std::string &path, const NotifyConfig &cfg);

    // Receivers (receiver_parser.cpp).
    Status parseReceiver(const YAML::Node &n, const std::string &path, const GlobalConfig &g, Receiver *out);
    Status parseTls(const YAML::Node &n, const std::string &path, scrape::TlsConfig *out);
    Status parseWebhook(const YAML::Node &n, const std::string &path, const GlobalConfig &g, WebhookConfig *out);
    Status parseSlack(const YAML::Node &n, const std::string &path, const GlobalConfig &g, SlackConfig *out);
    Status parseEmail(const YAML::Node &n, const std::string &path, const GlobalConfig &g, EmailConfig *out);
    Status parseDesktop(const YAML::Node &n, const std::string &path, DesktopConfig *out);
    Status parseSms(const YAML::Node &n, const std::string &path, const GlobalConfig &g, SmsConfig *out);
    Status parseAction(const YAML::Node &n, const std::string &path, const GlobalConfig &g, ActionConfig *out);

    YamlReader r_;
    std::vector<const YAML::Node *> routeNodes_;
};

}  // namespace vigil::notify
