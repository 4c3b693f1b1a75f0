// End-to-end scrape ingestion: CPU seconds per million samples and resident
// memory of Vigil's ScrapeManager + tsdb::Head, and of Prometheus scraping
// the same synthetic targets in the same run (one after the other, so they
// do not compete for the CPU). See CMakeLists.txt for the options.
//
// The targets are served by a child process (this program with "serve"),
// so the server's CPU is not counted. Every process started is stopped by
// its PID.
#include "synthetic_server.h"

#include "scrape/prometheus_config.h"
#include "scrape/scrape_manager.h"
#include "tsdb/head.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace {

struct Options {
    int targets = 100;
    int series = 1000;
    int intervalS = 5;
    int durationS = 60;
    QString prometheus = QStringLiteral("/usr/bin/prometheus");
};

struct Figures {
    double cpuSeconds = 0;
    double samples = 0;
    double rssMiB = 0;
    bool ok = false;
};

double selfCpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double rssMiB(qint64 pid)
{
    QFile f(pid == 0 ? QStringLiteral("/proc/self/status") : QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

double processCpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    const QByteArray s = f.readAll();
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state is [0]; utime is field 14 overall -> [11], stime [12].
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

void runEventLoopFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void stopProcess(QProcess &p)
{
    if (p.state() == QProcess::NotRunning) return;
    const qint64 pid = p.processId();
    if (pid > 0) ::kill(pid_t(pid), SIGTERM);
    if (!p.waitForFinished(10000) && pid > 0) {
        ::kill(pid_t(pid), SIGKILL);
        p.waitForFinished(5000);
    }
}

std::string scrapeConfigYaml(const Options &o, quint16 port)
{
    std::string y = "global:\n  scrape_interval: " + std::to_string(o.intervalS) +
                    "s\n  scrape_timeout: " + std::to_string(std::min(o.intervalS, 10)) +
                    "s\nscrape_configs:\n  - job_name: bench\n"
                    "    static_configs:\n";
    for (int i = 0; i < o.targets; ++i)
        y += "      - targets: ['127.0.0.1:" + std::to_string(port) +
             "']\n        labels: {__metrics_path__: /t/" + std::to_string(i) + ", instance: synthetic-" +
             std::to_string(i) + "}\n";
    return y;
}

// Sum of a counter in a Prometheus /metrics page (blocking GET on loopback).
double promCounter(quint16 port, const QByteArray &name)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(2000)) return -1;
    s.write("GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/plain\r\n\r\n");
    QByteArray raw;
    QDeadlineTimer deadline(5000);
    while (s.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
        if (s.waitForReadyRead(int(deadline.remainingTime()))) raw += s.readAll();
    raw += s.readAll();
    double sum = 0;
    for (const QByteArray &line : raw.split('\n'))
        if (line.startsWith(name + " ") || line.startsWith(name + "{"))
            sum += line.mid(line.lastIndexOf(' ') + 1).toDouble();
    return sum;
}

Figures runVigil(const Options &o, quint16 port)
{
    Figures f;
    auto cfg = vigil::scrape::PrometheusConfig::loadString(scrapeConfigYaml(o, port), "bench.yml");
    if (!cfg) {
        std::fprintf(stderr, "config: %s\n", cfg.status().message().c_str());
        return f;
    }
    vigil::tsdb::Head head;
    vigil::scrape::ScrapeManager mgr(&head);
    if (!mgr.applyConfig(*cfg)) return f;
    runEventLoopFor(o.intervalS * 1000 + 500);  // warm-up: every target scraped once, series created
    const auto s0 = mgr.stats();
    const double c0 = selfCpuSeconds();
    runEventLoopFor(o.durationS * 1000);
    const auto s1 = mgr.stats();
    const double c1 = selfCpuSeconds();
    f.cpuSeconds = c1 - c0;
    // Samples ingested: scraped series plus the five synthetic series per scrape.
    f.samples = double(s1.samplesAppendedTotal - s0.samplesAppendedTotal) +
                5.0 * double(s1.scrapesTotal - s0.scrapesTotal);
    f.rssMiB = rssMiB(0);
    f.ok = s1.targetsUp == uint64_t(o.targets);
    if (!f.ok)
        std::fprintf(stderr, "vigil: only %llu of %d targets up\n", (unsigned long long)s1.targetsUp,
                     o.targets);
    mgr.stop();
    return f;
}

Figures runPrometheus(const Options &o, quint16 port)
{
    Figures f;
    QTemporaryDir dir;
    QFile cfg(dir.filePath("prometheus.yml"));
    if (!cfg.open(QIODevice::WriteOnly)) return f;
    cfg.write(QByteArray::fromStdString(scrapeConfigYaml(o, port)));
    cfg.close();
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 webPort = probe.serverPort();
    probe.close();
    QProcess p;
    p.setProgram(o.prometheus);
    p.setArguments({"--config.file=" + cfg.fileName(), "--storage.tsdb.path=" + dir.filePath("data"),
                    QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(webPort), "--log.level=warn"});
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start();
    if (!p.waitForStarted(10000)) return f;
    runEventLoopFor(o.intervalS * 1000 + 3000);  // startup and warm-up
    const double n0 = promCounter(webPort, "prometheus_tsdb_head_samples_appended_total");
    const double c0 = processCpuSeconds(p.processId());
    runEventLoopFor(o.durationS * 1000);
    const double n1 = promCounter(webPort, "prometheus_tsdb_head_samples_appended_total");
    const double c1 = processCpuSeconds(p.processId());
    f.rssMiB = rssMiB(p.processId());
    // The page scrapes themselves cost Prometheus a little CPU; negligible here.
    f.cpuSeconds = c1 - c0;
    f.samples = n1 - n0;
    f.ok = n0 >= 0 && n1 > n0;
    stopProcess(p);
    return f;
}

void print(const char *who, const Figures &f)
{
    const double perMillion = f.samples > 0 ? f.cpuSeconds / (f.samples / 1e6) : 0;
    std::printf("%-12s %12.0f %10.2f %14.3f %12.2f %8.1f%s\n", who, f.samples, f.cpuSeconds, perMillion,
                perMillion, f.rssMiB, f.ok ? "" : "  (incomplete)");
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Options o;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == "--targets")
            o.targets = args[++i].toInt();
        else if (args[i] == "--series")
            o.series = args[++i].toInt();
        else if (args[i] == "--interval")
            o.intervalS = args[++i].toInt();
        else if (args[i] == "--duration")
            o.durationS = args[++i].toInt();
        else if (args[i] == "--prometheus")
            o.prometheus = args[++i];
    }
    if (args.value(1) == "serve") {
        SyntheticServer server(o.targets, o.series);
        if (!server.listen(QHostAddress::LocalHost, 0)) return 1;
        std::printf("%u\n", unsigned(server.serverPort()));
        std::fflush(stdout);
        return app.exec();
    }

    QProcess server;
    server.setProgram(app.applicationFilePath());
    server.setArguments(
        {"serve", "--targets", QString::number(o.targets), "--series", QString::number(o.series)});
    server.start();
    if (!server.waitForStarted(5000) || !server.waitForReadyRead(5000)) {
        std::fprintf(stderr, "cannot start the synthetic server\n");
        stopProcess(server);
        return 1;
    }
    const quint16 port = quint16(server.readLine().trimmed().toUInt());

    std::printf("%d targets x %d series, every %d s, measured over %d s\n", o.targets, o.series, o.intervalS,
                o.durationS);
    const Figures vigil = runVigil(o, port);
    Figures prom;
    const bool havePrometheus = o.prometheus != "none" && QFile::exists(o.prometheus);
    if (havePrometheus) prom = runPrometheus(o, port);
    stopProcess(server);

    std::printf("%-12s %12s %10s %14s %12s %8s\n", "", "samples", "cpu s", "cpu s/M samp", "us/sample",
                "RSS MiB");
    print("vigil", vigil);
    if (havePrometheus)
        print("prometheus", prom);
    else
        std::printf("prometheus   (not run: %s not found)\n", qPrintable(o.prometheus));
    return vigil.ok ? 0 : 1;
}
