// SecretStore against a real keychain: first on a private D-Bus bus with no
// Secret Service (every call must fail with Unavailable, nothing stored in
// plain text), then with gnome-keyring-daemon on the same bus. The blocking
// calls (the notifier's ${keychain:NAME}) against the same keychain, from a
// worker thread; and the in-memory backend.
#include "store/secret_store.h"

#include "../../support/keychain_bus.h"

#include <QSettings>
#include <QTest>
#include <QThread>

#include <memory>

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
        const Status blocking = secrets.writeBlocking("target-x", "hunter2");
        QCOMPARE(blocking.code(), Status::Code::Unavailable);
        QVERIFY(blocking.message().find("hunter2") == std::string::npos);
        QCOMPARE(secrets.readBlocking("target-x").status().code(), Status::Code::Unavailable);
        // No plain-text fallback file (QtKeychain's insecure fallback writes QSettings).
        QSettings settings(QStringLiteral("vigil-test"), QStringLiteral("vigil-test"));
        QVERIFY(settings.allKeys().isEmpty());
    }

    void keychainStoresReadsAndRemoves()
    {
        const QString error = ensureKeyring();
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

    void blockingCallsFromAWorkerThread()
    {
        const QString error = ensureKeyring();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        store::SecretStore secrets(QStringLiteral("vigil-test"));
        const std::string ref = store::SecretStore::newRef();
        Status written;
        Result<std::string> readBack = Status::internal("not run");
        Result<std::string> missing = Status::internal("not run");
        std::unique_ptr<QThread> worker(QThread::create([&] {
            written = secrets.writeBlocking(ref, "s3cret ✓");
            readBack = secrets.readBlocking(ref);
            missing = secrets.readBlocking(ref + "-missing");
        }));
        worker->start();
        QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), 60000);
        QVERIFY2(written.isOk(), written.message().c_str());
        QVERIFY2(readBack.isOk(), readBack.status().message().c_str());
        QCOMPARE(*readBack, std::string("s3cret ✓"));
        QCOMPARE(missing.status().code(), Status::Code::NotFound);
        // The asynchronous API sees what the blocking one wrote.
        auto read = secrets.read(ref);
        QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 30000);
        QCOMPARE(read.result().secret, std::string("s3cret ✓"));
        auto removed = secrets.remove(ref);
        QTRY_VERIFY_WITH_TIMEOUT(removed.isFinished(), 30000);
        QVERIFY(removed.result().isOk());
    }

    void memoryBackend()
    {
        store::SecretStore secrets(store::SecretStore::Backend::Memory);
        QVERIFY(secrets.probe().result().isOk());
        QCOMPARE(secrets.readBlocking("a").status().code(), Status::Code::NotFound);
        QVERIFY(secrets.writeBlocking("a", "1").isOk());
        QCOMPARE(secrets.read("a").result().secret, std::string("1"));
        QVERIFY(secrets.write("a", "2").result().isOk());
        QCOMPARE(secrets.readBlocking("a").value(), std::string("2"));
        QVERIFY(secrets.remove("a").result().isOk());
        QVERIFY(secrets.remove("a").result().isOk());  // gone already: still Ok
        QCOMPARE(secrets.read("a").result().status.code(), Status::Code::NotFound);
        // Nothing reached the keychain.
        const QString error = ensureKeyring();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        store::SecretStore keychain(QStringLiteral("vigil"));
        auto probe = keychain.read("a");
        QTRY_VERIFY_WITH_TIMEOUT(probe.isFinished(), 30000);
        QCOMPARE(probe.result().status.code(), Status::Code::NotFound);
    }

private:
    // Starts gnome-keyring-daemon on the bus once; empty on success.
    QString ensureKeyring()
    {
        if (keyringUp_) return {};
        const QString error = bus_.startKeyring();
        keyringUp_ = error.isEmpty();
        return error;
    }

    test::KeychainBus bus_;
    bool keyringUp_ = false;
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secret_store.moc"
