// dns_sd_configs: the DNS wire decoder on crafted (and hostile) answers,
// resolv.conf handling as Prometheus's miekg/dns, config validation with
// promtool's messages (checked against promtool 2.42 itself), and discovery
// through the ScrapeManager against a real dnsmasq on a loopback port: SRV,
// A, AAAA and MX targets with Prometheus's __meta_dns_* labels, search
// domains, TCP after a truncated UDP answer, changed records at the next
// refresh, and failures (REFUSED, a stopped server) that keep the previous
// targets and report the error. Fails when dnsmasq or promtool is missing.
#include "dnsmasq_process.h"

#include "discovery/dns_discoverer.h"
#include "discovery/dns_lookup.h"
#include "discovery/dns_message.h"
#include "discovery/resolv_conf.h"
#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"
#include "tsdb/head.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <set>

using namespace vigil;
using namespace vigil::discovery;
using vigil::testing::DnsmasqProcess;

namespace {

// Builds DNS messages byte by byte for the decoder tests.
struct Wire {
    std::string b;
    Wire &u8(int v) { b.push_back(char(v)); return *this; }
    Wire &u16(int v) { return u8(v >> 8).u8(v & 0xff); }
    Wire &u32(uint32_t v) { return u16(int(v >> 16)).u16(int(v & 0xffff)); }
    Wire &name(std::initializer_list<std::string_view> labels)
    {
        for (std::string_view l : labels) { u8(int(l.size())); b += l; }
        return u8(0);
    }
    Wire &ptr(int off) { return u16(0xC000 | off); }
    Wire &raw(std::string_view s) { b += s; return *this; }
    // Header of a response with one question and `an` answers.
    static Wire header(int id, int an, int flags = 0x8180)
    {
        Wire w;
        return w.u16(id).u16(flags).u16(1).u16(an).u16(0).u16(0);
    }
};

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

std::string labelsString(const model::Labels &ls)
{
    std::string s;
    for (const model::Label &l : ls) s += l.name + "=" + l.value + ",";
    return s;
}

// "discovered labels" of every active target of `job`, sorted.
std::set<std::string> discovered(const scrape::ScrapeManager &m, const std::string &job)
{
    std::set<std::string> out;
    for (const scrape::TargetSnapshot &t : m.targets())
        if (t.job == job) out.insert(labelsString(t.discoveredLabels));
    return out;
}

std::string dump(const std::set<std::string> &s)
{
    std::string o;
    for (const std::string &x : s) o += x + "\n";
    return o;
}

std::string errorsOf(const scrape::ScrapeManager &m, const std::string &job)
{
    const auto errors = m.discoveryErrors();
    auto it = errors.find(job);
    if (it == errors.end()) return {};
    std::string s;
    for (const std::string &e : it->second) s += e + "\n";
    return s;
}

}  // namespace

class TestDnsSd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void decodeAnswers();
    void hostileAnswers_data();
    void hostileAnswers();
    void encodeQuery();
    void resolvConf();
    void configValidation_data();
    void configValidation();
    void targetsFromDnsmasq();
    void recordsChangeAndFailures();
    void serverFailoverAndIpv6();

private:
    QString resolvConfFor(uint16_t port, const QByteArray &extra = {});

    QTemporaryDir dir_;
};

void TestDnsSd::initTestCase()
{
    QVERIFY(dir_.isValid());
    QVERIFY2(!DnsmasqProcess::program().isEmpty(), "dnsmasq (Debian package dnsmasq-base) is required");
}

void TestDnsSd::cleanupTestCase()
{
    setResolvConfOverride({}, 53);
}

QString TestDnsSd::resolvConfFor(uint16_t port, const QByteArray &extra)
{
    const QString path = dir_.filePath(QStringLiteral("resolv.conf"));
    writeFile(path, "# written by tst_dns_sd\nnameserver 127.0.0.1\nsearch vigil.test\n"
                    "options ndots:1 timeout:1 attempts:1\n" + extra);
    setResolvConfOverride(path.toStdString(), port);
    return path;
}

void TestDnsSd::decodeAnswers()
{
    // SRV answer whose owner is a pointer to the question and whose target
    // shares the question's suffix through another pointer.
    Wire w = Wire::header(0x4242, 4);
    const int qname = int(w.b.size());
    w.name({"_m", "_tcp", "ex", "org"}).u16(dns::kTypeSrv).u16(1);
    w.ptr(qname).u16(dns::kTypeSrv).u16(1).u32(60);
    Wire rd;
    rd.u16(10).u16(5).u16(9100).u8(4).raw("node").ptr(qname + 8);  // node.ex.org.
    w.u16(int(rd.b.size())).raw(rd.b);
    // A and AAAA records (an IPv4-mapped one too) and a CNAME to skip.
    w.ptr(qname).u16(dns::kTypeAaaa).u16(1).u32(60).u16(16);
    w.raw(std::string("\x20\x01\x0d\xb8\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01", 16));
    w.ptr(qname).u16(dns::kTypeAaaa).u16(1).u32(60).u16(16);
    w.raw(std::string("\0\0\0\0\0\0\0\0\0\0\xff\xff\x0a\x00\x00\x07", 16));
    w.ptr(qname).u16(dns::kTypeMx).u16(1).u32(60);
    Wire mx;
    mx.u16(5).u8(5).raw("a b.c").u8(1).raw("\x01").ptr(qname + 8);  // label with a space and a control byte
    w.u16(int(mx.b.size())).raw(mx.b);
    auto m = parseDnsMessage(w.b);
    QVERIFY2(m, m.status().message().c_str());
    QCOMPARE(m->id, uint16_t(0x4242));
    QVERIFY(m->response && !m->truncated);
    QCOMPARE(m->answers.size(), size_t(4));
    QCOMPARE(m->answers[0].name, std::string("_m._tcp.ex.org."));
    QCOMPARE(m->answers[0].target, std::string("node.ex.org."));
    QCOMPARE(m->answers[0].port, uint16_t(9100));
    QCOMPARE(m->answers[0].priority, uint16_t(10));
    QCOMPARE(m->answers[0].weight, uint16_t(5));
    QCOMPARE(m->answers[1].address, std::string("2001:db8::1"));
    QCOMPARE(m->answers[2].address, std::string("10.0.0.7"));  // Go prints IPv4-mapped addresses as IPv4
    QCOMPARE(m->answers[3].target, std::string("a\\ b\\.c.\\001.ex.org."));  // miekg/dns escapes

    // Go's IPv6 text: the first longest zero run is "::", lower-case hex.
    const struct { const char *bytes; const char *text; } v6[] = {
        {"\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1", "::1"},
        {"\xfe\x80\0\0\0\0\0\0\x02\x1a\x2b\xff\xfe\x3c\x4d\x5e", "fe80::21a:2bff:fe3c:4d5e"},
        {"\x20\x01\x0d\xb8\0\0\0\x01\0\0\0\0\0\x01\0\0", "2001:db8:0:1::1:0"},
        {"\x20\x01\x0d\xb8\0\x01\0\0\0\x01\0\x01\0\x01\0\x01", "2001:db8:1:0:1:1:1:1"},  // a single zero group stays
    };
    for (const auto &c : v6) {
        Wire a = Wire::header(1, 1);
        a.name({"x"}).u16(dns::kTypeAaaa).u16(1);
        a.name({"x"}).u16(dns::kTypeAaaa).u16(1).u32(1).u16(16).raw(std::string(c.bytes, 16));
        auto r = parseDnsMessage(a.b);
        QVERIFY2(r, r.status().message().c_str());
        QCOMPARE(r->answers.at(0).address, std::string(c.text));
    }

    // Labels as Prometheus builds them from such an answer.
    DnsSdConfig srv;
    srv.names = {"_m._tcp.ex.org"};
    const TargetGroup g = DnsDiscoverer::groupFor(srv, "_m._tcp.ex.org", *m);
    QCOMPARE(g.source, std::string("_m._tcp.ex.org"));
    QCOMPARE(g.targets.size(), size_t(1));  // only the SRV record for an SRV query
    QCOMPARE(labelsString(g.targets[0]), std::string("__address__=node.ex.org:9100,__meta_dns_name=_m._tcp.ex.org,"
                                                     "__meta_dns_srv_record_port=9100,"
                                                     "__meta_dns_srv_record_target=node.ex.org.,"));
    DnsSdConfig aaaa;
    aaaa.type = DnsSdConfig::Type::Aaaa;
    aaaa.port = 80;
    const TargetGroup g6 = DnsDiscoverer::groupFor(aaaa, "x", *m);
    QCOMPARE(g6.targets.size(), size_t(2));
    QCOMPARE(std::string(g6.targets[0].get("__address__")), std::string("[2001:db8::1]:80"));
    QCOMPARE(std::string(g6.targets[1].get("__address__")), std::string("10.0.0.7:80"));

    // A truncated answer is not read further (it is asked again over TCP).
    Wire t = Wire::header(9, 3, 0x8380);
    auto tr = parseDnsMessage(t.b);
    QVERIFY(tr && tr->truncated && tr->answers.empty());
}

void TestDnsSd::hostileAnswers_data()
{
    QTest::addColumn<QByteArray>("wire");
    auto row = [](const char *name, const Wire &w) {
        QTest::newRow(name) << QByteArray(w.b.data(), qsizetype(w.b.size()));
    };
    row("short header", Wire{}.u16(1).u16(0x8180));
    {
        Wire w = Wire::header(1, 1);
        w.name({"a"}).u16(1).u16(1).ptr(12);        // owner: the question's name (fine) ...
        w.u16(1).u16(1).u32(0).u16(4).raw("\1\2");  // ... but fewer bytes than rdlength says
        row("rdata past the end", w);
    }
    {
        Wire w = Wire::header(1, 1);
        w.name({"a"}).u16(1).u16(1);
        const int self = int(w.b.size());
        w.ptr(self).u16(1).u16(1).u32(0).u16(4).raw("\1\2\3\4");
        row("pointer to itself", w);
    }
    {
        Wire w = Wire::header(1, 1);
        w.name({"a"}).u16(1).u16(1);
        const int here = int(w.b.size());
        w.ptr(here + 2).u8(1).raw("b").u8(0).u16(1).u16(1).u32(0).u16(4).raw("\1\2\3\4");
        row("forward pointer", w);
    }
    {
        // Two names pointing at each other: a loop unless pointers must go backwards.
        Wire w = Wire::header(1, 1);
        w.u8(1).raw("a").ptr(12 + 5);  // question name at 12: "a" then pointer to 17
        w.u16(1).u16(1);               // 15..18 (type, class) – 17 is inside: bytes 0x00 0x01
        row("pointer into question fields", w);
    }
    {
        Wire w = Wire::header(1, 1);
        w.name({"a"}).u16(1).u16(1);
        w.u8(0x80).raw("x").u16(1).u16(1).u32(0).u16(0);
        row("reserved label type", w);
    }
    {
        Wire w = Wire::header(1, 0);
        for (int i = 0; i < 5; ++i) w.u8(63).raw(std::string(63, 'x'));
        w.u8(0).u16(1).u16(1);
        row("name over 255 bytes", w);
    }
    {
        Wire w = Wire::header(1, 1);
        w.name({"a"}).u16(33).u16(1);
        Wire rd;
        rd.u16(0).u16(0).u16(80).name({"t"}).u8(0);  // one byte of garbage after the name
        w.ptr(12).u16(33).u16(1).u32(0).u16(int(rd.b.size())).raw(rd.b);
        row("SRV data longer than its name", w);
    }
    {
        Wire w = Wire::header(1, 1);
        w.name({"a"}).u16(33).u16(1);
        Wire rd;
        rd.u16(0).u16(0).u16(80).u8(5).raw("abc");  // label runs past rdlength and the message
        w.ptr(12).u16(33).u16(1).u32(0).u16(int(rd.b.size())).raw(rd.b);
        row("SRV target past the end", w);
    }
    {
        Wire w = Wire::header(1, 65535);  // claims 65535 answers, has none
        w.name({"a"}).u16(1).u16(1);
        row("answer count lies", w);
    }
}

void TestDnsSd::hostileAnswers()
{
    QFETCH(QByteArray, wire);
    auto m = parseDnsMessage(std::string_view(wire.constData(), size_t(wire.size())));
    QVERIFY(!m);
    QCOMPARE(m.status().code(), Status::Code::InvalidArgument);
    QVERIFY2(m.status().message().rfind("malformed DNS message: ", 0) == 0, m.status().message().c_str());
}

void TestDnsSd::encodeQuery()
{
    auto q = encodeDnsQuery(0xBEEF, "_m._tcp.ex.org.", dns::kTypeSrv, true);
    QVERIFY(q);
    const std::string expected = std::string("\xBE\xEF\x01\x00\x00\x01\x00\x00\x00\x00\x00\x01", 12) +
                                 std::string("\x02_m\x04_tcp\x02" "ex\x03org\x00\x00\x21\x00\x01", 20) +
                                 std::string("\x00\x00\x29\x10\x00\x00\x00\x00\x00\x00\x00", 11);
    QCOMPARE(QByteArray::fromStdString(*q).toHex(), QByteArray::fromStdString(expected).toHex());
    // Escapes decode to the label bytes.
    auto e = encodeDnsQuery(1, "a\\.b.\\001.", dns::kTypeA, false);
    QVERIFY(e);
    QCOMPARE(QByteArray::fromStdString(e->substr(12, 8)).toHex(), QByteArray("03612e6201010000"));
    QVERIFY(!encodeDnsQuery(1, "a..b.", dns::kTypeA, false));
    QVERIFY(!encodeDnsQuery(1, "not-qualified", dns::kTypeA, false));
    QVERIFY(!encodeDnsQuery(1, std::string(64, 'x') + ".", dns::kTypeA, false));
    std::string longName;
    for (int i = 0; i < 5; ++i) longName += std::string(60, 'x') + ".";
    QVERIFY(!encodeDnsQuery(1, longName, dns::kTypeA, false));
}

void TestDnsSd::resolvConf()
{
    // miekg/dns's reading: later search/domain lines replace earlier ones,
    // options are clamped, unknown lines ignored, port always 53.
    const ResolvConf c = parseResolvConf("; comment\n# another\nnameserver 10.0.0.1\nnameserver  ::1 \n"
                                         "domain first.example\nsearch a.example b.example\nsortlist 1.2.3.4\n"
                                         "options ndots:20 timeout:0 attempts:3 rotate\n");
    QCOMPARE(c.servers, (std::vector<std::string>{"10.0.0.1", "::1"}));
    QCOMPARE(c.search, (std::vector<std::string>{"a.example", "b.example"}));
    QCOMPARE(c.ndots, 15);
    QCOMPARE(c.timeoutSeconds, 1);
    QCOMPARE(c.attempts, 3);
    QCOMPARE(int(c.port), 53);
    const ResolvConf d = parseResolvConf("search x.example\ndomain y.example\noptions ndots:bad\n");
    QCOMPARE(d.search, (std::vector<std::string>{"y.example"}));
    QCOMPARE(d.ndots, 0);  // strconv.Atoi's error ignored: 0
    const ResolvConf defaults = parseResolvConf("");
    QCOMPARE(defaults.ndots, 1);
    QCOMPARE(defaults.timeoutSeconds, 5);
    QCOMPARE(defaults.attempts, 2);

    ResolvConf s;
    s.search = {"a.example", "b.example"};
    // Few dots: search domains first, the name itself last.
    QCOMPARE(searchNames(s, "node"), (std::vector<std::string>{"node.a.example.", "node.b.example.", "node."}));
    // More labels than ndots: the name itself first.
    QCOMPARE(searchNames(s, "node.x"), (std::vector<std::string>{"node.x.", "node.x.a.example.", "node.x.b.example."}));
    // Fully qualified: only itself.
    QCOMPARE(searchNames(s, "node.x."), (std::vector<std::string>{"node.x."}));
    s.ndots = 2;
    QCOMPARE(searchNames(s, "node.x").front(), std::string("node.x.a.example."));

    // An unreadable file is an error naming it.
    setResolvConfOverride(dir_.filePath(QStringLiteral("missing.conf")).toStdString(), 5353);
    auto missing = loadResolvConf();
    QVERIFY(!missing);
    QVERIFY2(missing.status().message().find("could not load resolv.conf") != std::string::npos,
             missing.status().message().c_str());
    setResolvConfOverride({}, 53);
}

void TestDnsSd::configValidation_data()
{
    QTest::addColumn<QByteArray>("section");   // the dns_sd_configs entry
    QTest::addColumn<QString>("expected");     // promtool's message; empty when valid
    QTest::newRow("defaults") << QByteArray("names: ['_m._tcp.example.org']") << QString();
    QTest::newRow("lower-case type") << QByteArray("names: [a.example]\n    type: mx\n    port: 25") << QString();
    QTest::newRow("all fields") << QByteArray("names: [a, b]\n    type: AAAA\n    port: 9100\n    refresh_interval: 5s")
                                << QString();
    QTest::newRow("no names") << QByteArray("names: []")
                              << QStringLiteral("DNS-SD config must contain at least one SRV record name");
    QTest::newRow("A without port") << QByteArray("names: [a]\n    type: A")
                                    << QStringLiteral("a port is required in DNS-SD configs for all record types "
                                                      "except SRV");
    QTest::newRow("bad type") << QByteArray("names: [a]\n    type: TXT\n    port: 1")
                              << QStringLiteral("invalid DNS-SD records type TXT");
    QTest::newRow("unknown field") << QByteArray("names: [a]\n    foo: 1")
                                   << QStringLiteral("field foo not found in type dns.plain");
    QTest::newRow("names not a list") << QByteArray("names: a") << QStringLiteral("[]string");
    QTest::newRow("bad interval") << QByteArray("names: [a]\n    refresh_interval: soon")
                                  << QStringLiteral("not a valid duration string: \"soon\"");
}

void TestDnsSd::configValidation()
{
    QFETCH(QByteArray, section);
    QFETCH(QString, expected);
    const QByteArray yaml = "scrape_configs:\n- job_name: dns\n  dns_sd_configs:\n  - " + section + "\n";
    const QString path = dir_.filePath(QStringLiteral("check.yml"));
    writeFile(path, yaml);

    // promtool 2.42 on the same file.
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.start(QStringLiteral("/usr/bin/promtool"), {QStringLiteral("check"), QStringLiteral("config"), path});
    QVERIFY2(promtool.waitForFinished(30000), "promtool (Debian package prometheus) is required");
    const QString promOut = QString::fromUtf8(promtool.readAll());

    auto cfg = scrape::PrometheusConfig::loadString(yaml.toStdString(), "prometheus.yml");
    if (expected.isEmpty()) {
        QVERIFY2(promtool.exitCode() == 0, qPrintable(promOut));
        QVERIFY2(cfg, cfg.status().message().c_str());
        QCOMPARE(cfg->scrapeConfigs.at(0).sd.dns.size(), size_t(1));
        return;
    }
    QVERIFY2(promtool.exitCode() != 0 && promOut.contains(expected), qPrintable(promOut));
    QVERIFY2(!cfg, "Vigil accepted what promtool refuses");
    const QString msg = QString::fromStdString(cfg.status().message());
    QVERIFY2(msg.startsWith(QStringLiteral("prometheus.yml:")), qPrintable(msg));
    // Go's yaml messages ("cannot unmarshal !!str `a` into []string") differ in form; the others are promtool's.
    if (!expected.startsWith(QLatin1Char('[')))
        QVERIFY2(msg.contains(expected), qPrintable(msg));
}

void TestDnsSd::targetsFromDnsmasq()
{
    const uint16_t port = DnsmasqProcess::freePort();
    QVERIFY(port != 0);
    QStringList records{
        QStringLiteral("--srv-host=_metrics._tcp.vigil.test,node1.vigil.test,9100,0,10"),
        QStringLiteral("--srv-host=_metrics._tcp.vigil.test,node2.vigil.test,9200,1,5"),
        QStringLiteral("--host-record=node1.vigil.test,127.0.0.1,::1"),
        QStringLiteral("--host-record=node2.vigil.test,127.0.0.2"),
        QStringLiteral("--mx-host=vigil.test,mail.vigil.test,10"),
    };
    // 60 SRV records do not fit in dnsmasq's UDP answer: truncated, then asked over TCP.
    for (int i = 0; i < 60; ++i)
        records << QStringLiteral("--srv-host=_many._tcp.vigil.test,host-%1.vigil.test,%2").arg(i).arg(10000 + i);
    DnsmasqProcess dnsmasq;
    QVERIFY2(dnsmasq.start(port, records, QStringLiteral("vigil.test"), dir_.filePath(QStringLiteral("dnsmasq.log"))),
             "dnsmasq did not start");
    resolvConfFor(port);

    const std::string yaml =
        "scrape_configs:\n"
        "- job_name: srv\n  dns_sd_configs:\n  - names: ['_metrics._tcp.vigil.test']\n    refresh_interval: 1s\n"
        "  relabel_configs:\n  - source_labels: [__meta_dns_srv_record_port]\n    regex: '9200'\n    action: drop\n"
        "- job_name: a\n  dns_sd_configs:\n  - names: ['node1.vigil.test', 'node2']\n    type: A\n    port: 9100\n"
        "- job_name: aaaa\n  dns_sd_configs:\n  - names: ['node1.vigil.test']\n    type: AAAA\n    port: 9100\n"
        "- job_name: mx\n  dns_sd_configs:\n  - names: ['vigil.test']\n    type: MX\n    port: 25\n"
        "- job_name: many\n  dns_sd_configs:\n  - names: ['_many._tcp.vigil.test']\n";
    auto cfg = scrape::PrometheusConfig::loadString(yaml, "prometheus.yml");
    QVERIFY2(cfg, cfg.status().message().c_str());
    QCOMPARE(cfg->scrapeConfigs.at(0).sd.dns.at(0).refreshIntervalMs, int64_t(1000));
    QCOMPARE(cfg->scrapeConfigs.at(1).sd.dns.at(0).refreshIntervalMs, int64_t(30000));  // Prometheus's default

    tsdb::Head head;
    scrape::ScrapeManager mgr(&head);
    QVERIFY(mgr.applyConfig(*cfg));

    QTRY_COMPARE_WITH_TIMEOUT(discovered(mgr, "srv").size(), size_t(1), 10000);
    QCOMPARE(dump(discovered(mgr, "srv")),
             std::string("__address__=node1.vigil.test:9100,__meta_dns_name=_metrics._tcp.vigil.test,"
                         "__meta_dns_srv_record_port=9100,__meta_dns_srv_record_target=node1.vigil.test.,"
                         "__metrics_path__=/metrics,__scheme__=http,__scrape_interval__=1m,__scrape_timeout__=10s,"
                         "job=srv,\n"));
    // The other SRV record was dropped by relabeling and is listed as such.
    bool droppedSeen = false;
    for (const model::Labels &d : mgr.droppedTargets())
        droppedSeen |= d.get("__address__") == "node2.vigil.test:9200" &&
                       d.get("__meta_dns_srv_record_target") == "node2.vigil.test.";
    QVERIFY(droppedSeen);

    // A: a name found directly, and one through the search domain (kept as written in __meta_dns_name).
    QTRY_COMPARE_WITH_TIMEOUT(discovered(mgr, "a").size(), size_t(2), 10000);
    std::set<std::string> aTargets;
    for (const scrape::TargetSnapshot &t : mgr.targets())
        if (t.job == "a")
            aTargets.insert(std::string(t.discoveredLabels.get("__address__")) + " " +
                            std::string(t.discoveredLabels.get("__meta_dns_name")) + " " +
                            std::string(t.labels.get("instance")));
    QCOMPARE(dump(aTargets), std::string("127.0.0.1:9100 node1.vigil.test 127.0.0.1:9100\n"
                                         "127.0.0.2:9100 node2 127.0.0.2:9100\n"));
    for (const scrape::TargetSnapshot &t : mgr.targets())
        if (t.job == "a") QVERIFY(!t.discoveredLabels.has("__meta_dns_srv_record_target"));

    QTRY_COMPARE_WITH_TIMEOUT(discovered(mgr, "aaaa").size(), size_t(1), 10000);
    for (const scrape::TargetSnapshot &t : mgr.targets())
        if (t.job == "aaaa") QCOMPARE(std::string(t.discoveredLabels.get("__address__")), std::string("[::1]:9100"));

    QTRY_COMPARE_WITH_TIMEOUT(discovered(mgr, "mx").size(), size_t(1), 10000);
    for (const scrape::TargetSnapshot &t : mgr.targets())
        if (t.job == "mx") {
            QCOMPARE(std::string(t.discoveredLabels.get("__address__")), std::string("mail.vigil.test:25"));
            QCOMPARE(std::string(t.discoveredLabels.get("__meta_dns_mx_record_target")), std::string("mail.vigil.test."));
        }

    // All 60 records arrive: the truncated UDP answer was asked again over TCP.
    QTRY_COMPARE_WITH_TIMEOUT(discovered(mgr, "many").size(), size_t(60), 10000);
    // dnsmasq logged the query twice (UDP, then TCP); the job refreshes only every 30 s.
    QFile log(dir_.filePath(QStringLiteral("dnsmasq.log")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QCOMPARE(log.readAll().count("query[SRV] _many._tcp.vigil.test from 127.0.0.1"), qsizetype(2));
    QVERIFY(mgr.discoveryErrors().empty());
    mgr.stop();
}

void TestDnsSd::recordsChangeAndFailures()
{
    const uint16_t port = DnsmasqProcess::freePort();
    QVERIFY(port != 0);
    const QString log = dir_.filePath(QStringLiteral("dnsmasq-change.log"));
    auto dnsmasq = std::make_unique<DnsmasqProcess>();
    QVERIFY2(dnsmasq->start(port,
                            {QStringLiteral("--srv-host=_m._tcp.vigil.test,old.vigil.test,9100"),
                             QStringLiteral("--host-record=gone.vigil.test,127.0.0.5")},
                            QStringLiteral("vigil.test"), log),
             "dnsmasq did not start");
    resolvConfFor(port);
    const std::string yaml =
        "scrape_configs:\n"
        "- job_name: srv\n  dns_sd_configs:\n  - names: ['_m._tcp.vigil.test']\n    refresh_interval: 500ms\n"
        "- job_name: gone\n  dns_sd_configs:\n  - names: ['gone.vigil.test']\n    type: A\n    port: 80\n"
        "    refresh_interval: 500ms\n"
        "- job_name: refused\n  dns_sd_configs:\n  - names: ['outside.example.']\n    type: A\n    port: 80\n"
        "    refresh_interval: 500ms\n";
    auto cfg = scrape::PrometheusConfig::loadString(yaml, "prometheus.yml");
    QVERIFY2(cfg, cfg.status().message().c_str());
    tsdb::Head head;
    scrape::ScrapeManager mgr(&head);
    QVERIFY(mgr.applyConfig(*cfg));

    auto addresses = [&](const std::string &job) {
        std::string s;
        for (const scrape::TargetSnapshot &t : mgr.targets())
            if (t.job == job) s += std::string(t.discoveredLabels.get("__address__")) + " ";
        return s;
    };
    QTRY_COMPARE_WITH_TIMEOUT(addresses("srv"), std::string("old.vigil.test:9100 "), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(addresses("gone"), std::string("127.0.0.5:80 "), 10000);
    // A name the server refuses (outside its domain): no targets, the error says why.
    QTRY_VERIFY_WITH_TIMEOUT(errorsOf(mgr, "refused").find("REFUSED") != std::string::npos, 10000);
    QVERIFY2(errorsOf(mgr, "refused").find("could not resolve \"outside.example.\"") != std::string::npos,
             errorsOf(mgr, "refused").c_str());
    QVERIFY(errorsOf(mgr, "srv").empty());

    // Other records: dnsmasq restarted on the same port. The SRV target
    // changes at the next refresh; the A name now gets NXDOMAIN and, as in
    // Prometheus, loses its targets without an error (the name is gone).
    dnsmasq->stop();
    QVERIFY2(dnsmasq->start(port, {QStringLiteral("--srv-host=_m._tcp.vigil.test,new.vigil.test,9300")},
                            QStringLiteral("vigil.test"), log),
             "dnsmasq did not restart");
    QTRY_COMPARE_WITH_TIMEOUT(addresses("srv"), std::string("new.vigil.test:9300 "), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(addresses("gone"), std::string(), 10000);
    QVERIFY(errorsOf(mgr, "gone").empty());
    QVERIFY(errorsOf(mgr, "srv").empty());

    // The server stops answering: lookups time out (timeout:1 attempts:1);
    // the previous targets stay and the error is reported.
    dnsmasq->stop();
    QTRY_VERIFY_WITH_TIMEOUT(errorsOf(mgr, "srv").find("i/o timeout") != std::string::npos, 10000);
    QVERIFY2(errorsOf(mgr, "srv").find("_m._tcp.vigil.test") != std::string::npos, errorsOf(mgr, "srv").c_str());
    QCOMPARE(addresses("srv"), std::string("new.vigil.test:9300 "));
    QTest::qWait(1500);  // more failed refreshes change nothing
    QCOMPARE(addresses("srv"), std::string("new.vigil.test:9300 "));

    // It comes back: the error clears.
    QVERIFY2(dnsmasq->start(port, {QStringLiteral("--srv-host=_m._tcp.vigil.test,new.vigil.test,9300")},
                            QStringLiteral("vigil.test"), log),
             "dnsmasq did not restart");
    QTRY_VERIFY_WITH_TIMEOUT(errorsOf(mgr, "srv").empty(), 10000);
    QCOMPARE(addresses("srv"), std::string("new.vigil.test:9300 "));

    // An unreadable resolv.conf is an error too, and keeps the targets.
    setResolvConfOverride(dir_.filePath(QStringLiteral("nope.conf")).toStdString(), port);
    QTRY_VERIFY_WITH_TIMEOUT(errorsOf(mgr, "srv").find("could not load resolv.conf") != std::string::npos, 10000);
    QCOMPARE(addresses("srv"), std::string("new.vigil.test:9300 "));
    mgr.stop();
    dnsmasq->stop();
}

// DnsLookup on its own: the first nameserver does not answer (nothing listens
// there), the second, on IPv6 loopback, does; the lookup moves on after the
// first one's timeout. Without any nameserver the lookup fails at once.
void TestDnsSd::serverFailoverAndIpv6()
{
    const uint16_t port = DnsmasqProcess::freePort();
    QVERIFY(port != 0);
    DnsmasqProcess dnsmasq;
    QVERIFY2(dnsmasq.start(port, {QStringLiteral("--host-record=v6only.vigil.test,127.0.0.9")},
                           QStringLiteral("vigil.test"), dir_.filePath(QStringLiteral("dnsmasq-v6.log")),
                           QStringLiteral("::1")),
             "dnsmasq did not start on [::1]");
    ResolvConf conf = parseResolvConf("nameserver 127.0.0.1\nnameserver ::1\noptions timeout:1 attempts:1\n");
    conf.port = port;

    std::optional<Result<DnsMessage>> got;
    DnsLookup lookup(conf, "v6only.vigil.test", dns::kTypeA);
    lookup.start([&](Result<DnsMessage> r) { got = std::move(r); });
    QVERIFY(!got.has_value());  // never synchronously
    QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 5000);
    QVERIFY2(got->isOk(), got->status().message().c_str());
    QCOMPARE((*got)->answers.size(), size_t(1));
    QCOMPARE((*got)->answers[0].address, std::string("127.0.0.9"));

    ResolvConf none;
    std::optional<Result<DnsMessage>> failed;
    DnsLookup nothing(none, "v6only.vigil.test", dns::kTypeA);
    nothing.start([&](Result<DnsMessage> r) { failed = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(failed.has_value(), 1000);
    QVERIFY(!failed->isOk());
    QVERIFY2(failed->status().message().find("no nameserver") != std::string::npos, failed->status().message().c_str());

    // Destroying a running lookup cancels it: no callback afterwards.
    bool called = false;
    {
        ResolvConf dead = parseResolvConf("nameserver 127.0.0.1\noptions timeout:1\n");
        dead.port = port;  // nothing on 127.0.0.1 at this port
        DnsLookup cancelled(dead, "x.vigil.test.", dns::kTypeA);
        cancelled.start([&](Result<DnsMessage>) { called = true; });
    }
    QTest::qWait(1500);
    QVERIFY(!called);
    dnsmasq.stop();
}

QTEST_GUILESS_MAIN(TestDnsSd)
#include "tst_dns_sd.moc"
