#include "web/federation.h"

#include "model/sample.h"
#include "rules/go_format.h"

#include <algorithm>
#include <map>
#include <optional>

namespace vigil::web {

namespace {

// Label values escaped as the text format wants: backslash, quote, newline.
void appendEscaped(std::string &out, std::string_view v)
{
    for (char c : v) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                out += c;
        }
    }
}

// The latest sample in [mint, maxt] of `s`, if any.
Result<std::optional<model::Sample>> latestSample(const storage::Series &s, int64_t mint, int64_t maxt)
{
    std::optional<model::Sample> last;
    auto it = s.iterator();
    if (it->seek(mint)) {
        do {
            const model::Sample x = it->at();
            if (x.t > maxt) break;
            last = x;
        } while (it->next());
    }
    if (Status st = it->status(); !st.isOk()) return st;
    return last;
}

}  // namespace

Result<std::string> renderFederation(storage::Querier &querier, const std::vector<std::vector<model::Matcher>> &sets,
                                     int64_t maxtMs, int64_t lookbackMs, const model::Labels &externalLabels)
{
    const int64_t mint = maxtMs - lookbackMs;
    // By name, then labels: one entry per series even when several selectors match it.
    std::map<std::string, std::map<model::Labels, model::Sample>, std::less<>> families;
    for (const auto &matchers : sets) {
        auto series = querier.select(matchers);
        if (!series.isOk()) return series.status();
        for (const auto &s : *series) {
            const std::string_view name = s->labels().metricName();
            if (name.empty()) continue;  // Prometheus logs "Ignoring nameless metric" and skips it
            auto sample = latestSample(*s, mint, maxtMs);
            if (!sample.isOk()) return sample.status();
            if (!*sample || model::isStaleNaN((*sample)->v)) continue;
            families[std::string(name)].emplace(s->labels(), **sample);
        }
    }

    // External labels plus instance="" unless set, in name order.
    std::vector<std::pair<std::string, std::string>> globals;
    bool instanceSet = false;
    for (const auto &l : externalLabels) {
        instanceSet = instanceSet || l.name == "instance";
        globals.emplace_back(l.name, l.value);
    }
    if (!instanceSet) {
        globals.emplace_back("instance", "");
        std::sort(globals.begin(), globals.end());
    }

    std::string out;
    for (const auto &[name, series] : families) {
        out += "# TYPE " + name + " untyped\n";
        for (const auto &[labels, sample] : series) {
            out += name;
            out += '{';
            bool first = true;
            auto add = [&](std::string_view n, std::string_view v) {
                if (!first) out += ',';
                first = false;
                out += n;
                out += "=\"";
                appendEscaped(out, v);
                out += '"';
            };
            for (const auto &l : labels) {
                if (l.name == model::kMetricName || l.value.empty()) continue;
                add(l.name, l.value);
            }
            for (const auto &[n, v] : globals) {
                if (!labels.has(n)) add(n, v);
            }
            out += "} ";
            out += rules::goFormatFloatV(sample.v);
            out += ' ';
            out += std::to_string(sample.t);
            out += '\n';
        }
    }
    return out;
}

}  // namespace vigil::web
