"""`tqa check`: the batch check. Inputs → engine → one formatter → exit code."""

from __future__ import annotations

import argparse
import sys

from tqa.model import Severity


def _csv(value: str) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in value.split(",") if v.strip())


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check translations and report findings")
    p.add_argument("paths", nargs="*", help="SOURCE TARGET, a directory of NAME.uk.txt/NAME.en.txt, a .tsv or .jsonl")
    p.add_argument("--aligned", action="store_true", help="line N of the source is line N of the target")
    p.add_argument("--format", default="text", choices=("text", "json", "junit", "sarif", "github"))
    p.add_argument("--output", "-o", help="write the report to this file")
    p.add_argument("--select", type=_csv, help="rule code prefixes to run (e.g. TQA1,TQA301)")
    p.add_argument("--ignore", type=_csv, help="rule code prefixes to skip")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails (default error)")
    p.add_argument("--date", help="the story's date, YYYY-MM-DD (weekday ↔ date checks)")
    p.add_argument("--baseline", help="suppress the findings recorded in this baseline file")
    p.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from tqa import engine
    from tqa.baseline import Baseline
    from tqa.config import Config
    from tqa.io import read_inputs
    from tqa.report import render

    config = Config()
    changes: dict[str, object] = {}
    if args.select:
        changes["select"] = args.select
    if args.ignore:
        changes["ignore"] = args.ignore
    if args.fail_on:
        changes["fail_on"] = Severity.parse(args.fail_on)
    if args.date:
        changes["date"] = args.date
    config = config.replace(**changes)
    baseline = Baseline.load(args.baseline) if args.baseline else None
    stories = read_inputs(list(args.paths), aligned=args.aligned, date=config.date)
    report = engine.run(stories, config, baseline=baseline)
    if args.write_baseline:
        b = Baseline()
        for doc in report.documents:
            for f in doc.findings:
                b.add(f, target_path=doc.target)
        b.save(args.write_baseline)
        return 0
    text = render(report, args.format)
    if args.output:
        from tqa.baseline import atomic_write_text

        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return 1 if engine.severity_fails(report, config.fail_on) else 0
