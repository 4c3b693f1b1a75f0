// Helpers for the exposition tests: render parser entries as one-line
// strings so data-driven tables can list the expected entries compactly.
//
//   S <family>/<type> <name>{l="v",...} <value>[ @<ms>][ # {l="v"} <value>[ @<ms>]]
//   H <family> <help>     T <family> <type>     U <family> <unit>     C <comment>
//
// Label values and help are re-escaped (\\ \" \n) so tables stay one-line.
#pragma once

#include "exposition/parser.h"

#include <QString>
#include <QStringList>

#include <charconv>
#include <cmath>
#include <string>

namespace vigil::exposition::testutil {

inline std::string renderValue(double v)
{
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

inline std::string escape(std::string_view s)
{
    std::string r;
    for (char c : s) {
        if (c == '\\')
            r += "\\\\";
        else if (c == '"')
            r += "\\\"";
        else if (c == '\n')
            r += "\\n";
        else
            r += c;
    }
    return r;
}

inline std::string renderLabels(std::span<const LabelRef> labels)
{
    std::string r = "{";
    bool first = true;
    for (const auto &l : labels) {
        if (!first) r += ',';
        first = false;
        r.append(l.name).append("=\"").append(escape(l.value)).append("\"");
    }
    return r + "}";
}

inline QString render(const Parser &p, Entry e)
{
    std::string r;
    switch (e) {
        case Entry::Series:
            r = "S " + std::string(p.family()) + "/" + std::string(metricTypeName(p.type())) + " " +
                std::string(p.metricName()) + renderLabels(p.labels()) + " " + renderValue(p.value());
            if (p.hasTimestamp()) r += " @" + std::to_string(p.timestamp());
            if (p.hasExemplar()) {
                r += " # " + renderLabels(p.exemplarLabels()) + " " + renderValue(p.exemplarValue());
                if (p.exemplarHasTimestamp()) r += " @" + std::to_string(p.exemplarTimestamp());
            }
            break;
        case Entry::Help:
            r = "H " + std::string(p.family()) + " " + escape(p.help());
            break;
        case Entry::Type:
            r = "T " + std::string(p.family()) + " " + std::string(metricTypeName(p.type()));
            break;
        case Entry::Unit:
            r = "U " + std::string(p.family()) + " " + std::string(p.unit());
            break;
        case Entry::Comment:
            r = "C " + std::string(p.comment());
            break;
        case Entry::Eof:
            r = "EOF";
            break;
        case Entry::Invalid:
            r = "INVALID " + p.status().message();
            break;
    }
    return QString::fromStdString(r);
}

// Parses the whole body; returns the rendered entries (without EOF). On an
// error the last element is "INVALID <message>".
inline QStringList parseAll(Format fmt, std::string_view body)
{
    auto p = Parser::create(fmt, body);
    QStringList out;
    for (int guard = 0; guard < 1000000; ++guard) {
        const Entry e = p->next();
        if (e == Entry::Eof) break;
        out << render(*p, e);
        if (e == Entry::Invalid) break;
    }
    return out;
}

}  // namespace vigil::exposition::testutil
