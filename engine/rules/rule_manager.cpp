#include "rules/rule_manager.h"

#include "core/log.h"
#include "rules/alerting_rule.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>

namespace vigil::rules {

// Forwards to the current sink; lets setSink() swap it while groups run.
class RuleManager::SinkProxy final : public AlertSink {
public:
    explicit SinkProxy(AlertSink *s) : sink_(s) {}
    void set(AlertSink *s)
    {
        std::lock_guard lock(mu_);
        sink_ = s;
    }
    void send(std::vector<model::Alert> alerts) override
    {
        std::lock_guard lock(mu_);
        if (sink_) sink_->send(std::move(alerts));
    }

private:
    std::mutex mu_;
    AlertSink *sink_;
};

RuleManager::RuleManager(RuleManagerOptions options)
    : opts_(std::move(options)), engine_(std::make_unique<promql::Engine>(*opts_.queryable, opts_.engine)),
      sink_(std::make_unique<SinkProxy>(opts_.sink))
{
    if (!opts_.now) {
        opts_.now = [] {
            using namespace std::chrono;
            return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
        };
    }
}

RuleManager::~RuleManager() { stop(); }

void RuleManager::setSink(AlertSink *sink) { sink_->set(sink); }

Status RuleManager::update(const RuleConfig &config)
{
    // Parse everything first: a broken file changes nothing.
    std::vector<RuleGroupSpec> specs;
    std::string errors;
    for (const auto &file : config.files) {
        // "dir/./rules.yml" -> "dir/rules.yml", as Go's filepath.Join cleans paths.
        const std::string f = std::filesystem::path(file).lexically_normal().string();
        RuleFileParse p = loadRuleFile(f);
        for (const auto &e : p.errors) errors += (errors.empty() ? "" : "\n") + e;
        for (auto &g : p.groups) specs.push_back(std::move(g));
    }
    for (const auto &g : config.extraGroups) specs.push_back(g);
    if (!errors.empty()) return Status::invalidArgument(errors);

    promql::Engine *engine = engine_.get();
    RuleGroupOptions go;
    go.query = [engine](const promql::Expr &e, int64_t t) -> Result<promql::Vector> {
        auto r = engine->instantQuery(e, t);
        if (!r) return r.status();
        if (auto *v = std::get_if<promql::Vector>(&r->value)) return std::move(*v);
        if (auto *s = std::get_if<promql::Scalar>(&r->value)) return promql::Vector{{model::Labels{}, t, s->v}};
        return Status::invalidArgument("rule result is not a vector or scalar");
    };
    go.appendable = opts_.appendable;
    go.queryable = opts_.queryable;
    go.sink = sink_.get();
    go.now = opts_.now;
    go.resendDelayMs = opts_.resendDelayMs;
    go.outageToleranceMs = opts_.outageToleranceMs;
    go.forGracePeriodMs = opts_.forGracePeriodMs;

    std::lock_guard lock(mu_);
    if (stopped_) return Status::failedPrecondition("the rule manager is stopped");
    std::vector<std::unique_ptr<RuleGroup>> next;
    for (auto &spec : specs) {
        std::vector<std::unique_ptr<Rule>> rules;
        for (const auto &rs : spec.rules) {
            auto r = Rule::create(rs, config.externalLabels, config.externalUrl);
            if (!r) {
                errors += (errors.empty() ? "" : "\n") + spec.file + ": group \"" + spec.name + "\": " +
                          r.status().message();
                continue;
            }
            rules.push_back(std::move(r).value());
        }
        const int64_t interval = spec.intervalMs > 0 ? spec.intervalMs : config.evaluationIntervalMs;
        next.push_back(std::make_unique<RuleGroup>(std::move(spec), interval, std::move(rules), go, !restored_));
    }
    if (!errors.empty()) return Status::invalidArgument(errors);

    // Stop the old groups, hand their state over, mark removed groups stale.
    std::map<std::pair<std::string, std::string>, RuleGroup *> old;
    for (auto &g : groups_) {
        g->stop();
        old[{g->file(), g->name()}] = g.get();
    }
    for (auto &g : next) {
        auto it = old.find({g->file(), g->name()});
        if (it != old.end()) {
            g->copyState(*it->second);
            old.erase(it);
        }
    }
    for (auto &[key, g] : old) g->markStale(opts_.now());
    groups_ = std::move(next);
    restored_ = true;
    if (opts_.runThreads) {
        for (auto &g : groups_) g->start();
    }
    int rules = 0;
    for (auto &g : groups_) rules += int(g->rules().size());
    qCInfo(lcRules).noquote() << "loaded" << groups_.size() << "rule groups with" << rules << "rules";
    return Status::ok();
}

void RuleManager::stop()
{
    std::lock_guard lock(mu_);
    stopped_ = true;
    for (auto &g : groups_) g->stop();
}

void RuleManager::evaluateAll(int64_t tMs)
{
    std::lock_guard lock(mu_);
    for (auto &g : groups_) g->iterate(tMs);
}

std::vector<GroupSnapshot> RuleManager::groups() const
{
    std::vector<GroupSnapshot> out;
    std::lock_guard lock(mu_);
    for (const auto &g : groups_) {
        GroupSnapshot gs;
        gs.name = g->name();
        gs.file = g->file();
        gs.intervalMs = g->intervalMs();
        gs.limit = g->limit();
        gs.lastEvaluationMs = g->lastEvaluationMs();
        gs.evaluationSeconds = g->evaluationSeconds();
        for (const auto &r : g->rules()) {
            RuleSnapshot rs;
            rs.spec = r->spec();
            rs.query = r->query();
            rs.status = r->status();
            if (auto *ar = dynamic_cast<const AlertingRule *>(r.get())) {
                rs.state = ar->state();
                for (const auto &a : ar->activeAlerts()) rs.alerts.push_back(ar->toModel(a));
            }
            gs.rules.push_back(std::move(rs));
        }
        out.push_back(std::move(gs));
    }
    // Prometheus's RuleGroups(): by file, then name.
    std::stable_sort(out.begin(), out.end(), [](const GroupSnapshot &a, const GroupSnapshot &b) {
        return a.file != b.file ? a.file < b.file : a.name < b.name;
    });
    return out;
}

std::vector<model::Alert> RuleManager::alerts() const
{
    std::vector<model::Alert> out;
    for (auto &g : groups()) {
        for (auto &r : g.rules) {
            for (auto &a : r.alerts) out.push_back(std::move(a));
        }
    }
    return out;
}

}  // namespace vigil::rules
