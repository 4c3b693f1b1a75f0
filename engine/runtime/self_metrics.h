// SelfMetrics: Vigil's own metrics, rendered in the Prometheus text format at
// /metrics and scraped by the engine itself (job "vigil").
//
// Components register collectors: a metric family (name, help, type) and a
// callback producing its samples at render time. Process metrics
// (process_cpu_seconds_total, process_resident_memory_bytes, ...) are built in.
//
// Thread safety: add() and render() may be called from any thread; collector
// callbacks run on the rendering thread and must be thread-safe themselves
// (read atomics or take their component's lock briefly).
#pragma once

#include "model/labels.h"

#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace vigil::runtime {

class SelfMetrics {
public:
    enum class Type { Counter, Gauge, Histogram };
    struct Sample {
        std::vector<model::Label> labels;  // without __name__
        double value = 0;
        std::string suffix;  // appended to the family name: "_bucket", "_sum", "_count" of a histogram
    };
    using Collector = std::function<std::vector<Sample>()>;

    SelfMetrics();
    // Registers a family. A name registered twice keeps both collectors (their
    // samples must have distinct label sets).
    void add(std::string name, std::string help, Type type, Collector collect);
    // Convenience for a single unlabeled value.
    void addValue(std::string name, std::string help, Type type, std::function<double()> value);

    // Text format 0.0.4, families sorted by name.
    std::string render() const;

private:
    struct Family {
        std::string name, help;
        Type type;
        Collector collect;
    };
    mutable std::mutex mu_;
    std::vector<Family> families_;
};

// Formats a double as the exposition formats expect: "NaN", "+Inf", "-Inf",
// integers without exponent where exact, else shortest round-trip form.
std::string formatSampleValue(double v);

}  // namespace vigil::runtime
