"""The banded DP: a 400-paragraph story visits a small fraction of the matrix; the band widens when the path needs
it; the result matches the full DP."""

from __future__ import annotations

import random

from tqa.align import align_story, dp
from tqa.align.anchors import features
from tqa.align.cost import PARAGRAPHS
from tqa.model import Story
from tqa.text.segment import build_document

CITIES = [("Києві", "Kyiv"), ("Харкові", "Kharkiv"), ("Львові", "Lviv"), ("Одесі", "Odesa"), ("Дніпрі", "Dnipro"),
          ("Вінниці", "Vinnytsia"), ("Полтаві", "Poltava"), ("Чернігові", "Chernihiv"), ("Житомирі", "Zhytomyr")]
PEOPLE = [("Ігор Терехов", "Ihor Terekhov"), ("Андрій Садовий", "Andrii Sadovyi"),
          ("Олег Синєгубов", "Oleh Syniehubov"), ("Сергій Лисак", "Serhii Lysak"), ("Віталій Кличко", "Vitalii Klychko")]


def _thousands(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def sentence(rng: random.Random) -> tuple[str, str]:
    city, city_en = rng.choice(CITIES)
    who, who_en = rng.choice(PEOPLE)
    n = rng.randrange(1200, 60000)
    k, m = rng.randrange(2, 40), rng.randrange(2, 30)
    x = rng.randrange(11, 99)
    p = rng.randrange(2, 19)
    h = rng.randrange(3, 20)
    d = rng.randrange(1, 28)
    choices = [
        (f"У {city} за добу відновили електропостачання для {_thousands(n, ' ')} абонентів, повідомив {who}.",
         f"In {city_en}, power supply was restored to {_thousands(n, ',')} subscribers in a day, {who_en} said."),
        (f"Внаслідок обстрілу пошкоджено {k} житлових будинків і {m} автомобілів.",
         f"As a result of the shelling, {k} residential buildings and {m} cars were damaged."),
        (f"На ремонт доріг у {city} виділять {x // 10},{x % 10} млн грн.",
         f"UAH {x // 10}.{x % 10} million will be allocated for road repairs in {city_en}."),
        (f"Ціна пального зросла на {p}% за тиждень, зазначили в асоціації.",
         f"The price of fuel increased by {p}% in a week, the association noted."),
        (f"Рятувальники працювали на місці понад {h} годин.", f"Rescuers worked at the scene for more than {h} hours."),
        (f"Навчання у школах відновиться {d} вересня, повідомили у {city}.",
         f"Classes in schools will resume on September {d}, officials in {city_en} said."),
        ("Мешканців просять не залишати домівки без потреби.",
         "Residents are asked not to leave their homes unless necessary."),
    ]
    return rng.choice(choices)


def paragraphs(n: int, seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    uk, en = [], []
    for _ in range(n):
        parts = [sentence(rng) for _ in range(rng.choice((1, 2, 2, 3)))]
        uk.append(" ".join(a for a, _ in parts))
        en.append(" ".join(b for _, b in parts))
    return uk, en


def edit(uk: list[str], en: list[str], drop: set[int], add_after: dict[int, list[str]]):
    """The English with paragraphs dropped and extra ones inserted, and the gold beads."""
    target: list[str] = []
    gold = set()
    for i, text in enumerate(en):
        if i in drop:
            gold.add(((i,), ()))
        else:
            gold.add(((i,), (len(target),)))
            target.append(text)
        for extra in add_after.get(i, []):
            gold.add(((), (len(target),)))
            target.append(extra)
    return target, gold


def run_dp(uk: list[str], target: list[str], width: int | None = None) -> dp.Result:
    return dp.align([features(t, "uk") for t in uk], [features(t, "en") for t in target], PARAGRAPHS, width=width)


def beads(result: dp.Result) -> set:
    return {(tuple(range(b.s0, b.s1)), tuple(range(b.t0, b.t1))) for b in result.beads}


def test_400_paragraphs_visit_a_small_band() -> None:
    uk, en = paragraphs(400, seed=4)
    extra_uk, extra_en = paragraphs(6, seed=99)
    target, gold = edit(uk, en, drop={17, 120, 121, 260, 333}, add_after={50: extra_en[:1], 199: extra_en[1:3]})
    result = run_dp(uk, target)
    full = (len(uk) + 1) * (len(target) + 1)
    assert result.cells < full / 6, (result.cells, full)
    assert result.passes == 1
    found = beads(result)
    assert len(gold & found) / len(gold) >= 0.98


def test_band_widens_when_the_path_leaves_it() -> None:
    uk, en = paragraphs(120, seed=5)
    _x, block = paragraphs(40, seed=77)
    target, gold = edit(uk, en, drop=set(), add_after={30: block})  # 40 English paragraphs with no source
    result = run_dp(uk, target, width=6)
    assert result.passes >= 2 and result.width > 6
    assert len(gold & beads(result)) / len(gold) >= 0.98


def test_banded_equals_full_matrix() -> None:
    uk, en = paragraphs(80, seed=6)
    target, _gold = edit(uk, en, drop={3, 40, 41}, add_after={60: paragraphs(1, seed=8)[1]})
    banded = run_dp(uk, target)
    full = run_dp(uk, target, width=10_000)
    assert banded.cells < full.cells
    assert banded.beads == full.beads
    assert abs(banded.total - full.total) < 1e-9


def test_400_paragraph_story_end_to_end() -> None:
    uk, en = paragraphs(400, seed=9)
    target, gold = edit(uk, en, drop={100, 300}, add_after={})
    story = Story(
        build_document("s", "\n".join(uk), "uk", "source"), build_document("t", "\n".join(target), "en", "target")
    )
    aligned = align_story(story)
    found = {(tuple(s.paragraph for s in p.source), tuple(t.paragraph for t in p.target)) for p in aligned.pairs}
    assert len(gold & found) / len(gold) >= 0.98
    assert [p.index for p in aligned.pairs] == list(range(len(aligned.pairs)))


def _general(src, tgt, params):
    """dp.align's banded loop, whatever the sizes (no full-matrix shortcut)."""
    n, m = len(src), len(tgt)
    sres, tres = [False] * n, [False] * m
    cs, ct = dp._cumulative(src, sres), dp._cumulative(tgt, tres)
    lo, hi = dp._band(cs, ct, n, m, max(6, (max(n, m) + 19) // 20))
    (beads, total), cells = dp._run(src, tgt, params, sres, tres, lo, hi)
    return lo, hi, beads, total, cells


def test_small_matrices_take_the_plain_full_pass() -> None:
    """m ≤ width: the band is the whole matrix, and `_run_plain` finds what `_run` does (beads, costs, cells)."""
    from tqa.align.cost import SENTENCES

    rng = random.Random(5)
    pool = [features(t, lang) for _ in range(40) for t, lang in zip(sentence(rng), ("uk", "en"))]
    pool += [features("12 345", "en"), features("Так.", "uk"), features("", "en")]
    checked = 0
    for _ in range(400):
        src = [rng.choice(pool) for _ in range(rng.randrange(1, 5))]
        tgt = [rng.choice(pool) for _ in range(rng.randrange(1, 7))]
        for params in (SENTENCES, PARAGRAPHS):
            lo, hi, beads, total, cells = _general(src, tgt, params)
            assert lo == [0] * (len(src) + 1) and hi == [len(tgt)] * (len(src) + 1)
            result = dp.align(src, tgt, params)
            assert (result.beads, result.total, result.cells, result.passes) == (beads, total, cells, 1)
            checked += any(b.kind in ("2-1", "1-2") for b in beads)
    assert checked  # glued beads were among the answers


def test_plain_pass_equals_banded_pass_on_tie_heavy_features() -> None:
    """`_run_plain` (cached sides, inlined bead costs) = `_run` on synthetic features chosen to make ties common:
    few lengths, few anchor keys (bonus-only ones too), repeated items, empty and letterless items; both priors."""
    from tqa.align.anchors import BONUS_ONLY, WEIGHTS, Features
    from tqa.align.cost import SENTENCES

    rng = random.Random(11)
    keys = ["n:5", "n:12", "p:kv", "c:mnst", "@", "q", "?", "m:3"]

    def feat() -> Features:
        anchors = tuple(sorted({k: rng.randrange(1, 3) for k in rng.sample(keys, rng.randrange(0, 4))}.items()))
        weight = sum(WEIGHTS[k[0]] * c for k, c in anchors if k[0] not in BONUS_ONLY)
        return Features(rng.choice([0, 1, 5, 20, 21, 40, 300]), anchors, weight, rng.random() > 0.1)

    pool = [feat() for _ in range(12)]
    for _ in range(3000):
        src = [rng.choice(pool) for _ in range(rng.randrange(1, 5))]
        tgt = [rng.choice(pool) for _ in range(rng.randrange(1, 6))]
        for params in (SENTENCES, PARAGRAPHS):
            _lo, _hi, beads, total, cells = _general(src, tgt, params)
            result = dp.align(src, tgt, params)
            assert (result.beads, result.total, result.cells) == (beads, total, cells)
            assert dp.plain_path(src, tgt, params) == tuple((b.s0, b.s1, b.t0, b.t1, b.cost) for b in beads)
    for _ in range(50):  # longer targets: plain_path takes align's banded branch
        src = [rng.choice(pool) for _ in range(rng.randrange(5, 12))]
        tgt = [rng.choice(pool) for _ in range(rng.randrange(7, 14))]
        beads = dp.align(src, tgt, SENTENCES).beads
        assert dp.plain_path(src, tgt, SENTENCES) == tuple((b.s0, b.s1, b.t0, b.t1, b.cost) for b in beads)
    a, b = Features(3, (("n:5", 1),), 1.0), Features(3, (("n:5", 1),), 1.0)
    assert a == b and hash(a) == hash(b) == hash(a) and {a: 1}[b] == 1  # the cached hash: equal features, one key
    for f, g in zip(pool, pool[1:]):  # the cached merges of neighbours are merge's
        assert dp._glued((f, g)) == ((dp.merge(f, g) if f.letters and g.letters else None),)
