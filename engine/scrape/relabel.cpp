#include "scrape/relabel.h"

#include "scrape/label_validation.h"

#include <QCryptographicHash>
#include <QString>

#include <string>
#include <vector>

namespace vigil::scrape {

namespace {

bool isAscii(std::string_view s)
{
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

std::string caseMap(std::string_view s, bool upper)
{
    if (isAscii(s)) {
        std::string r(s);
        for (char &c : r) {
            if (upper && c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
            if (!upper && c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        }
        return r;
    }
    const QString q = QString::fromUtf8(s.data(), qsizetype(s.size()));
    const QByteArray b = (upper ? q.toUpper() : q.toLower()).toUtf8();
    return std::string(b.constData(), size_t(b.size()));
}

uint64_t md5Sum64(std::string_view s)
{
    const QByteArray d =
        QCryptographicHash::hash(QByteArrayView(s.data(), qsizetype(s.size())), QCryptographicHash::Md5);
    // Prometheus's sum64 shifts every byte by (15 - i) * 8: shifts past 63
    // give 0 in Go, so only the last eight bytes count, big endian.
    uint64_t v = 0;
    for (int i = 8; i < 16; ++i) v = (v << 8) | static_cast<unsigned char>(d[i]);
    return v;
}

bool applyOne(model::LabelsBuilder *lb, const RelabelConfig &cfg, std::vector<std::string_view> *groups,
              std::string *scratch)
{
    std::string val;
    for (size_t i = 0; i < cfg.sourceLabels.size(); ++i) {
        if (i > 0) val += cfg.separator;
        val += lb->get(cfg.sourceLabels[i]);
    }
    switch (cfg.action) {
        case RelabelAction::Drop:
            if (cfg.regex.matches(val)) return false;
            break;
        case RelabelAction::Keep:
            if (!cfg.regex.matches(val)) return false;
            break;
        case RelabelAction::DropEqual:
            if (lb->get(cfg.targetLabel) == val) return false;
            break;
        case RelabelAction::KeepEqual:
            if (lb->get(cfg.targetLabel) != val) return false;
            break;
        case RelabelAction::Replace: {
            if (!cfg.regex.match(val, groups)) break;
            std::string target;
            cfg.regex.expand(cfg.targetLabel, *groups, &target);
            // As Prometheus: an invalid expanded name or an empty result
            // deletes target_label as written (a no-op for "${1}"-style names).
            if (!isValidLabelName(target)) {
                lb->del(cfg.targetLabel);
                break;
            }
            scratch->clear();
            cfg.regex.expand(cfg.replacement, *groups, scratch);
            if (scratch->empty())
                lb->del(cfg.targetLabel);
            else
                lb->set(target, *scratch);
            break;
        }
        case RelabelAction::Lowercase:
            lb->set(cfg.targetLabel, caseMap(val, false));
            break;
        case RelabelAction::Uppercase:
            lb->set(cfg.targetLabel, caseMap(val, true));
            break;
        case RelabelAction::HashMod: {
            const uint64_t mod = cfg.modulus == 0 ? 0 : md5Sum64(val) % cfg.modulus;
            lb->set(cfg.targetLabel, std::to_string(mod));
            break;
        }
        case RelabelAction::LabelMap: {
            const model::Labels current = lb->labels();
            for (const model::Label &l : current) {
                if (!cfg.regex.match(l.name, groups)) continue;
                std::string name;
                cfg.regex.expand(cfg.replacement, *groups, &name);
                lb->set(name, l.value);
            }
            break;
        }
        case RelabelAction::LabelDrop:
        case RelabelAction::LabelKeep: {
            const bool keep = cfg.action == RelabelAction::LabelKeep;
            const model::Labels current = lb->labels();
            for (const model::Label &l : current)
                if (cfg.regex.matches(l.name) != keep) lb->del(l.name);
            break;
        }
    }
    return true;
}

}  // namespace

bool relabel(model::LabelsBuilder *lb, std::span<const RelabelConfig> cfgs)
{
    std::vector<std::string_view> groups;
    std::string scratch;
    for (const RelabelConfig &cfg : cfgs)
        if (!applyOne(lb, cfg, &groups, &scratch)) return false;
    return true;
}

model::Labels relabel(const model::Labels &labels, std::span<const RelabelConfig> cfgs)
{
    if (cfgs.empty()) return labels;
    model::LabelsBuilder lb(labels);
    if (!relabel(&lb, cfgs)) return {};
    return lb.labels();
}

}  // namespace vigil::scrape
