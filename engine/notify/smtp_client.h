// SmtpClient: sends one message over SMTP (RFC 5321) on a QSslSocket:
// greeting, EHLO, STARTTLS when the server offers it (required unless
// require_tls is false, as in Alertmanager), EHLO again, AUTH PLAIN or
// LOGIN when a username is configured (only over TLS or on loopback), MAIL
// FROM, RCPT TO per address, DATA with a MIME message (text/plain; UTF-8,
// quoted-printable; RFC 2047 encoded subject), QUIT. Port 465 uses implicit
// TLS. Every step has the overall timeout.
//
// Asynchronous: send() returns at once, `done` runs once on the client's
// thread. The password never appears in errors or logs. One message per
// client object; it deletes itself after `done` (create with new).
#pragma once

#include "notify/attempt_result.h"
#include "scrape/http_client_config.h"

#include <QObject>
#include <QSslSocket>
#include <QTimer>

#include <map>
#include <string>
#include <vector>

namespace vigil::notify {

struct SmtpMessage {
    std::string smarthost;  // host:port
    std::string hello = "localhost";
    std::string from;
    std::vector<std::string> to;
    std::string username;
    std::string password;  // secret
    std::string identity;
    bool requireTls = true;
    scrape::TlsConfig tls;
    std::map<std::string, std::string> headers;  // Subject, To, From override the defaults
    std::string subject;
    std::string text;
    int timeoutMs = 30'000;
};

class SmtpClient : public QObject {
    Q_OBJECT
public:
    explicit SmtpClient(QObject *parent = nullptr);
    void send(SmtpMessage msg, AttemptDone done);

    // The RFC 5322 message (headers and quoted-printable body), public for tests.
    static QByteArray buildMessage(const SmtpMessage &m, qint64 nowMs);

private:
    enum class Step { Greeting, Ehlo, StartTls, Ehlo2, Auth, AuthLogin1, AuthLogin2, MailFrom, RcptTo, Data, Body, Quit };
    void onReadyRead();
    void handle(int code, const QByteArray &text);
    void sendLine(const QByteArray &line);
    void afterEhlo();
    void startAuthOrMail();
    void finish(AttemptResult r);
    void fail(const std::string &what, bool retryable);

    QSslSocket socket_;
    QTimer timer_;
    SmtpMessage msg_;
    AttemptDone done_;
    Step step_ = Step::Greeting;
    QByteArray buffer_;
    QByteArray replyText_;
    QList<QByteArray> capabilities_;
    bool tls_ = false;
    size_t rcptIndex_ = 0;
    bool finished_ = false;
};

// Splits "a@x, b@y" into addresses (trimmed, "Name <a@x>" -> "a@x").
std::vector<std::string> splitAddresses(const std::string &list);

}  // namespace vigil::notify
