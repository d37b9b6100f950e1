"""`tqa rules [CODE]`: list the rules, or explain one."""

from __future__ import annotations

import argparse
import json
import sys

from tqa.errors import UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="list the rules, or explain one (tqa rules TQA101)")
    p.add_argument("rule", nargs="?", help="a rule code or name")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=run)


def explain(cls) -> str:
    docs = cls.docs()
    lines = [f"# {cls.code} {cls.name}", "", f"Category: {cls.category}. Default severity: {cls.severity.value}.", ""]
    lines += ["## What it does", docs.what, "", "## Why is this bad?", docs.why, "", "## Example", docs.example, ""]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from tqa.checks.base import all_rules, get_rule

    if args.rule:
        cls = get_rule(args.rule)
        if cls is None:
            raise UsageError(f"unknown rule {args.rule!r} (see 'tqa rules')")
        if args.format == "json":
            d = cls.docs()
            sys.stdout.write(json.dumps({"code": cls.code, "name": cls.name, "category": cls.category,
                                         "severity": cls.severity.value, "what": d.what, "why": d.why,
                                         "example": d.example}, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(explain(cls))
        return 0
    rules = all_rules()
    if args.format == "json":
        sys.stdout.write(json.dumps([{"code": r.code, "name": r.name, "category": r.category,
                                      "severity": r.severity.value, "summary": r.docs().what.split("\n")[0]}
                                     for r in rules], ensure_ascii=False, indent=2) + "\n")
        return 0
    for r in rules:
        summary = " ".join(r.docs().what.split())
        sys.stdout.write(f"{r.code}  {r.name:<28} {r.category:<14} {r.severity.value:<8} {summary}\n")
    return 0
