// Scrapes a real prometheus-node-exporter and parses its output.
//
// The exporter is started on a free loopback port and killed by PID at the
// end. The test FAILS (it does not skip) when the binary is missing: CI must
// have the Debian package prometheus-node-exporter installed. Set
// VIGIL_NODE_EXPORTER to use another binary.
#include "exposition/content_type.h"
#include "exposition/metadata_collector.h"
#include "exposition/parser.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <signal.h>
#include <sys/types.h>

using namespace vigil::exposition;

namespace {

struct HttpResponse {
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

// Blocking HTTP/1.0 GET (the server closes the connection after the body, so
// no chunked decoding is needed). Returns false on any network failure.
bool httpGet(quint16 port, const QByteArray &path, const QByteArray &accept, HttpResponse *out, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(int(deadline.remainingTime()))) return false;
    socket.write("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                 "\r\nAccept: " + accept + "\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n");
    if (!socket.waitForBytesWritten(int(deadline.remainingTime()))) return false;
    QByteArray raw;
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (socket.waitForReadyRead(int(deadline.remainingTime()))) raw += socket.readAll();
    }
    raw += socket.readAll();
    if (socket.state() == QAbstractSocket::ConnectedState) return false;  // timed out
    const int headerEnd = raw.indexOf("\r\n\r\n");
    if (headerEnd < 0) return false;
    const QList<QByteArray> headers = raw.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = headers.value(0).trimmed().split(' ');
    out->status = statusLine.value(1).toInt();
    for (const QByteArray &h : headers) {
        const int colon = h.indexOf(':');
        if (colon > 0 && h.left(colon).trimmed().toLower() == "content-type")
            out->contentType = h.mid(colon + 1).trimmed();
    }
    out->body = raw.mid(headerEnd + 4);
    return true;
}

}  // namespace

class TestNodeExporterScrape : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString bin = qEnvironmentVariable("VIGIL_NODE_EXPORTER");
        if (bin.isEmpty()) bin = QStandardPaths::findExecutable(QStringLiteral("prometheus-node-exporter"));
        QVERIFY2(!bin.isEmpty(),
                 "prometheus-node-exporter is not installed (apt-get install prometheus-node-exporter); "
                 "this test needs it and does not skip");

        // A port that was free a moment ago; retry if the exporter loses the race.
        for (int attempt = 0; attempt < 3 && !ready_; ++attempt) {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port_ = probe.serverPort();
            probe.close();

            proc_.setProcessChannelMode(QProcess::MergedChannels);
            proc_.start(bin, {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port_),
                              QStringLiteral("--log.level=warn")});
            QVERIFY2(proc_.waitForStarted(10000), qPrintable(proc_.errorString()));

            // Bounded wait for the exporter to answer (or to die).
            QDeadlineTimer deadline(20000);
            while (!deadline.hasExpired() && proc_.state() == QProcess::Running) {
                HttpResponse r;
                if (httpGet(port_, "/metrics", "text/plain", &r, 2000) && r.status == 200) {
                    ready_ = true;
                    break;
                }
                proc_.waitForFinished(100);  // bounded pause that also notices an early exit
            }
            if (!ready_) stopExporter();
        }
        QVERIFY2(ready_, qPrintable("node exporter did not answer: " + QString::fromUtf8(proc_.readAll())));
    }

    void cleanupTestCase() { stopExporter(); }

    void textFormatParsesWithoutErrors()
    {
        HttpResponse r;
        QVERIFY(httpGet(port_, "/metrics", "text/plain;version=0.0.4", &r, 20000));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.contentType.startsWith("text/plain"), r.contentType.constData());
        QCOMPARE(formatFromContentType(r.contentType.toStdString()), Format::Text);

        auto p = Parser::create(Format::Text, std::string_view(r.body.constData(), size_t(r.body.size())));
        MetadataCollector md;
        size_t series = 0;
        for (Entry e; (e = p->next()) != Entry::Eof;) {
            QVERIFY2(e != Entry::Invalid, p->status().message().c_str());
            md.observe(*p, e);
            series += e == Entry::Series;
        }
        qInfo("node exporter: %zu series, %zu families, %lld bytes", series, md.size(),
              qlonglong(r.body.size()));
        QVERIFY(series > 100);
        QVERIFY(md.find("node_exporter_build_info"));
        QCOMPARE(md.find("node_exporter_build_info")->type, MetricType::Gauge);
    }

    void negotiatedFormatParsesWithoutErrors()
    {
        HttpResponse r;
        QVERIFY(httpGet(port_, "/metrics",
                        QByteArray(kScrapeAcceptHeader.data(), int(kScrapeAcceptHeader.size())), &r, 20000));
        QCOMPARE(r.status, 200);
        const Format f = formatFromContentType(r.contentType.toStdString());
        qInfo("negotiated Content-Type: %s", r.contentType.constData());
        auto p = Parser::create(f, std::string_view(r.body.constData(), size_t(r.body.size())));
        size_t series = 0;
        for (Entry e; (e = p->next()) != Entry::Eof;) {
            QVERIFY2(e != Entry::Invalid, p->status().message().c_str());
            series += e == Entry::Series;
        }
        QVERIFY(series > 100);
    }

private:
    void stopExporter()
    {
        if (proc_.state() == QProcess::NotRunning) return;
        const qint64 pid = proc_.processId();
        if (pid > 0) ::kill(pid_t(pid), SIGTERM);
        if (!proc_.waitForFinished(5000)) {
            if (pid > 0) ::kill(pid_t(pid), SIGKILL);
            proc_.waitForFinished(5000);
        }
    }

    QProcess proc_;
    quint16 port_ = 0;
    bool ready_ = false;
};

QTEST_GUILESS_MAIN(TestNodeExporterScrape)
#include "tst_node_exporter_scrape.moc"
