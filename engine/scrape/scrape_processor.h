// ScrapeProcessor: turns scrape bodies of one target into appends, with
// Prometheus's per-target rules: target labels and honor_labels, honor_timestamps,
// metric_relabel_configs, sample/label limits, staleness markers and the
// synthetic series.
//
// One processor per target and scrape loop; it keeps a cache from the raw
// series text to the final labels and storage ref, so a series seen before
// costs no relabeling and no label allocation. Usage for one scrape:
//
//   auto app = appendable->appender();
//   ScrapeReport rep;
//   Status st = proc.appendBody(app.get(), body, format, ts, &rep, &metadata);
//   if (!st) { app->rollback(); proc.discardScrape(); proc.appendStaleAll(app.get(), ts); }
//   proc.appendReport(app.get(), ts, st.isOk(), durationSeconds, rep);
//   if (app->commit()) proc.commitScrape(st.isOk()); else proc.discardScrape();
//
// All-or-nothing: appendBody() either appends every sample of the body
// (except samples the storage rejects as out of order / duplicate / out of
// bounds, counted in the report as Prometheus does) or fails before the
// caller commits; the caller then rolls back and appends only staleness
// markers and the synthetic series.
//
// Staleness (as Prometheus): after a successful scrape, series of the
// previous successful scrape that are missing get model::staleNaN() at the
// scrape's timestamp; a failed scrape marks all series of the previous
// scrape stale; appendStaleAll() also serves when a target goes away.
// Series with explicit timestamps (honor_timestamps) are not marked stale.
//
// Thread safety: none; used by the scrape loop's thread only.
#pragma once

#include "core/status.h"
#include "exposition/format.h"
#include "exposition/metadata_collector.h"
#include "model/labels.h"
#include "scrape/scrape_config.h"
#include "scrape/scrape_report.h"
#include "storage/storage.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigil::scrape {

class ScrapeProcessor {
public:
    // `targetLabels` are the target's public labels (job, instance, ...).
    // The config must outlive nothing: it is copied.
    ScrapeProcessor(const ScrapeConfig &job, model::Labels targetLabels);

    // Parses `body` with the parser for `format` (Text or OpenMetrics) and
    // appends its samples at `timestampMs` (or their own timestamps under
    // honor_timestamps), plus staleness markers for series that disappeared.
    // Fills *report and, when non-null, *metadata (HELP/TYPE/UNIT).
    // Errors (InvalidArgument "line:col: reason", ResourceExhausted "sample
    // limit exceeded" / "label_limit exceeded ...", or the storage's error)
    // mean the caller must roll back.
    Status appendBody(storage::Appender *app, std::string_view body, exposition::Format format,
                      int64_t timestampMs, ScrapeReport *report, exposition::MetadataCollector *metadata);

    // Staleness markers for every series of the last committed successful
    // scrape (a failed scrape, a removed target, shutdown).
    Status appendStaleAll(storage::Appender *app, int64_t timestampMs);

    // up, scrape_duration_seconds, scrape_samples_scraped,
    // scrape_samples_post_metric_relabeling, scrape_series_added.
    Status appendReport(storage::Appender *app, int64_t timestampMs, bool up, double durationSeconds,
                        const ScrapeReport &report);
    // Staleness markers for the five synthetic series.
    Status appendReportStale(storage::Appender *app, int64_t timestampMs);

    // The whole of one scrape as the scrape loop runs it, in one appender
    // batch: appendBody() when `fetch` is Ok (rolled back if it fails), else
    // or then appendStaleAll(); appendReport(); commit. Returns the scrape's
    // outcome: Ok, `fetch`, the body's error, or the storage's error.
    // *report holds the figures reported in the synthetic series.
    Status scrape(storage::Appendable *appendable, const Status &fetch, std::string_view body,
                  exposition::Format format, int64_t timestampMs, double durationSeconds,
                  ScrapeReport *report, exposition::MetadataCollector *metadata);
    // Staleness markers for all series and the synthetic series, committed
    // (the target goes away).
    Status markAllStale(storage::Appendable *appendable, int64_t timestampMs);

    // After a successful commit: `bodyOk` tells whether appendBody() had
    // succeeded (its series become the "previous scrape") or the batch held
    // appendStaleAll() (no series are current any more).
    void commitScrape(bool bodyOk);
    // After a rollback or a failed commit: forgets what appendBody() staged.
    void discardScrape();

    // Series currently tracked for staleness.
    size_t activeSeries() const;

private:
    struct Entry {
        storage::SeriesRef ref = 0;
        model::Labels labels;        // final labels; empty when dropped by relabeling
        uint64_t lastSeen = 0;       // attempt that last appended (or dropped) it, committed or not
        uint64_t lastCommitted = 0;  // last committed successful scrape that appended it
        bool dropped = false;
        bool explicitTimestamp = false;
    };
    struct KeyHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return size_t(model::hashBytes(s.data(), s.size())); }
    };
    using Cache = std::unordered_map<std::string, Entry, KeyHash, std::equal_to<>>;

    Status buildEntry(std::string_view name, const exposition::Parser &p, Entry *e);
    Status checkLimits(const model::Labels &l) const;
    Status appendOne(storage::Appender *app, Entry *e, int64_t t, double v, ScrapeReport *report);

    ScrapeConfig job_;
    model::Labels targetLabels_;
    Cache cache_;
    std::string key_;                   // reused raw-key buffer
    std::vector<std::string> newKeys_;  // entries created by the staged scrape
    std::vector<Entry *> touched_;      // entries appended by the staged scrape
    uint64_t iter_ = 0;                 // iteration of the last committed successful scrape
    uint64_t staged_ = 0;               // iteration being staged

    struct ReportSeries {
        model::Labels labels;
        storage::SeriesRef ref = 0;
    };
    ReportSeries report_[5];
};

}  // namespace vigil::scrape
