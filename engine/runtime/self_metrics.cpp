#include "runtime/self_metrics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>

namespace vigil::runtime {

std::string formatSampleValue(double v)
{
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, p);
}

namespace {

std::string escapeHelp(const std::string &s)
{
    std::string out;
    for (char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

// /proc/self/stat fields 14,15 (utime, stime in clock ticks), 22 (starttime), 24 (rss pages).
struct ProcStat {
    double cpuSeconds = 0;
    double residentBytes = 0;
    double virtualBytes = 0;
    double openFds = 0;
};

ProcStat readProcStat()
{
    ProcStat ps;
    std::ifstream f("/proc/self/stat");
    std::string content((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    size_t close = content.rfind(')');
    if (close == std::string::npos) return ps;
    std::istringstream in(content.substr(close + 2));
    std::vector<std::string> fields;
    std::string tok;
    while (in >> tok) fields.push_back(tok);
    // fields[0] is field 3 (state).
    auto field = [&](int n) -> double { return n - 3 < int(fields.size()) ? std::atof(fields[n - 3].c_str()) : 0; };
    const double ticks = double(sysconf(_SC_CLK_TCK));
    ps.cpuSeconds = (field(14) + field(15)) / ticks;
    ps.virtualBytes = field(23);
    ps.residentBytes = field(24) * double(sysconf(_SC_PAGESIZE));
    return ps;
}

}  // namespace

SelfMetrics::SelfMetrics()
{
    const double start = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    addValue("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", Type::Counter,
             [] { return readProcStat().cpuSeconds; });
    addValue("process_resident_memory_bytes", "Resident memory size in bytes.", Type::Gauge,
             [] { return readProcStat().residentBytes; });
    addValue("process_virtual_memory_bytes", "Virtual memory size in bytes.", Type::Gauge,
             [] { return readProcStat().virtualBytes; });
    addValue("process_start_time_seconds", "Start time of the process since unix epoch in seconds.", Type::Gauge,
             [start] { return start; });
    add("vigil_build_info", "A metric with a constant '1' value labeled by version.", Type::Gauge, [] {
        return std::vector<Sample>{{{{"version", QCoreApplication::applicationVersion().toStdString()}}, 1.0}};
    });
}

void SelfMetrics::add(std::string name, std::string help, Type type, Collector collect)
{
    std::lock_guard lock(mu_);
    families_.push_back({std::move(name), std::move(help), type, std::move(collect)});
}

void SelfMetrics::addValue(std::string name, std::string help, Type type, std::function<double()> value)
{
    add(std::move(name), std::move(help), type, [value = std::move(value)] {
        return std::vector<Sample>{{{}, value()}};
    });
}

std::string SelfMetrics::render() const
{
    std::vector<Family> families;
    {
        std::lock_guard lock(mu_);
        families = families_;
    }
    std::stable_sort(families.begin(), families.end(), [](const Family &a, const Family &b) { return a.name < b.name; });
    std::string out;
    std::string last;
    for (const auto &f : families) {
        if (f.name != last) {
            out += "# HELP " + f.name + " " + escapeHelp(f.help) + "\n";
            out += "# TYPE " + f.name +
                   (f.type == Type::Counter ? " counter\n" : f.type == Type::Histogram ? " histogram\n" : " gauge\n");
            last = f.name;
        }
        for (const auto &s : f.collect()) {
            out += f.name;
            out += s.suffix;
            if (!s.labels.empty()) {
                out += '{';
                for (size_t i = 0; i < s.labels.size(); ++i) {
                    if (i) out += ',';
                    out += s.labels[i].name + "=" + model::quoteLabelValue(s.labels[i].value);
                }
                out += '}';
            }
            out += ' ';
            out += formatSampleValue(s.value);
            out += '\n';
        }
    }
    return out;
}

}  // namespace vigil::runtime
