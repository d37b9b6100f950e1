"""`tqa check`: the batch check. Configuration → inputs → engine → one formatter → exit code.

Inputs, in any mix: ``SOURCE TARGET`` pairs of plain files; a directory of ``NAME.uk.txt``/``NAME.en.txt``; a
``.tsv``/``.jsonl`` record file; or a single ``NAME.uk.txt`` or ``NAME.en.txt`` (its partner is found beside it, as
pre-commit passes changed files one by one; a pair named twice is checked once). With no path, the configured
``paths`` are checked. Exit codes: 0 clean, 1 findings at or above fail-on, 2 usage, input or configuration error.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from tqa import patterns
from tqa.patterns import compile as re_compile

RECORD_SUFFIXES = (".tsv", ".jsonl", ".ndjson")
_TAGGED = re_compile(r"^(?P<stem>.+)\.(?P<lang>uk|en)\.txt$", re.IGNORECASE)


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per core) or more")
    return n or (os.cpu_count() or 1)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="check translations and report findings",
        description="Check Ukrainian→English translations. Exit 0: clean; 1: findings at or above --fail-on; "
        "2: a usage, input or configuration error.",
    )
    p.add_argument("paths", nargs="*", help="SOURCE TARGET pairs, NAME.uk.txt/NAME.en.txt files, directories, "
                   ".tsv/.jsonl record files (default: the configured paths)")
    p.add_argument("--aligned", action="store_true", help="line N of the source is line N of the target")
    p.add_argument("--format", default="text", choices=("text", "json", "junit", "sarif", "github"),
                   help="report format (default text)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    p.add_argument("--select", type=_csv, help="rule code prefixes or names to run (e.g. TQA1,TQA301)")
    p.add_argument("--ignore", type=_csv, help="rule code prefixes or names to skip")
    p.add_argument("--severity", action="append", default=[], metavar="CODE=LEVEL",
                   help="override a rule's severity (repeatable), e.g. TQA301=warning")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails (default error)")
    p.add_argument("--exclude", action="append", default=[], metavar="PATTERN",
                   help="skip files matching this glob pattern (repeatable; adds to the configured ones)")
    p.add_argument("--date", help="the stories' date, YYYY-MM-DD (weekday ↔ date checks)")
    p.add_argument("--config", metavar="FILE", help="read the configuration from FILE (tqa.toml or pyproject.toml)")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    p.add_argument("--baseline", metavar="FILE", help="suppress the findings recorded in this baseline file")
    p.add_argument("--write-baseline", metavar="FILE",
                   help="record the current findings in FILE (kept: reasons, entries of files not checked) and exit 0")
    p.add_argument("--reason", default="", help="with --write-baseline: the reason stored with new entries")
    p.add_argument("--ref", metavar="FILE", help="a reference translation of the one SOURCE (rule TQA591; with "
                   "--aligned, line N translates source line N)")
    p.add_argument("--mt-url", metavar="URL", help="a LibreTranslate-compatible service for machine drafts of the "
                   "source paragraphs (rule TQA592)")
    p.add_argument("--mt-api-key", metavar="KEY", help="API key for --mt-url")
    p.add_argument("--mt-optional", action="store_true",
                   help="if the --mt-url service fails, print a note and check without drafts instead of failing")
    p.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                   help="check in N processes (0: one per core); the report is the same as with 1")
    p.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    from tqa.cli.fetch_cmd import add_fetch_options

    add_fetch_options(p)
    p.set_defaults(handler=run)


# -- configuration ---------------------------------------------------------------------------------------------------


def build_config(args: argparse.Namespace, cwd: Path | None = None):
    """The configuration file (if any), overridden by the command-line flags."""
    from tqa.config import Config, load_config, parse_date, parse_rule_selectors
    from tqa.errors import ConfigError
    from tqa.model import Severity

    here = cwd or Path.cwd()
    config = Config(root=str(here)) if args.isolated else load_config(here, config_file=args.config)
    changes: dict[str, object] = {}
    if args.select:
        changes["select"] = parse_rule_selectors(args.select, "--select")
    if args.ignore is not None:
        changes["ignore"] = parse_rule_selectors(args.ignore, "--ignore")
    if args.severity:
        overrides = dict(config.severity)
        for item in args.severity:
            code, sep, level = item.partition("=")
            if not sep:
                raise ConfigError("--severity", f"expected CODE=LEVEL, got {item!r}")
            (prefix,) = parse_rule_selectors([code], "--severity")
            try:
                overrides["TQA" if prefix == "ALL" else prefix] = Severity.parse(level.strip())
            except ValueError:
                raise ConfigError("--severity", f"expected error, warning or info after '=', got {level!r}") from None
        changes["severity"] = tuple(sorted(overrides.items()))
    if args.fail_on:
        changes["fail_on"] = Severity.parse(args.fail_on)
    if args.date:
        changes["date"] = parse_date(args.date, "--date")
    return config.replace(**changes) if changes else config


# -- inputs ----------------------------------------------------------------------------------------------------------


class _Excluder:
    """Glob patterns of files to skip: matched against the path relative to the pattern's base folder (the config
    file's folder, or the working directory for --exclude), against the file name, and as a folder prefix."""

    def __init__(self, patterns: Sequence[tuple[str, str]]) -> None:
        self.patterns = [(p.replace("\\", "/").rstrip("/"), base) for p, base in patterns if p.strip()]

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def __call__(self, path: str) -> bool:
        from fnmatch import fnmatchcase

        if not self.patterns:
            return False
        full = os.path.abspath(path)
        name = os.path.basename(full)
        for pattern, base in self.patterns:
            rel = os.path.relpath(full, base).replace("\\", "/") if base else path.replace("\\", "/")
            bare = pattern[3:] if pattern.startswith("**/") else pattern
            if (
                fnmatchcase(rel, pattern)
                or fnmatchcase(rel, bare)
                or fnmatchcase(name, bare)
                or rel.startswith(bare + "/")
                or fnmatchcase(rel, bare + "/*")
                or any(fnmatchcase(part, bare) for part in rel.split("/")[:-1])
            ):
                return True
        return False


def _partner(path: str) -> tuple[str, str] | None:
    """(source, target) for a NAME.uk.txt or NAME.en.txt file, or None for other names."""
    head, name = os.path.split(path)
    m = _TAGGED.match(name)
    if not m:
        return None
    stem, lang = m.group("stem"), m.group("lang")
    other = "en" if lang.lower() == "uk" else "uk"
    # keep the user's case for the tag ("uk" ↔ "en", "UK" ↔ "EN")
    other = other.upper() if lang.isupper() else other
    partner = os.path.join(head, f"{stem}.{other}.{name.rsplit('.', 1)[1]}")
    return (path, partner) if lang.lower() == "uk" else (partner, path)


def plan_inputs(paths: Sequence[str]) -> list[list[str]]:
    """Group command-line paths into reader inputs: ``[SOURCE, TARGET]``, ``[DIRECTORY]`` or ``[RECORD_FILE]``.

    Two plain files are one SOURCE TARGET pair. Otherwise a directory gives its NAME.uk.txt/NAME.en.txt pairs
    (`tqa.io.directory.find_pairs`), a record file stands alone, a NAME.uk.txt or NAME.en.txt file is paired with
    its partner (pairs named twice are kept once), and any other file must be followed by its target."""
    from tqa.errors import InputError, UsageError

    def kind(p: str) -> str:
        if os.path.isdir(p):
            return "dir"
        if p.lower().endswith(RECORD_SUFFIXES):
            return "records"
        return "file"

    from tqa.io.urls import is_url

    if paths and is_url(paths[0]):
        if len(paths) > 2 or not all(is_url(p) for p in paths):
            raise UsageError("give URL_UK, or URL_UK URL_EN (URLs and files cannot be mixed)")
        return [list(paths)]
    for p in paths:  # every path is checked before the first story is read
        if not os.path.lexists(p):
            raise InputError(p, "no such file or directory")
    kinds = [kind(p) for p in paths]
    if len(paths) == 2 and kinds == ["file", "file"]:
        return [[paths[0], paths[1]]]
    groups: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()

    def add(group: list[str]) -> None:
        key = tuple(os.path.normcase(os.path.abspath(p)) for p in group)
        if key not in seen:
            seen.add(key)
            groups.append(group)

    i = 0
    while i < len(paths):
        p, k = paths[i], kinds[i]
        if k == "dir":
            from tqa.io.directory import find_pairs

            here = os.path.normpath(p) == os.curdir  # "." → "a.en.txt", not "./a.en.txt"
            for pair in find_pairs(p):
                add([os.path.normpath(x) for x in pair] if here else list(pair))
            i += 1
            continue
        if k == "records":
            add([p])
            i += 1
            continue
        pair = _partner(p)
        if pair is not None:
            other = pair[1] if pair[0] == p else pair[0]
            if not os.path.exists(other):
                if not os.path.exists(p):
                    raise InputError(p, "no such file")
                raise InputError(p, f"no partner file: expected {other} beside it")
            add(list(pair))
            i += 1
            continue
        if i + 1 < len(paths) and kinds[i + 1] == "file":
            add([p, paths[i + 1]])
            i += 2
            continue
        raise UsageError(
            f"{p}: cannot tell its partner; give SOURCE TARGET pairs, or name the files NAME.uk.txt and NAME.en.txt"
        )
    return groups


def _with_reference(stories: Iterator, references: Iterator) -> Iterator:
    """Attach the reference document to each story (the reference file is read in step: same chunks)."""
    import dataclasses

    for story in stories:
        ref = next(references, None)
        if ref is None or ref.part != story.part:
            from tqa.errors import InputError

            raise InputError(story.target.path, "the reference does not line up with the source")
        yield dataclasses.replace(story, reference=ref.target)


def _with_draft(stories: Iterator, url: str, api_key: str | None, optional: bool = False) -> Iterator:
    import dataclasses

    from tqa.errors import FetchError
    from tqa.io.mt import translate_paragraphs

    failed = False
    for story in stories:
        if failed:
            yield story
            continue
        try:
            draft = translate_paragraphs([p.text for p in story.source.paragraphs], url, api_key=api_key)
        except FetchError as exc:
            if not optional:
                raise
            sys.stderr.write(f"tqa: note: {exc}; checking without machine drafts (--mt-optional)\n")
            failed = True
            yield story
            continue
        yield dataclasses.replace(story, draft=draft)


def iter_stories(
    groups: list[list[str]],
    *,
    aligned: bool,
    date: str | None,
    exclude: _Excluder,
    reference: str | None = None,
    mt_url: str | None = None,
    mt_api_key: str | None = None,
    mt_optional: bool = False,
    fetch_options=None,
) -> Iterator:
    """The stories of every input group, lazily (record files stream), skipping excluded files; with a reference
    file or a machine-translation service, each story carries that material for the comparison rules."""
    from tqa.io import read_inputs

    stories = _read_groups(groups, aligned=aligned, date=date, exclude=exclude, fetch_options=fetch_options)
    if reference is not None:
        if len(groups) != 1 or len(groups[0]) != 2:
            from tqa.errors import UsageError

            raise UsageError("--ref goes with exactly one SOURCE TARGET pair")
        stories = _with_reference(stories, iter(read_inputs([groups[0][0], reference], aligned=aligned, date=date)))
    if mt_url:
        stories = _with_draft(stories, mt_url, mt_api_key, mt_optional)
    return stories


def _read_groups(groups: list[list[str]], *, aligned: bool, date: str | None, exclude: _Excluder,
                 fetch_options=None) -> Iterator:
    from tqa.io import read_inputs
    from tqa.io.urls import is_url

    for group in groups:
        if is_url(group[0]):
            from tqa.io.web import story_from_urls

            yield story_from_urls(group[0], group[1] if len(group) > 1 else None, fetch_options, date=date)
            continue
        if exclude and len(group) == 2 and (exclude(group[0]) or exclude(group[1])):
            continue
        if exclude and len(group) == 1 and exclude(group[0]):
            continue
        for story in read_inputs(list(group), aligned=aligned, date=date):
            if exclude and (exclude(story.source.path) or exclude(story.target.path)):
                continue
            yield story


# -- progress --------------------------------------------------------------------------------------------------------


class Progress:
    """A one-line progress display on stderr: shown only when stderr is a terminal and the run has lasted longer
    than `delay` seconds; redrawn at most every `interval` seconds; erased at the end."""

    def __init__(self, stream=None, *, enabled: bool | None = None, delay: float = 1.0, interval: float = 0.1) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"
        self.enabled = enabled
        self.delay = delay
        self.interval = interval
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False
        self.pairs = 0
        self.chunks = 0
        self.findings = 0

    def __call__(self, result) -> None:
        self.pairs += result.pairs
        self.chunks += 1
        self.findings += len(result.findings)
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.delay or now - self.last < self.interval:
            return
        self.last = now
        rate = self.pairs / max(now - self.start, 1e-9)
        self.stream.write(f"\r\x1b[2Ktqa: {self.pairs:,} pairs checked, {self.findings:,} findings "
                          f"({rate:,.0f} pairs/s) …")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False


# -- the command -----------------------------------------------------------------------------------------------------


def write_baseline(report, path: str, *, reason: str = "", codes: Sequence[str] | None = None) -> tuple[int, int]:
    """Record every finding of `report` in the baseline at `path`, keeping the reasons of entries already there,
    and the entries of target files this run did not check or of rules it did not run (`codes`: the rules that
    ran). Returns (entries written, entries kept)."""
    from tqa.baseline import Baseline, BaselineEntry

    previous = Baseline.load_or_empty(path)
    new = Baseline(path=path)
    index = previous.index()
    for doc in report.documents:
        known = index.for_target(doc.target)  # also marks the old entries of this target as "checked"
        target = new.relative_target(doc.target)
        for f in doc.findings:
            old = known.get(f.fingerprint)
            new.add(f, reason=old[0].reason if old and old[0].reason else reason, target_path=target)
    ran = set(codes) if codes is not None else None
    checked = {(e.fingerprint, e.target) for e in index.checked() if ran is None or e.code in ran}
    kept = 0
    for e in previous.entries():
        if (e.fingerprint, e.target) not in checked and (e.fingerprint, e.target) not in new:
            new.add_entry(BaselineEntry(e.fingerprint, e.code, e.target, e.text, e.reason))
            kept += 1
    new.save(path)
    return len(new), kept


@contextlib.contextmanager
def _fewer_gc_passes():
    """A check allocates millions of small objects that reference counting frees (segments, spans, values): the
    cyclic collector's default pass every 700 allocations costs ~8 % of the run and finds nothing. Run it rarely
    for the duration, and leave the objects made at import (modules, compiled patterns, rule tables) out of its
    passes (`gc.freeze`); the thresholds are restored after.

    Rarely: a first pass only after a million more container objects are alive than at the start. The text-keyed
    caches fill with that many on a large corpus, while the cyclic garbage a check leaves is tiny (the 11-file WMT22
    benchmark: 390 objects in all; its two passes at a threshold of 50,000 cost ≈ 0.02 s, 2 % of the run).
    Streaming 1,000,000 pairs stays flat in memory (`benchmarks/memory_stream.py`)."""
    import gc

    saved = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(1_000_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*saved)
        gc.unfreeze()


def run(args: argparse.Namespace) -> int:
    from tqa import engine
    from tqa.baseline import Baseline, atomic_write_text
    from tqa.checks.base import select_rules
    from tqa.errors import InputError, UsageError
    from tqa.report import render

    cwd = Path.cwd()
    config = build_config(args, cwd)
    paths = list(args.paths) or list(config.paths)
    if not paths:
        raise UsageError("no paths to check: give SOURCE TARGET (or a directory, a .tsv/.jsonl file), "
                         "or set 'paths' in [tool.tqa]")
    if args.reason and not args.write_baseline:
        raise UsageError("--reason goes with --write-baseline")
    for out_path in (args.output, args.write_baseline):  # fail before the run, not after it
        if out_path:
            folder = os.path.dirname(out_path) or "."
            if not os.path.isdir(folder):
                raise InputError(out_path, f"cannot write here: folder {folder} does not exist")
    exclude = _Excluder([(p, config.root or str(cwd)) for p in config.exclude] + [(p, str(cwd)) for p in args.exclude])
    groups = plan_inputs(paths)
    baseline = None
    if not args.write_baseline:
        if args.baseline:
            baseline = Baseline.load(args.baseline)
        elif config.baseline:
            baseline = Baseline.load_or_empty(config.baseline)
    progress = Progress(enabled=False if args.no_progress else None)
    stories = iter_stories(groups, aligned=args.aligned, date=config.date, exclude=exclude, reference=args.ref,
                           mt_url=args.mt_url, mt_api_key=args.mt_api_key, mt_optional=args.mt_optional,
                           fetch_options=_fetch_options(args, groups))
    try:
        with _fewer_gc_passes():
            report = engine.run(stories, config, baseline=baseline, jobs=args.jobs, keep_aligned=False,
                                on_chunk=progress)
    finally:
        progress.close()
    if args.write_baseline:
        try:
            codes = [r.code for r in select_rules(config.select, config.ignore)]
            written, kept = write_baseline(report, args.write_baseline, reason=args.reason, codes=codes)
        except OSError as exc:
            raise InputError(args.write_baseline, f"cannot write: {exc.strerror or exc}") from None
        extra = f" ({kept} kept for files not checked)" if kept else ""
        sys.stderr.write(f"tqa: wrote {written} baseline entr{'ies' if written != 1 else 'y'} to "
                         f"{args.write_baseline}{extra}\n")
        return 0
    text = render(report, args.format, rules=select_rules(config.select, config.ignore))
    patterns.save()  # the patterns this run compiled, for the next run's start-up (see tqa.patterns)
    if args.output:
        try:
            atomic_write_text(args.output, text)
        except OSError as exc:
            raise InputError(args.output, f"cannot write: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 1 if engine.severity_fails(report, config.fail_on) else 0


def _fetch_options(args: argparse.Namespace, groups: list[list[str]]):
    from tqa.io.urls import is_url

    if not any(is_url(g[0]) for g in groups):
        return None
    from tqa.cli.fetch_cmd import fetch_options

    return fetch_options(args)
