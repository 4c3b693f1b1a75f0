// The engine must never pull in Qt Gui or Widgets (it runs headless and in
// engine threads). This binary links only vigil_engine; ldd tells what came in.
#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include "runtime/engine.h"

class TestLayering : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void engineLinksNoGui()
    {
        // Reference an engine symbol so the library is really linked.
        vigil::config::EngineOptions opts;
        vigil::runtime::Engine engine(opts, true);
        QVERIFY(engine.state() == vigil::runtime::Engine::State::Stopped);

        QProcess ldd;
        ldd.start(QStringLiteral("ldd"), {QCoreApplication::applicationFilePath()});
        QVERIFY(ldd.waitForFinished(10000));
        const QString out = QString::fromLocal8Bit(ldd.readAllStandardOutput());
        QVERIFY2(out.contains(QLatin1String("libQt6Core")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("libQt6HttpServer")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("libQt6Gui")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("libQt6Widgets")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("QCustomPlot")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
