// Relabeling: a table of (input labels, relabel_configs YAML, output) covering
// every action with Prometheus's defaults and the examples of its docs.
#include "scrape/prometheus_config.h"
#include "scrape/relabel.h"

#include <QTest>

using namespace vigil;
using namespace vigil::scrape;

namespace {

// "a=1,b=2" -> Labels.
model::Labels parseLabels(const QString &s)
{
    std::vector<model::Label> v;
    for (const QString &kv : s.split(',', Qt::SkipEmptyParts)) {
        const int eq = kv.indexOf('=');
        v.push_back({kv.left(eq).toStdString(), kv.mid(eq + 1).toStdString()});
    }
    return model::Labels::fromUnsorted(std::move(v));
}

QString render(const model::Labels &l)
{
    QStringList parts;
    for (const auto &x : l) parts << QString::fromStdString(x.name + "=" + x.value);
    return parts.join(',');
}

Result<std::vector<RelabelConfig>> loadRelabel(const QString &yaml)
{
    QString doc = "scrape_configs:\n  - job_name: t\n    relabel_configs:\n";
    for (const QString &line : yaml.split('\n')) doc += "      " + line + "\n";
    auto cfg = PrometheusConfig::loadString(doc.toStdString(), "relabel.yml");
    if (!cfg) return cfg.status();
    return cfg->scrapeConfigs[0].relabelConfigs;
}

}  // namespace

class TestRelabel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void process_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("output");  // "DROPPED" when the set is dropped

        const QString in = "a=foo,b=bar,c=baz";
        // replace
        QTest::newRow("replace default regex copies")
            << in << "- source_labels: [a]\n  target_label: d" << in + ",d=foo";
        QTest::newRow("replace with groups")
            << in
            << "- source_labels: [a]\n  regex: 'f(.*)'\n  target_label: d\n  replacement: 'ch${1}-ch${1}'"
            << in + ",d=choo-choo";
        QTest::newRow("replace joined sources") << in
                                                << "- source_labels: [a, b]\n  regex: 'f(.*);(.*)r'\n  "
                                                   "target_label: a\n  replacement: 'b${1}${2}m'"
                                                << "a=boobam,b=bar,c=baz";
        QTest::newRow("replace custom separator")
            << in << "- source_labels: [a, b]\n  separator: '-'\n  target_label: d" << in + ",d=foo-bar";
        QTest::newRow("replace no match leaves labels")
            << in << "- source_labels: [a]\n  regex: 'x(.*)'\n  target_label: d" << in;
        QTest::newRow("replace regex is anchored")
            << in << "- source_labels: [a]\n  regex: 'o'\n  target_label: d\n  replacement: yes" << in;
        QTest::newRow("replace empty result deletes")
            << in << "- source_labels: [a]\n  regex: 'foo'\n  target_label: b\n  replacement: ''"
            << "a=foo,c=baz";
        QTest::newRow("replace missing source is empty")
            << in << "- source_labels: [zzz]\n  regex: '^$'\n  target_label: e\n  replacement: empty"
            << in + ",e=empty";
        QTest::newRow("replace expanded target name")
            << in << "- source_labels: [a]\n  regex: '(f)(o)o'\n  target_label: 'x_${1}_$2'\n  replacement: v"
            << in + ",x_f_o=v";
        QTest::newRow("replace invalid expanded target ignored")
            << in << "- source_labels: [a]\n  regex: '(.*)'\n  target_label: '${1}'\n  replacement: v"
            << in + ",foo=v";
        QTest::newRow("replace $1x is a named group")
            << in << "- source_labels: [a]\n  regex: '(.*)'\n  target_label: d\n  replacement: '$1x'" << in;
        QTest::newRow("replace named group")
            << in
            << "- source_labels: [a]\n  regex: '(?P<first>f)(?P<rest>.*)'\n  target_label: d\n"
               "  replacement: '${rest}-$first'"
            << in + ",d=oo-f";
        QTest::newRow("replace $$ is a dollar")
            << in << "- source_labels: [a]\n  target_label: d\n  replacement: '$$1'" << in + ",d=$1";
        QTest::newRow("replace malformed $ stays")
            << in << "- source_labels: [a]\n  target_label: d\n  replacement: 'x${1'" << in + ",d=x${1";
        QTest::newRow("replace static value")
            << in << "- target_label: env\n  replacement: prod" << in + ",env=prod";
        QTest::newRow("replace address to host (docs)")
            << "__address__=10.0.0.1:9100"
            << "- source_labels: [__address__]\n  regex: '([^:]+):\\d+'\n"
               "  target_label: host"
            << "__address__=10.0.0.1:9100,host=10.0.0.1";
        // keep / drop
        QTest::newRow("keep match") << in << "- source_labels: [a]\n  regex: 'f.*'\n  action: keep" << in;
        QTest::newRow("keep no match") << in << "- source_labels: [a]\n  regex: 'f'\n  action: keep"
                                       << "DROPPED";
        QTest::newRow("drop match") << in << "- source_labels: [a]\n  regex: 'f.*'\n  action: drop"
                                    << "DROPPED";
        QTest::newRow("drop no match") << in << "- source_labels: [a]\n  regex: 'f'\n  action: drop" << in;
        QTest::newRow("drop missing label matches empty")
            << in << "- source_labels: [nope]\n  regex: ''\n  action: drop"
            << "DROPPED";
        QTest::newRow("drop metric by name (docs)")
            << "__name__=go_gc_duration_seconds,job=x"
            << "- source_labels: [__name__]\n  regex: 'go_.*'\n  action: drop"
            << "DROPPED";
        QTest::newRow("action is case-insensitive")
            << in << "- source_labels: [a]\n  regex: 'f.*'\n  action: Drop"
            << "DROPPED";
        // keepequal / dropequal
        QTest::newRow("keepequal equal") << "a=1,b=1"
                                         << "- source_labels: [a]\n  target_label: b\n  action: keepequal"
                                         << "a=1,b=1";
        QTest::newRow("keepequal different") << "a=1,b=2"
                                             << "- source_labels: [a]\n  target_label: b\n  action: keepequal"
                                             << "DROPPED";
        QTest::newRow("dropequal equal") << "a=1,b=1"
                                         << "- source_labels: [a]\n  target_label: b\n  action: dropequal"
                                         << "DROPPED";
        QTest::newRow("dropequal different") << "a=1,b=2"
                                             << "- source_labels: [a]\n  target_label: b\n  action: dropequal"
                                             << "a=1,b=2";
        // hashmod: MD5, last 8 bytes big endian, modulo
        QTest::newRow("hashmod")
            << in << "- source_labels: [c]\n  modulus: 1000\n  target_label: d\n  action: hashmod"
            << in + ",d=976";
        QTest::newRow("hashmod joined")
            << in << "- source_labels: [a, b]\n  modulus: 1000\n  target_label: d\n  action: hashmod"
            << in + ",d=750";
        QTest::newRow("hashmod sharding (docs)")
            << "__address__=127.0.0.1:9100"
            << "- source_labels: [__address__]\n  modulus: 4\n  target_label: __tmp_hash\n  action: hashmod\n"
               "- source_labels: [__tmp_hash]\n  regex: '2'\n  action: keep"
            << "__address__=127.0.0.1:9100,__tmp_hash=2";
        // labelmap
        QTest::newRow("labelmap meta (docs)")
            << "__meta_kubernetes_pod_label_app=web,__meta_kubernetes_pod_label_tier=fe,job=x"
            << "- regex: '__meta_kubernetes_pod_label_(.+)'\n  action: labelmap"
            << "__meta_kubernetes_pod_label_app=web,__meta_kubernetes_pod_label_tier=fe,app=web,job=x,tier="
               "fe";
        QTest::newRow("labelmap custom replacement")
            << in << "- regex: '(b|c)'\n  replacement: 'new_${1}'\n  action: labelmap"
            << in + ",new_b=bar,new_c=baz";
        QTest::newRow("labelmap anchored") << in << "- regex: 'a.'\n  action: labelmap" << in;
        // labeldrop / labelkeep
        QTest::newRow("labeldrop") << in << "- regex: '[ab]'\n  action: labeldrop"
                                   << "c=baz";
        QTest::newRow("labeldrop anchored") << in << "- regex: 'a.*x'\n  action: labeldrop" << in;
        QTest::newRow("labelkeep") << in << "- regex: '[ab]'\n  action: labelkeep"
                                   << "a=foo,b=bar";
        QTest::newRow("labelkeep name too") << "__name__=m,a=1,b=2"
                                            << "- regex: '__name__|a'\n  action: labelkeep"
                                            << "__name__=m,a=1";
        // lowercase / uppercase
        QTest::newRow("lowercase") << "a=FoO"
                                   << "- source_labels: [a]\n  target_label: b\n  action: lowercase"
                                   << "a=FoO,b=foo";
        QTest::newRow("uppercase") << "a=foo,b=bar"
                                   << "- source_labels: [a, b]\n  target_label: c\n  action: uppercase"
                                   << "a=foo,b=bar,c=FOO;BAR";
        QTest::newRow("lowercase unicode") << "a=ÄÖÜ"
                                           << "- source_labels: [a]\n  target_label: a\n  action: lowercase"
                                           << "a=äöü";
        // chains
        QTest::newRow("chain stops at drop")
            << in << "- source_labels: [a]\n  regex: foo\n  action: drop\n- target_label: x\n  replacement: y"
            << "DROPPED";
        QTest::newRow("chain sees earlier result") << in
                                                   << "- source_labels: [a]\n  target_label: tmp\n- "
                                                      "source_labels: [tmp]\n  regex: foo\n  action: keep\n"
                                                      "- regex: tmp\n  action: labeldrop"
                                                   << in;
    }
    void process()
    {
        QFETCH(QString, input);
        QFETCH(QString, config);
        QFETCH(QString, output);
        auto cfgs = loadRelabel(config);
        QVERIFY2(cfgs, cfgs.status().message().c_str());
        const model::Labels result = relabel(parseLabels(input), *cfgs);
        if (output == "DROPPED")
            QVERIFY2(result.empty(), qPrintable(render(result)));
        else
            QCOMPARE(render(result), render(parseLabels(output)));
    }

    void builderInterface()
    {
        RelabelConfig rc;
        rc.sourceLabels = {"a"};
        rc.targetLabel = "b";
        model::LabelsBuilder lb(parseLabels("a=x"));
        std::vector<RelabelConfig> cfgs{rc};
        QVERIFY(relabel(&lb, cfgs));
        QCOMPARE(std::string(lb.get("b")), std::string("x"));
    }

    void actionNames()
    {
        for (auto a : {RelabelAction::Replace, RelabelAction::Keep, RelabelAction::Drop,
                       RelabelAction::KeepEqual, RelabelAction::DropEqual, RelabelAction::HashMod,
                       RelabelAction::LabelMap, RelabelAction::LabelDrop, RelabelAction::LabelKeep,
                       RelabelAction::Lowercase, RelabelAction::Uppercase})
            QVERIFY(parseRelabelAction(relabelActionName(a)) == a);
        QVERIFY(!parseRelabelAction("nope"));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("error");
        QTest::newRow("keepequal with regex")
            << "- source_labels: [a]\n  target_label: b\n  regex: x\n  action: keepequal"
            << "keepequal action requires only 'source_labels' and `target_label`";
        QTest::newRow("labelmap bad replacement") << "- regex: x\n  replacement: 'a-b'\n  action: labelmap"
                                                  << "\"a-b\" is invalid 'replacement' for labelmap action";
        QTest::newRow("replace bad target") << "- target_label: '1a'\n  replacement: x"
                                            << "\"1a\" is invalid 'target_label' for replace action";
        QTest::newRow("bad source label") << "- source_labels: ['a-b']\n  target_label: x"
                                          << "\"a-b\" is not a valid label name";
        QTest::newRow("uppercase without target") << "- source_labels: [a]\n  action: uppercase"
                                                  << "uppercase action requires 'target_label' value";
    }
    void validation()
    {
        QFETCH(QString, config);
        QFETCH(QString, error);
        auto cfgs = loadRelabel(config);
        QVERIFY(!cfgs);
        QVERIFY2(QString::fromStdString(cfgs.status().message()).contains(error),
                 cfgs.status().message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestRelabel)
#include "tst_relabel.moc"
