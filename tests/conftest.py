"""Common fixtures. Tests need no third-party data: corpora/ and tests/ hold fixtures written for the project."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


_made_cache_dir: str | None = None


def pytest_configure(config):
    # tqa keeps compiled patterns in the user's cache folder (tqa/patterns.py): the tests' runs — in process and in
    # the subprocesses they start, xdist workers included — use a folder of their own instead, never the user's
    global _made_cache_dir
    if "TQA_CACHE_DIR" not in os.environ:
        _made_cache_dir = os.environ["TQA_CACHE_DIR"] = tempfile.mkdtemp(prefix="tqa-test-cache-")


def pytest_unconfigure(config):
    if _made_cache_dir:  # (only the process that made it removes it)
        shutil.rmtree(_made_cache_dir, ignore_errors=True)


@pytest.fixture
def corpora_dir() -> Path:
    return ROOT / "corpora"
