// The Targets page's "Kubernetes pods (annotations)" template: the dialog
// lists the contexts of a kubeconfig (read off the GUI thread), saves the
// job through the engine, and the pods of the chosen context's cluster (a
// loopback FakeKubeApi over HTTPS with a CA file and a token) become
// targets; the job is restored from app.db when the engine starts again.
#include "../engine/discovery/fake_kube_api.h"

#include "pages/kubernetes_job_dialog.h"
#include "scrape/scrape_manager.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using vigil::runtime::Engine;
using vigil::testing::FakeKubeApi;
using vigil::testing::kubeObject;

namespace {

size_t jobTargets(Engine &engine, const std::string &job)
{
    size_t n = 0;
    for (const auto &t : engine.scraper()->targets()) n += t.job == job;
    for (const auto &d : engine.scraper()->droppedTargetDetails()) n += d.job == job;
    return n;
}

}  // namespace

class TestKubernetesJobDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pickContextAndSave()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        QVERIFY2(!openssl.isEmpty(), "the openssl command line tool is required (Debian package openssl)");
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(openssl, {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                          "-keyout", "key.pem", "-out", "ca.pem", "-days", "2", "-subj", "/CN=localhost", "-addext",
                          "subjectAltName=IP:127.0.0.1"});
        QVERIFY(p.waitForFinished(20000) && p.exitCode() == 0);
        QFile certFile(dir.filePath("ca.pem")), keyFile(dir.filePath("key.pem"));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        FakeKubeApi api(QSslCertificate::fromData(certFile.readAll()).value(0), QSslKey(keyFile.readAll(), QSsl::Ec));
        QVERIFY(api.listenLoopback());
        api.requireToken("t0k");
        const QJsonObject pod = kubeObject(
            "Pod", "v1", QStringLiteral("shop"), QStringLiteral("web-0"),
            QJsonObject{{QStringLiteral("spec"),
                         QJsonObject{{QStringLiteral("containers"),
                                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                                             {QStringLiteral("ports"),
                                                              QJsonArray{QJsonObject{{QStringLiteral("containerPort"), 9102},
                                                                                     {QStringLiteral("protocol"), QStringLiteral("TCP")}}}}}}}}},
                        {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                                                               {QStringLiteral("podIP"), QStringLiteral("127.0.0.1")}}}},
            {}, QJsonObject{{QStringLiteral("prometheus.io/scrape"), QStringLiteral("true")}});
        api.set("pods", pod);
        QFile kc(dir.filePath("kubeconfig"));
        QVERIFY(kc.open(QIODevice::WriteOnly));
        kc.write("apiVersion: v1\nkind: Config\ncurrent-context: prod\nclusters:\n"
                 "- name: prod\n  cluster:\n    server: https://127.0.0.1:1\n"
                 "- name: lab\n  cluster:\n    server: " + api.url() + "\n    certificate-authority: ca.pem\n"
                 "users:\n- name: me\n  user:\n    token: t0k\n"
                 "contexts:\n- name: prod\n  context: {cluster: prod, user: me}\n"
                 "- name: lab\n  context: {cluster: lab, user: me}\n");
        kc.close();

        vigil::config::EngineOptions o;
        o.storagePath = dir.filePath("data").toStdString();
        o.webEnabled = false;
        {
            Engine engine(o);
            engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
            engine.start();
            QTRY_COMPARE(engine.state(), Engine::State::Running);

            vigil::ui::KubernetesJobDialog d(&engine);
            QSignalSpy loaded(&d, &vigil::ui::KubernetesJobDialog::contextsLoaded);
            d.findChild<QLineEdit *>(QStringLiteral("kubeconfig"))->setText(kc.fileName());
            d.loadContexts();
            QVERIFY(loaded.wait(5000));
            QCOMPARE(d.contexts(), (QStringList{QStringLiteral("prod"), QStringLiteral("lab")}));
            auto *context = d.findChild<QComboBox *>(QStringLiteral("context"));
            QCOMPARE(context->currentText(), QStringLiteral("prod"));  // current-context preselected
            context->setCurrentText(QStringLiteral("lab"));
            d.findChild<QLineEdit *>(QStringLiteral("job"))->setText(QStringLiteral("lab-pods"));
            QVERIFY(d.jobYaml().contains(QStringLiteral("vigil_kubeconfig_context: \"lab\"")));
            QSignalSpy saved(&d, &vigil::ui::KubernetesJobDialog::saved);
            d.save();
            QVERIFY2(saved.wait(5000), qPrintable(d.statusText()));
            // The pod of the "lab" cluster becomes a target of the job.
            QTRY_COMPARE_WITH_TIMEOUT(jobTargets(engine, "lab-pods"), size_t(1), 5000);
            engine.stop();
        }
        // Restored from app.db on the next start.
        Engine again(o);
        again.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
        again.start();
        QTRY_COMPARE(again.state(), Engine::State::Running);
        QTRY_COMPARE_WITH_TIMEOUT(jobTargets(again, "lab-pods"), size_t(1), 5000);
        auto f = again.removeDiscoveryJob("lab-pods");
        QTRY_VERIFY(f.isFinished());
        QVERIFY(f.result().isOk());
        QTRY_COMPARE_WITH_TIMEOUT(jobTargets(again, "lab-pods"), size_t(0), 5000);
        again.stop();
    }
};

QTEST_MAIN(TestKubernetesJobDialog)
#include "tst_kubernetes_job_dialog.moc"
