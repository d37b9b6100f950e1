"""`tqa fetch URL_UK [URL_EN] -o DIR`: save a story pair from the agency's site as NAME.uk.txt / NAME.en.txt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("fetch", help="download a story and its English version as NAME.uk.txt / NAME.en.txt")
    p.add_argument("url_uk", help="the Ukrainian story's URL")
    p.add_argument("url_en", nargs="?", help="the English version's URL (default: the page's hreflang=en link)")
    p.add_argument("-o", "--output-dir", default=".", help="folder to write the pair to (default: .)")
    p.add_argument("--name", help="file name stem (default: from the URL)")
    add_fetch_options(p)
    p.set_defaults(handler=run)


def add_fetch_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("fetching (URL inputs)")
    g.add_argument("--timeout", type=float, default=20.0, help="read timeout in seconds (default 20)")
    g.add_argument("--retries", type=int, default=3, help="retries on connection errors and 5xx (default 3)")
    g.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024, help="largest page accepted (default 5 MiB)")
    g.add_argument("--cache-dir", help="HTTP cache folder (default ~/.cache/tqa/http)")
    g.add_argument("--no-cache", action="store_true", help="do not use the HTTP cache")


def fetch_options(args: argparse.Namespace):
    from tqa.io.fetch import FetchOptions, default_cache_dir

    cache = None if getattr(args, "no_cache", False) else Path(args.cache_dir) if args.cache_dir else default_cache_dir()
    return FetchOptions(read_timeout=args.timeout, retries=args.retries, max_bytes=args.max_bytes, cache_dir=cache)


def run(args: argparse.Namespace) -> int:
    from tqa.baseline import atomic_write_text
    from tqa.errors import InputError
    from tqa.io.web import fetch_pair, slug_for

    pair = fetch_pair(args.url_uk, args.url_en, fetch_options(args))
    out = Path(args.output_dir)
    if out.exists() and not out.is_dir():
        raise InputError(out, "not a folder")
    out.mkdir(parents=True, exist_ok=True)
    name = args.name or slug_for(pair.source_page.final_url)
    uk_path, en_path = out / f"{name}.uk.txt", out / f"{name}.en.txt"
    atomic_write_text(uk_path, pair.source.text)
    atomic_write_text(en_path, pair.target.text)
    sys.stdout.write(f"{uk_path}\n{en_path}\n")
    return 0
