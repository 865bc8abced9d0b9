#!/usr/bin/env python3
"""A real mail server for Kembar's tests and for trying mail by hand: aiosmtpd (PyPI) on
127.0.0.1, keeping each message it accepts as DIR/NNNN.json, parsed with Python's email package:
the envelope, every header decoded, and each part's type, charset and text.

  scripts/mail-sink.py DIR [--port N] [--tls CERT KEY [--require-tls]] [--auth USER PASSWORD]
                           [--down-after N]

Prints "mail sink listening on PORT" once it accepts connections. Recipients whose address
begins with "refuse" are refused for good (550), those beginning with "later" for now (451).
--tls offers STARTTLS with the certificate; --auth asks for AUTH PLAIN or LOGIN (over TLS).
--down-after N answers 421 to every connection after the N-th message, as a server in trouble."""
import argparse
import asyncio
import email
import email.policy
import json
import pathlib
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Keeper:
    def __init__(self, directory, down_after):
        self.directory = directory
        self.count = 0
        self.down_after = down_after

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 5.1.1 no such mailbox here"
        if address.startswith("later"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.down_after is not None and self.count >= self.down_after:
            return "421 4.3.2 service not available"
        self.count += 1
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            parts.append({
                "type": part.get_content_type(),
                "charset": part.get_content_charset(),
                "text": part.get_content(),
            })
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
            "headers": [[name, str(value)] for name, value in message.items()],
            "top_type": message.get_content_type(),
            "parts": parts,
            "raw": raw.decode("utf-8", "replace"),
        }
        name = self.directory / f"{self.count:04d}.json"
        temporary = name.with_suffix(".partial")
        temporary.write_text(json.dumps(record, ensure_ascii=False, indent=1))
        temporary.rename(name)
        return "250 2.0.0 kept"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--require-tls", action="store_true")
    parser.add_argument("--auth", nargs=2, metavar=("USER", "PASSWORD"))
    parser.add_argument("--down-after", type=int)
    arguments = parser.parse_args()
    directory = pathlib.Path(arguments.directory)
    directory.mkdir(parents=True, exist_ok=True)
    port = arguments.port
    if port == 0:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    options = {}
    if arguments.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*arguments.tls)
        options["tls_context"] = context
        options["require_starttls"] = arguments.require_tls
    if arguments.auth:
        user, password = arguments.auth

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
                and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        options["authenticator"] = authenticator
        options["auth_required"] = True
    controller = Controller(Keeper(directory, arguments.down_after), hostname="127.0.0.1", port=port,
                            server_hostname="localhost", **options)
    controller.start()
    print(f"mail sink listening on {port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
