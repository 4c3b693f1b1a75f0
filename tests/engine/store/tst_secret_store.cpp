// SecretStore against a real keychain: first on a private D-Bus bus with no
// Secret Service (every call must fail with Unavailable, nothing stored in
// plain text), then with gnome-keyring-daemon on the same bus.
#include "store/secret_store.h"

#include "../../support/keychain_bus.h"

#include <QSettings>
#include <QTest>

using namespace vigil;

class TestSecretStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString error = bus_.startBus();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void noKeychainRefusesEverything()
    {
        store::SecretStore secrets(QStringLiteral("vigil-test"));
        auto probe = secrets.probe();
        QTRY_VERIFY_WITH_TIMEOUT(probe.isFinished(), 30000);
        QCOMPARE(probe.result().code(), Status::Code::Unavailable);
        auto written = secrets.write("target-x", "hunter2");
        QTRY_VERIFY_WITH_TIMEOUT(written.isFinished(), 30000);
        QCOMPARE(written.result().code(), Status::Code::Unavailable);
        QVERIFY2(written.result().message().find("keychain") != std::string::npos,
                 written.result().message().c_str());
        QVERIFY(written.result().message().find("hunter2") == std::string::npos);
        // No plain-text fallback file (QtKeychain's insecure fallback writes QSettings).
        QSettings settings(QStringLiteral("vigil-test"), QStringLiteral("vigil-test"));
        QVERIFY(settings.allKeys().isEmpty());
    }

    void keychainStoresReadsAndRemoves()
    {
        const QString error = bus_.startKeyring();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        store::SecretStore secrets(QStringLiteral("vigil-test"));
        auto probe = secrets.probe();
        QTRY_VERIFY_WITH_TIMEOUT(probe.isFinished(), 30000);
        QVERIFY2(probe.result().isOk(), probe.result().message().c_str());
        const std::string ref = store::SecretStore::newRef();
        auto written = secrets.write(ref, "hunter2 ✓");
        QTRY_VERIFY_WITH_TIMEOUT(written.isFinished(), 30000);
        QVERIFY2(written.result().isOk(), written.result().message().c_str());
        auto read = secrets.read(ref);
        QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 30000);
        QVERIFY2(read.result().status.isOk(), read.result().status.message().c_str());
        QCOMPARE(read.result().secret, std::string("hunter2 ✓"));
        auto removed = secrets.remove(ref);
        QTRY_VERIFY_WITH_TIMEOUT(removed.isFinished(), 30000);
        QVERIFY2(removed.result().isOk(), removed.result().message().c_str());
        read = secrets.read(ref);
        QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 30000);
        QCOMPARE(read.result().status.code(), Status::Code::NotFound);
    }

private:
    test::KeychainBus bus_;
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secret_store.moc"
