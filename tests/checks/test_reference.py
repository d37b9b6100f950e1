"""TQA591/TQA592: chrF against a reference translation or a machine draft."""

from __future__ import annotations

from tqa.checks.reference import chrf, reference_by_source_paragraph
from tqa.config import Config
from tqa.engine import check_story
from tqa.model import Story
from tqa.text.segment import build_document

SRC = ("Укренерго закликає споживачів не вмикати одночасно кілька потужних електроприладів увечері.\n\n"
       "У Києві без світла залишаються 5 350 абонентів, ще 1 200 – у Київській області.")
REF = ("Ukrenergo urges consumers not to switch on several powerful appliances at once in the evening.\n\n"
       "In Kyiv, 5,350 customers remain without power, and another 1,200 in the Kyiv region.")
GOOD = ("Ukrenergo calls on consumers not to turn on several powerful appliances at the same time in the evening.\n\n"
        "In Kyiv, 5,350 subscribers are still without electricity, another 1,200 in the Kyiv region.")
BAD = ("Fighting continued near Bakhmut and Avdiivka overnight, officials said.\n\n"
       "In Kyiv, 5,350 subscribers are still without electricity, another 1,200 in the Kyiv region.")


def _story(target: str, *, reference: str | None = None, draft: tuple[str, ...] | None = None, mode="document"):
    return Story(
        build_document("s.uk", SRC, "uk", "source"),
        build_document("t.en", target, "en", "target"),
        mode=mode,
        reference=build_document("r.en", reference, "en", "target") if reference else None,
        draft=draft,
    )


def test_chrf_orders_similarity():
    ref = "Ukrenergo urges consumers not to switch on several appliances."
    assert chrf(ref, ref) > 99
    assert chrf("Ukrenergo asks consumers not to switch on several appliances.", ref) > chrf("Rain tomorrow.", ref)


def test_reference_flags_only_the_departing_paragraph():
    cfg = Config(select=("TQA591",))
    findings = check_story(_story(BAD, reference=REF), cfg).findings
    assert [f.code for f in findings] == ["TQA591"]
    assert findings[0].target.line == 1 and "chrF" in findings[0].message
    assert not check_story(_story(GOOD, reference=REF), cfg).findings


def test_no_reference_no_findings():
    assert not check_story(_story(BAD), Config(select=("TQA59",))).findings


def test_reference_mapping_aligned_mode():
    story = _story(GOOD, reference=REF, mode="aligned")
    mapping = reference_by_source_paragraph(story)
    assert mapping[0].startswith("Ukrenergo urges") and mapping[1].startswith("In Kyiv")


def test_draft_rule():
    draft = ("Ukrenergo calls on consumers not to turn on several powerful electrical appliances at the same time.",
             "In Kyiv, 5,350 subscribers remain without light, another 1,200 in the Kyiv region.")
    cfg = Config(select=("TQA592",))
    assert [f.code for f in check_story(_story(BAD, draft=draft), cfg).findings] == ["TQA592"]
    assert not check_story(_story(GOOD, draft=draft), cfg).findings
