"""Property tests: on any text built from agency-copy pieces (quotes, dashes, speech verbs, residue), the
attribution, quote and calque rules never crash, and every fix replaces exactly the text its span covers."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqa.config import Config
from tqa.engine import check_texts

UK_PIECES = [
    "«Ми вистоїмо»,", "– пише видання.", "– заявив міністр.", "– наголошують аналітики.", "„так“", "\"ні\"",
    "Ракету збили,", "передає УНН.", "з посиланням на джерела", "Київ – столиця.", "—", "-", "\n", "\n\n", " ",
]
EN_PIECES = [
    '"We will hold out,"', "- the publication writes.", "– said the minister.", "researchers emphasize.",
    "«yes»", "„no“", "“", "”", '"', "'", "reports UNN.", "with reference to sources", "- media", "Kyiv's",
    "• 126 views", "—", "-", "\n", "\n\n", " ", "The plan", "analysts note.", "...", "?",
]

CODES = ("TQA2", "TQA6", "TQA70")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(UK_PIECES), min_size=1, max_size=14),
    st.lists(st.sampled_from(EN_PIECES), min_size=1, max_size=14),
    st.booleans(),
)
def test_rules_never_crash_and_fixes_fit_their_spans(uk, en, aligned):
    source = " ".join(uk)
    target = " ".join(en)
    if not source.strip() or not target.strip():
        return
    result = check_texts(source, target, Config(select=CODES), aligned=aligned)
    assert not [f for f in result.findings if f.code == "TQA901"], [f.message for f in result.findings]
    for f in result.findings:
        assert f.code.startswith(CODES)
        if f.target is not None:
            assert target[f.target.start: f.target.end] == f.target.text
        if f.fix is not None:
            assert f.target is not None


def test_same_input_same_findings():
    source = "«Ми вистоїмо», – заявив міністр.\n\n– пише видання.\n"
    target = '"We will hold out."\n\n- the publication writes.\n\n"Yes, - said the minister.\n'
    runs = [check_texts(source, target, Config(select=CODES)).findings for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]
    assert [f.fingerprint for f in runs[0]] == [f.fingerprint for f in runs[2]]
