"""Common fixtures. Tests need no third-party data: corpora/ and tests/ hold fixtures written for the project."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    # tqa keeps compiled patterns in the user's cache folder (tqa/patterns.py): the tests' runs — in process and in
    # the subprocesses they start — use a folder of their own instead, never the user's
    if "TQA_CACHE_DIR" not in os.environ:
        os.environ["TQA_CACHE_DIR"] = tempfile.mkdtemp(prefix="tqa-test-cache-")


@pytest.fixture
def corpora_dir() -> Path:
    return ROOT / "corpora"
