"""The engine: stories → aligned stories → findings → report. No I/O, no UI.

* rule selection by code prefix (`Config.select`/`ignore`) and per-rule severity overrides;
* crash isolation: an exception inside one check becomes a TQA901 finding for that story;
* deterministic order (target line, column, source line, column, code, message) and content fingerprints;
* baseline suppression and stale-entry detection;
* chunks of one streamed record file (`Story.part`) merged into one document result.
"""

from __future__ import annotations

import hashlib
from itertools import chain, repeat
from collections.abc import Callable, Iterable, Iterator, Sequence

from tqa import __version__
from tqa.align import align_story
from tqa.baseline import Baseline
from tqa.checks.base import Context, Rule, select_rules
from tqa.config import Config
from tqa.model import AlignedPair, AlignedStory, DocumentResult, Finding, Report, Severity, Story
from tqa.patterns import compile as re_compile

__all__ = ["analyse", "check_story", "check_texts", "fingerprint", "make_signature", "run"]

_WS = re_compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip().lower()


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    """A content hash of the finding: rule code, its context text and the span texts — never a line number."""
    parts = [
        finding.code,
        _norm(finding.context),
        _norm(finding.target.text) if finding.target else "",
        _norm(finding.source.text) if finding.source else "",
        str(occurrence),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _rules_for(config: Config) -> list[Rule]:
    return [cls() for cls in select_rules(config.select, config.ignore)]


def make_signature(config: Config, rules: Sequence[Rule] | None = None) -> str:
    """A sacrebleu-style signature: version, selected rules (count and hash) and configuration."""
    rules = list(rules) if rules is not None else _rules_for(config)
    codes = ",".join(r.code for r in rules)
    digest = hashlib.sha256(codes.encode()).hexdigest()[:8]
    items = [("tqa", __version__), ("rules", f"{len(rules)}:{digest}")]
    items += config.signature_items()
    items.append(("config", config.source_path or "default"))
    return "|".join(f"{k}:{v}" for k, v in items)


def _internal_error(rule: Rule, story: Story, exc: BaseException) -> Finding:
    import traceback  # (only when a rule fails: ≈ 2 ms of start-up otherwise)

    from tqa.checks.internal import InternalError

    tb = traceback.extract_tb(exc.__traceback__)
    where = f" at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else ""
    msg = f"check {rule.code} ({rule.name}) failed on this story: {type(exc).__name__}: {exc}{where}"
    return InternalError().finding(msg, context=f"{rule.code}|{type(exc).__name__}")


chain_from_iterable = chain.from_iterable

# Rule gates (`Rule.gate`) skip pairs a rule cannot flag; the tests turn them off to show the findings are the same.
USE_GATES = True


def analyse(aligned: AlignedStory, config: Config, rules: Sequence[Rule]) -> list[Finding]:
    """Run `rules` over an aligned story; returns sorted, fingerprinted findings."""
    ctx = Context(config=config, story=aligned, facts=_facts(aligned, config))
    raw: list[Finding] = []
    extend = raw.extend
    content_pairs = [pair for pair in aligned.pairs if pair.residue is None]  # what most pair rules see
    gated: dict[tuple[object, bool], list[AlignedPair]] = {}  # (gate, on_residue) → the pairs it lets through
    for rule in rules:
        try:
            story_gate = rule.story_gate if USE_GATES else None
            if story_gate is not None and not story_gate(aligned):
                continue
            if rule.scope == "document":
                extend(rule.check_document(aligned, ctx))
            else:
                check = rule.check
                pairs = aligned.pairs if rule.on_residue else content_pairs
                gate = rule.gate if USE_GATES else None
                if gate is not None:
                    key = (gate, rule.on_residue)
                    if key not in gated:
                        gated[key] = list(filter(gate, pairs))  # (the pairs the gate lets through, in order)
                    pairs = gated[key]
                # (the same calls in the same order, without a Python-level loop: check(pair, ctx) for each pair, and
                # the findings of each appended as they come — on an exception those before it are kept, as before)
                extend(chain_from_iterable(map(check, pairs, repeat(ctx))))
        except Exception as exc:  # crash isolation: one failing check never loses the run
            raw.append(_internal_error(rule, aligned.story, exc))
    out: list[Finding] = []
    for f in raw:
        sev = config.severity_for(f.code, f.severity)
        if sev is not f.severity:
            f = _replace(f, severity=sev)
        out.append(f)
    out.sort(key=lambda f: f.sort_key)
    return _fingerprinted(out)


def _replace(f: Finding, **changes: object) -> Finding:
    import dataclasses

    return dataclasses.replace(f, **changes)


def _fingerprinted(findings: list[Finding]) -> list[Finding]:
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        base = fingerprint(f)
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(_replace(f, fingerprint=base if n == 0 else fingerprint(f, n)))
    return out


def _facts(aligned: AlignedStory, config: Config) -> dict[str, object]:
    facts: dict[str, object] = {}
    date = config.date or aligned.story.date
    if date:
        facts["date"] = date
    return facts


def check_story(story: Story, config: Config | None = None, rules: Sequence[Rule] | None = None) -> DocumentResult:
    """Align and check one story."""
    config = config or Config()
    rules = list(rules) if rules is not None else _rules_for(config)
    aligned = align_story(story)
    findings = analyse(aligned, config, rules)
    return DocumentResult(
        source=story.source.path,
        target=story.target.path,
        findings=tuple(findings),
        source_encoding=story.source.encoding,
        target_encoding=story.target.encoding,
        pairs=len(aligned.pairs),
        aligned=aligned,
    )


def check_texts(
    source: str,
    target: str,
    config: Config | None = None,
    *,
    aligned: bool = False,
    source_path: str = "<source>",
    target_path: str = "<target>",
) -> DocumentResult:
    """Check two strings (the library's simplest entry point; also used by the rule-docs tests)."""
    from tqa.text.segment import build_document

    mode = "aligned" if aligned else "document"
    story = Story(
        build_document(source_path, source, "uk", "source"),
        build_document(target_path, target, "en", "target"),
        mode=mode,
    )
    return check_story(story, config)


def _merge(results: list[DocumentResult]) -> DocumentResult:
    if len(results) == 1:
        return results[0]
    findings = sorted((f for r in results for f in r.findings), key=lambda f: f.sort_key)
    first = results[0]
    return DocumentResult(
        first.source,
        first.target,
        tuple(_fingerprinted([_replace(f, fingerprint="") for f in findings])),
        first.source_encoding,
        first.target_encoding,
        sum(r.pairs for r in results),
        sum(r.suppressed for r in results),
    )


def _lean(result: DocumentResult) -> DocumentResult:
    """The result without its aligned story (kept only on request: it holds the whole input)."""
    if result.aligned is None:
        return result
    return DocumentResult(
        result.source, result.target, result.findings, result.source_encoding, result.target_encoding,
        result.pairs, result.suppressed,
    )


# -- worker processes (`jobs > 1`) ------------------------------------------------------------------------------------

_WORKER: dict[str, object] = {}


def _worker_init(config: Config, classes: tuple[type[Rule], ...]) -> None:
    _WORKER["config"] = config
    _WORKER["rules"] = [cls() for cls in classes]


def _worker_check(story: Story) -> DocumentResult:
    return _lean(check_story(story, _WORKER["config"], _WORKER["rules"]))  # type: ignore[arg-type]


def _check_parallel(
    stories: Iterable[Story], config: Config, rules: Sequence[Rule], jobs: int
) -> Iterator[tuple[Story, DocumentResult]]:
    """Check stories in `jobs` processes, yielding results in input order; at most ``2 * jobs`` stories are in
    flight, so a streamed input is never read far ahead (memory stays flat)."""
    import collections
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    window: collections.deque = collections.deque()
    classes = tuple(type(r) for r in rules)  # rules are stateless: each worker makes its own instances
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init,
                             initargs=(config, classes)) as pool:
        try:
            for story in stories:
                window.append((_story_head(story), pool.submit(_worker_check, story)))
                if len(window) >= 2 * jobs:
                    head, fut = window.popleft()
                    yield head, fut.result()
            while window:
                head, fut = window.popleft()
                yield head, fut.result()
        finally:
            for _head, fut in window:
                fut.cancel()


def _story_head(story: Story) -> Story:
    """What the merger needs of a story after it was sent to a worker: key and part (not the texts)."""
    from tqa.model import Document

    def empty(doc: Document) -> Document:
        return Document(doc.path, doc.language, "", (), doc.encoding, doc.first_line)

    return Story(empty(story.source), empty(story.target), story.mode, story.part, story.date)


def iter_results(
    stories: Iterable[Story],
    config: Config,
    rules: Sequence[Rule] | None = None,
    *,
    jobs: int = 1,
    keep_aligned: bool = True,
    on_chunk: Callable[[DocumentResult], None] | None = None,
) -> Iterator[DocumentResult]:
    """Check stories one by one (or in `jobs` processes, same output in the same order), merging the consecutive
    chunks of one record file (`Story.part` 1, 2, … follow part 0 of the same source/target).

    `keep_aligned=False` drops each result's `aligned` story (always dropped with ``jobs > 1`` and for merged
    chunks), so that memory stays flat on large inputs. `on_chunk` is called after each story or chunk (progress).
    """
    rules = list(rules) if rules is not None else _rules_for(config)
    if jobs > 1:
        checked: Iterable[tuple[Story, DocumentResult]] = _check_parallel(stories, config, rules, jobs)
    else:
        checked = ((s, check_story(s, config, rules)) for s in stories)
    pending: list[DocumentResult] = []
    key: tuple[str, str] | None = None
    for story, result in checked:
        if on_chunk is not None:
            on_chunk(result)
        if pending and (story.key != key or story.part == 0):
            yield _merge(pending)
            pending = []
        key = story.key
        if story.part or not keep_aligned:
            result = _lean(result)
        pending.append(result)
        if len(pending) == 2 and pending[0].aligned is not None:
            pending[0] = _lean(pending[0])
    if pending:
        yield _merge(pending)


def apply_baseline(
    results: Iterable[DocumentResult], baseline: Baseline | None
) -> tuple[list[DocumentResult], list[str]]:
    """Suppress the findings recorded in `baseline` (entries apply to their own target file; see `tqa.baseline`)
    and list the fingerprints of the entries that matched nothing in the files checked (stale)."""
    results = list(results)
    if baseline is None or not len(baseline):
        return results, []
    index = baseline.index()
    out = [_suppress(r, index) for r in results]
    stale = sorted({e.fingerprint for e in index.stale()})
    return out, stale


def _suppress(r: DocumentResult, index) -> DocumentResult:
    applicable = index.for_target(r.target)
    if not applicable:
        return r
    kept = []
    for f in r.findings:
        entries = applicable.get(f.fingerprint)
        if entries:
            index.mark_used(entries)
        else:
            kept.append(f)
    if len(kept) == len(r.findings):
        return r
    return DocumentResult(
        r.source, r.target, tuple(kept), r.source_encoding, r.target_encoding, r.pairs,
        r.suppressed + len(r.findings) - len(kept), r.aligned,
    )


def run(
    stories: Iterable[Story],
    config: Config | None = None,
    *,
    baseline: Baseline | None = None,
    jobs: int = 1,
    keep_aligned: bool = True,
    on_chunk: Callable[[DocumentResult], None] | None = None,
) -> Report:
    """Check every story and build the report (`jobs` processes give the same report as one; see `iter_results`)."""
    config = config or Config()
    rules = _rules_for(config)
    results = iter_results(stories, config, rules, jobs=jobs, keep_aligned=keep_aligned, on_chunk=on_chunk)
    if baseline is not None and len(baseline):
        index = baseline.index()
        docs = [_suppress(r, index) for r in results]
        stale = sorted({e.fingerprint for e in index.stale(r.code for r in rules)})
    else:
        docs, stale = list(results), []
    return Report(__version__, make_signature(config, rules), tuple(docs), tuple(stale))


def severity_fails(report: Report, fail_on: Severity) -> bool:
    return report.count_at_or_above(fail_on) > 0
