"""Numbers, dates, times and money in Ukrainian and English text, extracted as typed values and compared by value.

* `extract_uk(text)` / `extract_en(text)` → tuple of `Value` (kind: quantity, money, percent, date, time, year,
  ordinal, id, weekday), each with offsets into the text, its amount or date/time fields, and match keys;
* `compare_values(source, target)` / `compare_pair(source_texts, target_texts)` → `Diff`s (missing, added,
  changed, with the kind of change named);
* `values_in(text, language)` → the values outside web-page residue.

Pure functions, cached by text; no I/O. Both extractors never raise on any input.
"""

from __future__ import annotations

from tqa.text.numbers.compare import Diff, Located, compare_pair, compare_values, describe_en, diagnose, values_in
from tqa.text.numbers.en import extract_en
from tqa.text.numbers.uk import extract_uk
from tqa.text.numbers.values import Value

__all__ = [
    "Diff",
    "Located",
    "Value",
    "compare_pair",
    "compare_values",
    "describe_en",
    "diagnose",
    "extract_en",
    "extract_uk",
    "values_in",
]
