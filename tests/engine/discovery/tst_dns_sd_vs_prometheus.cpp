// dns_sd_configs against Prometheus 2.42 through /api/v1/targets: the same
// prometheus.yml (SRV, A, AAAA and MX names, a relabel rule that drops one
// SRV target and one that copies __meta_dns_name) must give the same active
// targets (discoveredLabels and labels) and the same droppedTargets.
//
// Prometheus reads only /etc/resolv.conf and asks port 53, so dnsmasq serves
// the records on 127.0.0.153:53 and Prometheus runs in a private mount
// namespace (`unshare --mount`, private propagation) where a bind-mounted
// resolv.conf names that server; the machine's own resolv.conf is never
// touched. Vigil reads the same file through setResolvConfOverride(). This
// needs root (CTest label "root"); the test fails without it.
//
// Checked too: labels that do not apply to a record type (Prometheus's code
// sets e.g. __meta_dns_srv_record_target of an A record to "") appear in
// neither API.
#include "dnsmasq_process.h"
#include "vigil_targets_api.h"

#include "discovery/resolv_conf.h"

#include "../../support/peer_process.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <set>

using namespace vigil;
using vigil::testing::DnsmasqProcess;

namespace {

const QString kServer = QStringLiteral("127.0.0.153");

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

// Labels as "k=v" sorted; `emptyOut` collects the names of empty-valued ones
// (left out of the key).
QString labelsKey(const QJsonObject &o, QStringList *emptyOut = nullptr)
{
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.value().toString().isEmpty()) {
            if (emptyOut) emptyOut->append(it.key());
            continue;
        }
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    }
    parts.sort();
    return parts.join(QLatin1Char(','));
}

struct TargetSets {
    std::set<QString> active;   // "pool | discovered | labels"
    std::set<QString> dropped;  // discovered
    std::set<QString> emptyLabels;  // "<__address__>: name" of empty-valued discovered labels
};

TargetSets targetSets(const QByteArray &body)
{
    TargetSets s;
    const QJsonObject data = QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toObject();
    auto add = [&](const QJsonObject &t, bool active) {
        const QJsonObject disc = t.value(QStringLiteral("discoveredLabels")).toObject();
        QStringList empty;
        const QString key = labelsKey(disc, &empty);
        for (const QString &e : empty)
            s.emptyLabels.insert(disc.value(QStringLiteral("__address__")).toString() + QStringLiteral(": ") + e);
        if (active)
            s.active.insert(t.value(QStringLiteral("scrapePool")).toString() + QStringLiteral(" | ") + key +
                            QStringLiteral(" | ") + labelsKey(t.value(QStringLiteral("labels")).toObject()));
        else
            s.dropped.insert(key);
    };
    for (const QJsonValue &v : data.value(QStringLiteral("activeTargets")).toArray()) add(v.toObject(), true);
    for (const QJsonValue &v : data.value(QStringLiteral("droppedTargets")).toArray()) add(v.toObject(), false);
    return s;
}

QString dump(const std::set<QString> &s)
{
    return QStringList(s.begin(), s.end()).join(QLatin1Char('\n'));
}

}  // namespace

class TestDnsSdVsPrometheus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sameTargets();

private:
    QTemporaryDir dir_;
    DnsmasqProcess dnsmasq_;
    testing::PeerProcess prometheus_;  // unshare, whose sh execs prometheus: one PID
    uint16_t promPort_ = 0;
    testing::VigilTargetsApi vigil_;
};

void TestDnsSdVsPrometheus::initTestCase()
{
    QVERIFY2(geteuid() == 0, "needs root: dnsmasq on port 53 and a private mount namespace for Prometheus");
    const QString prometheus = QStringLiteral("/usr/bin/prometheus");
    QVERIFY2(QFile::exists(prometheus), "prometheus (Debian package \"prometheus\") is required");
    const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
    QVERIFY2(!unshare.isEmpty(), "unshare (util-linux) is required");
    QVERIFY(dir_.isValid());
    const QString d = dir_.path();

    // Port 53 is fixed for Prometheus; the address is an unusual loopback one.
    QVERIFY2(dnsmasq_.start(53,
                            {QStringLiteral("--srv-host=_metrics._tcp.vigil.test,node1.vigil.test,9100,0,10"),
                             QStringLiteral("--srv-host=_metrics._tcp.vigil.test,node2.vigil.test,9200,1,5"),
                             QStringLiteral("--host-record=node1.vigil.test,127.0.0.1,::1"),
                             QStringLiteral("--host-record=node2.vigil.test,127.0.0.2"),
                             QStringLiteral("--mx-host=vigil.test,mail.vigil.test,10")},
                            QStringLiteral("vigil.test"), d + QStringLiteral("/dnsmasq.log"), kServer),
             "dnsmasq did not start on 127.0.0.153:53 (port in use?)");
    const QString resolv = d + QStringLiteral("/resolv.conf");
    writeFile(resolv, "nameserver " + kServer.toUtf8() + "\nsearch vigil.test\noptions timeout:1 attempts:1\n");
    discovery::setResolvConfOverride(resolv.toStdString(), 53);

    const QByteArray yaml =
        "global:\n  scrape_interval: 1m\n  scrape_timeout: 10s\n"
        "scrape_configs:\n"
        "- job_name: srv\n  dns_sd_configs:\n  - names: ['_metrics._tcp.vigil.test']\n    refresh_interval: 2s\n"
        "  relabel_configs:\n  - source_labels: [__meta_dns_srv_record_port]\n    regex: '9200'\n    action: drop\n"
        "  - source_labels: [__meta_dns_srv_record_target]\n    target_label: srv_target\n"
        "- job_name: a\n  dns_sd_configs:\n  - names: ['node1.vigil.test', 'node2']\n    type: A\n    port: 9100\n"
        "  relabel_configs:\n  - source_labels: [__meta_dns_name]\n    target_label: dns_name\n"
        "- job_name: aaaa\n  dns_sd_configs:\n  - names: ['node1.vigil.test']\n    type: AAAA\n    port: 9100\n"
        "- job_name: mx\n  dns_sd_configs:\n  - names: ['vigil.test']\n    type: MX\n    port: 25\n";
    const QString configPath = d + QStringLiteral("/prometheus.yml");
    writeFile(configPath, yaml);

    // Prometheus in its own mount namespace with the test's resolv.conf.
    promPort_ = testing::freePort();
    const QStringList inNamespace{QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private"),
                                  QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                  QStringLiteral("mount --bind \"$1\" /etc/resolv.conf && shift && exec \"$@\""),
                                  QStringLiteral("sh"), resolv, prometheus};
    const QStringList promArgs = testing::prometheusArgs(d + QStringLiteral("/prom-data"), promPort_, configPath);
    QVERIFY2(prometheus_.start(unshare, inNamespace + promArgs,
                               d + QStringLiteral("/prometheus.log"),
                               QStringLiteral("http://127.0.0.1:%1/-/ready").arg(promPort_)),
             "unshare/prometheus did not start");

    const Status started = vigil_.start(d + QStringLiteral("/vigil-data"), yaml, configPath);
    QVERIFY2(started.isOk(), started.toString().c_str());
}

void TestDnsSdVsPrometheus::cleanupTestCase()
{
    vigil_.stop();
    prometheus_.stop();  // SIGTERM to its PID (sh and unshare exec'd into prometheus)
    dnsmasq_.stop();
    discovery::setResolvConfOverride({}, 53);
}

void TestDnsSdVsPrometheus::sameTargets()
{
    // srv: 1 active + 1 dropped; a: 2; aaaa: 1; mx: 1.
    const TargetSets prom = testing::waitForTargets(promPort_, 5, 1, targetSets);
    const TargetSets vigil = testing::waitForTargets(vigil_.port(), 5, 1, targetSets);
    QVERIFY2(prom.active.size() == 5, qPrintable(QStringLiteral("prometheus:\n") + dump(prom.active)));
    QVERIFY2(vigil.active == prom.active, qPrintable(QStringLiteral("prometheus:\n") + dump(prom.active) +
                                                     QStringLiteral("\nvigil:\n") + dump(vigil.active)));
    QVERIFY2(vigil.dropped == prom.dropped, qPrintable(QStringLiteral("prometheus:\n") + dump(prom.dropped) +
                                                       QStringLiteral("\nvigil:\n") + dump(vigil.dropped)));
    // Labels that do not apply to a record type (__meta_dns_srv_record_target
    // of an A record, ...) are absent in both, not listed with "".
    QVERIFY2(prom.emptyLabels.empty(), qPrintable(dump(prom.emptyLabels)));
    QVERIFY2(vigil.emptyLabels.empty(), qPrintable(dump(vigil.emptyLabels)));
    // And the __meta_dns_* labels were really compared: the SRV target has its two.
    bool srvSeen = false;
    for (const QString &t : prom.active)
        srvSeen |= t.startsWith(QStringLiteral("srv | ")) &&
                   t.contains(QStringLiteral("__meta_dns_srv_record_port=9100")) &&
                   t.contains(QStringLiteral("__meta_dns_srv_record_target=node1.vigil.test.")) &&
                   t.contains(QStringLiteral("srv_target=node1.vigil.test."));
    QVERIFY2(srvSeen, qPrintable(dump(prom.active)));
}

QTEST_GUILESS_MAIN(TestDnsSdVsPrometheus)
#include "tst_dns_sd_vs_prometheus.moc"
