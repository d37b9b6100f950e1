"""Fetching story pages over HTTP with requests, done properly.

* connect and read timeouts; retries with exponential backoff on connection errors and 5xx (urllib3 `Retry`);
* a redirect limit (a loop is reported as one);
* a maximum body size (Content-Length checked first, then the streamed body);
* a content-type check (HTML or plain text only);
* the charset from the HTTP header, else from ``<meta charset>`` / ``<meta http-equiv>``, else detected;
* an on-disk cache with ETag / Last-Modified revalidation (a second fetch sends If-None-Match / If-Modified-Since
  and reuses the stored body on 304).

Every failure is a `FetchError` with one line naming the URL. requests is imported only when a URL is fetched.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from tqa.errors import FetchError
from tqa.patterns import compile as re_compile

__all__ = ["FetchOptions", "Page", "default_cache_dir", "fetch"]

_META_CHARSET = re_compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_ALLOWED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tqa" / "http"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    retries: int = 3
    backoff: float = 0.5  # seconds; doubles per retry
    max_redirects: int = 5
    max_bytes: int = 5 * 1024 * 1024
    cache_dir: Path | None = None  # None: no cache
    user_agent: str = "tqa (translation QA; +https://pypi.org/project/tqa/)"


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str
    encoding: str
    text: str
    from_cache: bool = False


def _session(options: FetchOptions):
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    retry = Retry(
        total=options.retries,
        connect=options.retries,
        read=False,  # a read timeout is not retried (a slow server would multiply the wait) and is raised as is
        status=options.retries,
        redirect=None,
        backoff_factor=options.backoff,
        status_forcelist=(500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "HEAD"}),
        raise_on_status=False,
        respect_retry_after_header=False,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.max_redirects = options.max_redirects
    session.headers["User-Agent"] = options.user_agent
    session.headers["Accept"] = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
    return session


class _Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def load(self, url: str) -> tuple[dict, bytes] | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if hashlib.sha256(body).hexdigest() != meta.get("sha256"):
            return None
        return meta, body

    def store(self, url: str, meta: dict, body: bytes) -> None:
        from tqa.baseline import atomic_write_text

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            meta_path, body_path = self._paths(url)
            tmp = body_path.with_suffix(".body.tmp")
            tmp.write_bytes(body)
            os.replace(tmp, body_path)
            atomic_write_text(meta_path, json.dumps({**meta, "sha256": hashlib.sha256(body).hexdigest()}))
        except OSError:
            pass  # a cache that cannot be written is not an error


def _charset_from_header(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", content_type, re.I)
    return m.group(1).lower() if m else None


def _decode(body: bytes, header_charset: str | None, url: str) -> tuple[str, str]:
    candidates = []
    if header_charset:
        candidates.append(header_charset)
    m = _META_CHARSET.search(body[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace").lower())
    for enc in candidates:
        try:
            return body.decode(enc), _canonical(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return body.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        from tqa.io.encoding import decode_bytes

        return decode_bytes(body, url)
    except ImportError:  # pragma: no cover - the encoding module is part of the package
        raise FetchError(url, "cannot decode the page (no charset declared and not UTF-8)") from None


def _canonical(enc: str) -> str:
    import codecs

    try:
        name = codecs.lookup(enc).name
    except LookupError:
        return enc
    return {"utf_8": "utf-8", "cp1251": "cp1251", "koi8_u": "koi8-u", "windows-1251": "cp1251"}.get(name, name)


def fetch(url: str, options: FetchOptions | None = None) -> Page:
    """GET `url` with the policies above; raises FetchError with a one-line reason."""
    import requests

    options = options or FetchOptions()
    if not re.match(r"^https?://", url, re.I):
        raise FetchError(url, "not an http(s) URL")
    cache = _Cache(options.cache_dir) if options.cache_dir else None
    cached = cache.load(url) if cache else None
    headers = {}
    if cached:
        meta = cached[0]
        if meta.get("etag"):
            headers["If-None-Match"] = meta["etag"]
        if meta.get("last_modified"):
            headers["If-Modified-Since"] = meta["last_modified"]
    session = _session(options)
    try:
        response = session.get(
            url, headers=headers, timeout=(options.connect_timeout, options.read_timeout), stream=True,
            allow_redirects=True,
        )
    except requests.exceptions.TooManyRedirects:
        raise FetchError(url, f"redirect loop or more than {options.max_redirects} redirects") from None
    except requests.exceptions.ConnectTimeout:
        raise FetchError(url, f"connection timed out after {options.connect_timeout:g} s") from None
    except requests.exceptions.ReadTimeout:
        raise FetchError(url, f"server did not answer within {options.read_timeout:g} s") from None
    except requests.exceptions.RetryError as exc:
        raise FetchError(url, f"server kept failing after {options.retries} retries ({_reason(exc)})") from None
    except requests.exceptions.ConnectionError as exc:
        raise FetchError(url, f"cannot connect ({_reason(exc)})") from None
    except requests.exceptions.RequestException as exc:
        raise FetchError(url, f"request failed ({type(exc).__name__})") from None
    with response:
        if response.status_code == 304 and cached:
            meta, body = cached
            text, encoding = _decode(body, meta.get("charset"), url)
            return Page(url, meta.get("final_url", url), 200, meta.get("content_type", ""), encoding, text, True)
        if response.status_code >= 400:
            reason = response.reason or ""
            raise FetchError(url, f"HTTP {response.status_code} {reason}".rstrip())
        content_type = response.headers.get("Content-Type", "")
        mime = content_type.split(";")[0].strip().lower()
        if mime and mime not in _ALLOWED_TYPES:
            raise FetchError(url, f"not a web page (content type {mime})")
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > options.max_bytes:
            raise FetchError(url, f"page is larger than the {options.max_bytes:,}-byte limit ({int(declared):,} bytes)")
        chunks = []
        size = 0
        try:
            for chunk in response.iter_content(65536):
                size += len(chunk)
                if size > options.max_bytes:
                    raise FetchError(url, f"page is larger than the {options.max_bytes:,}-byte limit")
                chunks.append(chunk)
        except requests.exceptions.RequestException as exc:
            raise FetchError(url, f"connection broke while reading the page ({type(exc).__name__})") from None
        body = b"".join(chunks)
        if not body.strip():
            raise FetchError(url, "the page is empty")
        header_charset = _charset_from_header(content_type)
        text, encoding = _decode(body, header_charset, url)
        if cache and (response.headers.get("ETag") or response.headers.get("Last-Modified")):
            cache.store(
                url,
                {
                    "etag": response.headers.get("ETag"),
                    "last_modified": response.headers.get("Last-Modified"),
                    "content_type": content_type,
                    "charset": header_charset,
                    "final_url": response.url,
                },
                body,
            )
        return Page(url, response.url, response.status_code, content_type, encoding, text, False)


def _reason(exc: Exception) -> str:
    text = str(exc)
    m = re.search(r"(Connection refused|Name or service not known|No route to host|timed out|too many \w+ error "
                  r"responses|Max retries exceeded)", text, re.I)
    return m.group(1) if m else type(exc).__name__
