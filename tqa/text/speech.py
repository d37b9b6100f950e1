"""Reported speech: Ukrainian speech verbs and attribution clauses, English attribution clauses, quotation marks.

Ukrainian agency copy attributes a quote *after* it, with a dash: ``«…», – пише видання.``, ``«…», – заявив
Зеленський.``, ``…, – йдеться у повідомленні.`` — often as a paragraph of its own after a long quote. English puts
the attribution after a comma inside the closing quotation mark, without a dash, subject first:
``"…," the publication writes.`` This module recognises both sides; the checks in `tqa.checks.attribution`,
`tqa.checks.quotes` and `tqa.checks.calques` compare them.

Public API (pure functions, cached where they run on every paragraph):

* `find_uk_attributions(text)` — dash-led Ukrainian attribution clauses (`UkAttribution`) with the speaker category;
* `uk_speech_verb(word)` — is this word form a Ukrainian speech verb (заявив, пише, йдеться, наголошують…)?
* `parse_en_clause(text)` — parse an English attribution clause (``the publication writes``, ``reported Ukrenergo``,
  ``it is said in the statement``) into an `EnClause`, or None;
* `lone_en_attribution(paragraph)` — a paragraph that is only a dash plus an attribution clause;
* `find_en_dash_attributions(text)` — dash-led attribution clauses glued inside a paragraph;
* `bare_en_attribution(paragraph)` — a paragraph that is only an attribution clause without a dash (``the head of
  the RMA reported.``); whether it is detached from a quote is the caller's call;
* `en_has_attribution(text)` — does English text attribute speech at all (said, told, according to…) outside its
  quotations (`mask_quoted`)?
* `en_reported_speech(text)` — is speech reported indirectly (``X said they had…``, ``…, according to X``)?
* `plain_reporting_verb(form)` — the verb English uses for a calqued one (informs/transmits → reports);
* `en_speaker_categories(text)` / `uk_speaker_category(text)` / `uk_speaker_categories(text)` — coarse speaker
  categories (analyst, researcher, publication, head, mayor, court…) for comparing who is quoted on each side;
* `quote_counts(text)` / `double_quote_balanced(text)` / `find_quoted_spans(text)` — quotation marks, with
  apostrophes (don't, Kyiv's, O'Brien) never counted as quotes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tqa.patterns import compile as re_compile
from tqa.text.fold import LazyPattern, lowered

__all__ = [
    "DASHES",
    "DOUBLE_QUOTE_RE",
    "EN_SPEECH_VERBS",
    "EnClause",
    "EnDashAttribution",
    "UkAttribution",
    "double_quote_balanced",
    "en_dash_clause_possible",
    "en_has_attribution",
    "en_reported_speech",
    "en_speaker_categories",
    "english_order",
    "english_quote_style",
    "find_en_dash_attributions",
    "find_en_inline_attributions",
    "find_quoted_spans",
    "find_uk_attributions",
    "has_double_quotes",
    "has_quotation",
    "is_person_category",
    "bare_en_attribution",
    "lone_en_attribution",
    "mask_quoted",
    "parse_en_clause",
    "plain_reporting_verb",
    "quote_counts",
    "speaker_categories_compatible",
    "uk_mentions_category",
    "uk_speaker_categories",
    "uk_speaker_category",
    "uk_speech_verb",
]

# -- characters ---------------------------------------------------------------------------------------------------

# hyphen-minus, hyphen, nb-hyphen, figure, en, em, bar, minus; \x96/\x97 are en/em dashes mis-decoded from cp1252
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\x96\x97"
_DASH_CLASS = "[" + re.escape(DASHES) + "]"
# Double quotation marks of any style. « » „ are Ukrainian/continental; “ ” " are English.
DOUBLE_QUOTES = '"\u201c\u201d\u00ab\u00bb\u201e\u201f\u2033'

# -- Ukrainian speech verbs -----------------------------------------------------------------------------------------


def _expand(spec: str) -> list[str]:
    """``"заяв{ив,ила,или}"`` → ``["заявив", "заявила", "заявили"]``; plain words pass through."""
    m = re.fullmatch(r"(\w*)\{([^}]*)\}(\w*)", spec)
    if not m:
        return [spec]
    head, alts, tail = m.groups()
    return [head + a + tail for a in alts.split(",")]


_PAST = "в,ла,ли,ло"  # after a stem ending in a vowel: сказа-в, сказа-ла
_UK_VERB_SPECS = (
    # заявити / заявляти
    "заяв{ив,ила,или,ило,лено,ляє,ляють,ляв,ляла,ляли,ляється}",
    # сказати / казати / говорити
    "сказа{" + _PAST + ",но}", "ка{же,жуть,зав,зала,зали}", "говор{ить,ять,ив,ила,или}",
    # зазначити / зазначати
    "зазнач{ив,ила,или,ило,ено,ає,ають,ав,ала,али,ається,алося}",
    # наголосити / наголошувати
    "наголос{ив,ила,или,ило}", "наголош{ує,ують,ував,увала,ували,ено,ується,увалося}",
    # підкреслити / підкреслювати
    "підкресл{ив,ила,или,ило,ено,ює,юють,ював,ювала,ювали,юється}",
    # додати / додавати
    "дода{" + _PAST + ",но,є,ють,ється}", "додава{" + _PAST + "}",
    # повідомити / повідомляти
    "повідом{ив,ила,или,ило,лено,ляє,ляють,ляв,ляла,ляли,ляється,ляли}",
    # писати / написати
    "пи{ше,шуть,сав,сала,сали}", "написа{" + _PAST + ",но}",
    # йдеться
    "йдеться", "ідеться", "йшлося", "ішлося", "мовиться",
    # розповісти / розповідати
    "розпов{ів,іла,іли,іло,ідає,ідають,ідав,ідала,ідали}",
    # пояснити / пояснювати
    "поясн{ив,ила,или,ило,ено,ює,юють,ював,ювала,ювали,юється}",
    # вважати
    "вважа{є,ють," + _PAST + "}",
    # відзначити / відзначати
    "відзнач{ив,ила,или,ило,ено,ає,ають,ав,ала,али,ається}",
    # констатувати, резюмувати, підсумувати, цитувати, коментувати, акцентувати
    "констату{вав,вала,вали,є,ють}", "резюму{вав,вала,вали,є,ють}", "підсуму{вав,вала,вали}", "підсумову{є,ють}",
    "циту{є,ють,вав,вала,вали}", "процитува{" + _PAST + "}", "прокоментува{" + _PAST + "}",
    "коменту{є,ють,вав,вала,вали}", "акценту{є,ють,вав,вала,вали}",
    # нагадати / нагадувати
    "нагада{" + _PAST + "}", "нагаду{є,ють,вав,вала,вали}",
    # уточнити / уточнювати
    "уточн{ив,ила,или,ило,ено,ює,юють}",
    # стверджувати, запевнити, зауважити, вказати
    "стверджу{є,ють,вав,вала,вали}", "запевн{ив,ила,или,яє,яють,ював}", "зауваж{ив,ила,или,ує,ують}",
    "вказа{" + _PAST + ",но}", "вказу{є,ють,вав,вала,вали}",
    # передати (передає УНН), інформувати, відповісти, визнати, попередити, наполягати, закликати
    "переда{є,ють," + _PAST + "}", "інформу{є,ють,вав,вала,вали}", "поінформува{" + _PAST + "}",
    "відпов{ів,іла,іли,іло,ідає,ідають}", "визна{" + _PAST + ",є,ють}", "попереди{" + _PAST + "}",
    "попереджа{є,ють}", "наполяга{є,ють," + _PAST + "}", "наполі{г,гла,гли}", "закли{кав,кала,кали,кає,кають}",
    # переконаний (– переконаний він), продовжив, поділився, висловився, відзначив, звернув увагу
    "переконан{ий,а,і}", "продовж{ив,ила,или,ує,ують}", "поділи{вся,лася,лися}", "ділиться",
    "висловив{ся}", "висловила{ся}", "висловили{ся}", "висловлю{ється,ються}", "відміти{" + _PAST + "}",
    "мірку{є,ють,вав,вала,вали}", "розмірку{є,ють,вав,вала,вали}", "пригада{" + _PAST + "}",
    "пояснюють", "повідомляють", "наголошують", "зазначають", "підкреслюють", "додають", "пишуть",
    "сказано", "написано", "зазначається", "повідомляється", "наголошується", "підкреслюється", "вказується",
    "ідеться", "кажуть", "цитує", "цитують", "озвучи{" + _PAST + "}", "оголоси{" + _PAST + "}",
    # вигукнути, запитати/спитати, переконувати, зізнатися, пообіцяти, пожартувати, поскаржитися, радити
    "вигукну{" + _PAST + "}", "вигуку{є,ють,вав,вала,вали}", "запита{" + _PAST + "}", "спита{" + _PAST + "}",
    "пита{є,ють}", "переконує", "переконують", "переконува{" + _PAST + "}", "зізна{вся,лася,лися,ється,ються}",
    "пообіця{" + _PAST + "}", "обіця{є,ють}", "пожартува{" + _PAST + "}", "жарту{є,ють}",
    "поскаржи{вся,лася,лися}", "скарж{иться,аться}", "ради{ть,в,ла,ли}", "порадив", "порадила", "порадили",
    "анонсува{" + _PAST + "}", "прогнозу{є,ють,вав,вала,вали}", "оцінив", "оцінила", "оцінили", "оцінює",
)
UK_SPEECH_VERBS: frozenset[str] = frozenset(w for spec in _UK_VERB_SPECS for w in _expand(spec))


@functools.lru_cache(maxsize=65536)  # asked of every word near a dash or a quote, in every pair
def uk_speech_verb(word: str) -> bool:
    """Is `word` (any case) a form of a Ukrainian speech verb?"""
    return word.lower().replace("'", "’") in UK_SPEECH_VERBS or word.lower() in UK_SPEECH_VERBS


# -- speaker categories ---------------------------------------------------------------------------------------------
# A coarse category of who is quoted, to notice `аналітики` → `researchers`. Ukrainian entries are word prefixes
# (case forms share them); English entries are whole words (singular and plural).

_UK_SPEAKERS: tuple[tuple[str, str], ...] = (
    ("analyst", r"аналітик\w*"),
    ("expert", r"експерт\w*|фахів\w*|спеціаліст\w*"),
    ("observer", r"оглядач\w*|спостерігач\w*|коментатор\w*"),
    ("researcher", r"дослідник\w*|дослідниц\w*|науков(ці|ців|цям|цями|цях|ець|ця|цю|цем)|вчен(і|их|им|ими|ий|ого)|"
                   r"учен(і|их|им|ими|ий|ого)|академік\w*"),
    ("journalist", r"журналіст\w*|кореспондент\w*|репортер\w*|автор(и|ів|ам|ами|ах|а|у|ом)?"),
    ("publication", r"видання|виданню|виданням|виданні|газет\w*|журнал(и|ів|у|ом|і)?|змі|медіа|телеканал\w*|"
                    r"агентств\w*|агенці\w*|агенція"),
    ("document", r"повідомлен\w*|заяв(а|і|у|ою|ах|и)|звіт\w*|доповід\w*|документ\w*|матеріал\w*|статт\w*|"
                 r"допис\w*|пост(і|у|ом)?|публікаці\w*|дослідженн\w*|лист(і|у|ом)?|зверненн\w*|реліз\w*|"
                 r"резолюці\w*|комюніке|огляд(і|у)?"),
    ("official", r"посадов(ець|ці|ців|цем|ця|цю|цям)|чиновни\w*|представни\w*"),
    ("spokesperson", r"речни\w*|пре[сc]{1,2}-?секретар\w*|пре[сc]{1,2}-?служб\w*"),
    ("source", r"джерел(о|а|ом|і|ами)?|співрозмовни\w*|інсайдер\w*"),
    ("president", r"президент(а|у|ом|ові|и)?"),
    ("prime-minister", r"прем['’ʼ]?єр\w*"),
    ("minister", r"міністр(а|у|ом|ові|и|ів)?"),
    ("ministry", r"міністерств\w*|мінобор\w*|мзс|моз"),
    ("mayor", r"мер(а|ом|у|ові)?|міськ(ий|ого) голов\w*|міськголов\w*"),
    ("military", r"військов(і|их|ими|ий|ого)|генштаб\w*|зсу|армі[яїю]|командуванн\w*|командувач\w*"),
    ("intelligence", r"розвідк\w*|гур"),
    ("police", r"поліці\w*|поліцейськ\w*|нацполіці\w*"),
    ("doctor", r"лікар\w*|медик\w*"),
    ("resident", r"мешкан\w*|жител\w*|місцев(і|их)"),
    ("witness", r"очевид\w*|свідк\w*|свідок"),
    ("lawmaker", r"депутат\w*|нардеп\w*|парламентар\w*"),
    ("ambassador", r"посол|посла|послом|послу"),
    ("prosecutor", r"прокурор\w*|прокуратур\w*|генпрокурор\w*|сап"),
    ("organizer", r"організатор\w*"),
    # officials who head a body: начальник ОВА, голова ОДА / комітету, очільник громади, керівник, губернатор
    ("head", r"начальни\w*|голов(а|и|і|у|ою)|очільни\w*|керівни\w*|губернатор\w*|лідер(а|ом|ові|у|и|ів)?|"
             r"директор(а|ом|ові|у|и|ів)?"),
    ("administration", r"ова|ода|мва|ога|вца|адміністраці\w*|обладміністраці\w*|райадміністраці\w*|"
                       r"облдержадміністраці\w*|держадміністраці\w*"),
    ("court", r"суд(у|ом|і|и|ів|ам|ами|ах)?|судд(я|і|ю|ею|ів|ями|ям)|вакс|трибунал\w*"),
)
# a two-word title read as one word before the word-by-word search (міський голова = mayor, not "head")
_UK_MAYOR_PHRASE = re_compile(r"\bміськ(?:ий|ого|ому|им|ім)\s+голов", re.I)
_UK_SPEAKER_RES = tuple((c, re_compile(p)) for c, p in _UK_SPEAKERS)

_EN_SPEAKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("analyst", ("analyst", "analysts")),
    ("expert", ("expert", "experts", "specialist", "specialists")),
    ("observer", ("observer", "observers", "commentator", "commentators", "columnist", "columnists")),
    ("researcher", ("researcher", "researchers", "scientist", "scientists", "scholar", "scholars", "academic",
                    "academics", "academician")),
    ("journalist", ("journalist", "journalists", "correspondent", "correspondents", "reporter", "reporters",
                    "author", "authors")),
    ("publication", ("publication", "outlet", "newspaper", "paper", "magazine", "media", "edition", "journal",
                     "daily", "weekly", "agency", "channel", "broadcaster", "press")),
    ("document", ("statement", "message", "report", "document", "material", "article", "post", "study", "letter",
                  "release", "announcement", "notice", "address", "resolution", "communique", "communiqué",
                  "review", "text", "story", "piece")),
    ("official", ("official", "officials", "representative", "representatives", "authorities")),
    ("spokesperson", ("spokesperson", "spokesman", "spokeswoman", "spokespeople", "secretary", "service")),
    ("source", ("source", "sources", "interlocutor", "insider", "insiders")),
    ("president", ("president",)),
    ("prime-minister", ("premier", "pm")),
    ("minister", ("minister",)),
    ("ministry", ("ministry", "department", "mfa", "mod")),
    ("mayor", ("mayor",)),
    ("military", ("military", "army", "staff", "forces", "command", "troops", "commander", "commanders")),
    ("intelligence", ("intelligence",)),
    ("police", ("police", "policeman", "policemen", "officers")),
    ("doctor", ("doctor", "doctors", "physician", "physicians", "medic", "medics")),
    ("resident", ("resident", "residents", "locals", "inhabitants", "villagers")),
    ("witness", ("witness", "witnesses", "eyewitness", "eyewitnesses")),
    ("lawmaker", ("lawmaker", "lawmakers", "mp", "mps", "deputy", "deputies", "parliamentarian", "parliamentarians",
                  "legislator", "legislators", "congressman", "senator")),
    ("ambassador", ("ambassador",)),
    ("prosecutor", ("prosecutor", "prosecutors", "sapo")),
    ("organizer", ("organizer", "organizers", "organiser", "organisers")),
    ("head", ("head", "chief", "governor", "chairman", "chairwoman", "chairperson", "chair", "director", "leader",
              "ceo", "manager")),
    ("administration", ("administration", "rma", "rsa", "cma", "ova", "oda", "mva")),
    ("court", ("court", "judge", "judges", "tribunal", "hacc", "judiciary")),
)

# Categories that may stand for one another in a correct translation (a paper writes = an article says = its
# author writes; an official = a spokesperson; a prime minister is a minister; a ministry speaks through officials).
_COMPATIBLE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"publication", "document", "journalist"}),
    frozenset({"official", "spokesperson", "ministry", "minister", "prime-minister", "source"}),
    frozenset({"analyst", "expert", "observer"}),
    frozenset({"military", "intelligence", "official", "spokesperson"}),
    frozenset({"police", "official", "spokesperson", "prosecutor"}),
    frozenset({"resident", "witness"}),
    # the head of a body speaks for it (начальник ОВА = head / governor of the region = the regional administration);
    # "head" also translates titles such as голова МОК (IOC President)
    frozenset({"head", "administration", "official", "president"}),
    frozenset({"administration", "mayor", "official", "spokesperson"}),
    frozenset({"court", "spokesperson"}),
)
# Categories naming people whose substitution changes who is quoted (a document/publication is also a "speaker",
# but translators legitimately name the outlet or its article, so those are compared only with each other's group).
_PERSON_CATEGORIES = frozenset(
    c for c, _ in _EN_SPEAKERS if c not in ("publication", "document")
)
_EN_SPEAKER_WORD: dict[str, str] = {w: c for c, words in _EN_SPEAKERS for w in words}
_EN_MULTIWORD = (("prime minister", "prime-minister"), ("press secretary", "spokesperson"),
                 ("press service", "spokesperson"), ("press office", "spokesperson"), ("general staff", "military"),
                 ("military administration", "administration"), ("state administration", "administration"),
                 ("city council", "administration"), ("city hall", "mayor"))


def speaker_categories_compatible(a: str, b: str) -> bool:
    return a == b or any(a in g and b in g for g in _COMPATIBLE_GROUPS)


def is_person_category(category: str) -> bool:
    return category in _PERSON_CATEGORIES


def uk_mentions_category(text: str, category: str) -> bool:
    """Does the Ukrainian text name a speaker of `category` anywhere?"""
    rx = dict(_UK_SPEAKER_RES).get(category)
    if rx is None:
        return False
    text = _UK_MAYOR_PHRASE.sub("міськголов", text)
    return any(rx.fullmatch(m.group(0).lower()) for m in _UK_WORD.finditer(text))


_UK_WORD = re_compile(r"[\w'’ʼ-]+")


def uk_speaker_category(text: str) -> str | None:
    """The category of the first speaker noun in a Ukrainian clause (``пише видання`` → "publication")."""
    seen_subject = False
    text = _UK_MAYOR_PHRASE.sub("міськголов", text)
    for m in _UK_WORD.finditer(text):
        word = m.group(0).lower()
        if uk_speech_verb(word):
            continue
        if word in _UK_PREPOSITIONS:
            if seen_subject:
                return None  # "– передає УНН з посиланням на джерела": the speaker was УНН
            continue  # "– йдеться у повідомленні", "– заявили в МЗС": the speaker follows the preposition
        for category, rx in _UK_SPEAKER_RES:
            if rx.fullmatch(word):
                return category
        seen_subject = True
    return None


_UK_PREPOSITIONS = frozenset({"у", "в", "з", "із", "зі", "на", "до", "від", "для", "про", "під", "за", "по", "при",
                              "через", "після", "перед", "щодо", "посилаючись", "цитуючи"})


_EN_WORD = re_compile(r"[A-Za-z][A-Za-z'’.&-]*")


def en_speaker_categories(text: str) -> list[str]:
    """Speaker categories named in an English clause, in order (``researchers emphasize`` → ["researcher"])."""
    low = text.lower()
    out: list[str] = []
    for phrase, cat in _EN_MULTIWORD:
        if phrase in low:
            out.append(cat)
            low = low.replace(phrase, " ")
    for m in _EN_WORD.finditer(low):
        word = re.sub(r"['’]s$", "", m.group(0)).strip(".’'")  # the court's press service: "court"
        cat = _EN_SPEAKER_WORD.get(word)
        if cat and cat not in out:
            out.append(cat)
    return out


# -- English speech verbs --------------------------------------------------------------------------------------------

_EN_VERB_BASES = (
    # base, 3sg, past, past participle (None: regular)
    ("say", "says", "said"), ("tell", "tells", "told"), ("write", "writes", "wrote", "written"),
    ("read", "reads", "read"), ("note", "notes", "noted"), ("add", "adds", "added"),
    ("stress", "stresses", "stressed"), ("emphasize", "emphasizes", "emphasized"),
    ("emphasise", "emphasises", "emphasised"), ("underline", "underlines", "underlined"),
    ("underscore", "underscores", "underscored"), ("explain", "explains", "explained"),
    ("state", "states", "stated"), ("report", "reports", "reported"), ("inform", "informs", "informed"),
    ("claim", "claims", "claimed"), ("insist", "insists", "insisted"), ("argue", "argues", "argued"),
    ("believe", "believes", "believed"), ("think", "thinks", "thought"), ("recall", "recalls", "recalled"),
    ("remind", "reminds", "reminded"), ("clarify", "clarifies", "clarified"), ("specify", "specifies", "specified"),
    ("summarize", "summarizes", "summarized"), ("summarise", "summarises", "summarised"),
    ("conclude", "concludes", "concluded"), ("continue", "continues", "continued"),
    ("announce", "announces", "announced"), ("declare", "declares", "declared"),
    ("comment", "comments", "commented"), ("remark", "remarks", "remarked"), ("admit", "admits", "admitted"),
    ("assure", "assures", "assured"), ("warn", "warns", "warned"), ("ask", "asks", "asked"),
    ("answer", "answers", "answered"), ("reply", "replies", "replied"), ("respond", "responds", "responded"),
    ("quote", "quotes", "quoted"), ("cite", "cites", "cited"), ("confirm", "confirms", "confirmed"),
    ("mention", "mentions", "mentioned"), ("highlight", "highlights", "highlighted"),
    ("indicate", "indicates", "indicated"), ("observe", "observes", "observed"), ("assert", "asserts", "asserted"),
    ("maintain", "maintains", "maintained"), ("suggest", "suggests", "suggested"),
    ("acknowledge", "acknowledges", "acknowledged"), ("tweet", "tweets", "tweeted"), ("post", "posts", "posted"),
    ("share", "shares", "shared"), ("describe", "describes", "described"), ("promise", "promises", "promised"),
    ("urge", "urges", "urged"), ("predict", "predicts", "predicted"), ("complain", "complains", "complained"),
    ("recount", "recounts", "recounted"), ("exclaim", "exclaims", "exclaimed"), ("joke", "jokes", "joked"),
    ("agree", "agrees", "agreed"), ("elaborate", "elaborates", "elaborated"), ("point", "points", "pointed"),
    ("sum", "sums", "summed"), ("reiterate", "reiterates", "reiterated"),
    ("assess", "assesses", "assessed"), ("estimate", "estimates", "estimated"),
    ("shout", "shouts", "shouted"), ("cry", "cries", "cried"), ("yell", "yells", "yelled"),
    ("whisper", "whispers", "whispered"), ("sigh", "sighs", "sighed"), ("laugh", "laughs", "laughed"),
    ("concede", "concedes", "conceded"), ("counter", "counters", "countered"), ("retort", "retorts", "retorted"),
    ("muse", "muses", "mused"), ("boast", "boasts", "boasted"), ("advise", "advises", "advised"),
    ("forecast", "forecasts", "forecast"), ("accentuate", "accentuates", "accentuated"),
    ("communicate", "communicates", "communicated"), ("publish", "publishes", "published"),
    # calques of передає (УНН): "transmits Ukrinform" — parsed so that the calque can be reported and fixed
    ("transmit", "transmits", "transmitted"), ("convey", "conveys", "conveyed"),
)
# Verbs that need a particle to be a speech verb ("pointed out", "summed up", "went on", "put it").
_PARTICLE_VERBS = {"point": "out", "sum": "up"}
# Verbs that take a person or medium as object before any tail ("told reporters", "told the BBC", "assured her").
_OBJECT_VERBS = frozenset({"tell", "ask", "inform", "remind", "assure", "warn", "answer", "quote", "urge", "promise",
                           "cite"})
_VERB_FORM: dict[str, tuple[str, str]] = {}  # form → (base, tense: "base" | "3sg" | "past")
for _entry in _EN_VERB_BASES:
    _VERB_FORM.setdefault(_entry[0], (_entry[0], "base"))
    _VERB_FORM.setdefault(_entry[1], (_entry[0], "3sg"))
    _VERB_FORM.setdefault(_entry[2], (_entry[0], "past"))
    if len(_entry) > 3:
        _VERB_FORM.setdefault(_entry[3], (_entry[0], "participle"))
EN_SPEECH_VERBS: frozenset[str] = frozenset(_VERB_FORM)
_PAST_OF: dict[str, str] = {entry[0]: entry[2] for entry in _EN_VERB_BASES}
# Past participles that make a passive attribution ("it is said in the statement", "stated in the material").
_PASSIVE_PARTICIPLES = frozenset({
    "said", "stated", "noted", "written", "reported", "emphasized", "emphasised", "stressed", "indicated",
    "mentioned", "specified", "added", "explained", "underlined", "highlighted", "announced", "claimed", "declared",
})

_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
_DETERMINERS = frozenset({
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those",
    "another", "some", "several", "many", "both", "one", "two", "three", "four", "other", "such", "each", "all",
})
_AUX = frozenset({"is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
                  "will", "would", "can", "could", "shall", "should", "may", "might", "must"})
_ADVERBS = frozenset({
    "also", "further", "then", "later", "earlier", "previously", "once", "again", "repeatedly", "recently",
    "additionally", "reportedly", "frankly", "bluntly", "emphatically", "rightly", "firmly", "openly", "finally",
    "now", "still", "too", "already", "publicly", "separately", "specifically", "even",
})
_TAIL_START = frozenset({
    "in", "on", "at", "to", "about", "during", "with", "after", "before", "while", "from", "via", "when", "as",
    "into", "over", "under", "through", "since", "until", "per", "towards", "toward", "against", "upon", "by",
    "referring", "addressing", "citing", "adding", "noting", "speaking", "commenting", "quoting", "answering",
    "responding", "according", "explaining", "stressing", "emphasizing", "emphasising", "summing", "pointing",
    "reacting", "writing", "saying", "concluding", "recalling", "telling", "this", "today", "yesterday",
    "earlier", "later", "recently", "last", "on", "for", "of", "live", "online", "afterwards", "himself",
    "herself", "themselves", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "tonight", "this", "here", "there",
})
# Words that cannot be part of the speaker's noun phrase (they start a clause of their own).
_NP_STOP = _AUX | frozenset({
    "that", "which", "who", "whom", "whose", "if", "because", "than", "so", "but", "or", "not", "no", "yes",
    "there", "here", "what", "why", "how", "where", "whether", "although", "though", "however", "therefore",
    "thus", "very", "just", "only", "never", "always", "nothing", "something", "everything", "everyone",
    "nobody", "somebody", "anyone",
}) | (_TAIL_START - {"of", "for", "this"})
_NP_CONNECTORS = frozenset({"of", "for", "and", "the", "de", "von", "van", "der", "al", "el", "la", "le", "&", "'s"})
_MAX_NP = 14
_MAX_TAIL = 22

_TOKEN = re_compile(r"\w[\w'’&.\-]*|[,;:()]")
# Speech-verb forms that are also nouns and may sit inside a speaker's noun phrase ("the report says", "the post
# reads", "sources report" — the parser backtracks when the noun turns out to be the verb).
_NOUN_VERBS = frozenset({
    "report", "reports", "post", "posts", "quote", "quotes", "comment", "comments", "answer", "answers", "estimate",
    "estimates", "claim", "claims", "forecast", "forecasts", "note", "notes", "remark", "remarks", "reply",
    "replies", "tweet", "tweets", "statement", "warning", "counter", "joke", "jokes", "state", "states", "read",
    "share", "shares", "cry", "laugh", "sigh", "whisper", "shout", "muse", "point", "points",
})


@dataclass(frozen=True, slots=True)
class EnClause:
    """A parsed English attribution clause. `order` is "subject-verb" (``the publication writes``), "verb-subject"
    (``writes the publication``), "passive" (``it is said in the statement``, ``stated in the material``) or
    "according" (``according to the ministry``). `subject`/`verb`/`tail` are the clause's pieces as written."""

    text: str
    order: str
    subject: str
    verb: str
    tail: str
    tense: str  # "3sg" | "past" | "base" | "participle"


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_np_word(word: str) -> bool:
    low = word.lower()
    if low in _NP_STOP or low in EN_SPEECH_VERBS and low not in _NOUN_VERBS:
        return False
    if low in _PRONOUNS or low in _OBJECT_PRONOUNS:
        return False
    if not re.match(r"\w", word) or word in (",", ";", ":", "(", ")"):
        return False
    return True


# Prepositions allowed inside a subject noun phrase before its verb ("a source in the government said", "the
# statement on the ministry's website reads"); after a verb they start the tail instead ("said Zelensky in Kyiv").
_NP_PREPOSITIONS = frozenset({"in", "on", "at", "from", "within", "to", "close"})


def _parse_np(toks: list[tuple[str, int, int]], i: int, *, prepositions: bool = False) -> int:
    """Parse a speaker noun phrase starting at toks[i]; return the index just past it (i if none). With
    `prepositions`, prepositional phrases inside the noun phrase are allowed (for a subject before its verb)."""
    n = len(toks)
    if i >= n:
        return i
    low = toks[i][0].lower()
    if low in _PRONOUNS:
        return i + 1
    j = i
    if low in _DETERMINERS:
        j += 1
    start_content = j
    if j < n and toks[j][0].lower() in _NP_CONNECTORS - {"de", "von", "van", "al", "el", "la", "le"}:
        return i  # "and advises the public" is not a noun phrase
    while j < n and j - i < _MAX_NP:
        word = toks[j][0]
        low = word.lower()
        if prepositions and low in _NP_PREPOSITIONS and j > start_content and j + 1 < n:
            nxt = toks[j + 1][0]
            if nxt.lower() in _DETERMINERS or nxt.lower() in _NP_PREPOSITIONS or nxt[:1].isupper():
                j += 1
                continue
        if low in _NP_CONNECTORS and j > start_content:
            # a connector must be followed by more noun phrase ("head of the ministry")
            if j + 1 < n and (_is_np_word(toks[j + 1][0]) or toks[j + 1][0].lower() in _DETERMINERS):
                j += 1
                continue
            break
        if low in _DETERMINERS and j > start_content and toks[j - 1][0].lower() in _NP_CONNECTORS:
            j += 1
            continue
        if not _is_np_word(word):
            break
        j += 1
    if j == start_content:
        return i
    # drop trailing connectors
    while j > start_content and toks[j - 1][0].lower() in _NP_CONNECTORS:
        j -= 1
    return j if j > start_content else i


def _parse_verb(toks: list[tuple[str, int, int]], i: int) -> tuple[int, str, str] | None:
    """A speech verb (with a particle where needed) at toks[i]: (index past it, base, tense)."""
    if i >= len(toks):
        return None
    low = toks[i][0].lower()
    form = _VERB_FORM.get(low)
    if form is None:
        return None
    base, tense = form
    j = i + 1
    particle = _PARTICLE_VERBS.get(base)
    if particle:
        if j < len(toks) and toks[j][0].lower() == particle:
            j += 1
        else:
            return None
    return j, base, tense


def _tail_ok(toks: list[tuple[str, int, int]], i: int, base: str = "") -> bool:
    if base in _OBJECT_VERBS and i < len(toks):
        low = toks[i][0].lower()
        if low in _OBJECT_PRONOUNS or low in ("reporters", "journalists", "media", "everyone"):
            i += 1
        else:
            i = _parse_np(toks, i)
    rest = toks[i:]
    if not rest:
        return True
    if len(rest) > _MAX_TAIL:
        return False
    first = rest[0][0].lower()
    if first == "that":
        return False
    if first != "," and first not in _TAIL_START:
        return False
    return True


# Verbs of reaction that attribute a quote only when bare (`"…," the woman sighs.`); with a complement they tell
# what happened (`they laughed at that`, `agreed with him`, `sighed with relief`).
_REACTION_VERBS = frozenset({"laugh", "sigh", "cry", "agree", "joke"})
# Verbs that are attributions only with a speaker as subject (`continued the minister`, `he continued`), not with a
# thing (`the offensive continues`).
_SPEAKER_ONLY_VERBS = frozenset({"continue"})


def _is_attribution(clause: EnClause) -> bool:
    """Is a parsed clause an attribution of speech, not a sentence that happens to use a speech-like verb?"""
    base = _VERB_FORM.get(clause.verb.split()[0].lower(), ("", ""))[0] if clause.verb else ""
    if base in _REACTION_VERBS and clause.tail and not clause.tail.startswith(","):
        return False
    if base in _SPEAKER_ONLY_VERBS and clause.order == "subject-verb" and not _names_a_speaker(clause.subject):
        return False
    return True


_CLAUSE_WORD = re_compile(r"\w+")
_CLAUSE_KEY_WORDS = frozenset(_VERB_FORM) | {"according"}  # (all lower-case letters: see `parse_en_clause`)
_BE_FORMS = frozenset({"is", "was", "are", "were"})


@functools.lru_cache(maxsize=8192)
def parse_en_clause(text: str) -> EnClause | None:
    """Parse `text` (an attribution clause without its dash and final punctuation) or return None. Clauses whose
    verb is a reaction with a complement (``they laughed at that``) or whose subject cannot speak (``the offensive
    continues``) are not attributions."""
    # Every clause `_parse_clause` returns has a token that is a speech-verb form (`_parse_verb`) or "according"
    # (lower-cased). Such a token is all letters, and a `_TOKEN` match of letters only is a maximal run of word
    # characters (a token takes every word character next to it): without such a run there is nothing to parse —
    # except that `_parse_clause` raises IndexError on a lone "is"/"was"/"are"/"were" (after an optional "as"), whose
    # runs are its tokens: that text still goes to the parser, so that it raises as before.
    words = _CLAUSE_WORD.findall(text)
    for word in words:
        if word.lower() in _CLAUSE_KEY_WORDS:
            break
    else:
        if not (words and len(words) <= 2 and words[-1].lower() in _BE_FORMS):
            return None
    clause = _parse_clause(text)
    if clause is None or not _is_attribution(clause):
        return None
    return clause


def _parse_clause(text: str) -> EnClause | None:
    text = text.strip()
    if re.search(r"\s" + _DASH_CLASS + r"\s", text):
        return None  # two clauses joined by a dash
    toks = _tokens(text)
    if not toks or len(toks) > _MAX_NP + _MAX_TAIL + 4:
        return None
    if toks[0][0].lower() == "as":  # "- as the publication writes"
        toks = toks[1:]
        if not toks:
            return None
    words = [t[0] for t in toks]
    low = [w.lower() for w in words]

    def piece(a: int, b: int) -> str:
        return text[toks[a][1]: toks[b - 1][2]] if b > a else ""

    def tail_from(k: int) -> str:
        return text[toks[k][1]:].strip() if k < len(toks) else ""

    # according to NP
    if low[0] == "according" and len(low) > 2 and low[1] == "to":
        j = _parse_np(toks, 2)
        if j > 2 and _tail_ok(toks, j):
            return EnClause(text, "according", piece(2, j), "according to", tail_from(j), "base")
        return None
    # subject first: NP [adverbs|aux] VERB — the noun phrase may end early where a noun is also a verb form
    # ("sources report", "analysts claim")
    j_max = _parse_np(toks, 0, prepositions=True)
    min_np = 2 if low[0] in _DETERMINERS and low[0] not in _PRONOUNS else 1
    candidates = list(range(j_max, min_np - 1, -1))
    if 0 < j_max < len(toks) - 1 and low[j_max] == "," and low[0] not in _PRONOUNS:
        # an apposition between commas: "Oleh Syniehubov, head of the regional administration, said"
        j2 = _parse_np(toks, j_max + 1, prepositions=True)
        if j2 > j_max + 1 and j2 < len(toks) and low[j2] == ",":
            candidates.insert(0, j2 + 1)
    for j in candidates:
        if j == 0:
            break
        k = j
        aux = []
        while k < len(toks) and (low[k] in _ADVERBS or low[k] in ("has", "have", "had", "is", "was", "were",
                                                                   "are", "been")):
            aux.append(low[k])
            k += 1
        v = _parse_verb(toks, k)
        if v is None:
            continue
        end, base, tense = v
        passive_aux = any(a in ("is", "was", "were", "are", "been") for a in aux)
        if passive_aux and low[k] not in _PASSIVE_PARTICIPLES:
            continue
        if any(a in ("has", "have", "had") for a in aux) and tense == "3sg":
            continue
        if low[0] in _OBJECT_PRONOUNS or low[j - 1] in _NP_CONNECTORS:
            continue
        if _tail_ok(toks, end, base):
            order = "passive" if passive_aux else "subject-verb"
            return EnClause(text, order, piece(0, j), piece(k, end), tail_from(end), tense)
    # verb first: VERB NP | [is|was] VERB (in|by|on) … (passive without subject: "stated in the material",
    # "is said in the message")
    first = 0
    if low[0] in ("is", "was", "are", "were"):
        first = 1
        while first < len(toks) - 1 and low[first] in _ADVERBS:
            first += 1
        if first == len(toks) or low[first] not in _PASSIVE_PARTICIPLES:
            return None  # (a lone "was": nothing after the be-form)
    v = _parse_verb(toks, first)
    if v is not None:
        end, base, tense = v
        if end < len(toks) and low[end] in ("in", "by", "on", "at") and low[first] in _PASSIVE_PARTICIPLES:
            if _tail_ok(toks, end):
                return EnClause(text, "passive", "", piece(0, end), tail_from(end), tense)
            return None
        if first:
            return None
        if end < len(toks) and low[end] in _OBJECT_PRONOUNS | _PRONOUNS:
            k = end + 1
            if _tail_ok(toks, k):
                return EnClause(text, "verb-subject", piece(end, k), piece(0, end), tail_from(k), tense)
            return None
        k = _parse_np(toks, end)
        if k > end and _tail_ok(toks, k):
            return EnClause(text, "verb-subject", piece(end, k), piece(0, end), tail_from(k), tense)
    return None


_RELAXED_TO_SAID = {"told": "said", "tells": "says", "informs": "reports", "informed": "reported", "tell": "say",
                    "inform": "report", "transmits": "reports", "transmitted": "reported", "transmit": "report",
                    "conveys": "reports", "conveyed": "reported", "convey": "report"}


# A tail after a comma that is a circumstance of the attribution ("…, citing the Air Force"), not an apposition of
# its subject ("said Sergei Kulakov, director of the club").
_CIRCUMSTANCE_TAIL = LazyPattern(
    r",\s*(?:citing|adding|referring|noting|quoting|saying|stressing|explaining|according|with reference)\b", re.I
)


def plain_reporting_verb(form: str) -> str:
    """The verb English agency copy uses for a calqued one (``informs``/``transmits`` → ``reports``, ``told`` →
    ``said``); other forms are returned as they are (lower-cased)."""
    return _RELAXED_TO_SAID.get(form.lower(), form.lower())


def english_order(clause: EnClause) -> str:
    """The clause in English agency order: subject first (``reported Ukrenergo`` → ``Ukrenergo reported``;
    ``told the woman`` → ``the woman said``); a leading determiner or pronoun is lower-cased."""
    base = _VERB_FORM.get(clause.verb.split()[0].lower(), ("", ""))[0]
    if clause.order == "verb-subject" and (clause.tail.startswith(",") and not _CIRCUMSTANCE_TAIL.match(clause.tail)
                                           or base in ("quote", "cite")):
        # "said Sergei Kulakov, director of the club, …" is idiomatic; "quotes Kotin Interfax-Ukraine" has its
        # subject after the object — keep the words, drop only the dash
        out = clause.text
    elif clause.order == "verb-subject":
        verb = clause.verb
        low = verb.lower()
        if low in _RELAXED_TO_SAID:
            verb = _RELAXED_TO_SAID[low]
        subject = clause.subject
        if subject.lower() in _OBJECT_PRONOUNS:
            subject = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "I"}[subject.lower()]
        out = f"{subject} {verb.lower()}"
        if clause.tail:
            out += ("" if clause.tail.startswith(",") else " ") + clause.tail
    elif clause.order == "according":
        out = clause.text
    elif clause.order == "passive" and clause.subject.lower() in ("", "it"):
        # "stated in the material" / "it is said in the statement" → "the material stated" / "the statement says";
        # "are highlighted by the organizers" → "the organizers highlighted"
        m = re.fullmatch(r"in (?:the|a|an|its|his|her|their) ([\w-]+)", clause.tail)
        by = re.fullmatch(r"by (?P<agent>[^,]+)", clause.tail)
        participle = clause.verb.split()[-1].lower()
        if by and participle in _VERB_FORM:
            out = f"{by.group('agent')} {_PAST_OF.get(_VERB_FORM[participle][0], participle)}"
        elif m:
            present = re.search(r"\b(is|are)\b", clause.text) is not None
            out = f"the {m.group(1)} {'says' if present else 'said'}"
        else:
            out = clause.text
    else:
        out = clause.text
        if clause.order == "subject-verb" and not clause.tail:
            verb_low = clause.verb.lower()
            if verb_low in _RELAXED_TO_SAID:
                out = _replace_word(out, clause.verb, _RELAXED_TO_SAID[verb_low])
    out = out.strip()
    if sum(out.count(q) for q in DOUBLE_QUOTES) % 2:
        out = "".join(ch for ch in out if ch not in DOUBLE_QUOTES)  # 'writes "Kommersant' → 'Kommersant writes'
    return _lower_first(out)


def _replace_word(text: str, word: str, new: str) -> str:
    return re.sub(r"\b" + re.escape(word) + r"\b", new, text, count=1)


def _lower_first(text: str) -> str:
    m = re.match(r"(\w+)", text)
    if not m:
        return text
    first = m.group(1)
    if first.lower() in _DETERMINERS | _PRONOUNS | _OBJECT_PRONOUNS | EN_SPEECH_VERBS | {"according", "as"} and (
        first != "I"
    ):
        return first.lower() + text[len(first):]
    nxt = text[m.end():].lstrip()
    if first[1:].islower() and nxt[:1].islower() and (
        first.lower() in _TITLE_WORDS or first.lower() in _EN_SPEAKER_WORD
    ):
        # a sentence-initial capital on a common word ("Regional governor X said" joined after a quote)
        return first.lower() + text[len(first):]
    return text


# Common words that open a speaker's title ("regional governor", "deputy minister"), lower-cased after a quote.
_TITLE_WORDS = frozenset({
    "regional", "local", "deputy", "former", "acting", "city", "state", "national", "senior", "first", "chief",
    "head", "interim", "district", "military", "defense", "defence", "foreign", "interior", "energy", "health",
    "economy", "finance", "justice",
})


# -- English: dash-led attributions ---------------------------------------------------------------------------------

_LONE = re_compile(r"^\s*" + _DASH_CLASS + r"+\s*(?P<clause>[^\n]*?)\s*(?P<end>[.!?…]*)\s*[\"”’']?\s*$")
_ABBREV = frozenset({"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st", "jr", "sr", "u.s", "u.k",
                     "e.g", "i.e", "vs", "no", "maj", "capt", "rep", "sen", "gov", "pres", "adm", "cmdr"})


@dataclass(frozen=True, slots=True)
class EnDashAttribution:
    """A dash-led attribution in English text: `dash` is the offset of the dash, `start` the offset where the
    text before it ends (before spaces and the comma/period, after any closing quotation mark), `end` the offset
    just past the clause's final punctuation."""

    dash: int
    start: int
    end: int
    clause: EnClause
    final: str  # the clause's final punctuation ("." if none)
    before: str  # the text before `start` in the paragraph (the quote side)
    quote_closed: bool  # a closing quotation mark stands right before the dash


def lone_en_attribution(text: str) -> EnClause | None:
    """If the paragraph is only a dash plus an attribution clause (``- the publication writes.``), the clause."""
    m = _LONE.match(text)
    if not m:
        return None
    clause = m.group("clause")
    if not clause or clause.endswith(":"):
        return None
    return parse_en_clause(clause)


_BARE = re_compile(r"^\s*(?P<clause>[^\n.!?…:;\"“”«»„]+?)\s*[.!?…]?\s*$")


def bare_en_attribution(text: str) -> EnClause | None:
    """If the paragraph is only an attribution clause without a dash (``the head of the RMA Oleh Syniehubov
    reported.``, ``Oleh Syniehubov, head of the regional administration, said.``), the clause. Whether it is detached
    from a quote depends on its neighbours (the caller decides)."""
    if len(text) > 300 or _DASH_RE_START.match(text):
        return None
    m = _BARE.match(text)
    if not m or len(m.group("clause").split()) > 18 or re.match(r"\s*as\b", text, re.I):
        return None  # "As VOA reported, …" opens a sentence of its own
    clause = parse_en_clause(m.group("clause"))
    if clause is None or clause.tense == "base":
        return None  # "Recall that Russia attacked…" is a sentence of its own
    if "," in clause.tail or len(clause.tail.split()) > 8:
        return None  # an attribution line ends with a short circumstance ("on Telegram"), not another clause
    if clause.order == "passive" and not clause.subject:
        return clause if en_speaker_categories(clause.tail) else None  # "is said in the message"
    return clause if _names_a_speaker(clause.subject) else None


def _names_a_speaker(subject: str) -> bool:
    """A pronoun, a speaker noun (the head of the RMA, the court's press service) or a name (Oleh Syniehubov,
    Ukrenergo) — not a clause that happens to precede a speech-like verb."""
    subject = subject.strip(" ,")
    low = subject.lower()
    if low in _PRONOUNS:
        return True
    if re.match(r"(?:that|this|these|those|which|what)\b", low):
        return False
    if en_speaker_categories(subject):
        return True
    words = re.findall(r"[\w'’-]+", subject)
    content = [w for w in words if w.lower() not in _NP_CONNECTORS and w.lower() not in _DETERMINERS]
    return bool(content) and all(w[:1].isupper() for w in content)


_DASH_RE_START = re_compile(r"^\s*" + _DASH_CLASS)
_END_PUNCT = re_compile(r"[.!?…]+")
_LAST_WORD = re_compile(r"([\w.]+)$")  # (searched with an end position: `$` matches there, as at a slice's end)


def _sentence_end(text: str, i: int) -> int:
    """Offset just past the end of the sentence starting at `i` (abbreviations such as Mr. do not end it)."""
    n = len(text)
    pos = i
    while pos < n:
        m = _END_PUNCT.search(text, pos)
        if not m:
            return n
        after = text[m.end(): m.end() + 1]
        # (the word before the stop is read only where the test needs it: a lone "." followed by a space)
        if m.group(0) == "." and after == " " and (word := _LAST_WORD.search(text, i, m.start())) and (
            word.group(1).lower().rstrip(".") in _ABBREV
        ):
            pos = m.end()
            continue
        if after == "" or after.isspace() or after in "\"”’»)":
            return m.end()
        pos = m.end()
    return n


_GLUED_DASH = re_compile(r"(?<=[\w.,!?…\"”’»)'])(?P<pre>\s*)" + _DASH_CLASS + r"{1,2}(?=\s|\w)")
# The matches of `_GLUED_DASH` that `_find_en_dash_attributions` keeps, found directly: it skips a match whose `pre` is
# empty and whose character before is alphanumeric (a hyphen inside a word). `pre` is empty exactly when the match
# does not start at white space (a dash is not white space), so whether a match is skipped depends on its start alone;
# the added condition (white space next, or no alphanumeric character before — `[^\W_]` is \w without "_", i.e.
# alphanumeric) rejects exactly those starts. A skipped match spans only its dashes, and no match can start after one
# of its dashes (a dash is not in the look-behind), so the kept matches are found at the same places, the same.
_GLUED_DASH_KEPT = re_compile(
    r"(?<=[\w.,!?…\"”’»)'])(?:(?=\s)|(?<![^\W_]))(?P<pre>\s*)" + _DASH_CLASS + r"{1,2}(?=\s|\w)"
)


# What every dash kept by `find_en_dash_attributions` has before it: white space (the end of `pre`), or, with no white
# space, a character of `_GLUED_DASH`'s look-behind that is not alphanumeric (\w is alphanumeric or "_").
_ANY_DASH = re_compile(_DASH_CLASS)  # any of `DASHES` (a scan for one character class: the fastest pre-check)
_GLUED_DASH_HINT = re_compile(r"[\s_.,!?…\"”’»)'][" + re.escape(DASHES) + "]")


def en_dash_possible(text: str) -> bool:
    """``_ANY_DASH.search(text) is not None``: "-" is the only ASCII dash, and ``str.isascii`` is O(1)."""
    return ("-" in text) if text.isascii() else _ANY_DASH.search(text) is not None


def en_dash_clause_possible(text: str) -> bool:
    """False only when neither `lone_en_attribution` (a dash first, after white space) nor `find_en_dash_attributions`
    can find anything in `text` (a cheap exact pre-check)."""
    if not en_dash_possible(text):
        return False  # (most paragraphs: one fast scan)
    return _GLUED_DASH_HINT.search(text) is not None or _DASH_RE_START.match(text) is not None


def find_en_dash_attributions(text: str) -> tuple[EnDashAttribution, ...]:
    """Attribution clauses glued to the preceding text with a dash (``…schedules - the statement reads.``,
    ``…," – told Maryna.``). The dash must follow a space, or punctuation (a hyphen inside a word is not one);
    the clause runs to the end of its sentence and must parse as an attribution."""
    if not en_dash_possible(text) or _GLUED_DASH_HINT.search(text) is None:
        return ()  # no dash that `_GLUED_DASH` would take (most paragraphs: skip the cache too)
    return _find_en_dash_attributions(text)


# The patterns `_find_en_dash_attributions` searches, compiled once (they were written inline: the same patterns).
_A_WORD_CHAR = re_compile(r"\w")
_FINAL_PUNCT_RUN = re_compile(r"[.!?…]+$")
_SPACED_DASH_ANY = re_compile(r"\s" + _DASH_CLASS + r"\s")
_INSIDE_NAME = re_compile(r"[\"”’»][,.]?\s+[^\"”“«».,!?…]{1,40}$")


def _kept_dash_matches(text: str) -> Iterator[re.Match[str]]:
    """``_GLUED_DASH_KEPT.finditer(text)``, tried only where a match can start. A match is white space (`pre`), then
    its dashes, and the character before it is not white space (the look-behind), so it starts where the run of white
    space before one of its dashes starts (at the dash, with no such run); a dash inside an earlier match starts none.
    (The look-behinds see the text before the position a match is tried at.)"""
    match = _GLUED_DASH_KEPT.match
    pos = 0
    for d in _ANY_DASH.finditer(text):
        start = d.start()
        if start < pos:
            continue  # (a dash of the match before)
        while start > 0 and text[start - 1].isspace():
            start -= 1
        if start < pos:
            continue
        m = match(text, start)
        if m is not None:
            yield m
            pos = m.end()


@functools.lru_cache(maxsize=4096)
def _find_en_dash_attributions(text: str) -> tuple[EnDashAttribution, ...]:
    out: list[EnDashAttribution] = []
    for m in _kept_dash_matches(text):  # (`_GLUED_DASH` without the matches skipped just below)
        dash = m.start() + len(m.group("pre"))
        prev_char = text[m.start() - 1] if m.start() else ""
        if not m.group("pre") and prev_char.isalnum():
            continue  # a hyphen inside a word
        before = text[: m.start()]
        if not _A_WORD_CHAR.search(before):
            continue
        clause_start = m.end()
        while clause_start < len(text) and text[clause_start].isspace():
            clause_start += 1
        end = _sentence_end(text, clause_start)
        raw = text[clause_start:end]
        stripped = raw.rstrip(" \"”’»")
        final_m = _FINAL_PUNCT_RUN.search(stripped)
        final = final_m.group(0) if final_m else ""
        clause_text = stripped[: len(stripped) - len(final)] if final else stripped
        if not clause_text or clause_text.endswith(":"):
            continue
        if sum(clause_text.count(q) for q in DOUBLE_QUOTES) > 2:
            continue  # a quote of its own, not a name in quotes ('- writes "Kommersant".')
        if _SPACED_DASH_ANY.search(clause_text):
            continue  # "— officials say — will…": a parenthetical inside the sentence, not a final attribution
        clause = parse_en_clause(clause_text)
        if clause is None:
            continue
        inside_name = _INSIDE_NAME.search(before)
        if inside_name and not before.rstrip().endswith(("\"", "”", "»")):
            continue  # ', " Interfax - Ukraine quotes…': the dash is inside a name after an English attribution
        # where the quote side ends: before spaces and a comma/period that are replaced by the fix
        start = m.start()
        while start > 0 and text[start - 1] in " \t,":
            start -= 1
        quote_closed = start > 0 and text[start - 1] in "\"”’»'" or (
            start > 1 and text[start - 1] == "." and text[start - 2] in "\"”’»"
        )
        out.append(EnDashAttribution(dash, start, end, clause, final or ".", text[:start], quote_closed))
    return tuple(out)


_INLINE = re_compile(r"(?:[,?!…]\s*[\"”’']|[\"”’'],)\s+(?=\w)")


_INLINE_MARK = re_compile(r"[\"”’']")


def find_en_inline_attributions(text: str) -> tuple[tuple[int, int, EnClause], ...]:
    """English-style attributions right after a closing quotation mark (``"…," analysts note.``): (start, end,
    clause) with `start` at the clause and `end` past its final punctuation."""
    if _INLINE_MARK.search(text) is None:
        return ()  # every `_INLINE` match holds one of these marks
    return _find_en_inline_attributions(text)


@functools.lru_cache(maxsize=4096)
def _find_en_inline_attributions(text: str) -> tuple[tuple[int, int, EnClause], ...]:
    out = []
    for m in _INLINE.finditer(text):
        start = m.end()
        end = _sentence_end(text, start)
        raw = text[start:end].rstrip(" \"”’»")
        body = re.sub(r"[.!?…]+$", "", raw)
        if not body or any(q in body for q in DOUBLE_QUOTES) or re.search(r"\s" + _DASH_CLASS + r"\s", body):
            continue
        clause = parse_en_clause(body)
        if clause is not None:
            out.append((start, end, clause))
    return tuple(out)


# -- English: is speech attributed at all? ------------------------------------------------------------------------

_EN_ATTRIB_WORDS = EN_SPEECH_VERBS - {"point", "points", "pointed", "sum", "sums", "summed", "read", "post",
                                     "share", "agree", "quote"}
_EN_ATTRIB_RE = LazyPattern(
    r"\b(?:" + "|".join(sorted((re.escape(w) for w in _EN_ATTRIB_WORDS), key=len, reverse=True)) + r")\b"
    r"|\baccording to\b|\bciting\b|\bpointed out\b|\bsummed up\b|\bwent on\b|\bin the words of\b|\bquoting\b"
    r"|\bquoted\b|\breads\b|\bsaying\b|\bnoting\b|\badding\b|\bstressing\b|\bemphasi[sz]ing\b|\bexplaining\b"
    r"|\bwriting\b|\bper\b|\bas put by\b|\bin (?:a|an|his|her|their|its) (?:statement|post|interview|address)\b"
    r"|[:]\s*[\"“‘']",
    re.I,
)


# `_EN_ATTRIB_RE` in two parts, for speed (`_en_attrib_search` gives the same answer): its one-word alternatives as a
# set of lower-case words, and its other alternatives, in lower case, searched in the lower-cased text.
_EN_ATTRIB_TOKENS = frozenset(_EN_ATTRIB_WORDS) | {
    "citing", "quoting", "quoted", "reads", "saying", "noting", "adding", "stressing", "emphasising", "emphasizing",
    "explaining", "writing", "per",
}
_EN_ATTRIB_PHRASES = re_compile(
    r"\baccording to\b|\bpointed out\b|\bsummed up\b|\bwent on\b|\bin the words of\b|\bas put by\b"
    r"|\bin (?:a|an|his|her|their|its) (?:statement|post|interview|address)\b|[:]\s*[\"“‘']"
)
_WORD_RUN = re_compile(r"\w+")


def _en_attrib_search(text: str) -> bool:
    """``_EN_ATTRIB_RE.search(text) is not None``, about twenty times faster. In the lower-cased text (when `lowered`
    allows it: `tqa.text.fold`) a one-word alternative ``\\bword\\b`` matches exactly where a maximal run of word
    characters equals the word (the words are all letters); the other alternatives are searched as they are."""
    low = lowered(text)
    if low is None:
        return _EN_ATTRIB_RE.search(text) is not None
    if not _EN_ATTRIB_TOKENS.isdisjoint(_WORD_RUN.findall(low)):
        return True
    return _EN_ATTRIB_PHRASES.search(low) is not None


def en_has_attribution(text: str) -> bool:
    """Does the English text attribute speech anywhere outside its quotations (a speech verb, ``according to``,
    ``citing``, a colon before a quote)? Words inside quotation marks are the speaker's, not an attribution
    (``"…is being clarified."`` has no attribution)."""
    if not _en_attrib_search(text):
        return False
    return _en_attrib_search(mask_quoted(text))


_REPORTING_FORMS = sorted(
    (f for f, (base, tense) in _VERB_FORM.items() if tense in ("3sg", "past") and base in (
        "say", "tell", "write", "note", "add", "stress", "emphasize", "emphasise", "underline", "explain", "state",
        "report", "inform", "claim", "insist", "argue", "believe", "think", "recall", "remind", "clarify", "specify",
        "announce", "declare", "admit", "assure", "warn", "confirm", "mention", "indicate", "observe", "assert",
        "maintain", "suggest", "acknowledge", "promise", "predict", "complain", "concede", "reiterate", "estimate",
        "highlight", "underscore", "conclude", "answer", "reply", "respond", "comment", "remark")),
    key=len, reverse=True,
)
_REPORTED_SPEECH = LazyPattern(
    r"\baccording to\b|\bin the words of\b"
    r"|\b(?:" + "|".join(_REPORTING_FORMS) + r")\b(?:\s+(?:\w+\s+){0,2}?(?:reporters|journalists|him|her|them|us|"
    r"me|the media|the press))?\s+(?:that|he|she|they|it|we|there|his|her|their|its)\b"
    # "the ministry said the missile was intercepted": a clause with its own finite verb after the speech verb
    r"|\b(?:" + "|".join(_REPORTING_FORMS) + r")\s+(?:[\w'’-]+\s+){1,5}?"
    r"(?:was|were|is|are|had|has|have|would|will|could|can|should|did|might|must)\b",
    re.I,
)


def en_reported_speech(text: str) -> bool:
    """Does the English text report speech indirectly — ``according to X``, ``X said that…``, ``X said they
    had…``, ``told reporters it was…`` — rather than give the words as said? (Quoted spans are ignored.)"""
    return _REPORTED_SPEECH.search(mask_quoted(text)) is not None


def uk_speaker_categories(text: str) -> set[str]:
    """Every speaker category a Ukrainian text names anywhere (``начальник ОВА`` → {"head", "administration"})."""
    text = _UK_MAYOR_PHRASE.sub("міськголов", text)
    out = set()
    for m in _UK_WORD.finditer(text):
        word = m.group(0).lower()
        for category, rx in _UK_SPEAKER_RES:
            if rx.fullmatch(word):
                out.add(category)
                break
    return out


def mask_quoted(text: str) -> str:
    """`text` with the inside of every closed quotation (``"…"``, ``“…”``, ``«…»``, ``„…“``, ``‘…’``) blanked out
    (same length; the marks stay). A straight-quote pair whose marks face the wrong way (``…," he said. "…`` in the
    middle of a long quote) is left alone."""
    spans = []
    for start, end, _inner in find_quoted_spans(text):
        if text[start] == '"' and (_straight_direction(text, start) == -1 or _straight_direction(text, end - 1) == 1):
            continue
        spans.append((start + 1, end - 1))
    for m in _SINGLE_QUOTED.finditer(text):
        spans.append((m.start() + 1, m.end() - 1))
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# -- Ukrainian: dash-led attributions ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UkAttribution:
    """A dash-led Ukrainian attribution (``– пише видання.``): `start` is the dash offset, `end` the offset past the
    clause; `verb` is the speech verb form; `category` the speaker category (or None); `after_quote` tells whether a
    closing quotation mark stands right before the dash."""

    start: int
    end: int
    clause: str
    verb: str
    category: str | None
    after_quote: bool


_UK_DASH = re_compile(r"(?:(?<=[\w.,!?…\"”»“'’)])|^)(?P<pre>\s*)" + _DASH_CLASS + r"{1,2}\s*")
_UK_WORDS = re_compile(r"[\w'’ʼ]+(?:-[\w'’ʼ]+)*")
_UK_CLAUSE_MAX_WORDS = 14


# Verbs that are speech verbs only with a speaker after them ("передає УНН" but "передає Україні танки").
_UK_AMBIGUOUS_VERBS = frozenset(
    w for w in UK_SPEECH_VERBS
    if w.startswith(("переда", "дода", "продовж", "визна", "оціни", "оцінює", "обіця", "пообіця", "ради", "порадив",
                     "порадил", "пита", "вважа", "прогноз", "висловив", "поділи", "ділиться", "вказ", "циту"))
)
_UK_PRONOUNS = frozenset({"він", "вона", "вони", "ми", "я", "ви", "воно"})


def _uk_speaker_follows(words: list[str], vi: int) -> bool:
    """A speaker after the verb: a pronoun, a capitalised name or agency (УНН, Reuters), or a speaker noun — possibly
    after an adjective or two (``– передає державна агенція Anadolu``)."""
    for j in range(vi + 1, min(len(words), vi + 4)):
        w = words[j]
        low = w.lower()
        if low in _UK_PRONOUNS or w[:1].isupper() or uk_speaker_category(w):
            # the speaker closes the clause, or a circumstance follows ("– передає УНН з посиланням на…"); not an
            # object followed by more objects ("– передає Україні танки")
            k = j + 1
            while k < len(words) and (words[k][:1].isupper() or uk_speaker_category(words[k])):
                k += 1
            return k >= len(words) or words[k].lower() in _UK_CIRCUMSTANCE
        if not re.fullmatch(r"\w+(?:ий|а|е|і|ого|ої|их|ним|ною)", low):
            return False
    return False


_UK_CIRCUMSTANCE = frozenset({"у", "в", "з", "із", "зі", "на", "про", "під", "за", "посилаючись", "цитуючи",
                              "додаючи", "наголошуючи", "пояснюючи", "зазначаючи", "відповідаючи", "коментуючи",
                              "щодо", "після", "перед", "під", "та", "і", "й"})


@functools.lru_cache(maxsize=8192)
def find_uk_attributions(text: str) -> tuple[UkAttribution, ...]:
    """Dash-led attribution clauses of Ukrainian text: ``«…», – заявив міністр.``, ``…, – йдеться у
    повідомленні.``, a paragraph ``– пишуть аналітики.``. A speech verb must be among the first three words after the
    dash; the clause ends at the end of its sentence (or at the next dash, for a quote that continues)."""
    out: list[UkAttribution] = []
    for m in _UK_DASH.finditer(text):
        start = m.start() + len(m.group("pre"))
        if m.start() > 0 and not m.group("pre") and text[m.start() - 1].isalnum():
            continue
        body_start = m.end()
        end = _sentence_end(text, body_start)
        nxt = re.search(r"\s" + _DASH_CLASS + r"\s", text[body_start:end])
        if nxt:
            end = body_start + nxt.start()
        clause = text[body_start:end].strip()
        words = _UK_WORDS.findall(clause)
        if not words or len(words) > _UK_CLAUSE_MAX_WORDS:
            continue
        vi = next((i for i, w in enumerate(words[:3]) if uk_speech_verb(w)), None)
        if vi is None:
            continue
        verb = words[vi]
        if verb.lower() in _UK_AMBIGUOUS_VERBS and not _uk_speaker_follows(words, vi):
            continue  # "– передає Україні танки", "– продовжує наступ": not speech
        # "Київ – столиця" has no speech verb; "– це, як каже він, …" is not a clause-initial attribution
        if words[0].lower() in ("це", "що", "як", "а", "і", "та", "але"):
            continue
        before = text[: m.start()].rstrip()
        after_quote = bool(before) and (before[-1] in "»\"”“'’" or (len(before) > 1 and before[-1] in ",." and
                                                                 before[-2] in "»\"”“'’"))
        out.append(UkAttribution(start, end, clause, verb, uk_speaker_category(clause), after_quote))
    return tuple(out)


# -- quotation marks ---------------------------------------------------------------------------------------------------


_DOUBLE_QUOTE_RE = re_compile("[" + re.escape(DOUBLE_QUOTES) + "]")
DOUBLE_QUOTE_RE = _DOUBLE_QUOTE_RE  # any double quotation mark (`has_double_quotes`; the quotation rules' gate)
_PAIRED_QUOTE_RE = re_compile("[\"\u201c\u201d\u00ab\u00bb\u201e]")  # the marks double_quote_balanced pairs
_LOW9_PAIR = re_compile(r"„[^„“”\n]*[“”]")
_EN_CONTRACTION = re_compile(r"(?:s|t|ll|re|ve|d|m)(?![A-Za-z])")


def _is_inner_mark(text: str, i: int) -> bool:
    """A double quotation mark typed for an apostrophe: inside a Ukrainian word before я/ю/є/ї (``інтерв"ю``,
    ``пов"язані``) or in an English contraction (``I”ll``, ``don"t``). A mark between two words with a missing
    space (``"successfully"for``) is still a quotation mark."""
    if not (0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()):
        return False
    if text[i + 1] in "яюєїЯЮЄЇ":
        return True
    return text[i - 1].isascii() and _EN_CONTRACTION.match(text, i + 1) is not None


def quote_counts(text: str) -> dict[str, int]:
    """Counts of double quotation marks by kind: "straight" ("), "open" (“ „ «), "close" (” »); a ``“`` after
    ``„`` (the Ukrainian/German pair) counts as a close. A mark between two letters (an apostrophe typed as a
    quotation mark) is not counted."""
    straight = opens = closes = 0
    low9_open = False
    for m in _DOUBLE_QUOTE_RE.finditer(text):  # only the marks themselves (most paragraphs have none)
        i, ch = m.start(), m.group()
        if _is_inner_mark(text, i):
            continue
        if ch == '"':
            straight += 1
        elif ch == "\u201e":
            opens += 1
            low9_open = True
        elif ch == "\u201c":
            if low9_open:
                closes += 1
                low9_open = False
            else:
                opens += 1
        elif ch in "\u201d\u00bb":
            closes += 1
        elif ch == "\u00ab":
            opens += 1
    return {"straight": straight, "open": opens, "close": closes}


def _straight_direction(text: str, i: int) -> int:
    """+1 if the straight quote at `i` opens (after a space or bracket, before a word), -1 if it closes (after a
    word or punctuation, before a space, punctuation or the end), 0 when the context does not tell."""
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    opens = (prev.isspace() or prev in "([{/:—–-") and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?…)]}—–-\"”»")
    if opens and not closes:
        return 1
    if closes and not opens:
        return -1
    return 0


@functools.lru_cache(maxsize=8192)  # asked of every quoted source paragraph (sources repeat across targets)
def double_quote_balanced(text: str) -> bool:
    """True when every double quotation mark of `text` is paired: every closing mark follows an opening one and all
    are closed (a straight quote's direction is read from its context: ``: "Ми`` opens, ``кидають",`` closes);
    when the direction of a straight quote cannot be told, an even number of marks counts as paired."""
    if _DOUBLE_QUOTE_RE.search(text) is None:
        return True  # no mark at all: nothing to pair (what the full count below would conclude)
    c = quote_counts(text)
    total = c["straight"] + c["open"] + c["close"]
    if total % 2:
        return False
    depth = 0
    low9_open = False
    for m in _PAIRED_QUOTE_RE.finditer(text):
        i, ch = m.start(), m.group()
        if _is_inner_mark(text, i):
            continue
        if ch == '"':
            step = _straight_direction(text, i)
            if step == 0:
                return True  # cannot tell; the count is even
        elif ch == "\u201e" or ch == "\u00ab" or ch == "\u201c" and not low9_open:
            step = 1
            low9_open = low9_open or ch == "\u201e"
        else:
            step = -1
            if ch == "\u201c":
                low9_open = False
        depth += step
        if depth < 0:
            return False
    return depth == 0


@functools.lru_cache(maxsize=4)
def english_quote_style(text: str) -> tuple[str, str]:
    """The double quotation marks the English copy already uses: (“, ”) if it has curly ones (the “ that closes a
    Ukrainian „…“ pair does not count), else straight (", "). Cached: the rules ask it of the whole story text."""
    if "\u201c" not in text and "\u201d" not in text:
        return '"', '"'  # no curly mark at all (removing „…“ pairs cannot add one)
    text = _LOW9_PAIR.sub("", text)
    if "\u201c" in text or "\u201d" in text:
        return "\u201c", "\u201d"
    return '"', '"'


def has_double_quotes(text: str) -> bool:
    return _DOUBLE_QUOTE_RE.search(text) is not None


_SINGLE_QUOTED = re_compile(r"(?:(?<=\s)|^)[‘'](?=\w)[^‘'’\n]{2,}?(?<=[\w.,!?…])['’](?!\w)")


def has_quotation(text: str) -> bool:
    """Any double quotation marks, or a single-quoted span (‘…’ / '…', apostrophes excluded)."""
    return has_double_quotes(text) or _SINGLE_QUOTED.search(text) is not None


_QUOTED_SPANS = re_compile(
    r"«(?P<a>[^«»]*(?:«[^«»]*»[^«»]*)*)»"  # « … «…» … »
    r"|„(?P<b>[^„“”\n]*)[“”]"
    r"|“(?P<c>[^“”\n]*)”"
    r"|\"(?P<d>[^\"\n]*)\""
)


def find_quoted_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of each top-level double-quoted span of `text` («…», „…“, “…”, "…")."""
    out = []
    for m in _QUOTED_SPANS.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        out.append((m.start(), m.end(), inner))
    return out
