#include "store/app_store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using vigil::Status;
using vigil::store::AppStore;
using vigil::store::StoredDocument;
using vigil::store::StoredTarget;

class TestAppStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(dir_.isValid()); }

    void createsSchemaInWalMode()
    {
        const std::string path = dir_.filePath(QStringLiteral("new.db")).toStdString();
        AppStore s;
        QVERIFY2(s.open(path).isOk(), "open");
        QCOMPARE(s.versionAtOpen(), 0);
        QVERIFY(s.backupPath().empty());  // nothing to back up for a new file
        s.close();
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(st, 0))), QByteArray("wal"));
        sqlite3_finalize(st);
        sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(st, 0), AppStore::kSchemaVersion);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }

    void targetsRoundTrip()
    {
        AppStore s;
        QVERIFY(s.open(dir_.filePath(QStringLiteral("t.db")).toStdString()).isOk());
        StoredTarget t;
        t.job = "node";
        t.address = "127.0.0.1:9100";
        t.labels = {{"zone", "a\nb\\c"}, {"team", "ops"}};
        t.authType = "basic";
        t.authUser = "admin";
        t.authSecretRef = "vigil/target/1";
        auto id = s.saveTarget(t);
        QVERIFY(id.isOk());
        QVERIFY(*id > 0);
        auto all = s.targets();
        QVERIFY(all.isOk());
        QCOMPARE(all->size(), size_t(1));
        QCOMPARE(all->front().labels, t.labels);
        QCOMPARE(all->front().authSecretRef, t.authSecretRef);
        t.id = *id;
        t.intervalMs = 5000;
        QVERIFY(s.saveTarget(t).isOk());
        QCOMPARE(s.targets()->front().intervalMs, int64_t(5000));
        QVERIFY(s.removeTarget(*id).isOk());
        QCOMPARE(s.removeTarget(*id).code(), Status::Code::NotFound);
        QVERIFY(s.targets()->empty());
        StoredTarget bad;
        QCOMPARE(s.saveTarget(bad).status().code(), Status::Code::InvalidArgument);
    }

    void documentsAndSettingsSurviveReopen()
    {
        const std::string path = dir_.filePath(QStringLiteral("d.db")).toStdString();
        {
            AppStore s;
            QVERIFY(s.open(path).isOk());
            QVERIFY(s.putDocument("dashboard", {"operations", "{\"panels\":[]}", 0}).isOk());
            QVERIFY(s.putDocument("dashboard", {"operations", "{\"panels\":[1]}", 0}).isOk());
            QVERIFY(s.setSetting("language", "ko").isOk());
            QVERIFY(s.appendAlertEvent({1000, "HighCPU", "critical", "firing", "{}", "cpu high"}).isOk());
            QVERIFY(s.appendAlertEvent({2000, "HighCPU", "critical", "resolved", "{}", ""}).isOk());
        }
        AppStore s;
        QVERIFY(s.open(path).isOk());
        QCOMPARE(s.versionAtOpen(), AppStore::kSchemaVersion);
        auto docs = s.documents("dashboard");
        QCOMPARE(docs->size(), size_t(1));
        QCOMPARE(docs->front().json, std::string("{\"panels\":[1]}"));
        QCOMPARE(*s.setting("language"), std::string("ko"));
        QVERIFY(!s.setting("missing").has_value());
        auto ev = s.alertEvents(10);
        QCOMPARE(ev->size(), size_t(2));
        QCOMPARE(ev->front().state, std::string("resolved"));
    }

    void olderSchemaIsBackedUpBeforeMigration()
    {
        const std::string path = dir_.filePath(QStringLiteral("old.db")).toStdString();
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE keepme(x); INSERT INTO keepme VALUES(42);", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        AppStore s;
        QVERIFY(s.open(path).isOk());
        QCOMPARE(s.versionAtOpen(), 0);
        QVERIFY(!s.backupPath().empty());
        QVERIFY(QFile::exists(QString::fromStdString(s.backupPath())));
        // The backup is a database holding the old data.
        QCOMPARE(sqlite3_open(s.backupPath().c_str(), &db), SQLITE_OK);
        sqlite3_stmt *st = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT x FROM keepme", -1, &st, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(st, 0), 42);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }

    void newerSchemaIsRefusedUntouched()
    {
        const std::string path = dir_.filePath(QStringLiteral("newer.db")).toStdString();
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        AppStore s;
        Status st = s.open(path);
        QCOMPARE(st.code(), Status::Code::FailedPrecondition);
        QVERIFY(QString::fromStdString(st.message()).contains(QStringLiteral("newer")));
        QVERIFY(!s.isOpen());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void garbageFileIsCorruption()
    {
        const QString path = dir_.filePath(QStringLiteral("garbage.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        AppStore s;
        Status st = s.open(path.toStdString());
        QCOMPARE(st.code(), Status::Code::Corruption);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray(8192, 'x'));  // never overwritten
    }

private:
    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestAppStore)
#include "tst_app_store.moc"
