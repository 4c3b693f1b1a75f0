#include "notify/action_runner.h"

#include "core/log.h"
#include "notify/payloads.h"

#include <QProcess>
#include <QTimer>

namespace vigil::notify {

namespace {
constexpr qsizetype kMaxOutput = 64 * 1024;
}

void runAction(QObject *context, const ActionConfig &cfg, const Notification &n, const std::string &externalUrl,
               AttemptDone done)
{
    auto *proc = new QProcess(context);
    proc->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VIGIL_ALERT_STATUS"), n.firing() ? QStringLiteral("firing") : QStringLiteral("resolved"));
    env.insert(QStringLiteral("VIGIL_ALERT_NAME"), QString::fromStdString(expandText("{{alertname}}", n, externalUrl)));
    env.insert(QStringLiteral("VIGIL_ALERT_SEVERITY"), QString::fromStdString(expandText("{{severity}}", n, externalUrl)));
    env.insert(QStringLiteral("VIGIL_ALERT_COUNT"), QString::number(n.alerts.size()));
    env.insert(QStringLiteral("VIGIL_GROUP_KEY"), QString::fromStdString(n.groupKey));
    env.insert(QStringLiteral("VIGIL_RECEIVER"), QString::fromStdString(n.receiver));
    proc->setProcessEnvironment(env);
    QStringList args;
    for (const std::string &a : cfg.args) args << QString::fromStdString(expandText(a, n, externalUrl));

    auto output = std::make_shared<QByteArray>();
    auto finished = std::make_shared<bool>(false);
    auto timer = new QTimer(proc);
    timer->setSingleShot(true);
    const std::string what = "action " + cfg.command;
    auto finish = [proc, output, finished, what, done](AttemptResult r) {
        if (*finished) return;
        *finished = true;
        const std::string out = output->toStdString();
        r.detail += (r.detail.empty() ? "" : "; ") + std::string("output: ") + out;
        qCInfo(lcNotify).noquote() << QString::fromStdString(what) << (r.ok ? "succeeded" : "failed:")
                                   << QString::fromStdString(r.error) << "output:" << output->left(2048);
        proc->deleteLater();
        done(std::move(r));
    };
    QObject::connect(proc, &QProcess::readyRead, proc, [proc, output] {
        const QByteArray chunk = proc->readAll();
        if (output->size() < kMaxOutput) output->append(chunk.left(kMaxOutput - output->size()));
    });
    QObject::connect(timer, &QTimer::timeout, proc, [proc, finish, cfg, what] {
        proc->kill();
        finish({false, false, what + ": timed out after " + std::to_string(cfg.timeoutMs) + " ms (killed)", {}});
    });
    QObject::connect(proc, &QProcess::finished, proc, [proc, output, finish, what](int code, QProcess::ExitStatus st) {
        const QByteArray rest = proc->readAll();
        if (output->size() < kMaxOutput) output->append(rest.left(kMaxOutput - output->size()));
        AttemptResult r;
        r.detail = "exit code " + std::to_string(code);
        if (st == QProcess::CrashExit) r.error = what + ": crashed";
        else if (code != 0) r.error = what + ": exit code " + std::to_string(code);
        r.ok = r.error.empty();
        finish(std::move(r));
    });
    QObject::connect(proc, &QProcess::errorOccurred, proc, [proc, finish, what](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            finish({false, false, what + ": " + proc->errorString().toStdString(), {}});
    });
    timer->start(int(cfg.timeoutMs));
    proc->start(QString::fromStdString(cfg.command), args);
    proc->write(webhookJson(n, externalUrl, 0));
    proc->closeWriteChannel();
}

}  // namespace vigil::notify
