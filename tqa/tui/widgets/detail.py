"""The finding detail: the rule's docs (what, why, example), where it is, the decision taken, and the suggested fix
as a before/after of the sentence it touches. Built as `rich.text.Text` (never markup)."""

from __future__ import annotations

import re

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from tqa.baseline import BaselineEntry
from tqa.decisions import PendingFix
from tqa.model import Document, Finding, Span
from tqa.tui.rows import display_text, span_offsets
from tqa.tui.widgets.side_by_side import SEVERITY_COLOURS

__all__ = ["FindingDetail", "detail_text", "fix_before_after"]

_HEAD = "bold #d0d0d0"
_MUTED = "#8a8a8a"


def _context(doc: Document | None, start: int, end: int, limit: int = 220) -> tuple[int, int]:
    """The sentence (or paragraph, or a window) of `doc` around [start, end)."""
    if doc is None:
        return start, end
    for para in doc.paragraphs:
        if para.start <= start and end <= para.end:
            for sent in para.sentences:
                if sent.start <= start and end <= sent.end:
                    a, b = sent.start, sent.end
                    break
            else:
                a, b = para.start, para.end
            break
    else:
        a, b = max(0, start - 60), min(len(doc.text), end + 60)
    if b - a > limit:  # a long sentence: a window around the span
        a = max(a, start - limit // 2)
        b = min(b, max(end, start) + limit // 2)
    return a, b


def fix_before_after(finding: Finding, doc: Document | None) -> tuple[Text, Text] | None:
    """(before, after) lines for the finding's fix: its sentence with the span struck out / replaced."""
    if finding.fix is None or finding.target is None:
        return None
    text = doc.text if doc is not None else finding.target.text
    first = doc.first_line if doc is not None else 1
    offs = span_offsets(finding.target, text, first) if doc is not None else (0, len(text))
    if offs is None:
        return None
    s, e = offs
    a, b = _context(doc, s, e)
    pre = display_text(text[a:s])
    old = display_text(text[s:e])
    post = display_text(text[e:b])
    new = display_text(finding.fix.replacement)
    lead = "…" if a > 0 and doc is not None and not _starts_para(doc, a) else ""
    tail = "…" if doc is not None and b < len(text) and not _ends_para(doc, b) else ""
    before = Text.assemble(lead, pre, (old or "‸", "bold #ffffff on #870000"), post, tail)
    after = Text.assemble(lead, pre, (new or "‸", "bold #000000 on #87d787"), post, tail)
    return before, after


def _starts_para(doc: Document, offset: int) -> bool:
    return any(p.start == offset for p in doc.paragraphs) or any(s.start == offset for s in doc.sentences)


def _ends_para(doc: Document, offset: int) -> bool:
    return any(p.end == offset for p in doc.paragraphs) or any(s.end == offset for s in doc.sentences)


def _where(label: str, span: Span | None) -> Text:
    if span is None:
        return Text()
    t = Text(f"{label:<7}", style=_MUTED)
    t.append(f"line {span.line}, col {span.column}  ", style=_MUTED)
    shown = display_text(span.text)
    if len(shown) > 120:
        shown = shown[:119] + "…"
    t.append("«", style=_MUTED)
    t.append(shown)
    t.append("»\n", style=_MUTED)
    return t


def detail_text(
    finding: Finding | None,
    *,
    status: str = "open",
    entry: BaselineEntry | None = None,
    pending: PendingFix | None = None,
    target: Document | None = None,
    writable: bool = True,
) -> Text:
    """Everything about one finding, as one `Text`."""
    if finding is None:
        return Text("No finding selected.", style=_MUTED)
    from tqa.checks.base import get_rule

    sev = finding.severity.value
    out = Text()
    out.append(f"{finding.code} ", style=f"bold {SEVERITY_COLOURS.get(sev, '')}")
    out.append(display_text(finding.name), style="bold")
    out.append(f"  {display_text(finding.category)} · ", style=_MUTED)
    out.append(sev, style=SEVERITY_COLOURS.get(sev, ""))
    out.append("\n")
    if status == "accepted":
        out.append("✓ accepted", style="bold #87af87")
        if entry is not None and entry.reason:
            out.append(" — ")
            out.append(display_text(entry.reason), style="italic")
        out.append("  (in the baseline; u to undo)\n", style=_MUTED)
    elif status == "fixed":
        out.append("✎ fix applied, not saved yet", style="bold #87d787")
        if pending is not None:
            out.append(": «")
            out.append(display_text(pending.before)[:80])
            out.append("» → «")
            out.append(display_text(pending.after)[:80])
            out.append("»")
        out.append("  (ctrl+s writes the target; u to undo)\n", style=_MUTED)
    out.append(display_text(finding.message))
    out.append("\n\n")
    out.append_text(_where("Target", finding.target))
    out.append_text(_where("Source", finding.source))
    if finding.fix is not None:
        out.append("\nSuggested fix", style=_HEAD)
        if finding.fix.message:
            out.append(": ")
            out.append(display_text(finding.fix.message))
        out.append("\n")
        pair = fix_before_after(finding, target)
        if pair is not None:
            out.append("  Before  ", style="#d75f5f")
            out.append_text(pair[0])
            out.append("\n  After   ", style="#87d787")
            out.append_text(pair[1])
            out.append("\n")
        if not writable:
            out.append("  (this input cannot be rewritten; accept the finding or fix the source file)\n", style=_MUTED)
    rule = get_rule(finding.code)
    if rule is not None:
        docs = rule.docs()
        for title, body in (("What it does", docs.what), ("Why is this bad?", docs.why), ("Example", docs.example)):
            if body:
                out.append(f"\n{title}\n", style=_HEAD)
                if title != "Example":  # reflow the docstring's hard-wrapped paragraphs
                    for para in re.split(r"\n\s*\n", body):
                        out.append("  " + display_text(" ".join(para.split())) + "\n")
                    continue
                for line in body.splitlines():
                    label, sep, rest = line.partition(":")
                    key = label.strip().lower()
                    if title == "Example" and sep and key in ("source", "bad", "good"):
                        colour = {"source": _MUTED, "bad": "#d75f5f", "good": "#87d787"}[key]
                        out.append(f"  {label.strip()}:", style=colour)
                        out.append(display_text(rest.replace("¶", " ¶ ")) + "\n")
                    else:
                        out.append("  " + display_text(line) + "\n")
    return out


class FindingDetail(VerticalScroll):
    """A scrollable pane holding `detail_text` for the selected finding."""

    DEFAULT_CSS = """
    FindingDetail { padding: 0 1; }
    FindingDetail > Static { width: 1fr; }
    """

    def compose(self):
        yield Static(Text("No finding selected.", style=_MUTED), id="detail-body")

    def show(self, text: Text) -> None:
        self.query_one("#detail-body", Static).update(text)
        self.scroll_home(animate=False)
