"""The engine: crash isolation, determinism, content fingerprints, severity overrides, chunk merging."""

from __future__ import annotations

import dataclasses

from tqa.checks.base import Rule
from tqa.config import Config
from tqa.engine import analyse, check_texts, iter_results
from tqa.align import align_story
from tqa.model import Severity, Story
from tqa.text.segment import build_document

SRC = ("Україна отримала 2,3 млрд євро від ЄС.\n\n"
       "«Ця підтримка дозволяє фінансувати видатки», – заявив міністр.\n\n"
       "У Києві без світла залишаються 5 350 абонентів.")
TGT = ("Ukraine received EUR 2.3 million from the EU.\n\n"
       '"This support allows us to finance expenditures."\n\n- the minister stated.\n\n'
       "In Kyіv, 5,350 customers remain without power.")


class _Boom(Rule):
    code = "TQA999"
    name = "boom"
    category = "typography"

    def check(self, pair, ctx):
        if pair.index == 1:
            raise ZeroDivisionError("planted")
        return ()


def _story(src: str, tgt: str) -> Story:
    return Story(build_document("s.uk.txt", src, "uk", "source"), build_document("t.en.txt", tgt, "en", "target"))


def test_a_failing_check_becomes_an_internal_error_finding():
    from tqa.checks.base import select_rules

    story = _story(SRC, TGT)
    rules = [cls() for cls in select_rules(["TQA1"])] + [_Boom()]
    findings = analyse(align_story(story), Config(), rules)
    internal = [f for f in findings if f.code == "TQA901"]
    assert len(internal) == 1 and "TQA999" in internal[0].message and "ZeroDivisionError" in internal[0].message
    assert any(f.code == "TQA102" for f in findings)  # the other checks still ran


class _Tally(Rule):
    """Reports every pair it sees, in the order it sees them, then fails on the third pair (after one finding)."""

    code = "TQA998"
    name = "tally"
    category = "typography"

    def check(self, pair, ctx):
        yield self.finding(f"pair {pair.index}", target=pair.target[0] if pair.target else None,
                           context=f"pair {pair.index}")
        if pair.index == 2:
            raise ZeroDivisionError("planted")


def test_checks_run_pair_by_pair_and_keep_findings_before_a_failure():
    story = align_story(_story(SRC, TGT))
    seen = []

    class _Order(Rule):
        code = "TQA997"
        name = "order"
        category = "typography"

        def check(self, pair, ctx):
            seen.append(("call", pair.index))
            yield from ()
            seen.append(("done", pair.index))

    findings = analyse(story, Config(), [_Tally(), _Order()])
    n = len([p for p in story.pairs if p.residue is None])
    assert n >= 3
    # each check's generator is used up before the next pair's check is called
    assert seen == [(step, i) for i in range(n) for step in ("call", "done")]
    tally = sorted(f.message for f in findings if f.code == "TQA998")
    assert tally == ["pair 0", "pair 1", "pair 2"]  # pair 2's finding came before its failure: kept
    assert [f.code for f in findings].count("TQA901") == 1


def test_same_input_same_findings_in_same_order():
    a = check_texts(SRC, TGT).findings
    b = check_texts(SRC, TGT).findings
    assert a == b and [f.fingerprint for f in a] == [f.fingerprint for f in b]
    assert len({f.fingerprint for f in a}) == len(a)


def test_fingerprints_survive_unrelated_lines_above():
    before = {f.code: f.fingerprint for f in check_texts(SRC, TGT).findings}
    src2 = "Новий вступний абзац про погоду.\n\n" + SRC
    tgt2 = "A new introductory paragraph about the weather.\n\n" + TGT
    after_findings = check_texts(src2, tgt2).findings
    after = {f.code: f.fingerprint for f in after_findings}
    assert before and before == after
    # ... while the lines moved
    line_before = {f.code: f.target.line for f in check_texts(SRC, TGT).findings if f.target}
    line_after = {f.code: f.target.line for f in after_findings if f.target}
    assert all(line_after[c] == line_before[c] + 2 for c in line_before)


def test_severity_override_by_prefix():
    cfg = Config(severity=(("TQA1", Severity.INFO), ("TQA102", Severity.WARNING)))
    sev = {f.code: f.severity for f in check_texts(SRC, TGT, cfg).findings}
    assert sev["TQA102"] is Severity.WARNING


def test_chunks_of_one_record_file_merge_into_one_result():
    src_lines = ["Перший рядок.", "Другий рядок із Kyіv."]
    tgt_lines = ["First line.", "Second line with Kyіv."]

    def part(i: int) -> Story:
        s = build_document("s.uk", src_lines[i], "uk", "source", first_line=i + 1)
        t = build_document("t.en", tgt_lines[i], "en", "target", first_line=i + 1)
        return dataclasses.replace(Story(s, t, mode="aligned"), part=i)

    from tqa.checks.base import select_rules

    results = list(iter_results([part(0), part(1)], Config(), [cls() for cls in select_rules(["TQA102"])]))
    assert len(results) == 1 and results[0].pairs == 2
    assert [f.target.line for f in results[0].findings] == [2]

