"""`--format text`: ruff-like lines, `TARGET:LINE:COL: CODE [severity] message`, the source segment beneath."""

from __future__ import annotations

from tqa.model import Finding, Report


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _finding(f: Finding, target_path: str, source_path: str) -> list[str]:
    if f.target:
        where = f"{target_path}:{f.target.line}:{f.target.column}"
    elif f.source:
        where = f"{source_path}:{f.source.line}:{f.source.column}"
    else:
        where = target_path
    lines = [f"{where}: {f.code} [{f.severity.value}] {_one_line(f.message, 1000)}"]
    if f.source and f.target:
        lines.append(f"    source {f.source.line}:{f.source.column}: {_one_line(f.source.text)}")
    if f.fix:
        lines.append(f"    fix: {f.fix.message}")
    return lines


def render(report: Report, *, show_source: bool = True, **_: object) -> str:
    out: list[str] = []
    for doc in report.documents:
        if doc.source_encoding != "utf-8" or doc.target_encoding != "utf-8":
            out.append(f"{doc.source}: encoding {doc.source_encoding}; {doc.target}: encoding {doc.target_encoding}")
        for f in doc.findings:
            lines = _finding(f, doc.target, doc.source)
            out.extend(lines if show_source else lines[:1])
    s = report.summary()
    n = s["findings"]
    by = s["by_severity"]
    detail = ", ".join(f"{by[k]} {k}" for k in ("error", "warning", "info") if k in by)
    out.append(f"Found {n} finding{'s' if n != 1 else ''} in {s['documents']} "
               f"document{'s' if s['documents'] != 1 else ''}" + (f" ({detail})." if detail else "."))
    if report.stale_baseline:
        stale = report.stale_baseline
        shown = ", ".join(stale[:10]) + (f", … ({len(stale) - 10} more)" if len(stale) > 10 else "")
        out.append(f"{len(stale)} baseline entr{'ies' if len(stale) != 1 else 'y'} matched nothing (stale): {shown}. "
                   "Rewrite the baseline with --write-baseline to drop them.")
    suppressed = sum(d.suppressed for d in report.documents)
    if suppressed:
        out.append(f"{suppressed} finding{'s' if suppressed != 1 else ''} suppressed by the baseline.")
    return "\n".join(out) + "\n"
