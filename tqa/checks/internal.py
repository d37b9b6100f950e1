"""9xx: problems inside tqa itself, reported as findings so that one failing check never loses a run."""

from __future__ import annotations

from tqa.checks.base import Rule, register
from tqa.model import Severity


@register
class InternalError(Rule):
    """## What it does
    Reports that a check raised an exception on this story; the other checks still ran.

    ## Why is this bad?
    The story was not fully checked: a defect that the failing check looks for may be missing from the report.
    Please report it with the input that triggers it.

    ## Example
    (raised by tqa itself, not by the text)
    """

    code = "TQA901"
    name = "internal-error"
    category = "internal"
    severity = Severity.ERROR
    scope = "document"  # the engine makes these findings; the rule itself finds nothing, once per story
