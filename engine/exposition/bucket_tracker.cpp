#include "exposition/bucket_tracker.h"

#include <cmath>

namespace vigil::exposition {

const char *BucketTracker::add(Kind kind, uint64_t group, double bound, double value, bool checkCumulative,
                               int line)
{
    const bool complete = kind == Kind::HistogramBuckets && std::isinf(bound_) && bound_ > 0;
    if (open_ && (group != group_ || kind != kind_ || complete)) {
        if (!complete) {
            if (const char *err = close()) return err;
        }
        open_ = false;
    }
    if (open_) {
        if (!(bound > bound_)) {
            return kind == Kind::HistogramBuckets ? "histogram buckets must be in increasing order of \"le\""
                                                  : "summary quantiles must be in increasing order";
        }
        if (checkCumulative && value < value_) {
            return "histogram bucket counts must not decrease as \"le\" increases";
        }
    }
    if (kind == Kind::HistogramBuckets && std::isinf(bound) && bound > 0) {
        haveInf_ = true;
        infGroup_ = group;
        infValue_ = value;
    }
    open_ = true;
    kind_ = kind;
    group_ = group;
    bound_ = bound;
    value_ = value;
    lastLine_ = line;
    return nullptr;
}

const char *BucketTracker::close()
{
    if (!open_) return nullptr;
    open_ = false;
    if (kind_ == Kind::HistogramBuckets && !(std::isinf(bound_) && bound_ > 0)) {
        return "histogram has no bucket with le=\"+Inf\"";
    }
    return nullptr;
}

const char *BucketTracker::checkCount(uint64_t group, double count) const
{
    if (haveInf_ && group == infGroup_ && !(count == infValue_) &&
        !(std::isnan(count) && std::isnan(infValue_))) {
        return "histogram _count must equal the value of its le=\"+Inf\" bucket";
    }
    return nullptr;
}

}  // namespace vigil::exposition
