// Korean is a first-class language: every string translated, and the
// console really shows Korean when the system locale is Korean.
#include "i18n.h"
#include "main_window.h"
#include "pages/overview_page.h"

#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void koreanCatalogueIsComplete()
    {
        const QString path = qEnvironmentVariable("VIGIL_SOURCE_DIR") + QStringLiteral("/translations/vigil_ko.ts");
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        QXmlStreamReader xml(&f);
        int messages = 0;
        QStringList unfinished;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement()) continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const auto type = xml.attributes().value(QLatin1String("type"));
                // Plural messages hold <numerusform> children: their text is checked as a whole.
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                if (type == QLatin1String("unfinished") || type == QLatin1String("vanished") || text.isEmpty()) {
                    unfinished << source;
                }
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 40);
        QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("unfinished: ") + unfinished.join(QLatin1String(" | "))));
    }

    void systemLocaleDecidesLanguage()
    {
        // CTest runs this suite twice: with LANG=C.UTF-8 and with LANG=ko_KR.UTF-8.
        const QByteArray lang = qgetenv("LC_ALL").isEmpty() ? qgetenv("LANG") : qgetenv("LC_ALL");
        const QString expected = lang.startsWith("ko") ? QStringLiteral("ko") : QStringLiteral("en");
        QCOMPARE(vigil::ui::resolveLanguage(QStringLiteral("system")), expected);
        QCOMPARE(vigil::ui::resolveLanguage(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(vigil::ui::resolveLanguage(QStringLiteral("ko")), QStringLiteral("ko"));
    }

    void windowShowsKoreanText()
    {
        QVERIFY(vigil::ui::installTranslators(*qApp, QStringLiteral("ko")));
        QTemporaryDir dir;
        vigil::config::EngineOptions o;
        o.storagePath = dir.path().toStdString();
        o.webEnabled = false;
        vigil::runtime::Engine engine(o);
        vigil::ui::MainWindow w(&engine);
        w.addPage(QStringLiteral("overview"), vigil::ui::MainWindow::tr("Overview"),
                  new vigil::ui::OverviewPage(&engine, &w));
        engine.start();
        QCOMPARE(w.windowTitle(), QStringLiteral("Vigil — 모니터링 콘솔"));
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(nav->item(0)->text(), QStringLiteral("개요"));
        auto *page = w.findChild<vigil::ui::OverviewPage *>();
        QTRY_COMPARE(page->cardText(QStringLiteral("state")), QStringLiteral("실행 중"));
        QCOMPARE(page->cardText(QStringLiteral("api")), QStringLiteral("꺼짐"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
