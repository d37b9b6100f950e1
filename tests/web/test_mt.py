"""The LibreTranslate-compatible client against a real local HTTP server."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tqa.errors import FetchError
from tqa.io.mt import translate_paragraphs

GLOSSARY = {"Привіт": "Hello", "світ": "world", "Київ": "Kyiv"}


def _handler(mode: str):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if mode == "error":
                self.send_response(500)
                self.end_headers()
                return
            if mode == "garbage":
                out = b"not json"
            else:
                qs = body["q"] if isinstance(body["q"], list) else [body["q"]]
                out = json.dumps({"translatedText": [" ".join(GLOSSARY.get(w, w) for w in q.split()) for q in qs]})
                out = out.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

    return Handler


@pytest.fixture(params=["ok"])
def mt_server(request):
    servers = {}

    def start(mode: str) -> str:
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(mode))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers[mode] = httpd
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers.values():
        httpd.shutdown()
        httpd.server_close()


def test_translates_in_order(mt_server):
    url = mt_server("ok")
    assert translate_paragraphs(["Привіт світ", "Київ"], url) == ("Hello world", "Kyiv")


def test_batches(mt_server):
    url = mt_server("ok")
    assert translate_paragraphs(["Київ"] * 7, url, batch=3) == ("Kyiv",) * 7


def test_service_error(mt_server):
    url = mt_server("error")
    with pytest.raises(FetchError, match="HTTP 500"):
        translate_paragraphs(["Київ"], url)


def test_bad_answer(mt_server):
    url = mt_server("garbage")
    with pytest.raises(FetchError, match="JSON"):
        translate_paragraphs(["Київ"], url)


def test_unreachable():
    with pytest.raises(FetchError, match="cannot reach"):
        translate_paragraphs(["Київ"], "http://127.0.0.1:9")
