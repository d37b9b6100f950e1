"""`--format sarif`: SARIF 2.1.0 (valid against the OASIS schema), for GitHub code scanning and SARIF viewers.

* ``tool.driver.rules``: the rules of the registry (or those given), each with its docs as help text and markdown,
  its category as a tag and its default severity as ``defaultConfiguration.level``;
* one result per finding, located in the target file (``region`` in code points: ``columnKind`` is
  ``unicodeCodePoints``; end columns are exclusive, as in tqa), the Ukrainian source span as a ``relatedLocation``,
  the fix as a SARIF ``fix`` replacing the target region, the content fingerprint in ``partialFingerprints``;
* stale baseline entries as warnings in ``invocations[0].toolExecutionNotifications``.

Severities map to levels: error → ``error``, warning → ``warning``, info → ``note``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from tqa.model import DocumentResult, Finding, Report, Severity, Span

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "render", "to_dict"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "tqaFingerprint/v1"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a path as the user gave it: relative stays relative (forward slashes,
    percent-encoded), absolute becomes a ``file://`` URI."""
    p = path.replace(os.sep, "/") if os.sep != "/" else path
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(p, safe="/-._~!$&'()*+,;=:@")


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " "):
            return text[: i + 1]
    return text


def _rule_descriptor(cls) -> dict[str, object]:
    docs = cls.docs()
    what = " ".join(docs.what.split()) or cls.name
    why = " ".join(docs.why.split())
    text_parts = [what]
    if why:
        text_parts.append(why)
    if docs.example:
        text_parts.append("Example:\n" + docs.example)
    md = [f"## What it does\n{docs.what}" if docs.what else "", f"## Why is this bad?\n{docs.why}" if docs.why else ""]
    if docs.example:
        example = "\n".join(f"    {line}" for line in docs.example.splitlines())
        md.append(f"## Example\n{example}")
    severity = Severity.parse(cls.severity)
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": _first_sentence(what)},
        "fullDescription": {"text": what},
        "help": {"text": "\n\n".join(text_parts), "markdown": "\n\n".join(m for m in md if m) or what},
        "defaultConfiguration": {"level": _LEVEL[severity]},
        "properties": {"category": cls.category, "tags": ["translation", cls.category]},
    }


def _region(span: Span) -> dict[str, object]:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "snippet": {"text": span.text},
    }


def _physical(path: str, span: Span | None) -> dict[str, object]:
    loc: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(path)}}
    if span is not None:
        loc["region"] = _region(span)
    return loc


def _result(f: Finding, doc: DocumentResult, rule_index: dict[str, int]) -> dict[str, object]:
    if f.target is not None or f.source is None:
        primary = _physical(doc.target, f.target)
    else:
        primary = _physical(doc.source, f.source)
    result: dict[str, object] = {
        "ruleId": f.code,
        "ruleIndex": rule_index[f.code],
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": primary}],
    }
    if f.source is not None and f.target is not None:
        result["relatedLocations"] = [
            {"id": 1, "physicalLocation": _physical(doc.source, f.source), "message": {"text": "Ukrainian source"}}
        ]
    if f.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    if f.fix is not None and f.target is not None:
        result["fixes"] = [
            {
                "description": {"text": f.fix.message},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(doc.target)},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": f.target.line,
                                    "startColumn": f.target.column,
                                    "endLine": f.target.end_line,
                                    "endColumn": f.target.end_column,
                                },
                                "insertedContent": {"text": f.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    result["properties"] = {"name": f.name, "category": f.category, "severity": f.severity.value}
    return result


def to_dict(report: Report, *, rules: Sequence[type] | None = None) -> dict[str, object]:
    """The SARIF log as a dict. `rules` are the rule classes to describe (default: every registered rule)."""
    if rules is None:
        from tqa.checks.base import all_rules

        rules = all_rules()
    descriptors = [_rule_descriptor(cls) for cls in sorted(rules, key=lambda c: c.code)]
    known = {d["id"] for d in descriptors}
    extra: dict[str, dict[str, object]] = {}
    for f in report.findings:  # a finding of a rule not described (e.g. an unregistered rule): a minimal entry
        if f.code not in known and f.code not in extra:
            extra[f.code] = {"id": f.code, "name": f.name, "shortDescription": {"text": f.name},
                             "properties": {"category": f.category, "tags": ["translation", f.category]}}
    descriptors += [extra[c] for c in sorted(extra)]
    rule_index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = [_result(f, doc, rule_index) for doc in report.documents for f in doc.findings]
    notifications = [
        {
            "level": "warning",
            "message": {"text": f"baseline entry {fp} matched no finding (stale): remove it or rewrite the baseline"},
            "descriptor": {"id": "stale-baseline"},
        }
        for fp in report.stale_baseline
    ]
    invocation: dict[str, object] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    suppressed = sum(d.suppressed for d in report.documents)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tqa",
                        "version": report.version,
                        "semanticVersion": report.version,
                        "rules": descriptors,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"signature": report.signature, "documents": len(report.documents),
                               "suppressed": suppressed},
            }
        ],
    }


def render(report: Report, *, rules: Sequence[type] | None = None, **_: object) -> str:
    return json.dumps(to_dict(report, rules=rules), ensure_ascii=False, indent=2) + "\n"
