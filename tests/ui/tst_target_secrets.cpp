// The target form's secrets against a real keychain, end to end: a node
// exporter that requires basic auth, a private D-Bus bus first without and
// then with gnome-keyring's Secret Service. Without a keychain the form says
// so and refuses to save; with one the password lands in the keychain (not
// in app.db), the engine reads it back to scrape, also after a restart.
#include "models/target_table_model.h"
#include "pages/target_dialog.h"
#include "pages/targets_page.h"
#include "scrape/scrape_manager.h"
#include "store/secret_store.h"

#include "../support/keychain_bus.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using vigil::runtime::Engine;
using namespace vigil::ui;

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// bcrypt of "s3cret" (cost 12), for node exporter's --web.config.file.
constexpr const char *kWebConfig =
    "basic_auth_users:\n  vigil: $2b$12$In2vHT4ygALAV0y0VbDbqOZigSoXzJ.S0p82hUgoqbHukVtZOcH46\n";

void fillForm(TargetDialog &d, quint16 port, const QString &password)
{
    d.findChild<QLineEdit *>(QStringLiteral("address"))->setText(QStringLiteral("127.0.0.1:%1").arg(port));
    d.findChild<QLineEdit *>(QStringLiteral("job"))->setText(QStringLiteral("secured"));
    auto *type = d.findChild<QComboBox *>(QStringLiteral("authType"));
    type->setCurrentIndex(type->findData(QStringLiteral("basic")));
    d.findChild<QLineEdit *>(QStringLiteral("authUser"))->setText(QStringLiteral("vigil"));
    d.findChild<QLineEdit *>(QStringLiteral("authSecret"))->setText(password);
}

}  // namespace

class TestTargetSecrets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString error = bus_.startBus();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(webConfigDir_.isValid());
        QFile f(webConfigDir_.filePath(QStringLiteral("web.yml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kWebConfig);
        f.close();
        port_ = freePort();
        node_.start(QStringLiteral("/usr/bin/prometheus-node-exporter"),
                    {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port_),
                     QStringLiteral("--web.config.file=") + f.fileName()});
        QVERIFY2(node_.waitForStarted(5000),
                 "prometheus-node-exporter is required (packaging/dev.sh installs it)");
    }
    void cleanupTestCase()
    {
        node_.kill();
        node_.waitForFinished(5000);
    }

    void withoutKeychainNothingIsSaved()
    {
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.webEnabled = false;
        Engine engine(o);
        engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);
        TargetDialog d(&engine, vigil::store::StoredTarget{});
        QSignalSpy checked(&d, &TargetDialog::keychainChecked);
        QVERIFY(checked.wait(30000));
        QCOMPARE(checked.first().first().toBool(), false);
        const QString status = d.findChild<QLabel *>(QStringLiteral("keychainStatus"))->text();
        QVERIFY2(status.contains(QStringLiteral("No system keychain")), qPrintable(status));

        // The Test button still works with the typed password (kept in memory only).
        fillForm(d, port_, QStringLiteral("s3cret"));
        QSignalSpy tested(&d, &TargetDialog::testFinished);
        d.test();
        QVERIFY(tested.wait(15000));
        QVERIFY2(tested.first().first().toBool(), qPrintable(d.resultText()));

        QSignalSpy failed(&d, &TargetDialog::saveFailed);
        d.save();
        QVERIFY(failed.wait(30000));
        QVERIFY2(d.resultText().contains(QStringLiteral("plain text")), qPrintable(d.resultText()));
        auto stored = engine.storedTargets();
        QTRY_VERIFY(stored.isFinished());
        QVERIFY(stored.result().empty());
        engine.stop();
        QVERIFY(!fileContains(dir.filePath(QStringLiteral("app.db")), "s3cret"));
    }

    void withKeychainTheEngineScrapesWithTheSecret()
    {
        startKeyring();
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.webEnabled = false;
        std::string ref;
        {
            Engine engine(o);
            engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
            TargetsPage page(&engine);
            engine.start();
            QTRY_COMPARE(engine.state(), Engine::State::Running);
            TargetDialog d(&engine, vigil::store::StoredTarget{});
            QSignalSpy checked(&d, &TargetDialog::keychainChecked);
            QVERIFY(checked.wait(30000));
            QCOMPARE(checked.first().first().toBool(), true);

            // A wrong password: the exact HTTP error.
            fillForm(d, port_, QStringLiteral("wrong"));
            QSignalSpy tested(&d, &TargetDialog::testFinished);
            d.test();
            QVERIFY(tested.wait(15000));
            QCOMPARE(tested.first().first().toBool(), false);
            QVERIFY2(d.resultText().contains(QStringLiteral("401")), qPrintable(d.resultText()));

            fillForm(d, port_, QStringLiteral("s3cret"));
            QSignalSpy saved(&d, &TargetDialog::saved);
            d.save();
            QVERIFY2(saved.wait(30000), qPrintable(d.resultText()));
            QTRY_COMPARE(page.model()->rowCount(), 1);
            QTRY_COMPARE_WITH_TIMEOUT(page.model()->target(0).health.health, vigil::scrape::HealthState::Up,
                                      20000);
            auto stored = engine.storedTargets();
            QTRY_VERIFY(stored.isFinished());
            QCOMPARE(stored.result().size(), size_t(1));
            ref = stored.result()[0].authSecretRef;
            QVERIFY(!ref.empty());
            engine.stop();
        }
        // Only the reference is in app.db (and its WAL); the secret is in the keychain.
        for (const QString &name : QDir(dir.path()).entryList({QStringLiteral("app.db*")}, QDir::Files)) {
            QVERIFY2(!fileContains(dir.filePath(name), "s3cret"), qPrintable(name));
        }
        QVERIFY(fileContains(dir.filePath(QStringLiteral("app.db")), ref.c_str()));

        // A restart reads the secret from the keychain and scrapes again.
        {
            Engine engine(o);
            engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
            TargetsPage page(&engine);
            engine.start();
            QTRY_COMPARE(engine.state(), Engine::State::Running);
            QTRY_COMPARE(page.model()->rowCount(), 1);
            QTRY_COMPARE_WITH_TIMEOUT(page.model()->target(0).health.health, vigil::scrape::HealthState::Up,
                                      20000);

            // Removing the target removes its secret.
            QTRY_VERIFY(page.storedTargetAt(0) != nullptr);
            auto removed = engine.removeTarget(page.storedTargetAt(0)->id);
            QTRY_VERIFY(removed.isFinished());
            QVERIFY(removed.result().status.isOk());
            QTRY_VERIFY_WITH_TIMEOUT(readCode(engine, ref) == vigil::Status::Code::NotFound, 10000);
            engine.stop();
        }
    }

    // Importing a prometheus.yml with an inline password: the password goes
    // to the keychain (not app.db) and the imported target scrapes with it.
    void importPutsInlineSecretsInTheKeychain()
    {
        startKeyring();
        QTemporaryDir dir;
        const QString yml = dir.filePath(QStringLiteral("prometheus.yml"));
        {
            QFile f(yml);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                QStringLiteral("scrape_configs:\n  - job_name: imported\n    scrape_interval: 2s\n"
                               "    scrape_timeout: 2s\n    basic_auth: {username: vigil, password: s3cret}\n"
                               "    static_configs: [{targets: ['127.0.0.1:%1']}]\n")
                    .arg(port_)
                    .toUtf8());
        }
        vigil::config::EngineOptions o;
        o.storagePath = dir.filePath(QStringLiteral("data")).toStdString();
        o.webEnabled = false;
        Engine engine(o);
        engine.setNodeExporterAddress(QStringLiteral("127.0.0.1:1"));
        TargetsPage page(&engine);
        engine.start();
        QTRY_COMPARE(engine.state(), Engine::State::Running);
        QSignalSpy imported(&page, &TargetsPage::importFinished);
        page.importFile(yml);
        QVERIFY(imported.wait(30000));
        QVERIFY2(imported.first().first().toString().contains(QStringLiteral("Imported 1 of 1")),
                 qPrintable(imported.first().first().toString()));
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->target(0).health.health, vigil::scrape::HealthState::Up,
                                  20000);
        auto stored = engine.storedTargets();
        QTRY_VERIFY(stored.isFinished());
        QCOMPARE(stored.result().size(), size_t(1));
        QVERIFY(!stored.result()[0].authSecretRef.empty());
        QCOMPARE(stored.result()[0].authUser, std::string("vigil"));
        engine.stop();
        for (const QString &name :
             QDir(dir.filePath(QStringLiteral("data"))).entryList({QStringLiteral("app.db*")}, QDir::Files)) {
            QVERIFY2(!fileContains(dir.filePath(QStringLiteral("data/") + name), "s3cret"), qPrintable(name));
        }
    }

private:
    // Once per run; the no-keychain case runs first, before any keychain exists.
    void startKeyring()
    {
        if (keyringStarted_) return;
        const QString error = bus_.startKeyring();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        keyringStarted_ = true;
    }
    static bool fileContains(const QString &path, const char *needle)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) && f.readAll().contains(needle);
    }
    static vigil::Status::Code readCode(Engine &engine, const std::string &ref)
    {
        auto f = engine.secrets()->read(ref);
        while (!f.isFinished()) QTest::qWait(20);
        return f.result().status.code();
    }

    vigil::test::KeychainBus bus_;
    QTemporaryDir webConfigDir_;
    QProcess node_;
    quint16 port_ = 0;
    bool keyringStarted_ = false;
};

QTEST_MAIN(TestTargetSecrets)
#include "tst_target_secrets.moc"
