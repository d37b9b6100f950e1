"""`--format json`: the stable machine-readable report."""

from __future__ import annotations

import json

from tqa.model import Report


def to_dict(report: Report) -> dict[str, object]:
    return {
        "tool": "tqa",
        "version": report.version,
        "signature": report.signature,
        "documents": [
            {
                "source": d.source,
                "target": d.target,
                "source_encoding": d.source_encoding,
                "target_encoding": d.target_encoding,
                "pairs": d.pairs,
                "suppressed": d.suppressed,
                "findings": [f.to_dict() for f in d.findings],
            }
            for d in report.documents
        ],
        "stale_baseline": list(report.stale_baseline),
        "summary": report.summary(),
    }


def render(report: Report, **_: object) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
