"""`tqa review`: the interactive review (Textual). Textual is imported only when the command runs.

* ``tqa review SOURCE TARGET`` — one story side by side;
* ``tqa review DIR`` — the story list of a folder of ``NAME.uk.txt`` + ``NAME.en.txt`` pairs;
* ``tqa review`` — the bundled example story from the project's ``corpora/``;
* ``tqa review URL_UK [URL_EN]`` — a story from the agency's site (the English page from the Ukrainian page's
  ``hreflang="en"`` link), saved as ``NAME.uk.txt``/``NAME.en.txt`` in ``--save-dir`` so fixes have a file to go to.

Accepted findings go to ``--baseline FILE`` (default: the configured ``baseline``, else ``tqa-baseline.json`` beside
the target, or in DIR) — the file ``tqa check --baseline`` reads. Applied fixes are journaled beside the target and written to it on save.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def _csv(value: str) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in value.split(",") if v.strip())


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "review",
        help="review a story interactively: side by side, findings, accept / fix",
        description="Review translations interactively. With no path, opens the bundled example story.",
    )
    p.add_argument("paths", nargs="*", help="SOURCE TARGET, or a directory of NAME.uk.txt/NAME.en.txt pairs")
    p.add_argument("--baseline", metavar="FILE",
                   help="baseline file for accepted findings (default: the configured baseline, else "
                        "tqa-baseline.json beside the target / in DIR)")
    p.add_argument("--select", type=_csv, help="rule code prefixes to run (e.g. TQA1,TQA301)")
    p.add_argument("--ignore", type=_csv, help="rule code prefixes to skip")
    p.add_argument("--date", help="the story's date, YYYY-MM-DD (weekday ↔ date checks)")
    p.add_argument("--save-dir", metavar="DIR",
                   help="with URLs: where the fetched pair is saved (default ~/.cache/tqa/stories)")
    from tqa.cli.fetch_cmd import add_fetch_options

    add_fetch_options(p)
    p.set_defaults(handler=run)


def resolve(paths: list[str], args: argparse.Namespace | None = None) -> tuple[list, str | None, Path | None]:
    """(story refs, list title or None for a single story, folder for the default baseline or None)."""
    from tqa.errors import InputError
    from tqa.io.web import is_url
    from tqa.tui.loader import StoryRef, bundled_example, discover

    if paths and is_url(paths[0]):
        source, target = _fetch_to_files(paths, args)
        return [StoryRef.from_paths(source, target)], None, None
    if not paths:
        return [bundled_example()], None, None
    if len(paths) == 1:
        folder = Path(paths[0])
        if not folder.is_dir():
            raise InputError(folder, "expected a directory of story pairs, or SOURCE TARGET")
        return discover(folder), f"Stories in {paths[0]}", folder
    if len(paths) == 2:
        for p in paths:
            if not Path(p).is_file():
                raise InputError(p, "no such file" if not Path(p).exists() else "not a file")
            _check_decodes(p)
        return [StoryRef.from_paths(paths[0], paths[1])], None, None
    raise InputError(" ".join(paths), "expected SOURCE TARGET, a directory, or nothing (the bundled example)")


def _fetch_to_files(paths: list[str], args: argparse.Namespace | None) -> tuple[str, str]:
    """Fetch the pair and save it (once) as NAME.uk.txt / NAME.en.txt in the save folder. A saved copy that differs
    from the page is kept — it may carry fixes saved in an earlier review — and a note says so."""
    import sys

    from tqa.baseline import atomic_write_text
    from tqa.errors import UsageError
    from tqa.io.web import fetch_pair, is_url, slug_for

    if len(paths) > 2 or not all(is_url(p) for p in paths):
        raise UsageError("give URL_UK, or URL_UK URL_EN (URLs and files cannot be mixed)")
    from tqa.cli.fetch_cmd import fetch_options
    from tqa.io.fetch import FetchOptions, default_cache_dir

    options = fetch_options(args) if args is not None else FetchOptions(cache_dir=default_cache_dir())
    pair = fetch_pair(paths[0], paths[1] if len(paths) > 1 else None, options)
    folder = Path(args.save_dir) if args is not None and args.save_dir else default_cache_dir().parent / "stories"
    folder.mkdir(parents=True, exist_ok=True)
    name = slug_for(pair.source_page.final_url)
    out = []
    for suffix, text in ((".uk.txt", pair.source.text), (".en.txt", pair.target.text)):
        path = folder / f"{name}{suffix}"
        if not path.exists():
            atomic_write_text(path, text)
        elif path.read_text(encoding="utf-8") != text:
            sys.stderr.write(f"tqa: note: keeping your saved copy {path} (it differs from the page; delete it to "
                             "review the page as it is now)\n")
        out.append(str(path))
    return out[0], out[1]


def _check_decodes(path: str) -> None:
    """Fail before the UI starts on a file the reader refuses (binary, empty, undecodable): one line, exit 2."""
    try:
        from tqa.io import read_text
    except ImportError:  # an older reader: the UI reports the problem instead
        return
    read_text(path)


def _config(args: argparse.Namespace):
    from tqa.config import Config

    config = Config()
    try:  # the configuration loader may not exist yet in every build
        from tqa.config import load_config  # type: ignore[attr-defined]
    except ImportError:
        load_config = None
    if load_config is not None:
        config = load_config(Path.cwd())
    changes: dict[str, object] = {}
    if args.select:
        changes["select"] = args.select
    if args.ignore:
        changes["ignore"] = args.ignore
    if args.date:
        changes["date"] = args.date
    return config.replace(**changes) if changes else config


def run(args: argparse.Namespace) -> int:
    refs, title, folder = resolve(list(args.paths), args)
    config = _config(args)
    baseline = (args.baseline or getattr(config, "baseline", None)
                or (str(folder / "tqa-baseline.json") if folder is not None else None))
    from tqa.tui.app import ReviewApp

    app = ReviewApp(refs, config=config, baseline=baseline, list_title=title)
    app.run()
    from tqa import patterns

    patterns.save()  # the patterns this session compiled, for the next start-up (see tqa.patterns)
    return 0
