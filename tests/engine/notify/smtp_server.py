#!/usr/bin/python3
"""An SMTP server for tst_smtp: Debian's aiosmtpd with STARTTLS required and
AUTH required (user "vigil", password from the command line). Each accepted
message is written as <n>.json into the output directory, with the envelope,
the authenticated login and the message parsed by Python's email package.

usage: smtp_server.py PORT CERT KEY PASSWORD OUTDIR [--no-plain]
Prints "READY" when it accepts connections; stops on SIGTERM.
"""
import asyncio
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

port, cert, key, password, outdir = sys.argv[1:6]
no_plain = "--no-plain" in sys.argv[6:]
count = 0


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login == b"vigil"
          and auth_data.password == password.encode())
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


class Handler:
    async def handle_DATA(self, server, session, envelope):
        global count
        count += 1
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "login": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None,
            "authenticated": session.authenticated,
            "tls": session.ssl is not None,
            "headers": {k: str(v) for k, v in msg.items()},
            "content_type": msg.get_content_type(),
            "charset": msg.get_content_charset(),
            "text": msg.get_content(),
        }
        with open(os.path.join(outdir, "%d.json" % count), "w") as f:
            json.dump(record, f)
        return "250 Message accepted for delivery"


ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
ctx.load_cert_chain(cert, key)
controller = Controller(Handler(), hostname="127.0.0.1", port=int(port), tls_context=ctx,
                        require_starttls=True, auth_required=True, authenticator=authenticator,
                        auth_exclude_mechanism=["PLAIN"] if no_plain else None)
controller.start()
print("READY", flush=True)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
stop.wait()
controller.stop()
