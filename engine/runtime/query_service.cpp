#include "runtime/query_service.h"

#include "core/thread_handoff.h"
#include "promql/parser.h"
#include "promql/printer.h"
#include "promql/value_type.h"
#include "scrape/scrape_manager.h"
#include "tsdb/db.h"

#include <QPromise>
#include <QThread>

#include <chrono>
#include <type_traits>

namespace vigil::runtime {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

const char *kindName(const promql::Expr &e)
{
    using K = promql::NodeKind;
    switch (e.kind()) {
    case K::NumberLiteral: return "number literal";
    case K::StringLiteral: return "string literal";
    case K::VectorSelector: return "instant vector selector";
    case K::MatrixSelector: return "range vector selector";
    case K::Subquery: return "subquery";
    case K::Paren: return "parentheses";
    case K::Unary: return "unary operator";
    case K::Binary: return "binary operator";
    case K::Aggregate: return "aggregation";
    case K::Call: return "function call";
    }
    return "expression";
}

void countValue(const promql::Value &v, ExplainNode &n)
{
    std::visit(
        [&](const auto &x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, promql::Vector>) {
                n.seriesCount = n.sampleCount = int64_t(x.size());
            } else if constexpr (std::is_same_v<T, promql::Matrix>) {
                n.seriesCount = int64_t(x.size());
                for (const auto &s : x) n.sampleCount += int64_t(s.points.size());
            } else {
                n.seriesCount = n.sampleCount = 1;
            }
        },
        v);
}

}  // namespace

QueryService::QueryService(tsdb::Db *db, scrape::ScrapeManager *scraper, promql::EngineOptions options, int threads)
    : db_(db), scraper_(scraper), engine_(*db, options)
{
    pool_.setMaxThreadCount(threads > 0 ? threads : std::max(2, QThread::idealThreadCount()));
    pool_.setObjectName(QStringLiteral("vigil-console-query"));
}

QueryService::~QueryService()
{
    {
        std::lock_guard lock(mu_);
        for (const auto &t : running_) t->cancel();
    }
    pool_.clear();  // queued work that never started: its futures finish without a result
    pool_.waitForDone();
}

promql::QueryOptions QueryService::queryOptions(const CancelToken &cancel) const
{
    promql::QueryOptions qo;
    qo.cancel = cancel;
    return qo;
}

template <typename T, typename F>
QFuture<T> QueryService::run(CancelToken cancel, F work)
{
    if (!cancel) cancel = std::make_shared<promql::CancellationToken>();
    {
        std::lock_guard lock(mu_);
        running_.insert(cancel);
    }
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    startPoolTask(pool_, [this, promise, cancel, work = std::move(work)]() mutable {
        T out;
        if (cancel->isCancelled()) {
            out.status = Status::cancelled("query was canceled before it started");
        } else {
            out = work(cancel);
        }
        {
            std::lock_guard lock(mu_);
            running_.erase(cancel);
        }
        promise->addResult(std::move(out));
        promise->finish();
    });
    return future;
}

QFuture<QueryOutcome> QueryService::instantQuery(std::string query, int64_t timeMs, CancelToken cancel)
{
    return run<QueryOutcome>(std::move(cancel), [this, query = std::move(query), timeMs](const CancelToken &c) {
        QueryOutcome out;
        const auto start = Clock::now();
        auto r = engine_.instantQuery(query, timeMs, queryOptions(c));
        out.elapsedMs = int64_t(msSince(start));
        if (r.isOk()) out.result = std::move(*r);
        else out.status = r.status();
        return out;
    });
}

QFuture<QueryOutcome> QueryService::rangeQuery(std::string query, int64_t startMs, int64_t endMs, int64_t stepMs,
                                               CancelToken cancel)
{
    return run<QueryOutcome>(std::move(cancel),
                             [this, query = std::move(query), startMs, endMs, stepMs](const CancelToken &c) {
                                 QueryOutcome out;
                                 const auto start = Clock::now();
                                 auto r = engine_.rangeQuery(query, startMs, endMs, stepMs, queryOptions(c));
                                 out.elapsedMs = int64_t(msSince(start));
                                 if (r.isOk()) out.result = std::move(*r);
                                 else out.status = r.status();
                                 return out;
                             });
}

QFuture<BacktestOutcome> QueryService::backtest(rules::BacktestRequest request, CancelToken cancel)
{
    return run<BacktestOutcome>(std::move(cancel), [this, request = std::move(request)](const CancelToken &c) {
        BacktestOutcome out;
        const auto start = Clock::now();
        auto r = rules::backtestRule(engine_, request, queryOptions(c));
        out.elapsedMs = int64_t(msSince(start));
        if (r.isOk()) out.result = std::move(*r);
        else out.status = r.status();
        return out;
    });
}

QFuture<StringsOutcome> QueryService::labelNames(std::vector<model::Matcher> matchers, int64_t mint, int64_t maxt)
{
    return run<StringsOutcome>({}, [this, matchers = std::move(matchers), mint, maxt](const CancelToken &) {
        StringsOutcome out;
        auto q = db_->querier(mint, maxt);
        if (!q.isOk()) return StringsOutcome{q.status(), {}};
        auto r = (*q)->labelNames(matchers);
        if (!r.isOk()) return StringsOutcome{r.status(), {}};
        out.values = std::move(*r);
        return out;
    });
}

QFuture<StringsOutcome> QueryService::labelValues(std::string name, std::vector<model::Matcher> matchers,
                                                  int64_t mint, int64_t maxt)
{
    return run<StringsOutcome>(
        {}, [this, name = std::move(name), matchers = std::move(matchers), mint, maxt](const CancelToken &) {
            StringsOutcome out;
            auto q = db_->querier(mint, maxt);
            if (!q.isOk()) return StringsOutcome{q.status(), {}};
            auto r = (*q)->labelValues(name, matchers);
            if (!r.isOk()) return StringsOutcome{r.status(), {}};
            out.values = std::move(*r);
            return out;
        });
}

QFuture<MetadataOutcome> QueryService::metadata()
{
    return run<MetadataOutcome>({}, [this](const CancelToken &) {
        MetadataOutcome out;
        if (!scraper_) return out;
        for (const auto &[url, mds] : scraper_->metadata()) {
            for (const auto &[name, md] : mds) out.metrics.emplace(name, md);  // first target wins
        }
        return out;
    });
}

QFuture<ExplainOutcome> QueryService::explain(std::string query, int64_t timeMs, CancelToken cancel)
{
    return run<ExplainOutcome>(std::move(cancel), [this, query = std::move(query), timeMs](const CancelToken &c) {
        ExplainOutcome out;
        auto parsed = promql::parseExpr(query);
        if (!parsed.isOk()) {
            out.status = parsed.status();
            return out;
        }
        const promql::QueryOptions qo = queryOptions(c);
        // Pre-order walk; parentheses are shown through (their child takes
        // their place) and a range selector is a leaf, as PromLens draws them.
        struct Item {
            const promql::Expr *e;
            int depth;
        };
        std::vector<Item> stack{{parsed->get(), 0}};
        while (!stack.empty()) {
            if (c->isCancelled()) {
                out.status = Status::cancelled("query was canceled in expression evaluation");
                return out;
            }
            Item it = stack.back();
            stack.pop_back();
            if (const auto *p = it.e->as<promql::ParenExpr>()) {
                stack.push_back({p->expr.get(), it.depth});
                continue;
            }
            ExplainNode n;
            n.depth = it.depth;
            n.expr = promql::toString(*it.e);
            n.kind = kindName(*it.e);
            n.type = promql::valueTypeName(it.e->type());
            const auto start = Clock::now();
            auto r = engine_.instantQuery(*it.e, timeMs, qo);
            n.elapsedMs = msSince(start);
            if (r.isOk()) countValue(r->value, n);
            else n.status = r.status();
            if (n.status.code() == Status::Code::Cancelled) {
                out.status = n.status;
                return out;
            }
            out.nodes.push_back(std::move(n));
            if (it.e->kind() == promql::NodeKind::MatrixSelector) continue;
            const auto kids = promql::children(*it.e);
            for (auto k = kids.rbegin(); k != kids.rend(); ++k) stack.push_back({*k, it.depth + 1});
        }
        return out;
    });
}

}  // namespace vigil::runtime
