// BucketTracker: checks the order of the histogram buckets (by "le") or the
// summary quantiles (by "quantile") of consecutive samples of one family.
//
// A run is a sequence of consecutive bucket (quantile) samples whose other
// labels are equal (identified by a hash the caller computes). Within a run
// the bound must increase strictly; for histograms a run must end with the
// +Inf bucket and, if requested, cumulative counts must not decrease; the
// series' _count must equal its +Inf bucket (checkCount()). A run
// that reached +Inf may be followed by a new run with the same labels (the
// next MetricPoint, OpenMetrics allows several per metric).
//
// Methods return nullptr when fine, else a static reason string.
// Thread safety: none; owned by one parser.
#pragma once

#include <cstdint>

namespace vigil::exposition {

class BucketTracker {
public:
    enum class Kind { HistogramBuckets, SummaryQuantiles };

    // Forgets any open run.
    void reset() { open_ = haveInf_ = false; }

    // A bucket / quantile sample with bound `bound` (le or quantile), value
    // `value`, other labels hashing to `group`, on line `line`.
    const char *add(Kind kind, uint64_t group, double bound, double value, bool checkCumulative, int line);

    // The run (if any) ends: a sample that is not a bucket, another family,
    // or the end of input. For histograms an open run without +Inf fails.
    const char *close();

    // A _count sample whose other labels hash to `group`: if the latest run
    // with those labels ended with a +Inf bucket, the count must equal it.
    const char *checkCount(uint64_t group, double count) const;

    bool open() const { return open_; }
    // Line of the last sample of the open run.
    int lastLine() const { return lastLine_; }

private:
    bool open_ = false;
    Kind kind_ = Kind::HistogramBuckets;
    uint64_t group_ = 0;
    double bound_ = 0;
    double value_ = 0;
    int lastLine_ = 0;
    bool haveInf_ = false;  // the latest +Inf bucket seen
    uint64_t infGroup_ = 0;
    double infValue_ = 0;
};

}  // namespace vigil::exposition
