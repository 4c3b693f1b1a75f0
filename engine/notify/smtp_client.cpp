#include "notify/smtp_client.h"

#include <QDateTime>
#include <QHostAddress>
#include <QLocale>
#include <QSslConfiguration>
#include <QUuid>

namespace vigil::notify {

namespace {

QByteArray quotedPrintable(const std::string &text)
{
    QByteArray out;
    int lineLen = 0;
    auto put = [&](const QByteArray &piece) {
        if (lineLen + piece.size() > 75) {
            out += "=\r\n";
            lineLen = 0;
        }
        out += piece;
        lineLen += int(piece.size());
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\r') continue;
        if (c == '\n') {
            // Trailing whitespace before a line break must be encoded.
            if (!out.isEmpty() && (out.endsWith(' ') || out.endsWith('\t'))) {
                const char last = out.back();
                out.chop(1);
                out += last == ' ' ? "=20" : "=09";
            }
            out += "\r\n";
            lineLen = 0;
        } else if ((c >= 33 && c <= 126 && c != '=') || c == ' ' || c == '\t') {
            put(QByteArray(1, char(c)));
        } else {
            put("=" + QByteArray::number(c, 16).toUpper().rightJustified(2, '0'));
        }
    }
    return out;
}

QByteArray headerValue(const std::string &v)
{
    std::string clean;
    for (char c : v)
        if (c != '\r' && c != '\n') clean += c;
    bool ascii = true;
    for (unsigned char c : clean) ascii = ascii && c < 128;
    if (ascii) return QByteArray::fromStdString(clean);
    return "=?UTF-8?B?" + QByteArray::fromStdString(clean).toBase64() + "?=";
}

bool isLoopback(const QString &host)
{
    QHostAddress a(host);
    return host == QLatin1String("localhost") || (!a.isNull() && a.isLoopback());
}

}  // namespace

std::vector<std::string> splitAddresses(const std::string &list)
{
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos <= list.size()) {
        size_t comma = list.find(',', pos);
        if (comma == std::string::npos) comma = list.size();
        std::string a = list.substr(pos, comma - pos);
        if (size_t lt = a.find('<'); lt != std::string::npos) {
            size_t gt = a.find('>', lt);
            a = a.substr(lt + 1, gt == std::string::npos ? std::string::npos : gt - lt - 1);
        }
        const size_t b = a.find_first_not_of(" \t"), e = a.find_last_not_of(" \t");
        if (b != std::string::npos) out.push_back(a.substr(b, e - b + 1));
        pos = comma + 1;
    }
    return out;
}

QByteArray SmtpClient::buildMessage(const SmtpMessage &m, qint64 nowMs)
{
    std::map<std::string, std::string> h = m.headers;
    h.try_emplace("From", m.from);
    std::string to;
    for (const std::string &a : m.to) to += (to.empty() ? "" : ", ") + a;
    h.try_emplace("To", to);
    h.try_emplace("Subject", m.subject);
    QByteArray out;
    out += "Date: " +
           QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC), "ddd, dd MMM yyyy hh:mm:ss +0000").toLatin1() +
           "\r\n";
    out += "Message-Id: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "@vigil>\r\n";
    for (const auto &[k, v] : h) out += QByteArray::fromStdString(k) + ": " + headerValue(v) + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += quotedPrintable(m.text);
    if (!out.endsWith("\r\n")) out += "\r\n";
    return out;
}

SmtpClient::SmtpClient(QObject *parent) : QObject(parent)
{
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, [this] { fail("timeout", true); });
    connect(&socket_, &QSslSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(&socket_, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (!finished_) fail(socket_.errorString().toStdString(), true);
    });
    connect(&socket_, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (msg_.tls.insecureSkipVerify) {
            socket_.ignoreSslErrors();
        } else if (!finished_) {
            fail("TLS: " + (errors.isEmpty() ? std::string("handshake failed") : errors.front().errorString().toStdString()),
                 false);
        }
    });
    connect(&socket_, &QSslSocket::encrypted, this, [this] {
        tls_ = true;
        if (step_ == Step::StartTls) {
            step_ = Step::Ehlo2;
            sendLine("EHLO " + QByteArray::fromStdString(msg_.hello));
        }
    });
}

void SmtpClient::send(SmtpMessage msg, AttemptDone done)
{
    msg_ = std::move(msg);
    done_ = std::move(done);
    const size_t colon = msg_.smarthost.rfind(':');
    const QString host = QString::fromStdString(msg_.smarthost.substr(0, colon));
    const quint16 port = quint16(std::stoi(msg_.smarthost.substr(colon + 1)));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!msg_.tls.caFile.empty()) ssl.setCaCertificates(QSslCertificate::fromPath(QString::fromStdString(msg_.tls.caFile)));
    if (msg_.tls.insecureSkipVerify) ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket_.setSslConfiguration(ssl);
    if (!msg_.tls.serverName.empty()) socket_.setPeerVerifyName(QString::fromStdString(msg_.tls.serverName));
    timer_.start(msg_.timeoutMs);
    if (port == 465) socket_.connectToHostEncrypted(host, port);
    else socket_.connectToHost(host, port);
}

void SmtpClient::sendLine(const QByteArray &line)
{
    socket_.write(line + "\r\n");
}

void SmtpClient::onReadyRead()
{
    buffer_ += socket_.readAll();
    while (!finished_) {
        const qsizetype nl = buffer_.indexOf("\r\n");
        if (nl < 0) return;
        const QByteArray line = buffer_.left(nl);
        buffer_.remove(0, nl + 2);
        if (line.size() < 3) return fail("malformed reply", false);
        replyText_ += line.mid(4) + "\n";
        if (line.size() > 3 && line[3] == '-') continue;  // multi-line reply
        const int code = line.left(3).toInt();
        const QByteArray text = replyText_;
        replyText_.clear();
        handle(code, text);
    }
}

void SmtpClient::afterEhlo()
{
    if (!tls_ && capabilities_.contains("STARTTLS")) {
        step_ = Step::StartTls;
        sendLine("STARTTLS");
        return;
    }
    if (!tls_ && msg_.requireTls)
        return fail("'require_tls' is true (default) but \"" + msg_.smarthost +
                        "\" does not advertise the STARTTLS extension",
                    false);
    startAuthOrMail();
}

void SmtpClient::startAuthOrMail()
{
    if (!msg_.username.empty()) {
        if (!tls_ && !isLoopback(socket_.peerName()))
            return fail("refusing to authenticate over an unencrypted connection", false);
        QByteArray mechs;
        for (const QByteArray &c : capabilities_)
            if (c.startsWith("AUTH ")) mechs = " " + c.mid(5) + " ";
        if (mechs.contains(" PLAIN ")) {
            step_ = Step::Auth;
            const QByteArray token = QByteArray::fromStdString(msg_.identity) + '\0' +
                                     QByteArray::fromStdString(msg_.username) + '\0' +
                                     QByteArray::fromStdString(msg_.password);
            sendLine("AUTH PLAIN " + token.toBase64());
            return;
        }
        if (mechs.contains(" LOGIN ")) {
            step_ = Step::AuthLogin1;
            sendLine("AUTH LOGIN");
            return;
        }
        return fail("no supported authentication mechanism (PLAIN, LOGIN) offered", false);
    }
    step_ = Step::MailFrom;
    sendLine("MAIL FROM:<" + QByteArray::fromStdString(splitAddresses(msg_.from).empty() ? msg_.from
                                                                                           : splitAddresses(msg_.from)[0]) +
             ">");
}

void SmtpClient::handle(int code, const QByteArray &text)
{
    auto unexpected = [&](const char *what) {
        fail(std::string(what) + ": " + std::to_string(code) + " " + text.trimmed().toStdString(), code >= 400 && code < 500);
    };
    switch (step_) {
    case Step::Greeting:
        if (code != 220) return unexpected("greeting");
        step_ = Step::Ehlo;
        sendLine("EHLO " + QByteArray::fromStdString(msg_.hello));
        return;
    case Step::Ehlo:
    case Step::Ehlo2:
        if (code != 250) return unexpected("EHLO");
        capabilities_.clear();
        for (const QByteArray &l : text.split('\n')) capabilities_.append(l.trimmed().toUpper());
        return afterEhlo();
    case Step::StartTls:
        if (code != 220) return unexpected("STARTTLS");
        socket_.startClientEncryption();
        return;
    case Step::AuthLogin1:
        if (code != 334) return unexpected("AUTH LOGIN");
        step_ = Step::AuthLogin2;
        sendLine(QByteArray::fromStdString(msg_.username).toBase64());
        return;
    case Step::AuthLogin2:
        if (code != 334) return unexpected("AUTH LOGIN");
        step_ = Step::Auth;
        sendLine(QByteArray::fromStdString(msg_.password).toBase64());
        return;
    case Step::Auth:
        if (code != 235) return unexpected("AUTH");
        msg_.username.clear();  // authenticated; go on to MAIL FROM
        return startAuthOrMail();
    case Step::MailFrom:
        if (code != 250) return unexpected("MAIL FROM");
        step_ = Step::RcptTo;
        rcptIndex_ = 0;
        sendLine("RCPT TO:<" + QByteArray::fromStdString(msg_.to[0]) + ">");
        return;
    case Step::RcptTo:
        if (code != 250 && code != 251) return unexpected("RCPT TO");
        if (++rcptIndex_ < msg_.to.size()) {
            sendLine("RCPT TO:<" + QByteArray::fromStdString(msg_.to[rcptIndex_]) + ">");
            return;
        }
        step_ = Step::Data;
        sendLine("DATA");
        return;
    case Step::Data: {
        if (code != 354) return unexpected("DATA");
        step_ = Step::Body;
        QByteArray body = buildMessage(msg_, QDateTime::currentMSecsSinceEpoch());
        // Dot-stuffing (RFC 5321 4.5.2).
        body.replace("\r\n.", "\r\n..");
        if (body.startsWith('.')) body.prepend('.');
        socket_.write(body + ".\r\n");
        return;
    }
    case Step::Body:
        if (code != 250) return unexpected("message");
        step_ = Step::Quit;
        sendLine("QUIT");
        finish({true, false, {}, "250 " + text.trimmed().toStdString()});
        return;
    case Step::Quit:
        return;
    }
}

void SmtpClient::fail(const std::string &what, bool retryable)
{
    finish({false, retryable, "smtp " + msg_.smarthost + ": " + what, {}});
}

void SmtpClient::finish(AttemptResult r)
{
    if (finished_) return;
    finished_ = true;
    timer_.stop();
    if (!r.ok) socket_.abort();
    else socket_.disconnectFromHost();
    AttemptDone done = std::move(done_);
    deleteLater();
    if (done) done(std::move(r));
}

}  // namespace vigil::notify
