// POST /api/v1/write: the Remote-Write 1.0 receiver, answering as Prometheus
// 2.42's write handler does:
//   204 No Content       every sample appended (one appender, one commit);
//   400 Bad Request      the body is not snappy+protobuf, labels are invalid,
//                        or a sample is out of order / a duplicate / out of
//                        bounds (the whole request is rolled back; a sender
//                        must not retry it);
//   500                  the storage failed otherwise (the sender retries);
//   404                  without --web.enable-remote-write-receiver.
// Error bodies are plain text, one line, like Go's http.Error.
#include "web/api_v1.h"

#include "core/log.h"
#include "remote/remote_write.h"

namespace vigil::web {

namespace {
QHttpServerResponse plainError(const std::string &message, QHttpServerResponse::StatusCode code)
{
    return QHttpServerResponse("text/plain; charset=utf-8", QByteArray::fromStdString(message + "\n"), code);
}
}  // namespace

QHttpServerResponse ApiV1::remoteWrite(const QByteArray &body)
{
    using S = QHttpServerResponse::StatusCode;
    if (!sources_.remoteWriteAppendable) {
        return plainError("remote write receiver needs to be enabled with --web.enable-remote-write-receiver",
                          S::NotFound);
    }
    auto req = remote::decodeWriteRequest(std::string_view(body.constData(), size_t(body.size())));
    if (!req.isOk()) {
        qCWarning(lcWeb).noquote() << "remote write: bad request:" << req.status().message().c_str();
        return plainError(req.status().message(), S::BadRequest);
    }
    std::unique_ptr<storage::Appender> app = sources_.remoteWriteAppendable->appender();
    for (const remote::TimeSeries &ts : req.value().series) {
        storage::SeriesRef ref = 0;
        for (const model::Sample &s : ts.samples) {
            auto r = app->append(ref, ts.labels, s.t, s.v);
            if (!r.isOk()) {
                app->rollback();
                const Status &st = r.status();
                const std::string msg =
                    st.message() + " (series " + ts.labels.toString() + ", timestamp " + std::to_string(s.t) + ")";
                if (st.code() == Status::Code::InvalidArgument) {
                    qCWarning(lcWeb).noquote() << "remote write: rejected:" << msg.c_str();
                    return plainError(msg, S::BadRequest);
                }
                qCWarning(lcWeb).noquote() << "remote write: appending failed:" << msg.c_str();
                return plainError(msg, S::InternalServerError);
            }
            ref = r.value();
        }
    }
    if (Status s = app->commit(); !s.isOk()) {
        qCWarning(lcWeb).noquote() << "remote write: commit failed:" << s.toString().c_str();
        return plainError(s.toString(), S::InternalServerError);
    }
    return QHttpServerResponse(S::NoContent);
}

}  // namespace vigil::web
