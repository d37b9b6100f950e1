from __future__ import annotations

import pytest

from tqa.errors import FetchError
from tqa.io.fetch import FetchOptions, fetch
from tqa.io.web import fetch_pair, slug_for, story_from_urls

FAST = dict(retries=2, backoff=0.01, connect_timeout=2.0, read_timeout=5.0)


def opts(tmp_path=None, **kw):
    base = dict(FAST)
    base.update(kw)
    return FetchOptions(cache_dir=tmp_path, **base)


def test_hreflang_pairing(server):
    base, state = server
    pair = fetch_pair(f"{base}/uk/news/power-cuts", None, opts())
    assert pair.target_page.final_url == f"{base}/en/news/power-cuts"
    assert pair.source.headline.startswith("Графіки відключень")
    assert pair.target.headline.startswith("Outage schedules")
    # page chrome is kept apart; residue inside the story text stays in it
    assert all("41.870" not in p for p in pair.source.paragraphs + pair.target.paragraphs)
    assert any("41.870" in c for c in pair.target.chrome)
    assert any("5350 views" in p for p in pair.target.paragraphs)


def test_story_from_urls_builds_documents(server):
    base, _ = server
    story = story_from_urls(f"{base}/uk/news/power-cuts", None, opts())
    assert story.source.language == "uk" and story.target.language == "en"
    assert story.source.paragraphs[0].text.startswith("Графіки")
    assert len(story.target.paragraphs) == 3


def test_redirect_followed(server):
    base, _ = server
    page = fetch(f"{base}/moved", opts())
    assert page.final_url.endswith("/uk/news/power-cuts")


def test_redirect_loop_is_one_line_error(server):
    base, _ = server
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(f"{base}/loop-a", opts())


def test_404_not_retried(server):
    base, state = server
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{base}/missing", opts())
    assert state.hits["/missing"] == 1


def test_500_retried_then_error(server):
    base, state = server
    with pytest.raises(FetchError) as err:
        fetch(f"{base}/broken", opts())
    assert "/broken" in str(err.value)
    assert state.hits["/broken"] == 3  # first try + 2 retries


def test_5xx_then_success(server):
    base, state = server
    page = fetch(f"{base}/flaky", opts())
    assert page.status == 200 and state.hits["/flaky"] == 3


def test_slow_server_hits_read_timeout(server):
    base, state = server
    with pytest.raises(FetchError, match="did not answer within 0.3 s"):
        fetch(f"{base}/slow", opts(read_timeout=0.3))
    assert state.hits["/slow"] == 1  # read timeouts are not retried


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_body_over_limit(server, path):
    base, _ = server
    with pytest.raises(FetchError, match="larger than"):
        fetch(f"{base}{path}", opts(max_bytes=100_000))


def test_content_type_checked(server):
    base, _ = server
    with pytest.raises(FetchError, match="not a web page"):
        fetch(f"{base}/image", opts())


def test_cp1251_declared_only_in_meta(server):
    base, _ = server
    page = fetch(f"{base}/cp1251", opts())
    assert page.encoding == "cp1251"
    assert "Їжак і ґудзик" in page.text


def test_connection_refused_is_one_line():
    with pytest.raises(FetchError, match="cannot connect|kept failing") as err:
        fetch("http://127.0.0.1:9/x", opts(retries=0))
    assert "\n" not in str(err.value)


def test_no_english_link(server):
    base, _ = server
    with pytest.raises(FetchError, match="no English version"):
        fetch_pair(f"{base}/no-en", None, opts())


@pytest.mark.parametrize("path,header", [("/etag", "If-None-Match"), ("/lastmod", "If-Modified-Since")])
def test_cache_revalidation(server, tmp_path, path, header):
    base, state = server
    first = fetch(f"{base}{path}", opts(tmp_path))
    assert not first.from_cache
    second = fetch(f"{base}{path}", opts(tmp_path))
    assert second.from_cache and second.text == first.text
    assert header not in state.headers[path][0]
    assert header in state.headers[path][1]


def test_slug():
    assert slug_for("https://unn.ua/news/putin-can-only-offer-support.html") == "putin-can-only-offer-support"
    assert slug_for("https://example.org/") == "example.org"
