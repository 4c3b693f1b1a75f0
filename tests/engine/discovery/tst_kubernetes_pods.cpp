// Kubernetes role "pod" target groups from real Pod JSON, and the built-in
// "Kubernetes pods (annotations)" job template applied to them. The
// template's relabeling is compared with Prometheus 2.42: the pods' target
// groups go into a file_sd file that Prometheus loads with the template's
// relabel_configs, and both must produce the same target labels and the same
// number of dropped targets. Fails when prometheus is not installed.
#include "discovery/file_discoverer.h"
#include "discovery/kubernetes_pod.h"
#include "scrape/job_templates.h"
#include "scrape/prometheus_config.h"
#include "scrape/target_labels.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace vigil;

namespace {

// Pods as `kubectl get pods -o json` shows them (trimmed to the fields used).
const char *kPods = R"([
{"metadata":{"name":"web-7d9f","namespace":"shop","uid":"1111-aaaa",
  "labels":{"app":"web","app.kubernetes.io/part-of":"shop"},
  "annotations":{"prometheus.io/scrape":"true","prometheus.io/port":"9102","prometheus.io/path":"/stats"},
  "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d","uid":"r1","controller":true}]},
 "spec":{"nodeName":"node-1","containers":[
   {"name":"app","image":"shop/web:1.2","ports":[{"name":"http","containerPort":8080,"protocol":"TCP"}]},
   {"name":"sidecar","image":"envoy:1.25"}],
   "initContainers":[{"name":"migrate","image":"shop/migrate:1"}]},
 "status":{"phase":"Running","podIP":"10.1.0.5","hostIP":"192.168.1.10",
   "conditions":[{"type":"Initialized","status":"True"},{"type":"Ready","status":"True"}]}},
{"metadata":{"name":"api-0","namespace":"shop","uid":"2222-bbbb","labels":{"app":"api"},
  "annotations":{"prometheus.io/scrape":"true","prometheus.io/scheme":"https"}},
 "spec":{"nodeName":"node-2","containers":[{"name":"api","image":"shop/api:3",
   "ports":[{"name":"metrics","containerPort":9100},{"name":"grpc","containerPort":9000,"protocol":"TCP"}]}]},
 "status":{"phase":"Running","podIP":"10.1.0.6","hostIP":"192.168.1.11",
   "conditions":[{"type":"Ready","status":"False"}]}},
{"metadata":{"name":"db-0","namespace":"data","uid":"3333-cccc","labels":{"app":"db"}},
 "spec":{"nodeName":"node-1","containers":[{"name":"db","image":"postgres:15","ports":[{"containerPort":5432}]}]},
 "status":{"phase":"Running","podIP":"10.1.0.7","hostIP":"192.168.1.10"}},
{"metadata":{"name":"job-x","namespace":"shop","uid":"4444","annotations":{"prometheus.io/scrape":"true"}},
 "spec":{"containers":[{"name":"job","image":"busybox","ports":[{"containerPort":8000}]}]},
 "status":{"phase":"Succeeded","podIP":"10.1.0.8","hostIP":"192.168.1.10"}},
{"metadata":{"name":"starting","namespace":"shop","uid":"5555","annotations":{"prometheus.io/scrape":"true"}},
 "spec":{"containers":[{"name":"s","image":"busybox","ports":[{"containerPort":8000}]}]},
 "status":{"phase":"Pending"}}
])";

std::vector<discovery::TargetGroup> podGroups()
{
    std::vector<discovery::TargetGroup> out;
    for (const QJsonValue &p : QJsonDocument::fromJson(kPods).array())
        out.push_back(discovery::kubernetesPodGroup(p.toObject()));
    return out;
}

std::string get(const model::Labels &l, const char *name)
{
    return std::string(l.get(name));
}

QString key(const model::Labels &l)
{
    QStringList parts;
    for (const model::Label &x : l)
        parts << QString::fromStdString(x.name) + QLatin1Char('=') + QString::fromStdString(x.value);
    return parts.join(QLatin1Char(','));
}

}  // namespace

class TestKubernetesPods : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void podLabels();
    void annotationsTemplate();
    void templateMatchesPrometheus();
};

void TestKubernetesPods::podLabels()
{
    const auto groups = podGroups();
    QCOMPARE(groups.size(), size_t(5));
    const discovery::TargetGroup &web = groups[0];
    QCOMPARE(web.source, std::string("pod/shop/web-7d9f"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_namespace"), std::string("shop"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_name"), std::string("web-7d9f"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_ip"), std::string("10.1.0.5"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_ready"), std::string("true"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_phase"), std::string("Running"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_node_name"), std::string("node-1"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_host_ip"), std::string("192.168.1.10"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_uid"), std::string("1111-aaaa"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_label_app_kubernetes_io_part_of"), std::string("shop"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_labelpresent_app"), std::string("true"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_annotation_prometheus_io_port"), std::string("9102"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_annotationpresent_prometheus_io_path"), std::string("true"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_controller_kind"), std::string("ReplicaSet"));
    QCOMPARE(get(web.labels, "__meta_kubernetes_pod_controller_name"), std::string("web-7d"));
    // app:8080, sidecar without ports, init container without ports.
    QCOMPARE(web.targets.size(), size_t(3));
    QCOMPARE(get(web.targets[0], "__address__"), std::string("10.1.0.5:8080"));
    QCOMPARE(get(web.targets[0], "__meta_kubernetes_pod_container_port_name"), std::string("http"));
    QCOMPARE(get(web.targets[0], "__meta_kubernetes_pod_container_port_number"), std::string("8080"));
    QCOMPARE(get(web.targets[0], "__meta_kubernetes_pod_container_port_protocol"), std::string("TCP"));
    QCOMPARE(get(web.targets[0], "__meta_kubernetes_pod_container_image"), std::string("shop/web:1.2"));
    QCOMPARE(get(web.targets[0], "__meta_kubernetes_pod_container_init"), std::string("false"));
    QCOMPARE(get(web.targets[1], "__address__"), std::string("10.1.0.5"));
    QCOMPARE(get(web.targets[1], "__meta_kubernetes_pod_container_name"), std::string("sidecar"));
    QCOMPARE(get(web.targets[2], "__meta_kubernetes_pod_container_init"), std::string("true"));

    QCOMPARE(get(groups[1].labels, "__meta_kubernetes_pod_ready"), std::string("false"));
    QCOMPARE(get(groups[1].targets[0], "__meta_kubernetes_pod_container_port_protocol"), std::string("TCP"));
    QCOMPARE(get(groups[2].labels, "__meta_kubernetes_pod_ready"), std::string("unknown"));
    QVERIFY(!groups[2].labels.has("__meta_kubernetes_pod_controller_kind"));
    // No pod IP yet: a group without targets (it replaces earlier ones).
    QCOMPARE(groups[4].source, std::string("pod/shop/starting"));
    QVERIFY(groups[4].targets.empty());
}

void TestKubernetesPods::annotationsTemplate()
{
    auto job = scrape::kubernetesPodsAnnotationsJob("k8s-pods", 30000);
    QVERIFY2(job, job.status().message().c_str());
    QCOMPARE(job->jobName, std::string("k8s-pods"));
    QCOMPARE(job->scrapeIntervalMs, int64_t(30000));
    QCOMPARE(job->sd.kubernetes.size(), size_t(1));
    QCOMPARE(job->sd.kubernetes[0].role, std::string("pod"));
    const scrape::JobTargets jt = scrape::targetsFromGroups(*job, podGroups());
    QVERIFY(jt.errors.empty());
    // web: 3 targets all rewritten to port 9102 (one after dedup); api: 2 on https.
    std::set<std::string> urls;
    for (const auto &t : jt.active) urls.insert(t->url());
    const std::set<std::string> want{"http://10.1.0.5:9102/stats", "https://10.1.0.6:9000/metrics",
                                     "https://10.1.0.6:9100/metrics"};
    QCOMPARE(urls, want);
    for (const auto &t : jt.active) {
        QCOMPARE(get(t->labels(), "namespace"), std::string("shop"));
        QVERIFY(t->labels().has("pod"));
        QVERIFY(t->labels().has("app"));
        QVERIFY(!t->labels().has("__meta_kubernetes_pod_name"));
    }
    // db (not annotated): 1, job-x (Succeeded): 1, web's duplicates are not dropped but merged.
    QCOMPARE(jt.dropped.size(), size_t(2));
}

void TestKubernetesPods::templateMatchesPrometheus()
{
    const QString prometheus = QStringLiteral("/usr/bin/prometheus");
    QVERIFY2(QFile::exists(prometheus), "prometheus (Debian package \"prometheus\") is required");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // One file_sd group per target, carrying the merged pod labels (file SD
    // targets carry only an address).
    QJsonArray file;
    for (const discovery::TargetGroup &g : podGroups()) {
        for (size_t i = 0; i < g.targets.size(); ++i) {
            QJsonObject labels;
            for (const model::Label &l : discovery::mergedTargetLabels(g, i))
                if (l.name != "__address__")
                    labels.insert(QString::fromStdString(l.name), QString::fromStdString(l.value));
            file.append(QJsonObject{{QStringLiteral("targets"),
                                     QJsonArray{QString::fromStdString(std::string(g.targets[i].get("__address__")))}},
                                    {QStringLiteral("labels"), labels}});
        }
    }
    const QString sdPath = dir.filePath(QStringLiteral("pods.json"));
    {
        QFile f(sdPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(file).toJson());
    }
    const std::string yaml = "scrape_configs:\n- job_name: pods\n  scrape_interval: 1h\n  file_sd_configs:\n"
                             "  - files: ['" + sdPath.toStdString() + "']\n" +
                             scrape::kubernetesPodsAnnotationsRelabelYaml();
    const QString configPath = dir.filePath(QStringLiteral("prometheus.yml"));
    {
        QFile f(configPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(yaml.c_str());
    }
    auto cfg = scrape::PrometheusConfig::loadString(yaml, configPath.toStdString());
    QVERIFY2(cfg, cfg.status().message().c_str());
    auto groups = discovery::readTargetGroupFile(sdPath.toStdString());
    QVERIFY2(groups, groups.status().message().c_str());
    const scrape::JobTargets jt = scrape::targetsFromGroups(cfg->scrapeConfigs.at(0), *groups);
    std::set<QString> vigil;
    for (const auto &t : jt.active) vigil.insert(key(t->labels()));

    uint16_t port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    QProcess prom;
    prom.setProcessChannelMode(QProcess::MergedChannels);
    prom.setStandardOutputFile(dir.filePath(QStringLiteral("prometheus.log")));
    prom.start(prometheus, {QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("data")),
                            QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                            QStringLiteral("--config.file=") + configPath});
    QVERIFY2(prom.waitForStarted(10000), "prometheus did not start");
    QNetworkAccessManager nam;
    std::set<QString> theirs;
    int theirDropped = -1;
    for (int i = 0; i < 60; ++i) {
        QNetworkReply *r = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/targets").arg(port))));
        QSignalSpy done(r, &QNetworkReply::finished);
        if (!r->isFinished()) done.wait(5000);
        const QJsonObject data = QJsonDocument::fromJson(r->readAll()).object().value(QStringLiteral("data")).toObject();
        r->deleteLater();
        theirs.clear();
        for (const QJsonValue &v : data.value(QStringLiteral("activeTargets")).toArray()) {
            const QJsonObject l = v.toObject().value(QStringLiteral("labels")).toObject();
            QStringList parts;
            for (auto it = l.begin(); it != l.end(); ++it) parts << it.key() + QLatin1Char('=') + it.value().toString();
            parts.sort();
            theirs.insert(parts.join(QLatin1Char(',')));
        }
        theirDropped = int(data.value(QStringLiteral("droppedTargets")).toArray().size());
        if (!theirs.empty()) break;
        QTest::qWait(500);
    }
    prom.terminate();  // SIGTERM to its PID
    if (!prom.waitForFinished(15000)) {
        prom.kill();
        prom.waitForFinished(5000);
    }
    auto dump = [](const std::set<QString> &s) { return QStringList(s.begin(), s.end()).join(QLatin1Char('\n')); };
    QVERIFY2(theirs == vigil, qPrintable(QStringLiteral("prometheus:\n") + dump(theirs) + QStringLiteral("\nvigil:\n") + dump(vigil)));
    QCOMPARE(theirDropped, int(jt.dropped.size()));
}

QTEST_GUILESS_MAIN(TestKubernetesPods)
#include "tst_kubernetes_pods.moc"
