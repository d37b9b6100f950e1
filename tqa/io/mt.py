"""A machine-translation draft from a LibreTranslate-compatible API (``POST {url}/translate`` with
``{"q": [...], "source": "uk", "target": "en", "format": "text"}`` → ``{"translatedText": [...]}``).

The draft of each source paragraph is compared with the English copy (rule TQA592). The service is optional and
off by default; every failure is a `FetchError` naming the URL.
"""

from __future__ import annotations

from collections.abc import Sequence

from tqa.errors import FetchError

__all__ = ["translate_paragraphs"]


def translate_paragraphs(
    paragraphs: Sequence[str], url: str, *, api_key: str | None = None, timeout: float = 30.0, batch: int = 50
) -> tuple[str, ...]:
    import requests

    endpoint = url.rstrip("/")
    if not endpoint.endswith("/translate"):
        endpoint += "/translate"
    out: list[str] = []
    for i in range(0, len(paragraphs), batch):
        chunk = list(paragraphs[i : i + batch])
        payload: dict[str, object] = {"q": chunk, "source": "uk", "target": "en", "format": "text"}
        if api_key:
            payload["api_key"] = api_key
        try:
            response = requests.post(endpoint, json=payload, timeout=(5.0, timeout))
        except requests.exceptions.Timeout:
            raise FetchError(endpoint, f"translation service did not answer within {timeout:g} s") from None
        except requests.exceptions.RequestException as exc:
            raise FetchError(endpoint, f"cannot reach the translation service ({type(exc).__name__})") from None
        if response.status_code != 200:
            raise FetchError(endpoint, f"translation service answered HTTP {response.status_code}")
        try:
            data = response.json()
        except ValueError:
            raise FetchError(endpoint, "translation service did not answer with JSON") from None
        translated = data.get("translatedText") if isinstance(data, dict) else None
        if isinstance(translated, str) and len(chunk) == 1:
            translated = [translated]
        if not isinstance(translated, list) or len(translated) != len(chunk):
            raise FetchError(endpoint, "unexpected answer from the translation service (no translatedText list)")
        out.extend(str(t) for t in translated)
    return tuple(out)
