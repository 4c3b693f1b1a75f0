// A size-limited tmpfs mounted for one test (a "small filesystem" to fill):
// needs root or password-less sudo; isMounted() is false otherwise and the
// test should QSKIP with why(). Unmounted by the destructor.
#pragma once

#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <unistd.h>

namespace vigil::test {

class TmpfsMount {
public:
    TmpfsMount(const QString &dir, const QString &size)
        : dir_(dir)
    {
        QDir().mkpath(dir_);
        mounted_ = privileged({QStringLiteral("mount"), QStringLiteral("-t"), QStringLiteral("tmpfs"),
                               QStringLiteral("-o"), QStringLiteral("size=") + size, QStringLiteral("tmpfs"), dir_});
    }
    ~TmpfsMount() { unmount(); }
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;

    bool isMounted() const { return mounted_; }
    static const char *why() { return "cannot mount a size-limited tmpfs: needs root or password-less sudo (CI runs as root)"; }
    bool unmount()
    {
        if (!mounted_) return true;
        mounted_ = !privileged({QStringLiteral("umount"), dir_});
        return !mounted_;
    }

private:
    // Runs mount/umount as root, or through password-less sudo.
    static bool privileged(QStringList cmd)
    {
        if (::geteuid() != 0) cmd.prepend(QStringLiteral("-n")), cmd.prepend(QStringLiteral("sudo"));
        QProcess p;
        p.start(cmd.takeFirst(), cmd);
        return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QString dir_;
    bool mounted_ = false;
};

}  // namespace vigil::test
