"""Common fixtures. Tests need no third-party data: corpora/ and tests/ hold fixtures written for the project."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpora_dir() -> Path:
    return ROOT / "corpora"
