#include "scrape/scrape_processor.h"

#include "exposition/parser.h"
#include "model/sample.h"
#include "scrape/relabel.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

namespace vigil::scrape {

namespace {

constexpr const char *kReportNames[5] = {"up", "scrape_duration_seconds", "scrape_samples_scraped",
                                         "scrape_samples_post_metric_relabeling", "scrape_series_added"};

bool isRejectedSample(const Status &s)
{
    if (s.code() != Status::Code::InvalidArgument) return false;
    const std::string &m = s.message();
    return m == storage::kErrOutOfOrder || m == storage::kErrDuplicate || m == storage::kErrOutOfBounds ||
           m == storage::kErrTooOldSample;
}

// Go's %.50s / %.50q: at most 50 bytes (runes in Go; bytes are close enough for an error text).
std::string clip(std::string_view s)
{
    return std::string(s.substr(0, 50));
}

}  // namespace

ScrapeProcessor::ScrapeProcessor(const ScrapeConfig &job, model::Labels targetLabels)
    : job_(job), targetLabels_(std::move(targetLabels))
{
    job_.staticConfigs.clear();
    for (int i = 0; i < 5; ++i) {
        model::LabelsBuilder lb(targetLabels_);
        lb.set(model::kMetricName, kReportNames[i]);
        report_[i].labels = lb.labels();
    }
}

size_t ScrapeProcessor::activeSeries() const
{
    size_t n = 0;
    for (const auto &[k, e] : cache_)
        if (!e.dropped && e.lastCommitted == iter_ && iter_ != 0) ++n;
    return n;
}

Status ScrapeProcessor::checkLimits(const model::Labels &l) const
{
    const std::string_view name = l.metricName();
    if (job_.labelLimit > 0 && l.size() > job_.labelLimit)
        return Status::resourceExhausted("label_limit exceeded (metric: " + clip(name) +
                                         ", number of labels: " + std::to_string(l.size()) +
                                         ", limit: " + std::to_string(job_.labelLimit) + ")");
    for (const model::Label &x : l) {
        if (job_.labelNameLengthLimit > 0 && x.name.size() > job_.labelNameLengthLimit)
            return Status::resourceExhausted("label_name_length_limit exceeded (metric: " + clip(name) +
                                             ", label name: " + clip(x.name) +
                                             ", length: " + std::to_string(x.name.size()) +
                                             ", limit: " + std::to_string(job_.labelNameLengthLimit) + ")");
        if (job_.labelValueLengthLimit > 0 && x.value.size() > job_.labelValueLengthLimit)
            return Status::resourceExhausted("label_value_length_limit exceeded (metric: " + clip(name) +
                                             ", label name: " + clip(x.name) +
                                             ", value: " + model::quoteLabelValue(clip(x.value)) +
                                             ", length: " + std::to_string(x.value.size()) +
                                             ", limit: " + std::to_string(job_.labelValueLengthLimit) + ")");
    }
    return Status::ok();
}

Status ScrapeProcessor::buildEntry(std::string_view name, const exposition::Parser &p, Entry *e)
{
    std::vector<model::Label> raw;
    raw.reserve(p.labels().size() + 1);
    raw.push_back({std::string(model::kMetricName), std::string(name)});
    for (const exposition::LabelRef &l : p.labels())
        raw.push_back({std::string(l.name), std::string(l.value)});
    const model::Labels exposed = model::Labels::fromUnsorted(std::move(raw));

    model::LabelsBuilder lb(exposed);
    if (job_.honorLabels) {
        for (const model::Label &t : targetLabels_)
            if (!exposed.has(t.name)) lb.set(t.name, t.value);
    } else {
        std::vector<model::Label> conflicts;
        for (const model::Label &t : targetLabels_) {
            const std::string_view existing = exposed.get(t.name);
            if (!existing.empty()) conflicts.push_back({t.name, std::string(existing)});
            lb.set(t.name, t.value);
        }
        std::stable_sort(
            conflicts.begin(), conflicts.end(),
            [](const model::Label &a, const model::Label &b) { return a.name.size() < b.name.size(); });
        std::vector<std::string> used;
        for (const model::Label &c : conflicts) {
            std::string newName = c.name;
            for (;;) {
                newName = "exported_" + newName;
                if (!exposed.has(newName) && !targetLabels_.has(newName) &&
                    std::find(used.begin(), used.end(), newName) == used.end())
                    break;
            }
            lb.set(newName, c.value);
            used.push_back(newName);
        }
    }
    if (!relabel(&lb, job_.metricRelabelConfigs)) {
        e->dropped = true;
        return Status::ok();
    }
    model::Labels lset = lb.labels();
    if (lset.empty()) {
        e->dropped = true;
        return Status::ok();
    }
    if (!lset.has(model::kMetricName)) return Status::invalidArgument("missing metric name (__name__ label)");
    VIGIL_RETURN_IF_ERROR(checkLimits(lset));
    e->labels = std::move(lset);
    return Status::ok();
}

Status ScrapeProcessor::appendOne(storage::Appender *app, Entry *e, int64_t t, double v, ScrapeReport *report)
{
    Result<storage::SeriesRef> r = app->append(e->ref, e->labels, t, v);
    if (r) {
        e->ref = *r;
        return Status::ok();
    }
    if (isRejectedSample(r.status())) {
        ++report->appendRejected;
        return Status::ok();
    }
    return r.status();
}

Status ScrapeProcessor::appendBody(storage::Appender *app, std::string_view body, exposition::Format format,
                                   int64_t timestampMs, ScrapeReport *report,
                                   exposition::MetadataCollector *metadata)
{
    // A fresh iteration number per attempt: numbers of discarded attempts
    // never come back, so their marks cannot be mistaken for a later one.
    staged_ = std::max(staged_, iter_) + 1;
    touched_.clear();
    newKeys_.clear();
    *report = {};

    std::unique_ptr<exposition::Parser> p = exposition::Parser::create(format, body);
    for (;;) {
        const exposition::Entry entry = p->next();
        if (entry == exposition::Entry::Eof) break;
        if (entry == exposition::Entry::Invalid) return p->status();
        if (entry != exposition::Entry::Series) {
            if (metadata) metadata->observe(*p, entry);
            continue;
        }
        ++report->samplesScraped;
        const std::string_view name = p->metricName();
        key_.assign(name);
        for (const exposition::LabelRef &l : p->labels()) {
            key_.push_back('\xff');
            key_.append(l.name);
            key_.push_back('\xfe');
            key_.append(l.value);
        }
        auto it = cache_.find(std::string_view(key_));
        if (it == cache_.end()) {
            Entry fresh;
            VIGIL_RETURN_IF_ERROR(buildEntry(name, *p, &fresh));
            it = cache_.emplace(key_, std::move(fresh)).first;
            newKeys_.push_back(key_);
            if (!it->second.dropped) ++report->seriesAdded;
        }
        Entry &e = it->second;
        if (e.dropped) {
            e.lastSeen = staged_;
            continue;
        }
        if (++report->samplesPostRelabel > job_.sampleLimit && job_.sampleLimit > 0)
            return Status::resourceExhausted("sample limit exceeded (limit " +
                                             std::to_string(job_.sampleLimit) + ")");
        int64_t t = timestampMs;
        const bool explicitTs = job_.honorTimestamps && p->hasTimestamp();
        if (explicitTs) t = p->timestamp();
        VIGIL_RETURN_IF_ERROR(appendOne(app, &e, t, p->value(), report));
        e.explicitTimestamp = explicitTs;
        if (e.lastSeen != staged_) touched_.push_back(&e);
        e.lastSeen = staged_;
    }

    // Staleness: series of the previous successful scrape missing now.
    if (iter_ == 0) return Status::ok();
    std::vector<Entry *> gone;
    for (auto &[k, e] : cache_)
        if (!e.dropped && !e.explicitTimestamp && e.lastCommitted == iter_ && e.lastSeen != staged_)
            gone.push_back(&e);
    if (gone.empty()) return Status::ok();
    std::unordered_set<uint64_t> present;
    for (const Entry *e : touched_) present.insert(e->labels.hash());
    for (Entry *e : gone) {
        if (present.count(e->labels.hash())) continue;  // same series under another raw spelling
        VIGIL_RETURN_IF_ERROR(appendOne(app, e, timestampMs, model::staleNaN(), report));
    }
    return Status::ok();
}

Status ScrapeProcessor::appendStaleAll(storage::Appender *app, int64_t timestampMs)
{
    touched_.clear();
    ScrapeReport ignored;
    if (iter_ == 0) return Status::ok();
    for (auto &[k, e] : cache_) {
        if (e.dropped || e.explicitTimestamp || e.lastCommitted != iter_) continue;
        VIGIL_RETURN_IF_ERROR(appendOne(app, &e, timestampMs, model::staleNaN(), &ignored));
    }
    return Status::ok();
}

Status ScrapeProcessor::appendReport(storage::Appender *app, int64_t timestampMs, bool up,
                                     double durationSeconds, const ScrapeReport &report)
{
    const double values[5] = {up ? 1.0 : 0.0, durationSeconds, double(report.samplesScraped),
                              double(report.samplesPostRelabel), double(report.seriesAdded)};
    for (int i = 0; i < 5; ++i) {
        Result<storage::SeriesRef> r = app->append(report_[i].ref, report_[i].labels, timestampMs, values[i]);
        if (r)
            report_[i].ref = *r;
        else if (!isRejectedSample(r.status()))
            return r.status();
    }
    return Status::ok();
}

Status ScrapeProcessor::appendReportStale(storage::Appender *app, int64_t timestampMs)
{
    for (ReportSeries &s : report_) {
        Result<storage::SeriesRef> r = app->append(s.ref, s.labels, timestampMs, model::staleNaN());
        if (!r && !isRejectedSample(r.status())) return r.status();
    }
    return Status::ok();
}

Status ScrapeProcessor::scrape(storage::Appendable *appendable, const Status &fetch, std::string_view body,
                               exposition::Format format, int64_t timestampMs, double durationSeconds,
                               ScrapeReport *report, exposition::MetadataCollector *metadata)
{
    std::unique_ptr<storage::Appender> app = appendable->appender();
    *report = {};
    Status st = fetch;
    if (st) {
        st = appendBody(app.get(), body, format, timestampMs, report, metadata);
        if (!st) {
            app->rollback();
            discardScrape();
            report->samplesPostRelabel = 0;
            report->seriesAdded = 0;
        }
    }
    const bool bodyOk = st.isOk();
    Status out;
    if (!bodyOk) out = appendStaleAll(app.get(), timestampMs);
    if (out) out = appendReport(app.get(), timestampMs, bodyOk, durationSeconds, *report);
    if (out) out = app->commit();
    if (out) {
        commitScrape(bodyOk);
        return st;
    }
    app->rollback();
    discardScrape();
    return bodyOk ? out.withContext("append") : st;
}

Status ScrapeProcessor::markAllStale(storage::Appendable *appendable, int64_t timestampMs)
{
    std::unique_ptr<storage::Appender> app = appendable->appender();
    Status st = appendStaleAll(app.get(), timestampMs);
    if (st) st = appendReportStale(app.get(), timestampMs);
    if (st) st = app->commit();
    if (st)
        commitScrape(false);
    else
        app->rollback();
    return st;
}

void ScrapeProcessor::commitScrape(bool bodyOk)
{
    if (bodyOk) {
        iter_ = staged_;
        for (Entry *e : touched_) e->lastCommitted = iter_;
    } else {
        // Everything is stale now; a fresh iteration nobody belongs to.
        staged_ = std::max(staged_, iter_) + 1;
        iter_ = staged_;
    }
    // Forget series not part of the latest successful scrape (their stale
    // markers were written in this batch). Dropped entries stay cached while
    // the body keeps exposing them.
    if (cache_.size() != touched_.size()) {
        for (auto it = cache_.begin(); it != cache_.end();) {
            const Entry &e = it->second;
            const bool keep = e.dropped ? e.lastSeen == staged_ && bodyOk : e.lastCommitted == iter_;
            it = keep ? std::next(it) : cache_.erase(it);
        }
    }
    touched_.clear();
    newKeys_.clear();
}

void ScrapeProcessor::discardScrape()
{
    for (const std::string &k : newKeys_) cache_.erase(k);
    newKeys_.clear();
    touched_.clear();
}

}  // namespace vigil::scrape
