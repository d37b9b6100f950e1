"""Month names of both languages, in one place: the number extractors, the aligner's anchors and the residue
patterns all read them from here."""

from __future__ import annotations

__all__ = [
    "EN_MONTH_NUMBER",
    "MONTHS_EN",
    "UK_MONTHS_GENITIVE",
    "UK_MONTHS_LOCATIVE",
    "UK_MONTHS_NOMINATIVE",
    "UK_MONTH_FORMS",
]

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# lower-case full names and three-letter abbreviations (and "sept") → month number
EN_MONTH_NUMBER: dict[str, int] = {}
for _n, _name in enumerate(MONTHS_EN, 1):
    EN_MONTH_NUMBER[_name.lower()] = _n
    EN_MONTH_NUMBER[_name[:3].lower()] = _n
EN_MONTH_NUMBER["sept"] = 9

# "1 березня" (the form after a day number)
UK_MONTHS_GENITIVE = {
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
}  # fmt: skip
# "у березні"
UK_MONTHS_LOCATIVE = {
    "січні": 1, "лютому": 2, "березні": 3, "квітні": 4, "травні": 5, "червні": 6,
    "липні": 7, "серпні": 8, "вересні": 9, "жовтні": 10, "листопаді": 11, "грудні": 12,
}  # fmt: skip
# "березень"
UK_MONTHS_NOMINATIVE = {
    "січень": 1, "лютий": 2, "березень": 3, "квітень": 4, "травень": 5, "червень": 6,
    "липень": 7, "серпень": 8, "вересень": 9, "жовтень": 10, "листопад": 11, "грудень": 12,
}  # fmt: skip
UK_MONTH_FORMS = {**UK_MONTHS_NOMINATIVE, **UK_MONTHS_GENITIVE, **UK_MONTHS_LOCATIVE}
