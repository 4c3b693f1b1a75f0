#include "rules/rule_group.h"

#include "core/log.h"
#include "model/sample.h"
#include "rules/alerting_rule.h"

#include <chrono>
#include <set>

namespace vigil::rules {

namespace {

int64_t systemNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

RuleGroup::RuleGroup(RuleGroupSpec spec, int64_t intervalMs, std::vector<std::unique_ptr<Rule>> rules,
                     RuleGroupOptions options, bool shouldRestore)
    : spec_(std::move(spec)), intervalMs_(intervalMs > 0 ? intervalMs : 60'000), rules_(std::move(rules)),
      opts_(std::move(options)), shouldRestore_(shouldRestore), previous_(rules_.size())
{
    if (!shouldRestore_) {
        for (auto &r : rules_) {
            if (auto *ar = dynamic_cast<AlertingRule *>(r.get())) ar->setRestored(true);
        }
    }
}

RuleGroup::~RuleGroup() { stop(); }

int64_t RuleGroup::now() const { return opts_.now ? opts_.now() : systemNowMs(); }

double RuleGroup::evaluationSeconds() const { return double(evalNanos_.load()) / 1e9; }

int64_t RuleGroup::evalTimestamp(int64_t startMs) const
{
    const uint64_t h = model::Labels{{"file", spec_.file}, {"name", spec_.name}}.hash();
    const int64_t offset = int64_t(h % uint64_t(intervalMs_));
    const int64_t adj = startMs - offset;
    int64_t base = adj - (adj % intervalMs_);
    if (adj % intervalMs_ < 0) base -= intervalMs_;
    return base + offset;
}

void RuleGroup::iterate(int64_t tMs)
{
    evaluate(tMs);
    ++rounds_;
    if (shouldRestore_ && rounds_ >= 2) {
        // Prometheus waits for a second round so recording rules and scrapes
        // have caught up before the restored state is applied.
        restoreForState(now());
        shouldRestore_ = false;
    }
}

void RuleGroup::evaluate(int64_t tMs)
{
    const auto started = std::chrono::steady_clock::now();
    if (!orphaned_.empty() && opts_.appendable) {
        auto app = opts_.appendable->appender();
        for (const auto &l : orphaned_) (void)app->append(0, l, tMs, model::staleNaN());
        (void)app->commit();
        orphaned_.clear();
    }
    for (size_t i = 0; i < rules_.size(); ++i) {
        Rule &rule = *rules_[i];
        const auto ruleStart = std::chrono::steady_clock::now();
        RuleStatus st;
        st.lastEvaluationMs = tMs;
        auto result = rule.eval(tMs, opts_.query, spec_.limit);
        auto finish = [&] {
            st.evaluationSeconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - ruleStart).count();
            rule.setStatus(st);
        };
        if (!result) {
            st.health = RuleHealth::Bad;
            st.lastError = result.status().message();
            if (opts_.logFailures)
                qCWarning(lcRules).noquote() << "rule" << rule.name().c_str() << "in group" << spec_.name.c_str()
                                         << "failed:" << st.lastError.c_str();
            finish();
            continue;  // Prometheus keeps the previous series (no staleness markers) on a failed evaluation
        }
        st.health = RuleHealth::Good;
        if (auto *ar = dynamic_cast<AlertingRule *>(&rule); ar && opts_.sink) {
            auto alerts = ar->alertsToSend(tMs, opts_.resendDelayMs, intervalMs_);
            if (!alerts.empty()) opts_.sink->send(std::move(alerts));
        }
        std::vector<model::Labels> written;
        if (opts_.appendable) {
            auto app = opts_.appendable->appender();
            std::set<model::Labels> seen;
            for (const auto &s : *result) {
                auto r = app->append(0, s.metric, s.t, s.v);
                if (!r) {
                    st.health = RuleHealth::Bad;
                    st.lastError = r.status().message();
                } else {
                    written.push_back(s.metric);
                    seen.insert(s.metric);
                }
            }
            for (const auto &old : previous_[i]) {
                if (!seen.count(old)) {
                    (void)app->append(0, old, tMs, model::staleNaN());  // no longer returned: mark stale
                }
            }
            if (Status s = app->commit(); !s.isOk()) {
                st.health = RuleHealth::Bad;
                st.lastError = s.message();
            }
        }
        previous_[i] = std::move(written);
        finish();
    }
    lastEvalMs_.store(tMs);
    evalNanos_.store(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started)
                         .count());
}

void RuleGroup::restoreForState(int64_t tMs)
{
    std::unique_ptr<storage::Querier> q;
    if (opts_.queryable) {
        auto r = opts_.queryable->querier(tMs - opts_.outageToleranceMs, tMs);
        if (r) q = std::move(r).value();
        else qCWarning(lcRules).noquote() << "restoring alert state:" << r.status().message().c_str();
    }
    for (auto &r : rules_) {
        auto *ar = dynamic_cast<AlertingRule *>(r.get());
        if (!ar) continue;
        if (q) ar->restoreForState(*q, tMs, opts_.forGracePeriodMs);
        else ar->setRestored(true);
    }
}

void RuleGroup::copyState(RuleGroup &old)
{
    rounds_ = old.rounds_;
    std::vector<bool> taken(old.rules_.size(), false);
    for (size_t i = 0; i < rules_.size(); ++i) {
        for (size_t j = 0; j < old.rules_.size(); ++j) {
            const Rule &o = *old.rules_[j];
            Rule &n = *rules_[i];
            if (taken[j] || o.name() != n.name() || o.query() != n.query() || o.spec().labels != n.spec().labels)
                continue;
            taken[j] = true;
            previous_[i] = old.previous_[j];
            n.setStatus(o.status());
            auto *na = dynamic_cast<AlertingRule *>(&n);
            auto *oa = dynamic_cast<const AlertingRule *>(&o);
            if (na && oa) na->copyStateFrom(*oa);
            break;
        }
    }
    lastEvalMs_.store(old.lastEvalMs_.load());
    evalNanos_.store(old.evalNanos_.load());
    // Series of old rules that no rule took over become stale at the next round.
    for (size_t j = 0; j < old.rules_.size(); ++j) {
        if (!taken[j]) orphaned_.insert(orphaned_.end(), old.previous_[j].begin(), old.previous_[j].end());
    }
    orphaned_.insert(orphaned_.end(), old.orphaned_.begin(), old.orphaned_.end());
}

void RuleGroup::markStale(int64_t tMs)
{
    if (!opts_.appendable) return;
    auto app = opts_.appendable->appender();
    for (auto &series : previous_) {
        for (const auto &l : series) (void)app->append(0, l, tMs, model::staleNaN());
        series.clear();
    }
    (void)app->commit();
}

void RuleGroup::start()
{
    if (thread_.joinable()) return;
    {
        std::lock_guard lock(runMu_);
        stopping_ = false;
    }
    thread_ = std::thread([this] { run(); });
}

void RuleGroup::stop()
{
    {
        std::lock_guard lock(runMu_);
        stopping_ = true;
    }
    runCv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void RuleGroup::run()
{
    // Wait for the first slot after now, then one round per slot.
    int64_t next = evalTimestamp(now()) + intervalMs_;
    for (;;) {
        {
            std::unique_lock lock(runMu_);
            for (;;) {
                if (stopping_) return;
                const int64_t wait = next - now();
                if (wait <= 0) break;
                runCv_.wait_for(lock, std::chrono::milliseconds(std::min<int64_t>(wait, 200)));
            }
        }
        iterate(next);
        const int64_t t = now();
        next += intervalMs_;
        if (next <= t) {
            const int64_t missed = (t - next) / intervalMs_ + 1;
            qCWarning(lcRules).noquote() << "rule group" << spec_.name.c_str() << "missed" << missed << "iterations";
            next += missed * intervalMs_;
        }
    }
}

}  // namespace vigil::rules
