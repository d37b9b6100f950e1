"""`tqa score --ref REF HYP`: BLEU, chrF++ and TER at corpus and segment level, with sacrebleu's signatures.

The files are line-aligned (line N of the hypothesis translates the same source line as line N of the reference),
as for sacrebleu's command line; lines are read as sacrebleu reads them (trailing white space stripped), so the
figures equal ``sacrebleu REF -i HYP -m bleu chrf ter --chrf-word-order 2``.
"""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("score", help="BLEU, chrF++ and TER of a translation against a reference (sacrebleu)")
    p.add_argument("hypothesis", help="the translation to score (one segment per line)")
    p.add_argument("--ref", required=True, help="the reference translation (one segment per line)")
    p.add_argument("--aligned", action="store_true", help="accepted for symmetry with check: inputs are line-aligned")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--segments", action="store_true", help="also print segment-level scores (text format)")
    p.add_argument("--output", "-o", help="write the scores to this file")
    p.set_defaults(handler=run)


def read_lines(path: str) -> list[str]:
    from tqa.io.encoding import read_text

    text, _encoding = read_text(path)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip() for line in lines]


def render_text(results, *, segments: bool) -> str:
    out = []
    for r in results:
        out.append(f"{r.detail}")
        out.append(f"  signature: {r.signature}")
    if segments and results:
        out.append("")
        out.append("segment\t" + "\t".join(r.name for r in results))
        for i in range(len(results[0].segments)):
            out.append(f"{i + 1}\t" + "\t".join(f"{r.segments[i].score:.2f}" for r in results))
        out.append("segment signatures: " + "; ".join(f"{r.name} {r.segment_signature}" for r in results))
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace) -> int:
    from tqa.errors import InputError
    from tqa.metrics import score_corpus

    hyp = read_lines(args.hypothesis)
    ref = read_lines(args.ref)
    if len(hyp) != len(ref):
        raise InputError(args.hypothesis, f"has {len(hyp)} lines but the reference {args.ref} has {len(ref)}")
    results = score_corpus(hyp, ref, segments=args.segments or args.format == "json")
    if args.format == "json":
        text = json.dumps(
            {"tool": "tqa", "hypothesis": args.hypothesis, "reference": args.ref, "segments": len(hyp),
             "metrics": [r.to_dict() for r in results]},
            ensure_ascii=False, indent=2,
        ) + "\n"
    else:
        text = render_text(results, segments=args.segments)
    if args.output:
        from tqa.baseline import atomic_write_text

        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
