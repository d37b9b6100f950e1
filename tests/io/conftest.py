"""Fixtures for the reader tests: small agency-style texts written for these tests (no third-party data)."""

from __future__ import annotations

import pytest

# A short agency story, with the letters that tell cp1251 and koi8-u apart (і ї є ґ and their capitals).
UK_STORY = (
    "Київ • Укрінформ\n"
    "\n"
    "У четвер вранці ґрунтову дорогу біля Ірпеня розчистили від уламків, повідомили в Київській обласній "
    "військовій адміністрації.\n"
    "\n"
    "«Їхати можна, але обережно», – зазначив голова громади Євген Ґудзь.\n"
    "Обстріл пошкодив 12 житлових будинків і школу; постраждалих немає.\n"
)
EN_STORY = (
    "Kyiv • Ukrinform\n"
    "\n"
    "On Thursday morning, a dirt road near Irpin was cleared of debris, the Kyiv Regional Military Administration "
    "reported.\n"
    "\n"
    "\u201cYou can drive, but carefully,\u201d said the community head Yevhen Gudz.\n"
    "The shelling damaged 12 residential buildings and a school; no one was injured.\n"
)

# KOI8-U has no «», –, • or №: the same story with characters both Cyrillic code pages can encode.
UK_PLAIN = (
    "Київ - Укрінформ\n"
    "У четвер вранці ґрунтову дорогу біля Ірпеня розчистили від уламків, повідомили в ОВА.\n"
    "\"Їхати можна, але є ризики\", - зазначив голова громади Євген Ґудзь.\n"
)

# Short lines, headlines in capitals, a question: what detection must get right on little text.
UK_SHORT = [
    "Їжак їсть ґрунт.",
    "Є питання?",
    "ЗЕЛЕНСЬКИЙ ПІДПИСАВ ЗАКОН ПРО ҐРУНТИ",
    "Новини дня: уряд ухвалив рішення щодо енергетики",
    "привіт, як справи? все гаразд",
    "Україна отримає ще одну батарею Patriot",
]


@pytest.fixture
def uk_story() -> str:
    return UK_STORY


@pytest.fixture
def en_story() -> str:
    return EN_STORY


@pytest.fixture
def write(tmp_path):
    """write(name, text_or_bytes, encoding="utf-8") -> path (str) inside tmp_path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return str(path)

    return _write


@pytest.fixture
def run_cli(capsys):
    """run_cli(args) -> (exit code, stdout, stderr)."""
    from tqa.cli import main

    def _run(args: list[str]) -> tuple[int, str, str]:
        code = main(args)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def uk_plain() -> str:
    return UK_PLAIN


@pytest.fixture
def uk_short() -> list[str]:
    return list(UK_SHORT)
