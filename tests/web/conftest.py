"""A real HTTP server on 127.0.0.1, serving pages the tests write (no patched requests functions)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

UK_PAGE = """<!doctype html><html lang="uk"><head><meta charset="utf-8">
<link rel="alternate" hreflang="en" href="/en/news/power-cuts">
<title>Графіки</title></head><body>
<header><nav><a href="/">Головна</a> <a href="/en/">EN</a></nav><div class="currency-rates">$41.870.05</div></header>
<main><article><h1>Графіки відключень діятимуть у 15 областях</h1>
<div class="meta views">Київ • УНН • 126 переглядів</div>
<p>У понеділок графіки відключень застосовуватимуть у 15 областях, передає УНН.</p>
<p>«Ситуація складна», – йдеться у повідомленні.</p>
<div class="related"><a href="/x">Інша новина</a></div>
</article></main><footer>© УНН</footer></body></html>"""

EN_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Schedules</title></head><body>
<header><nav><a href="/">Home</a></nav><div class="widget exchange">$41.870.05</div></header>
<main><article><h1>Outage schedules will be in effect in 15 regions</h1>
<p>On Monday, outage schedules will be applied in 15 regions, UNN reports.</p>
<p>"The situation is difficult," the statement says.02.03.26, 15:55 • 5350 views</p>
</article></main><footer>© UNN</footer></body></html>"""

CP1251_PAGE = ("""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>
<body><article><h1>Їжак і ґудзик</h1><p>Євген пише українською: ґанок, їжак, є.</p></article></body></html>""")


class _State:
    def __init__(self) -> None:
        self.hits: dict[str, int] = defaultdict(int)
        self.headers: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.lock = threading.Lock()


def _make_handler(state: _State):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
                  extra: dict[str, str] | None = None, length: bool = True) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            if length:
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            if body and self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            path = self.path
            with state.lock:
                state.hits[path] += 1
                state.headers[path].append(dict(self.headers))
                n = state.hits[path]
            if path == "/uk/news/power-cuts":
                self._send(200, UK_PAGE.encode())
            elif path == "/en/news/power-cuts":
                self._send(200, EN_PAGE.encode())
            elif path == "/moved":
                self._send(302, extra={"Location": "/uk/news/power-cuts"})
            elif path == "/loop-a":
                self._send(302, extra={"Location": "/loop-b"})
            elif path == "/loop-b":
                self._send(302, extra={"Location": "/loop-a"})
            elif path == "/missing":
                self._send(404, b"not here")
            elif path == "/broken":
                self._send(500, b"oops")
            elif path == "/flaky":
                if n <= 2:
                    self._send(503, b"busy")
                else:
                    self._send(200, UK_PAGE.encode())
            elif path == "/slow":
                time.sleep(1.5)
                self._send(200, UK_PAGE.encode())
            elif path == "/big":
                self._send(200, b"<html><body><p>" + b"x" * 300_000 + b"</p></body></html>")
            elif path == "/big-chunked":
                self._send(200, b"<html><body><p>" + b"y" * 300_000 + b"</p></body></html>", length=False)
            elif path == "/cp1251":
                self._send(200, CP1251_PAGE.encode("cp1251"), ctype="text/html")
            elif path == "/image":
                self._send(200, b"\x89PNG....", ctype="image/png")
            elif path == "/no-en":
                self._send(200, "<html><body><article><h1>Лише українською</h1><p>Текст.</p></article></body></html>"
                           .encode())
            elif path == "/etag":
                etag = '"v1"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, extra={"ETag": etag}, length=False)
                else:
                    self._send(200, UK_PAGE.encode(), extra={"ETag": etag})
            elif path == "/lastmod":
                stamp = "Mon, 02 Mar 2026 10:00:00 GMT"
                if self.headers.get("If-Modified-Since") == stamp:
                    self._send(304, extra={"Last-Modified": stamp}, length=False)
                else:
                    self._send(200, UK_PAGE.encode(), extra={"Last-Modified": stamp})
            else:
                self._send(404, b"unknown")

    return Handler


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # a client that hangs up early is not a test failure
        pass


@pytest.fixture
def server():
    state = _State()
    httpd = _QuietServer(("127.0.0.1", 0), _make_handler(state))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield base, state
    finally:
        httpd.shutdown()
        httpd.server_close()
