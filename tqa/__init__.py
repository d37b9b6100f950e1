"""tqa — Ukrainian→English translation QA for news-agency copy.

Library use::

    import tqa
    result = tqa.check_texts(ukrainian_text, english_text)
    for finding in result.findings:
        print(finding.code, finding.message)

Public names are loaded lazily so that ``tqa --version`` stays fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "AlignedPair",
    "Config",
    "Document",
    "DocumentResult",
    "Finding",
    "Report",
    "Severity",
    "Story",
    "TqaError",
    "__version__",
    "check_story",
    "check_texts",
    "run",
]

_LAZY = {
    "AlignedPair": "tqa.model",
    "Document": "tqa.model",
    "DocumentResult": "tqa.model",
    "Finding": "tqa.model",
    "Report": "tqa.model",
    "Severity": "tqa.model",
    "Story": "tqa.model",
    "Config": "tqa.config",
    "TqaError": "tqa.errors",
    "check_story": "tqa.engine",
    "check_texts": "tqa.engine",
    "run": "tqa.engine",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tqa' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
