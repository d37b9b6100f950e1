"""`--format junit`: JUnit XML, one ``<testcase>`` per story (source → target), one ``<failure>`` per finding.

The layout is the one most consumers read (Jenkins, GitLab, Azure Pipelines, the common GitHub Actions reporters,
pytest's own ``junit_family=xunit2``)::

    <testsuites name="tqa" tests="2" failures="1" errors="0" skipped="0" time="0">
      <testsuite name="tqa" tests="2" failures="1" errors="0" skipped="0" time="0">
        <properties><property name="signature" value="tqa:0.1.0|…"/></properties>
        <testcase classname="tqa.story" name="a.uk.txt → a.en.txt" file="a.en.txt" time="0">
          <failure type="TQA101" message="TQA101 [error] …">a.en.txt:3:14: …</failure>
        </testcase>
      </testsuite>
    </testsuites>

``failures`` counts the failed test cases (stories with findings), so it never exceeds ``tests``. A finding whose
severity is below the run's fail-on level is still a failure element (its severity is in ``message``). Times are
0: the report must be reproducible. Stale baseline entries are listed in the suite's ``<system-out>``.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from tqa.model import DocumentResult, Finding, Report
from tqa.patterns import compile as re_compile

__all__ = ["render"]

# XML 1.0 forbids most C0 controls even as character references; input text may hold them.
_INVALID_XML = re_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _attr(text: str) -> str:
    return quoteattr(_clean(text), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _text(text: str) -> str:
    return escape(_clean(text))


def _case_name(doc: DocumentResult) -> str:
    return f"{doc.source} → {doc.target}"


def _location(f: Finding, doc: DocumentResult) -> str:
    if f.target:
        return f"{doc.target}:{f.target.line}:{f.target.column}"
    if f.source:
        return f"{doc.source}:{f.source.line}:{f.source.column}"
    return doc.target


def _failure_body(f: Finding, doc: DocumentResult) -> str:
    lines = [f"{_location(f, doc)}: {f.code} {f.name} [{f.severity.value}] {f.message}"]
    if f.target:
        lines.append(f"target: {' '.join(f.target.text.split())}")
    if f.source:
        lines.append(f"source {doc.source}:{f.source.line}:{f.source.column}: {' '.join(f.source.text.split())}")
    if f.fix:
        lines.append(f"fix: {f.fix.message}")
    lines.append(f"fingerprint: {f.fingerprint}")
    return "\n".join(lines)


def render(report: Report, **_: object) -> str:
    docs = report.documents
    tests = len(docs)
    failed = sum(1 for d in docs if d.findings)
    counts = f'tests="{tests}" failures="{failed}" errors="0" skipped="0" time="0"'
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<testsuites name="tqa" {counts}>']
    out.append(f'  <testsuite name="tqa" {counts}>')
    out.append("    <properties>")
    out.append(f'      <property name="version" value={_attr(report.version)}/>')
    out.append(f'      <property name="signature" value={_attr(report.signature)}/>')
    out.append("    </properties>")
    for doc in docs:
        head = (f'    <testcase classname="tqa.story" name={_attr(_case_name(doc))} file={_attr(doc.target)}'
                f' time="0"')
        if not doc.findings:
            out.append(head + "/>")
            continue
        out.append(head + ">")
        for f in doc.findings:
            message = f"{f.code} [{f.severity.value}] {f.message}"
            out.append(f"      <failure type={_attr(f.code)} message={_attr(message)}>"
                       f"{_text(_failure_body(f, doc))}</failure>")
        out.append("    </testcase>")
    if report.stale_baseline:
        stale = "\n".join(f"stale baseline entry: {fp}" for fp in report.stale_baseline)
        out.append(f"    <system-out>{_text(stale)}</system-out>")
    out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"
