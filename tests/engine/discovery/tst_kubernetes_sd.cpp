// kubernetes_sd_configs end to end against FakeKubeApi (a loopback HTTPS
// server replaying real-shaped Kubernetes API JSON):
//  - config parsing: Prometheus 2.42's validation messages (its
//    discovery/kubernetes SDConfig.UnmarshalYAML). Debian's promtool 2.42+ds
//    is built without Kubernetes discovery ("field kubernetes_sd_configs not
//    found"), so neither it nor Debian's prometheus can serve as the peer here;
//  - label sets of every role from real-shaped objects (rolesLabels);
//  - kubeconfig files: contexts, CA file, client certificate data, key file,
//    token; in-cluster service account credentials;
//  - list + watch through the ScrapeManager: a pod appears after one ADDED
//    event, changes with MODIFIED, vanishes with DELETED and its series get
//    staleness markers; a BOOKMARK moves the resourceVersion the next watch
//    starts from; a 410 as watch ERROR event and as HTTP status makes the
//    client list again; label selectors and namespaces become the request;
//  - scraping through the API server's pod proxy: a pod IP that refuses
//    connections is scraped through /api/v1/namespaces/<ns>/pods/<pod>:<port>/proxy/...
//    with the kubeconfig's token and client certificate (auto), or at once (always).
// Fails when openssl is missing.
#include "../scrape/head_reader.h"
#include "fake_kube_api.h"

#include "discovery/kubernetes_credentials.h"
#include "discovery/kubernetes_discoverer.h"
#include "scrape/job_templates.h"
#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using vigil::testing::FakeKubeApi;
using vigil::testing::kubeObject;

namespace {

QJsonObject pod(const QString &ns, const QString &name, const QString &ip, int port, QJsonObject labels,
                QJsonObject annotations)
{
    const QJsonObject extra{
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("nodeName"), QStringLiteral("node-1")},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                             {QStringLiteral("image"), QStringLiteral("shop/app:1")},
                                             {QStringLiteral("ports"),
                                              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("metrics")},
                                                                     {QStringLiteral("containerPort"), port},
                                                                     {QStringLiteral("protocol"), QStringLiteral("TCP")}}}}}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                     {QStringLiteral("podIP"), ip},
                     {QStringLiteral("hostIP"), QStringLiteral("192.168.1.10")},
                     {QStringLiteral("conditions"),
                      QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Ready")},
                                             {QStringLiteral("status"), QStringLiteral("True")}}}}}}};
    return kubeObject("Pod", "v1", ns, name, extra, labels, annotations);
}

size_t countJob(const scrape::ScrapeManager &m, const std::string &job)
{
    size_t n = 0;
    for (const scrape::TargetSnapshot &t : m.targets()) n += t.job == job;
    return n;
}

bool hasPod(const scrape::ScrapeManager &m, const std::string &name)
{
    for (const scrape::TargetSnapshot &t : m.targets())
        if (t.labels.get("pod") == name) return true;
    return false;
}

bool runOpenssl(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStandardPaths::findExecutable(QStringLiteral("openssl")), args);
    const bool ok = p.waitForFinished(20000) && p.exitCode() == 0;
    if (p.state() != QProcess::NotRunning) p.kill();
    return ok;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

// A local port nothing listens on (connections are refused).
int closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

}  // namespace

class TestKubernetesSd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void configErrors_data();
    void configErrors();
    void configParsed();
    void kubeconfig();
    void inCluster();
    void rolesLabels();
    void reconnectAfterOutage();
    void watchAndProxy();
    void proxyAlways();

private:
    QTemporaryDir dir_;
    QSslCertificate serverCert_;
    QSslKey serverKey_;
    QSslCertificate clientCert_;
    QString kubeconfig_;
};

void TestKubernetesSd::initTestCase()
{
    QVERIFY(dir_.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty(),
             "the openssl command line tool is required (Debian package openssl)");
    const QString d = dir_.path();
    QVERIFY(runOpenssl(d, {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                           "-keyout", "server-key.pem", "-out", "ca.pem", "-days", "2", "-subj", "/CN=kube-apiserver",
                           "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"}));
    QVERIFY(runOpenssl(d, {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                           "-keyout", "client-key.pem", "-out", "client.pem", "-days", "2", "-subj",
                           "/CN=vigil/O=system:masters"}));
    serverCert_ = QSslCertificate::fromData(readAll(d + "/ca.pem")).value(0);
    serverKey_ = QSslKey(readAll(d + "/server-key.pem"), QSsl::Ec);
    clientCert_ = QSslCertificate::fromData(readAll(d + "/client.pem")).value(0);
    QVERIFY(!serverCert_.isNull() && !serverKey_.isNull() && !clientCert_.isNull());
    // Two clusters, four users, three contexts; "test" is the usable one.
    const QByteArray certData = readAll(d + "/client.pem").toBase64();
    writeFile(d + "/token-file", "file-token\n");
    writeFile(d + "/kubeconfig.yml",
              "apiVersion: v1\nkind: Config\ncurrent-context: dev\nclusters:\n"
              "- name: dev-cluster\n  cluster:\n    server: https://127.0.0.1:1\n    insecure-skip-tls-verify: true\n"
              "- name: test-cluster\n  cluster:\n    server: https://127.0.0.1:6443/\n    certificate-authority: ca.pem\n"
              "users:\n- name: dev\n  user:\n    tokenFile: token-file\n"
              "- name: tester\n  user:\n    client-certificate-data: " + certData + "\n    client-key: client-key.pem\n"
              "    token: s3cret\n- name: plugin\n  user:\n    exec:\n      command: aws\n"
              "contexts:\n- name: dev\n  context:\n    cluster: dev-cluster\n    user: dev\n"
              "- name: test\n  context:\n    cluster: test-cluster\n    user: tester\n    namespace: shop\n"
              "- name: eks\n  context:\n    cluster: test-cluster\n    user: plugin\n");
    kubeconfig_ = d + "/kubeconfig.yml";
}

void TestKubernetesSd::configErrors_data()
{
    QTest::addColumn<QByteArray>("sd");
    QTest::addColumn<QString>("message");
    QTest::newRow("no role") << QByteArray("  - api_server: https://k:6443\n")
                             << "role missing (one of: pod, service, endpoints, endpointslice, node, ingress)";
    QTest::newRow("bad role") << QByteArray("  - role: pods\n") << "unknown Kubernetes SD role \"pods\"";
    QTest::newRow("api_server and kubeconfig")
        << QByteArray("  - role: pod\n    api_server: https://k:6443\n    kubeconfig_file: kc.yml\n")
        << "cannot use 'kubeconfig_file' and 'api_server' simultaneously";
    QTest::newRow("kubeconfig and http") << QByteArray("  - role: pod\n    kubeconfig_file: kc.yml\n    bearer_token: x\n")
                                         << "cannot use a custom HTTP client configuration together with 'kubeconfig_file'";
    QTest::newRow("http without api_server")
        << QByteArray("  - role: node\n    bearer_token: x\n")
        << "to use custom HTTP client configuration please provide the 'api_server' URL explicitly";
    QTest::newRow("api_server and own_namespace")
        << QByteArray("  - role: pod\n    api_server: https://k:6443\n    namespaces:\n      own_namespace: true\n")
        << "cannot use 'api_server' and 'namespaces.own_namespace' simultaneously";
    QTest::newRow("duplicated selector")
        << QByteArray("  - role: pod\n    selectors:\n    - role: pod\n      label: a=b\n    - role: pod\n      label: c=d\n")
        << "duplicated selector role: pod";
    QTest::newRow("selector role") << QByteArray("  - role: pod\n    selectors:\n    - role: node\n      label: a=b\n")
                                   << "pod role supports only pod selectors";
    QTest::newRow("endpoints selector role")
        << QByteArray("  - role: endpoints\n    selectors:\n    - role: node\n")
        << "endpoints role supports only pod, service, endpoints selectors";
    QTest::newRow("field selector") << QByteArray("  - role: pod\n    selectors:\n    - role: pod\n      field: abc\n")
                                    << "invalid selector: 'abc'; can't understand 'abc'";
    QTest::newRow("unknown field") << QByteArray("  - role: pod\n    namespace: [a]\n")
                                   << "field namespace not found in type kubernetes.plain";
    QTest::newRow("bearer token twice")
        << QByteArray("  - role: pod\n    api_server: https://k:6443\n    bearer_token: x\n    bearer_token_file: f\n")
        << "at most one of bearer_token & bearer_token_file must be configured";
}

void TestKubernetesSd::configErrors()
{
    QFETCH(QByteArray, sd);
    QFETCH(QString, message);
    const QByteArray yaml = "scrape_configs:\n- job_name: k\n  kubernetes_sd_configs:\n" + sd;
    const QString path = dir_.filePath(QStringLiteral("bad.yml"));
    writeFile(path, yaml);
    auto cfg = scrape::PrometheusConfig::loadString(yaml.toStdString(), path.toStdString());
    QVERIFY2(!cfg, "Vigil accepted the config");
    QVERIFY2(QString::fromStdString(cfg.status().message()).contains(message), cfg.status().message().c_str());

}

void TestKubernetesSd::configParsed()
{
    const std::string yaml =
        "scrape_configs:\n- job_name: k\n  vigil_kubernetes_proxy: always\n  kubernetes_sd_configs:\n"
        "  - role: endpointslice\n    api_server: https://k.example:6443\n    bearer_token_file: token\n"
        "    tls_config:\n      ca_file: ca.pem\n      insecure_skip_verify: false\n"
        "    namespaces:\n      names: [a, b]\n    attach_metadata:\n      node: true\n"
        "    selectors:\n    - role: pod\n      label: app in (web, api),tier!=db\n    - role: endpointslice\n"
        "      field: metadata.name=x\n";
    auto cfg = scrape::PrometheusConfig::loadString(yaml, "/etc/vigil/prometheus.yml");
    QVERIFY2(cfg, cfg.status().message().c_str());
    const scrape::ScrapeConfig &job = cfg->scrapeConfigs.at(0);
    QVERIFY(!job.rawSections.count("kubernetes_sd_configs"));
    QVERIFY(job.kubernetesProxy == scrape::KubernetesProxy::Always);
    QCOMPARE(job.sd.kubernetes.size(), size_t(1));
    const discovery::KubernetesSdConfig &k = job.sd.kubernetes[0];
    QCOMPARE(k.role, std::string("endpointslice"));
    QCOMPARE(k.apiServer, std::string("https://k.example:6443"));
    QVERIFY(k.http.authorization);
    QCOMPARE(k.http.authorization->credentialsFile, std::string("/etc/vigil/token"));
    QCOMPARE(k.http.tls.caFile, std::string("/etc/vigil/ca.pem"));
    QCOMPARE(k.namespaces, (std::vector<std::string>{"a", "b"}));
    QVERIFY(k.attachNodeMetadata);
    QCOMPARE(k.selectors.size(), size_t(2));
    QCOMPARE(k.selectors[1].field, std::string("metadata.name=x"));
    auto bad = scrape::PrometheusConfig::loadString("scrape_configs:\n- job_name: k\n  vigil_kubernetes_proxy: maybe\n", "p.yml");
    QVERIFY(!bad);
    QVERIFY(bad.status().message().find("vigil_kubernetes_proxy") != std::string::npos);
}

void TestKubernetesSd::kubeconfig()
{
    const QString d = dir_.path();
    auto ctx = discovery::kubeconfigContexts((d + "/kubeconfig.yml").toStdString());
    QVERIFY2(ctx, ctx.status().message().c_str());
    QCOMPARE(ctx->names, (std::vector<std::string>{"dev", "test", "eks"}));
    QCOMPARE(ctx->current, std::string("dev"));

    auto dev = discovery::kubeconfigCredentials((d + "/kubeconfig.yml").toStdString());
    QVERIFY2(dev, dev.status().message().c_str());
    QCOMPARE(dev->server, std::string("https://127.0.0.1:1"));
    QVERIFY(dev->http.tls.insecureSkipVerify);
    QVERIFY(dev->http.authorization);
    QCOMPARE(dev->http.authorization->credentialsFile, (d + "/token-file").toStdString());

    auto test = discovery::kubeconfigCredentials((d + "/kubeconfig.yml").toStdString(), "test");
    QVERIFY2(test, test.status().message().c_str());
    QCOMPARE(test->server, std::string("https://127.0.0.1:6443"));
    QVERIFY(!test->http.tls.insecureSkipVerify);  // only when the file says so
    QCOMPARE(test->caPem, readAll(d + "/ca.pem"));
    QCOMPARE(test->clientCertPem, readAll(d + "/client.pem"));
    QCOMPARE(test->clientKeyPem, readAll(d + "/client-key.pem"));
    QVERIFY(test->http.authorization);
    QCOMPARE(test->http.authorization->credentials, std::string("s3cret"));
    QCOMPARE(test->defaultNamespace, std::string("shop"));

    auto plugin = discovery::kubeconfigCredentials((d + "/kubeconfig.yml").toStdString(), "eks");
    QVERIFY(!plugin);
    QVERIFY(plugin.status().message().find("exec") != std::string::npos);
    QVERIFY(!discovery::kubeconfigCredentials((d + "/kubeconfig.yml").toStdString(), "nope"));
    QVERIFY(!discovery::kubeconfigCredentials((d + "/missing.yml").toStdString()));
}

void TestKubernetesSd::inCluster()
{
    FakeKubeApi api(serverCert_, serverKey_);
    QVERIFY(api.listenLoopback());
    api.requireToken("sa-token");
    api.set("pods", pod("monitoring", "agent", "10.0.0.9", 9100, {}, {}));
    api.set("pods", pod("other", "x", "10.0.0.10", 9100, {}, {}));
    const QString sa = dir_.filePath(QStringLiteral("sa"));
    QVERIFY(QDir().mkpath(sa));
    writeFile(sa + "/token", "sa-token\n");
    writeFile(sa + "/namespace", "monitoring");
    QVERIFY(QFile::copy(dir_.filePath(QStringLiteral("ca.pem")), sa + "/ca.crt"));
    qputenv("KUBERNETES_SERVICE_HOST", "127.0.0.1");
    qputenv("KUBERNETES_SERVICE_PORT", QByteArray::number(api.serverPort()));
    qputenv("VIGIL_KUBERNETES_SERVICE_ACCOUNT_DIR", sa.toUtf8());

    discovery::KubernetesSdConfig cfg;
    cfg.role = "pod";
    cfg.ownNamespace = true;
    discovery::KubernetesDiscoverer d(cfg);
    std::vector<discovery::DiscoveryUpdate> updates;
    d.start([&](discovery::DiscoveryUpdate u) { updates.push_back(std::move(u)); });
    QTRY_VERIFY_WITH_TIMEOUT(!updates.empty(), 5000);
    QVERIFY2(updates.back().error.empty(), updates.back().error.c_str());
    QCOMPARE(updates.back().groups.size(), size_t(1));
    QCOMPARE(updates.back().groups[0].source, std::string("pod/monitoring/agent"));
    QCOMPARE(api.count("/api/v1/namespaces/monitoring/pods", false), 1);
    qunsetenv("KUBERNETES_SERVICE_HOST");
    qunsetenv("KUBERNETES_SERVICE_PORT");
    qunsetenv("VIGIL_KUBERNETES_SERVICE_ACCOUNT_DIR");
}

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// Runs a discoverer for `role` against `api` until its first report.
std::vector<discovery::TargetGroup> discover(FakeKubeApi &api, const QString &caFile, const std::string &role,
                                             bool attachNode = false)
{
    discovery::KubernetesSdConfig cfg;
    cfg.role = role;
    cfg.apiServer = api.url().toStdString();
    cfg.http.tls.caFile = caFile.toStdString();
    cfg.attachNodeMetadata = attachNode;
    discovery::KubernetesDiscoverer d(cfg);
    std::vector<discovery::DiscoveryUpdate> updates;
    d.start([&](discovery::DiscoveryUpdate u) { updates.push_back(std::move(u)); });
    QTest::qWaitFor([&] { return !updates.empty(); }, 5000);
    if (updates.empty() || !updates.back().error.empty()) return {};
    return updates.back().groups;
}

std::map<std::string, std::string> merged(const discovery::TargetGroup &g, size_t i)
{
    std::map<std::string, std::string> out;
    for (const model::Label &l : discovery::mergedTargetLabels(g, i)) out[l.name] = l.value;
    return out;
}

}  // namespace

void TestKubernetesSd::rolesLabels()
{
    FakeKubeApi api(serverCert_, serverKey_);
    QVERIFY(api.listenLoopback());
    const QString ca = dir_.filePath(QStringLiteral("ca.pem"));
    api.set("nodes", json(R"({"kind":"Node","apiVersion":"v1","metadata":{"name":"node-1","uid":"n1",
        "labels":{"kubernetes.io/hostname":"node-1","topology.kubernetes.io/zone":"z1"},
        "annotations":{"node.alpha.kubernetes.io/ttl":"0"}},
      "spec":{"providerID":"aws:///z1/i-123"},
      "status":{"addresses":[{"type":"Hostname","address":"node-1"},{"type":"InternalIP","address":"10.0.0.1"},
        {"type":"InternalIP","address":"10.0.0.2"},{"type":"ExternalIP","address":"203.0.113.1"}],
        "daemonEndpoints":{"kubeletEndpoint":{"Port":10250}}}})"));
    api.set("services", json(R"({"kind":"Service","apiVersion":"v1","metadata":{"name":"web","namespace":"shop",
        "labels":{"app":"web"},"annotations":{"prometheus.io/scrape":"true"}},
      "spec":{"type":"ClusterIP","clusterIP":"10.96.0.10","ports":[{"name":"http","port":80,"protocol":"TCP","targetPort":8080}]}})"));
    api.set("services", json(R"({"kind":"Service","apiVersion":"v1","metadata":{"name":"ext","namespace":"shop"},
      "spec":{"type":"ExternalName","externalName":"db.example.com","ports":[{"port":5432,"protocol":"TCP"}]}})"));
    api.set("pods", json(R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-0","namespace":"shop","uid":"p0",
        "labels":{"app":"web"},
        "ownerReferences":[{"apiVersion":"apps/v1","kind":"StatefulSet","name":"web","uid":"s1","controller":true}]},
      "spec":{"nodeName":"node-1","containers":[{"name":"app","image":"web:1","ports":[
        {"name":"http","containerPort":8080,"protocol":"TCP"},{"name":"metrics","containerPort":9102,"protocol":"TCP"}]}]},
      "status":{"phase":"Running","podIP":"10.1.0.5","hostIP":"10.0.0.1",
        "conditions":[{"type":"Ready","status":"True"}]}})"));
    api.set("endpoints", json(R"({"kind":"Endpoints","apiVersion":"v1","metadata":{"name":"web","namespace":"shop",
        "labels":{"app":"web"}},
      "subsets":[{"addresses":[{"ip":"10.1.0.5","nodeName":"node-1","hostname":"web-0",
          "targetRef":{"kind":"Pod","namespace":"shop","name":"web-0","uid":"p0"}}],
        "notReadyAddresses":[{"ip":"10.1.0.9"}],
        "ports":[{"name":"http","port":8080,"protocol":"TCP"}]}]})"));
    api.set("endpointslices", json(R"({"kind":"EndpointSlice","apiVersion":"discovery.k8s.io/v1",
      "metadata":{"name":"web-abc12","namespace":"shop","labels":{"kubernetes.io/service-name":"web"}},
      "addressType":"IPv4",
      "endpoints":[{"addresses":["10.1.0.5"],"conditions":{"ready":true,"serving":true,"terminating":false},
        "hostname":"web-0","nodeName":"node-1","zone":"z1",
        "targetRef":{"kind":"Pod","namespace":"shop","name":"web-0","uid":"p0"}}],
      "ports":[{"name":"http","port":8080,"protocol":"TCP","appProtocol":"http"}]})"));

    // node: one target on the kubelet port of the first InternalIP.
    auto nodes = discover(api, ca, "node");
    QCOMPARE(nodes.size(), size_t(1));
    QCOMPARE(nodes[0].source, std::string("node/node-1"));
    const auto node = merged(nodes[0], 0);
    const std::map<std::string, std::string> wantNode{
        {"__address__", "10.0.0.1:10250"},
        {"instance", "node-1"},
        {"__meta_kubernetes_node_name", "node-1"},
        {"__meta_kubernetes_node_provider_id", "aws:///z1/i-123"},
        {"__meta_kubernetes_node_label_kubernetes_io_hostname", "node-1"},
        {"__meta_kubernetes_node_labelpresent_kubernetes_io_hostname", "true"},
        {"__meta_kubernetes_node_label_topology_kubernetes_io_zone", "z1"},
        {"__meta_kubernetes_node_labelpresent_topology_kubernetes_io_zone", "true"},
        {"__meta_kubernetes_node_annotation_node_alpha_kubernetes_io_ttl", "0"},
        {"__meta_kubernetes_node_annotationpresent_node_alpha_kubernetes_io_ttl", "true"},
        {"__meta_kubernetes_node_address_Hostname", "node-1"},
        {"__meta_kubernetes_node_address_InternalIP", "10.0.0.1"},
        {"__meta_kubernetes_node_address_ExternalIP", "203.0.113.1"},
    };
    QCOMPARE(node, wantNode);

    // service: one target per port, DNS name as address. Listed in pages of one (metadata.continue).
    api.setPageSize(1);
    auto services = discover(api, ca, "service");
    api.setPageSize(0);
    QCOMPARE(services.size(), size_t(2));
    QCOMPARE(api.count("/api/v1/services", false), 2);
    const discovery::TargetGroup &web = services[1].source == "svc/shop/web" ? services[1] : services[0];
    const std::map<std::string, std::string> wantSvc{
        {"__address__", "web.shop.svc:80"},
        {"__meta_kubernetes_namespace", "shop"},
        {"__meta_kubernetes_service_name", "web"},
        {"__meta_kubernetes_service_label_app", "web"},
        {"__meta_kubernetes_service_labelpresent_app", "true"},
        {"__meta_kubernetes_service_annotation_prometheus_io_scrape", "true"},
        {"__meta_kubernetes_service_annotationpresent_prometheus_io_scrape", "true"},
        {"__meta_kubernetes_service_port_name", "http"},
        {"__meta_kubernetes_service_port_number", "80"},
        {"__meta_kubernetes_service_port_protocol", "TCP"},
        {"__meta_kubernetes_service_type", "ClusterIP"},
        {"__meta_kubernetes_service_cluster_ip", "10.96.0.10"},
    };
    QCOMPARE(merged(web, 0), wantSvc);
    const discovery::TargetGroup &ext = services[0].source == "svc/shop/ext" ? services[0] : services[1];
    QCOMPARE(merged(ext, 0).at("__meta_kubernetes_service_external_name"), std::string("db.example.com"));
    QVERIFY(!merged(ext, 0).count("__meta_kubernetes_service_cluster_ip"));

    // endpoints: the ready pod address with pod and container labels, the
    // not-ready address, and the pod's uncovered container port 9102.
    auto eps = discover(api, ca, "endpoints", true);
    QCOMPARE(eps.size(), size_t(1));
    QCOMPARE(eps[0].source, std::string("endpoints/shop/web"));
    QCOMPARE(eps[0].targets.size(), size_t(3));
    const auto ready = merged(eps[0], 0);
    QCOMPARE(ready.at("__address__"), std::string("10.1.0.5:8080"));
    QCOMPARE(ready.at("__meta_kubernetes_endpoints_name"), std::string("web"));
    QCOMPARE(ready.at("__meta_kubernetes_endpoint_ready"), std::string("true"));
    QCOMPARE(ready.at("__meta_kubernetes_endpoint_port_name"), std::string("http"));
    QCOMPARE(ready.at("__meta_kubernetes_endpoint_port_protocol"), std::string("TCP"));
    QCOMPARE(ready.at("__meta_kubernetes_endpoint_hostname"), std::string("web-0"));
    QCOMPARE(ready.at("__meta_kubernetes_endpoint_node_name"), std::string("node-1"));
    QCOMPARE(ready.at("__meta_kubernetes_endpoint_address_target_kind"), std::string("Pod"));
    QCOMPARE(ready.at("__meta_kubernetes_endpoint_address_target_name"), std::string("web-0"));
    QCOMPARE(ready.at("__meta_kubernetes_pod_name"), std::string("web-0"));
    QCOMPARE(ready.at("__meta_kubernetes_pod_controller_kind"), std::string("StatefulSet"));
    QCOMPARE(ready.at("__meta_kubernetes_pod_container_port_name"), std::string("http"));
    QCOMPARE(ready.at("__meta_kubernetes_service_name"), std::string("web"));
    QCOMPARE(ready.at("__meta_kubernetes_service_label_app"), std::string("web"));
    QCOMPARE(ready.at("__meta_kubernetes_endpoints_label_app"), std::string("web"));
    QCOMPARE(ready.at("__meta_kubernetes_node_label_topology_kubernetes_io_zone"), std::string("z1"));  // attach_metadata
    const auto notReady = merged(eps[0], 1);
    QCOMPARE(notReady.at("__address__"), std::string("10.1.0.9:8080"));
    QCOMPARE(notReady.at("__meta_kubernetes_endpoint_ready"), std::string("false"));
    QVERIFY(!notReady.count("__meta_kubernetes_pod_name"));
    const auto extra = merged(eps[0], 2);
    QCOMPARE(extra.at("__address__"), std::string("10.1.0.5:9102"));
    QCOMPARE(extra.at("__meta_kubernetes_pod_container_port_name"), std::string("metrics"));
    QVERIFY(!extra.count("__meta_kubernetes_endpoint_ready"));

    // endpointslice (discovery.k8s.io/v1).
    auto slices = discover(api, ca, "endpointslice");
    QCOMPARE(slices.size(), size_t(1));
    QCOMPARE(slices[0].source, std::string("endpointslice/shop/web-abc12"));
    QCOMPARE(slices[0].targets.size(), size_t(2));
    const auto es = merged(slices[0], 0);
    const std::map<std::string, std::string> wantSlice{
        {"__address__", "10.1.0.5:8080"},
        {"__meta_kubernetes_namespace", "shop"},
        {"__meta_kubernetes_endpointslice_name", "web-abc12"},
        {"__meta_kubernetes_endpointslice_address_type", "IPv4"},
        {"__meta_kubernetes_endpointslice_port", "8080"},
        {"__meta_kubernetes_endpointslice_port_name", "http"},
        {"__meta_kubernetes_endpointslice_port_protocol", "TCP"},
        {"__meta_kubernetes_endpointslice_port_app_protocol", "http"},
        {"__meta_kubernetes_endpointslice_endpoint_conditions_ready", "true"},
        {"__meta_kubernetes_endpointslice_endpoint_conditions_serving", "true"},
        {"__meta_kubernetes_endpointslice_endpoint_conditions_terminating", "false"},
        {"__meta_kubernetes_endpointslice_endpoint_hostname", "web-0"},
        {"__meta_kubernetes_endpointslice_address_target_kind", "Pod"},
        {"__meta_kubernetes_endpointslice_address_target_name", "web-0"},
        {"__meta_kubernetes_service_name", "web"},
        {"__meta_kubernetes_service_label_app", "web"},
        {"__meta_kubernetes_service_labelpresent_app", "true"},
        {"__meta_kubernetes_service_annotation_prometheus_io_scrape", "true"},
        {"__meta_kubernetes_service_annotationpresent_prometheus_io_scrape", "true"},
        {"__meta_kubernetes_pod_name", "web-0"},
        {"__meta_kubernetes_pod_ip", "10.1.0.5"},
        {"__meta_kubernetes_pod_ready", "true"},
        {"__meta_kubernetes_pod_phase", "Running"},
        {"__meta_kubernetes_pod_node_name", "node-1"},
        {"__meta_kubernetes_pod_host_ip", "10.0.0.1"},
        {"__meta_kubernetes_pod_uid", "p0"},
        {"__meta_kubernetes_pod_label_app", "web"},
        {"__meta_kubernetes_pod_labelpresent_app", "true"},
        {"__meta_kubernetes_pod_controller_kind", "StatefulSet"},
        {"__meta_kubernetes_pod_controller_name", "web"},
        {"__meta_kubernetes_pod_container_name", "app"},
        {"__meta_kubernetes_pod_container_image", "web:1"},
        {"__meta_kubernetes_pod_container_port_name", "http"},
        {"__meta_kubernetes_pod_container_port_number", "8080"},
        {"__meta_kubernetes_pod_container_port_protocol", "TCP"},
    };
    QCOMPARE(es, wantSlice);
    QCOMPARE(merged(slices[0], 1).at("__address__"), std::string("10.1.0.5:9102"));
    // ingress: one target per rule and path; https where a TLS host pattern matches.
    api.set("ingresses", json(R"({"kind":"Ingress","apiVersion":"networking.k8s.io/v1",
      "metadata":{"name":"shop","namespace":"shop","labels":{"app":"web"}},
      "spec":{"ingressClassName":"nginx","tls":[{"hosts":["*.example.com"]}],
        "rules":[{"host":"shop.example.com","http":{"paths":[{"path":"/","pathType":"Prefix"},{"path":"/api","pathType":"Prefix"}]}},
                 {"host":"plain.example.org"}]}})"));
    auto ingresses = discover(api, ca, "ingress");
    QCOMPARE(ingresses.size(), size_t(1));
    QCOMPARE(ingresses[0].source, std::string("ingress/shop/shop"));
    QCOMPARE(ingresses[0].targets.size(), size_t(3));
    const std::map<std::string, std::string> wantIngress{
        {"__address__", "shop.example.com"},
        {"__meta_kubernetes_namespace", "shop"},
        {"__meta_kubernetes_ingress_name", "shop"},
        {"__meta_kubernetes_ingress_label_app", "web"},
        {"__meta_kubernetes_ingress_labelpresent_app", "true"},
        {"__meta_kubernetes_ingress_class_name", "nginx"},
        {"__meta_kubernetes_ingress_scheme", "https"},
        {"__meta_kubernetes_ingress_host", "shop.example.com"},
        {"__meta_kubernetes_ingress_path", "/api"},
    };
    QCOMPARE(merged(ingresses[0], 1), wantIngress);
    QCOMPARE(merged(ingresses[0], 2).at("__meta_kubernetes_ingress_scheme"), std::string("http"));
    QCOMPARE(merged(ingresses[0], 2).at("__meta_kubernetes_ingress_path"), std::string("/"));

    // endpointslice needs pods and services too; every collection was listed once and is watched.
    QCOMPARE(api.count("/apis/discovery.k8s.io/v1/endpointslices", false), 1);
    QVERIFY(api.count("/api/v1/services", false) >= 1);
}

void TestKubernetesSd::reconnectAfterOutage()
{
    FakeKubeApi api(serverCert_, serverKey_);
    QVERIFY(api.listenLoopback());
    const quint16 port = api.serverPort();
    api.set("pods", pod("a", "one", "10.0.0.1", 80, {}, {}));
    discovery::KubernetesSdConfig cfg;
    cfg.role = "pod";
    cfg.apiServer = api.url().toStdString();
    cfg.http.tls.caFile = dir_.filePath(QStringLiteral("ca.pem")).toStdString();
    discovery::KubernetesDiscoverer d(cfg);
    std::vector<discovery::DiscoveryUpdate> updates;
    d.start([&](discovery::DiscoveryUpdate u) { updates.push_back(std::move(u)); });
    QTRY_VERIFY_WITH_TIMEOUT(!updates.empty() && api.openWatches() == 1, 5000);
    QCOMPARE(updates.back().groups.size(), size_t(1));
    const qint64 rvBefore = api.resourceVersion();

    // The API server goes away: the error is reported, the pods are kept.
    api.goDown();
    QTRY_VERIFY_WITH_TIMEOUT(!updates.back().error.empty(), 5000);
    QCOMPARE(updates.back().groups.size(), size_t(1));
    // Changes made while the client is away...
    api.set("pods", pod("a", "two", "10.0.0.2", 80, {}, {}));
    QTest::qWait(1500);  // at least one refused retry (1 s, then 2 s...)
    const size_t requestsWhileDown = api.requests().size();
    QVERIFY(api.listen(QHostAddress::LocalHost, port));
    // ...arrive by re-watching from the last version (no new list).
    QTRY_VERIFY_WITH_TIMEOUT(updates.back().groups.size() == 2 && updates.back().error.empty(), 10000);
    QCOMPARE(api.count("/api/v1/pods", false), 1);
    const auto &reqs = api.requests();
    QVERIFY(reqs.size() > requestsWhileDown);
    QVERIFY2(reqs[requestsWhileDown].watch, reqs[requestsWhileDown].query.constData());
    QVERIFY2(reqs[requestsWhileDown].query.contains("resourceVersion=" + QByteArray::number(rvBefore)),
             reqs[requestsWhileDown].query.constData());
}

void TestKubernetesSd::watchAndProxy()
{
    FakeKubeApi api(serverCert_, serverKey_);
    QVERIFY(api.listenLoopback());
    api.requireToken("s3cret");
    api.requireClientCertificate(clientCert_);
    api.setMetricsBody("# TYPE proxied_metric gauge\nproxied_metric 42\n");
    // The kubeconfig's "test" context, pointed at this server.
    QByteArray kc = readAll(kubeconfig_);
    kc.replace("https://127.0.0.1:6443/", api.url());
    const QString kcPath = dir_.filePath(QStringLiteral("kubeconfig-watch.yml"));
    writeFile(kcPath, kc);

    const int port = closedPort();  // the "pod IP" refuses connections: auto must use the proxy
    const QJsonObject scrape{{QStringLiteral("prometheus.io/scrape"), QStringLiteral("true")},
                             {QStringLiteral("prometheus.io/port"), QString::number(port)}};
    const QJsonObject teamA{{QStringLiteral("team"), QStringLiteral("a")}};
    api.set("pods", pod("shop", "web-1", "127.0.0.1", port, teamA, scrape));

    const std::string yaml = "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n- job_name: k8s\n"
                             "  kubernetes_sd_configs:\n  - role: pod\n    kubeconfig_file: " +
                             kcPath.toStdString() +
                             "\n    vigil_kubeconfig_context: test\n    namespaces:\n      names: [shop]\n"
                             "    selectors:\n    - role: pod\n      label: team=a\n" +
                             scrape::kubernetesPodsAnnotationsRelabelYaml();
    auto cfg = scrape::PrometheusConfig::loadString(yaml, "prometheus.yml");
    QVERIFY2(cfg, cfg.status().message().c_str());
    tsdb::Head head;
    scrape::ScrapeManager mgr(&head);
    QVERIFY(mgr.applyConfig(*cfg));

    const QByteArray podsPath = "/api/v1/namespaces/shop/pods";
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "k8s"), size_t(1), 5000);
    QCOMPARE(api.count(podsPath, false), 1);
    QVERIFY(api.requests().front().query.contains("labelSelector=team%3Da"));
    // Scraped through the pod proxy with the kubeconfig's token and client certificate.
    QTRY_COMPARE_WITH_TIMEOUT(testing::lastValue(head, {{"__name__", "proxied_metric"}, {"pod", "web-1"}}), 42.0, 8000);
    const QByteArray proxyPath = "/api/v1/namespaces/shop/pods/web-1:" + QByteArray::number(port) + "/proxy/metrics";
    QVERIFY(api.count(proxyPath, false) >= 1);
    QTRY_VERIFY_WITH_TIMEOUT(api.openWatches() == 1, 5000);
    {
        const auto &reqs = api.requests();
        auto w = std::find_if(reqs.begin(), reqs.end(), [&](const testing::KubeRequest &r) { return r.watch; });
        QVERIFY(w != reqs.end());
        QVERIFY2(w->query.contains("allowWatchBookmarks=true"), w->query.constData());
        QVERIFY2(w->query.contains("resourceVersion="), w->query.constData());
        QVERIFY2(w->query.contains("labelSelector=team%3Da"), w->query.constData());
    }

    // ADDED: the target appears from the watch event alone (no new list).
    api.set("pods", pod("shop", "web-2", "127.0.0.1", port, teamA, scrape));
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "k8s"), size_t(2), 3000);
    QCOMPARE(api.count(podsPath, false), 1);
    // A pod the selector excludes never shows.
    api.set("pods", pod("shop", "other", "127.0.0.1", port, {{QStringLiteral("team"), QStringLiteral("b")}}, scrape));
    // MODIFIED: the annotation goes, the template drops the target.
    QJsonObject noScrape = scrape;
    noScrape.insert(QStringLiteral("prometheus.io/scrape"), QStringLiteral("false"));
    api.set("pods", pod("shop", "web-2", "127.0.0.1", port, teamA, noScrape));
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "k8s"), size_t(1), 3000);
    QVERIFY(hasPod(mgr, "web-1"));

    // DELETED: the target vanishes and its series end with staleness markers.
    api.remove("pods", QStringLiteral("shop"), QStringLiteral("web-1"));
    QTRY_COMPARE_WITH_TIMEOUT(countJob(mgr, "k8s"), size_t(0), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(testing::lastIsStale(head, {{"__name__", "proxied_metric"}, {"pod", "web-1"}}), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(testing::lastIsStale(head, {{"__name__", "up"}, {"pod", "web-1"}}), 3000);

    // BOOKMARK: the next watch starts from the bookmark's version.
    api.bookmark();
    const QByteArray bookmarkRv = "resourceVersion=" + QByteArray::number(api.resourceVersion());
    QTest::qWait(200);
    const int watchesBefore = api.count(podsPath, true);
    api.endWatches();
    QTRY_VERIFY_WITH_TIMEOUT(api.count(podsPath, true) > watchesBefore, 5000);
    QVERIFY2(api.requests().back().query.contains(bookmarkRv), api.requests().back().query.constData());
    QCOMPARE(api.count(podsPath, false), 1);

    // ERROR event 410: list again; a pod added in the gap appears.
    QTRY_VERIFY_WITH_TIMEOUT(api.openWatches() == 1, 5000);
    api.expireWatches();
    api.set("pods", pod("shop", "web-3", "127.0.0.1", port, teamA, scrape));
    QTRY_COMPARE_WITH_TIMEOUT(api.count(podsPath, false), 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(hasPod(mgr, "web-3"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(testing::lastValue(head, {{"__name__", "proxied_metric"}, {"pod", "web-3"}}), 42.0, 8000);

    // HTTP 410 on the watch request: list again.
    QTRY_VERIFY_WITH_TIMEOUT(api.openWatches() == 1, 5000);
    api.failNextWatchesWithGone(1);
    api.endWatches();
    QTRY_COMPARE_WITH_TIMEOUT(api.count(podsPath, false), 3, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(api.openWatches() == 1, 5000);
    QVERIFY(hasPod(mgr, "web-3"));
    QVERIFY(mgr.discoveryErrors().empty());
    mgr.stop();
}

void TestKubernetesSd::proxyAlways()
{
    FakeKubeApi api(serverCert_, serverKey_);
    QVERIFY(api.listenLoopback());
    api.requireToken("tok");
    api.setMetricsBody("always_metric 7\n");
    const QString tokenFile = dir_.filePath(QStringLiteral("api-token"));
    writeFile(tokenFile, "tok\n");
    // A pod IP that does answer: "always" must not scrape it directly.
    QTcpServer direct;
    QVERIFY(direct.listen(QHostAddress::LocalHost, 0));
    int directConnections = 0;
    connect(&direct, &QTcpServer::newConnection, this, [&] {
        ++directConnections;
        delete direct.nextPendingConnection();
    });
    api.set("pods", pod("ns1", "p", "127.0.0.1", direct.serverPort(), {}, {}));
    const std::string yaml = "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n- job_name: always\n"
                             "  vigil_kubernetes_proxy: always\n  kubernetes_sd_configs:\n  - role: pod\n    api_server: " +
                             api.url().toStdString() + "\n    bearer_token_file: " + tokenFile.toStdString() +
                             "\n    tls_config:\n      ca_file: " + dir_.filePath(QStringLiteral("ca.pem")).toStdString() + "\n";
    auto cfg = scrape::PrometheusConfig::loadString(yaml, "prometheus.yml");
    QVERIFY2(cfg, cfg.status().message().c_str());
    tsdb::Head head;
    scrape::ScrapeManager mgr(&head);
    QVERIFY(mgr.applyConfig(*cfg));
    QTRY_COMPARE_WITH_TIMEOUT(testing::lastValue(head, {{"__name__", "always_metric"}}), 7.0, 8000);
    QCOMPARE(directConnections, 0);
    const QByteArray proxyPath = "/api/v1/namespaces/ns1/pods/p:" + QByteArray::number(direct.serverPort()) + "/proxy/metrics";
    QVERIFY(api.count(proxyPath, false) >= 1);
    mgr.stop();
}

QTEST_GUILESS_MAIN(TestKubernetesSd)
#include "tst_kubernetes_sd.moc"
