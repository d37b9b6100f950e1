"""`--format github`: GitHub Actions workflow commands, which the runner turns into annotations on the diff::

    ::error file=news/a.en.txt,line=3,col=14,endLine=3,endColumn=19,title=TQA101 cyrillic-in-english::message

error → ``::error``, warning → ``::warning``, info → ``::notice``. Property values escape ``%``, CR, LF, ``:`` and
``,``; the message escapes ``%``, CR and LF (the runner's own rules). A finding located only in the source is
annotated on the source file. Stale baseline entries become one ``::warning`` without a file.
"""

from __future__ import annotations

from tqa.model import DocumentResult, Finding, Report, Severity

__all__ = ["escape_data", "escape_property", "render"]

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _line(f: Finding, doc: DocumentResult) -> str:
    props: list[tuple[str, str]] = []
    span, path = (f.target, doc.target) if f.target is not None or f.source is None else (f.source, doc.source)
    props.append(("file", path))
    if span is not None:
        props += [("line", str(span.line)), ("col", str(span.column)),
                  ("endLine", str(span.end_line)), ("endColumn", str(span.end_column))]
    props.append(("title", f"{f.code} {f.name}"))
    message = f.message
    if f.source is not None and f.target is not None:
        message += f"\nsource {doc.source}:{f.source.line}:{f.source.column}: {' '.join(f.source.text.split())}"
    if f.fix is not None:
        message += f"\nfix: {f.fix.message}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{_COMMAND[f.severity]} {head}::{escape_data(message)}"


def render(report: Report, **_: object) -> str:
    out = [_line(f, doc) for doc in report.documents for f in doc.findings]
    if report.stale_baseline:
        n = len(report.stale_baseline)
        listing = ", ".join(report.stale_baseline)
        out.append(f"::warning title={escape_property('tqa stale baseline')}::"
                   + escape_data(f"{n} baseline entr{'ies' if n != 1 else 'y'} matched no finding: {listing}"))
    s = report.summary()
    n = s["findings"]
    out.append(f"tqa: {n} finding{'s' if n != 1 else ''} in {s['documents']} "
               f"document{'s' if s['documents'] != 1 else ''}")
    return "\n".join(out) + "\n"
