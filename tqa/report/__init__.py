"""Report formatters: one module per output format, each a function `render(report, **options) -> str`."""

from __future__ import annotations

import importlib

from tqa.model import Report

__all__ = ["FORMATS", "render"]

FORMATS = ("text", "json", "junit", "sarif", "github")


def render(report: Report, fmt: str, **options: object) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module = importlib.import_module(f"tqa.report.{fmt}_format")
    return module.render(report, **options)
