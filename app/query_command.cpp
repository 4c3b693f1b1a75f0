// vigil query instant|range|series|labels --url URL ... (see query_command.h)
#include "query_command.h"

#include "query_output.h"

#include "web/api_params.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>
#include <iostream>
#include <map>
#include <memory>

namespace {

constexpr int kExitOk = 0, kExitServerError = 1, kExitUsage = 2;

struct Options {
    std::string kind;
    std::string url;
    std::string format = "table";
    std::string time, start, end, step;
    std::vector<std::string> matches;
    std::vector<std::string> headers;
    std::string timeout = "1m";
    std::vector<std::string> positional;
};

int usage(const std::string &kind, const std::string &msg)
{
    std::cerr << "vigil query " << kind << ": " << msg << "\n"
              << "usage: vigil query instant --url URL [--time=T] EXPR\n"
                 "       vigil query range --url URL [--start=T] [--end=T] [--step=DURATION] EXPR\n"
                 "       vigil query series --url URL --match=SELECTOR... [--start=T] [--end=T]\n"
                 "       vigil query labels --url URL [--match=SELECTOR...] [--start=T] [--end=T] NAME\n"
                 "  common: --format=table|json, --timeout=DURATION (1m), --header=\"Name: value\"\n";
    return kExitUsage;
}

// "--name=value" or "--name value". Returns false with `error` set on a bad flag.
bool parseArgs(const std::vector<std::string> &args, Options *o, std::string *error)
{
    std::map<std::string, std::string *> single = {
        {"url", &o->url}, {"format", &o->format}, {"time", &o->time},       {"start", &o->start},
        {"end", &o->end}, {"step", &o->step},     {"timeout", &o->timeout},
    };
    std::map<std::string, std::vector<std::string> *> multi = {{"match", &o->matches},
                                                               {"header", &o->headers}};
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            o->positional.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        const auto eq = name.find('=');
        if (eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        } else if (single.count(name) || multi.count(name)) {
            if (i + 1 >= args.size()) {
                *error = "flag --" + name + " needs a value";
                return false;
            }
            value = args[++i];
        }
        if (auto s = single.find(name); s != single.end()) {
            *s->second = value;
        } else if (auto m = multi.find(name); m != multi.end()) {
            m->second->push_back(value);
        } else {
            *error = "unknown flag --" + name;
            return false;
        }
    }
    return true;
}

// Seconds with millisecond precision, as the API accepts them.
std::string seconds(int64_t ms)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.3f", double(ms) / 1000.0);
    return buf;
}

struct HttpResult {
    int status = 0;  // 0: no HTTP answer
    QByteArray body;
    std::string networkError;
};

HttpResult send(const QUrl &url, const QUrlQuery &params, bool post, const std::vector<std::string> &headers,
                int64_t timeoutMs)
{
    QNetworkAccessManager nam;
    QUrl u = url;
    QNetworkRequest req;
    if (!u.userName().isEmpty()) {
        const QByteArray cred =
            (u.userName(QUrl::FullyDecoded) + QLatin1Char(':') + u.password(QUrl::FullyDecoded)).toUtf8();
        req.setRawHeader("Authorization", "Basic " + cred.toBase64());
        u.setUserInfo({});
    }
    for (const std::string &h : headers) {
        const auto colon = h.find(':');
        const std::string name = h.substr(0, colon);
        std::string value = colon == std::string::npos ? std::string() : h.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(value.begin());
        req.setRawHeader(QByteArray::fromStdString(name), QByteArray::fromStdString(value));
    }
    req.setRawHeader("User-Agent", "vigil-query");
    req.setTransferTimeout(int(std::min<int64_t>(timeoutMs, INT32_MAX)));
    QNetworkReply *reply = nullptr;
    if (post) {
        req.setUrl(u);
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/x-www-form-urlencoded"));
        reply = nam.post(req, params.query(QUrl::FullyEncoded).toUtf8());
    } else {
        u.setQuery(params);
        req.setUrl(u);
        reply = nam.get(req);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) loop.exec();
    HttpResult r;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    r.status = status.isValid() ? status.toInt() : 0;
    r.body = reply->readAll();
    if (r.status == 0) r.networkError = reply->errorString().toStdString();
    delete reply;
    return r;
}

}  // namespace

int runQuery(const std::string &kind, const std::vector<std::string> &args)
{
    Options o;
    o.kind = kind;
    std::string error;
    if (!parseArgs(args, &o, &error)) return usage(kind, error);
    if (o.url.empty()) return usage(kind, "--url is required");
    if (o.format != "table" && o.format != "json") return usage(kind, "--format must be table or json");
    const QUrl base(QString::fromStdString(o.url), QUrl::StrictMode);
    if (!base.isValid() ||
        (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https")) ||
        base.host().isEmpty())
        return usage(kind, "--url must be an http:// or https:// URL, got \"" + o.url + "\"");
    auto timeout = vigil::web::parseApiDuration(o.timeout);
    if (!timeout.isOk() || *timeout <= 0) return usage(kind, "bad --timeout \"" + o.timeout + "\"");

    auto timeFlag = [&](const std::string &name, const std::string &v, int64_t *out) {
        auto t = vigil::web::parseApiTime(v);
        if (!t.isOk()) {
            error = "bad --" + name + " \"" + v + "\": want RFC 3339 or Unix seconds";
            return false;
        }
        *out = *t;
        return true;
    };
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    QUrlQuery params;
    std::string path;
    bool post = true;
    const size_t wantPositional = kind == "series" ? 0 : 1;
    if (o.positional.size() != wantPositional) {
        static const std::map<std::string, std::string> what = {{"instant", "one EXPR"},
                                                                {"range", "one EXPR"},
                                                                {"series", "no positional argument"},
                                                                {"labels", "one label NAME"}};
        return usage(kind, "expected " + what.at(kind));
    }
    if (kind == "instant") {
        int64_t t = now;
        if (!o.time.empty() && !timeFlag("time", o.time, &t)) return usage(kind, error);
        path = "query";
        params.addQueryItem(QStringLiteral("query"), QString::fromStdString(o.positional[0]));
        params.addQueryItem(QStringLiteral("time"), QString::fromStdString(seconds(t)));
    } else if (kind == "range") {
        int64_t end = now, start = 0;
        if (!o.end.empty() && !timeFlag("end", o.end, &end)) return usage(kind, error);
        start = end - 5 * 60 * 1000;
        if (!o.start.empty() && !timeFlag("start", o.start, &start)) return usage(kind, error);
        if (start > end) return usage(kind, "--start must not be after --end");
        int64_t step = 0;
        if (!o.step.empty()) {
            auto s = vigil::web::parseApiDuration(o.step);
            if (!s.isOk() || *s <= 0) return usage(kind, "bad --step \"" + o.step + "\"");
            step = *s;
        } else {
            // promtool's default: about 250 points, at least one second apart.
            step = std::max<int64_t>(int64_t(std::floor(double(end - start) / 1000.0 / 250.0)), 1) * 1000;
        }
        path = "query_range";
        params.addQueryItem(QStringLiteral("query"), QString::fromStdString(o.positional[0]));
        params.addQueryItem(QStringLiteral("start"), QString::fromStdString(seconds(start)));
        params.addQueryItem(QStringLiteral("end"), QString::fromStdString(seconds(end)));
        params.addQueryItem(QStringLiteral("step"), QString::fromStdString(seconds(step)));
    } else {
        if (kind == "series" && o.matches.empty()) return usage(kind, "at least one --match is required");
        int64_t t = 0;
        if (!o.start.empty()) {
            if (!timeFlag("start", o.start, &t)) return usage(kind, error);
            params.addQueryItem(QStringLiteral("start"), QString::fromStdString(seconds(t)));
        }
        if (!o.end.empty()) {
            if (!timeFlag("end", o.end, &t)) return usage(kind, error);
            params.addQueryItem(QStringLiteral("end"), QString::fromStdString(seconds(t)));
        }
        for (const auto &m : o.matches)
            params.addQueryItem(QStringLiteral("match[]"), QString::fromStdString(m));
        if (kind == "series") {
            path = "series";
        } else {
            path = "label/" + QUrl::toPercentEncoding(QString::fromStdString(o.positional[0])).toStdString() +
                   "/values";
            post = false;  // Prometheus serves label values on GET only
        }
    }
    // QUrlQuery leaves '+' alone, which a form decoder reads as a space.
    {
        QList<QPair<QString, QString>> items = params.queryItems(QUrl::FullyDecoded);
        params.clear();
        for (auto &[k, v] : items) {
            params.addQueryItem(QString::fromUtf8(QUrl::toPercentEncoding(k)),
                                QString::fromUtf8(QUrl::toPercentEncoding(v)));
        }
    }

    std::unique_ptr<QCoreApplication> app;
    static int argc = 1;
    static char name[] = "vigil";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, argv);

    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/'))) basePath.chop(1);
    url.setPath(basePath + QStringLiteral("/api/v1/") + QString::fromStdString(path), QUrl::StrictMode);
    const HttpResult r = send(url, params, post, o.headers, *timeout);
    if (r.status == 0) {
        std::cerr << "vigil query " << kind << ": no answer from " << o.url << ": " << r.networkError << "\n";
        return kExitUsage;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    const QJsonObject obj = doc.object();
    if (obj.value(QStringLiteral("status")).toString() == QLatin1String("error")) {
        std::cerr << "vigil query " << kind << ": "
                  << obj.value(QStringLiteral("errorType")).toString().toStdString() << ": "
                  << obj.value(QStringLiteral("error")).toString().toStdString() << "\n";
        return kExitServerError;
    }
    if (r.status >= 400) {
        const QByteArray first = r.body.left(r.body.indexOf('\n') < 0 ? 200 : r.body.indexOf('\n')).trimmed();
        std::cerr << "vigil query " << kind << ": server answered HTTP " << r.status
                  << (first.isEmpty() ? "" : ": ") << first.toStdString() << "\n";
        return kExitServerError;
    }
    if (!doc.isObject() || obj.value(QStringLiteral("status")).toString() != QLatin1String("success") ||
        !obj.contains(QStringLiteral("data"))) {
        std::cerr << "vigil query " << kind << ": " << o.url << " did not answer like a Prometheus API (HTTP "
                  << r.status << ")\n";
        return kExitUsage;
    }
    for (const auto &w : obj.value(QStringLiteral("warnings")).toArray())
        std::cerr << "warning: " << w.toString().toStdString() << "\n";
    const QJsonValue data = obj.value(QStringLiteral("data"));
    if (o.format == "json") {
        const QByteArray out = data.isArray() ? QJsonDocument(data.toArray()).toJson(QJsonDocument::Compact)
                                              : QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact);
        std::cout << out.toStdString() << "\n";
    } else {
        std::cout << renderTable(kind, data);
    }
    return kExitOk;
}
