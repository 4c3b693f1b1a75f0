// vigil check metrics [--format=text|openmetrics] [FILE]
#include "check_metrics_command.h"

#include "exposition/check_metrics.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

int runCheckMetrics(const std::vector<std::string> &args)
{
    using vigil::exposition::Format;
    Format fmt = Format::Auto;
    std::string file;
    for (const auto &a : args) {
        if (a == "--format=text") {
            fmt = Format::Text;
        } else if (a == "--format=openmetrics") {
            fmt = Format::OpenMetrics;
        } else if (a.rfind("--format", 0) == 0) {
            std::cerr << "vigil check metrics: --format must be text or openmetrics\n";
            return 2;
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            std::cerr << "vigil check metrics: unknown flag " << a << "\n";
            return 2;
        } else if (file.empty()) {
            file = a;
        } else {
            std::cerr << "vigil check metrics: only one FILE may be given\n";
            return 2;
        }
    }
    std::string body;
    if (file.empty() || file == "-") {
        body.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::cerr << "vigil check metrics: cannot read " << file << "\n";
            return 1;
        }
        body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    vigil::exposition::CheckMetricsStats stats;
    const vigil::Status st = vigil::exposition::checkMetrics(body, fmt, &stats);
    if (!st.isOk()) {
        std::cerr << (file.empty() ? std::string() : file + ":") << st.message() << "\n";
        return 1;
    }
    return 0;
}
