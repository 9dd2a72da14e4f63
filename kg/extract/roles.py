"""A person's post and organisation, read from the words around the name.

Kyrgyz puts the post before the name as a genitive chain ("Кыргыз Республикасынын Акыйкатчы
Аппаратынын ... өкүлү Айгүл Бекова") or after it, between commas. Russian and English use
apposition on either side ("заместитель министра финансов г-н Бакиров", "Asanbekov S.,
Manager of the Talas Resource Center,"). The organisation is split off the post: in Kyrgyz at the
first organisation head in the genitive ("...министрлигинин"), when the rest is a post of its own
("... боюнча өкүлү", "... Башкармалыгынын начальниги"); in English at "<post> of <organisation>";
in Russian the post is kept whole and the organisation is the genitive phrase it names.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract import affiliation
from kg.extract.document import ends_sentence
from kg.extract.lexicon import rules, words

WORD = re.compile(r"[\w\"«»“”„'’()-]+(?:\s*[-–]\s*[\w\"«»“”„'’()]+)*|[—–]")


@dataclass(frozen=True)
class Role:
    """A post (and the organisation split off it), with the span of the whole phrase."""

    post: str | None
    organisation: str | None
    start: int
    end: int


@functools.cache
def _posts(lang: str) -> re.Pattern[str]:
    items = sorted(words("people", "posts", lang), key=len, reverse=True)
    # Kyrgyz posts take possessive and genitive endings: "доцент" → "доценти", "доцентинин"
    ending = r"(?:[ыиуү]|с[ыиуү])?(?:н[ыиуү]н)?" if lang == "ky" else ""
    alts = [re.escape(w) + ending for w in items] + [
        str(p) for p in rules("people")["post_patterns"][lang]
    ]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w])", re.I)


def has_post(text: str, lang: str) -> bool:
    return bool(_posts(lang).search(text))


def ends_with_post(text: str, lang: str) -> bool:
    text = text.rstrip(" ,—–-")
    return any(m.end() == len(text) for m in _posts(lang).finditer(text))


KY_BLOCKING = re.compile(
    r"(?:(?<!и)[гк][аеоө]|[ыиуү]н[аеоө]|с[ыиуү]н[аеоө]|[дт][аеоө]н|н[аеоө]н|[дт][аеоө]|нд[аеоө]|ып|ип|уп|үп|"
    r"ды|ди|ду|дү|ты|ти|ту|тү|(?<=[аеёиоуыэюяөү])н[ыиуү])$"
)
"""A case ending or a verb form that a post phrase does not run across ("-ика" is a loan noun,
"журналистика", since a Kyrgyz dative after "и" is "-ге"/"-ке")."""
KY_POSTPOSITIONS = {
    "алдында",
    "алдындагы",
    "боюнча",
    "карата",
    "караштуу",
    "тарабынан",
    "жана",
    "менен",
    "үчүн",
    "ичинде",
    "тармагында",
    "маселелери",
    "маселелер",
}
KY_ADVERBS = {
    "жаңыдан",
    "кайрадан",
    "мурдатан",
    "мурдагы",
    "азыркы",
    "буга чейин",
    "учурда",
    "азыр",
}
KY_PRONOUNS = {
    "ага",
    "аларга",
    "буга",
    "ошого",
    "анда",
    "мында",
    "ал",
    "алар",
    "андан",
    "мындан",
    "ошондон",
    "кийин",
    "соң",
    "эми",
    "эле",
}


def _ky_when(word: str) -> bool:
    """A day before the post ("Бүгүн", "5-мартта") belongs to the clause, not to the post."""
    from kg.extract.dates import relative_words  # dates reads the rules too: imported where used

    return word.lower() in relative_words() or bool(re.match(r"\d", word))


KY_VERBAL_NOUN = re.compile(r"\w{3,}(?:уу|үү|оо|өө)$")
"""A verbal noun ("өнүктүрүү", "коргоо") that governs the accusative before it."""


def _ky_blocks(word: str) -> bool:
    w = word.lower().strip('"«»“”,')
    if w in KY_POSTPOSITIONS or w in KY_ADVERBS or not w:
        return False
    if w in KY_PRONOUNS:
        return True
    if word[:1].isupper() or "-" in w or word.isupper():
        return False
    if _posts("ky").fullmatch(w):
        return False
    return bool(KY_BLOCKING.search(w)) and len(w) > 4


def role_before(
    view: str, floor: int, name_start: int, lang: str, skip: re.Pattern[str] | None
) -> Role | None:
    """The post right before a name, back to a boundary (sentence start, a comma, a previous
    name, a conjunction after another post)."""
    segment = view[floor:name_start]
    before_hon = rules("people")["honorifics"]["before"]
    hon = re.compile(rf"(?:^|\s)(?:{'|'.join(re.escape(str(h)) for h in before_hon)})\.?\s*$", re.I)
    m = hon.search(segment)
    end = floor + (m.start() if m else len(segment))
    text = view[floor:end]
    if not ends_with_post(text.rstrip(), lang) and lang == "ky":
        return None
    start = _boundary(text, lang)
    phrase_start = floor + start
    phrase = view[phrase_start:end]
    if lang == "ky":
        tokens = list(WORD.finditer(phrase))
        cut = 0
        for i, tok in enumerate(tokens):
            nxt = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
            accusative = re.search(r"[дт][ыиуү]$|н[ыиуү]$", tok.group().lower())
            if KY_VERBAL_NOUN.search(nxt) and accusative:
                continue  # "Мамлекеттик тилди өнүктүрүү бөлүмү": an object inside a body's name
            if _ky_blocks(tok.group()) or _ky_when(tok.group()):
                cut = tok.end()
        if skip is not None:
            lead = skip.match(phrase[cut:].lstrip())
            if lead:
                cut = len(phrase) - len(phrase[cut:].lstrip()) + lead.end()
        phrase_start += cut
    else:
        post = _posts(lang).search(phrase)
        if post is None:
            return None
        phrase_start += post.start()
    a, b = _trim(view, phrase_start, end)
    if b - a < 2 or not has_post(view[a:b], lang):
        return None
    return split_role(view, a, b, lang)


def _boundary(text: str, lang: str) -> int:
    """Offset in ``text`` after the last boundary before the role."""
    best = 0
    for m in re.finditer(r"[,;:(«»\"“”.!?\t\n|]|\s[—–-]\s", text):
        if m.group() == ",":
            if lang == "ky" and _genitive_pair(text, m.start()):
                continue
            if lang != "ky" and _enumerated_tail(text[m.end() :], lang):
                continue  # "министра труда, социального обеспечения и миграции Name"
        if m.group() in '«»"“”' or _inside_quotes(text, m.start()):
            continue  # quoted names stay inside a role ("Жаңы муун" долбоорунун)
        if m.group() == "." and not ends_sentence(text, 0, m.start()):
            continue  # "г.", "Ж.": an abbreviation or an initial
        if m.group().strip() in "—–-" and ends_with_post(text[: m.start()], lang):
            continue  # "башчысы — аким": one post
        best = m.end()
    conj = {"ky": r"\s(?:жана|менен)\s", "ru": r"\s(?:и|а также)\s", "en": r"\s(?:and)\s"}[lang]
    for m in re.finditer(conj, text):
        if m.start() < best:
            continue
        if not text[best : m.start()].strip():
            best = m.end()  # the conjunction that joins this person to the one before
            continue
        if (
            lang == "ky"
            and m.group().strip() == "жана"
            and not ends_with_post(text[: m.start()], lang)
        ):
            continue
        if lang != "ky" and not has_post(text[m.end() :], lang):
            continue
        best = m.end()
    return best


def _enumerated_tail(rest: str, lang: str) -> bool:
    """The words after a comma continue an enumeration of the post before it: lower-case words
    joined by a conjunction, with no post and no further comma, up to the name."""
    words_ = rest.split()
    conj = {"ru": "и", "en": "and"}[lang]
    return (
        0 < len(words_) <= 8
        and conj in words_[1:-1]
        and "," not in rest
        and all(w.islower() or w == conj for w in words_)
        and not has_post(rest, lang)
    )


def _inside_quotes(text: str, pos: int) -> bool:
    before = text[:pos]
    return (
        before.count("«") > before.count("»")
        or before.count('"') % 2 == 1
        or (before.count("“") > before.count("”"))
    )


def _genitive_pair(text: str, comma: int) -> bool:
    before = re.search(r"(\w+)\s*$", text[:comma])
    after = re.match(r"\s*(\w+)", text[comma + 1 :])
    gen = re.compile(r"(?:[нд][ыиуү]н|т[ыиуү]н)$", re.I)
    return bool(before and after and gen.search(before.group(1)) and gen.search(after.group(1)))


def role_after(
    view: str, name_end: int, limit: int, lang: str, next_name: int | None
) -> Role | None:
    """The post between commas right after a name ("Asanbekov S., Manager of ...,"), with an
    organisation in the next comma piece when the post names none ("гляциолог, <институт>")."""
    m = re.match(r"[ \t]*(?:айым|мырза)?[ \t]*[,(][ \t]*", view[name_end:limit])
    if not m:
        return None
    start = name_end + m.end()
    stop = min(limit, next_name if next_name is not None else limit)
    seg_end, ended = _piece_end(view, start, stop)
    speech = _speech(lang)
    runs_on = (
        not ended
        and next_name is not None
        and next_name <= limit
        and not speech.search(view, start, stop)
    )
    segment = view[start:seg_end]
    if lang == "ky":
        # "... эксперти жана <the next person's post>": the next person's role starts after жана
        for j in re.finditer(r"\sжана\s", segment):
            if ends_with_post(segment[: j.start()], lang):
                seg_end = start + j.start()
                runs_on = False
                break
    tail_conj = re.search(r"\s(?:и|and|жана)\s*$", segment)
    if runs_on and tail_conj and has_post(segment[: tail_conj.start()], lang):
        # "A, председатель совета и B, член совета": the conjunction joins the next person
        seg_end = start + tail_conj.start()
        runs_on = False
    if runs_on:
        return None  # the words run into the next name: they are that person's post
    while view[seg_end : seg_end + 1] == "," and _enumerated(view, seg_end + 1, stop, lang):
        seg_end = _piece_end(view, seg_end + 1, stop)[
            0
        ]  # "министра природных ресурсов, экологии и ..."
    sm = speech.search(view, start, seg_end)
    if sm:
        seg_end = sm.start()
    a, b = _trim(view, start, seg_end)
    if lang == "en":
        art = re.match(r"(?:a|an|the)\s+", view[a:b], re.I)
        if art:
            a += art.end()
    if b - a < 2 or not has_post(view[a:b], lang):
        return None
    first_post = _posts(lang).search(view, a, b)
    if lang != "ky" and first_post and first_post.start() - a > 40:
        return None
    role = split_role(view, a, b, lang)
    if role.organisation is None and view[seg_end : seg_end + 1] == "," and not sm:
        org_end = _piece_end(view, seg_end + 1, stop)[0]
        oa, ob = _trim(view, seg_end + 1, org_end)
        if _names_a_body(view[oa:ob], lang):
            return Role(role.post, " ".join(view[oa:ob].split()).strip('"«»“”'), a, ob)
    return role


def _piece_end(view: str, start: int, stop: int) -> tuple[int, bool]:
    """The end of a comma piece: a comma, semicolon, closing bracket, spaced dash or a full stop
    that ends the sentence ("г." and initials do not); and whether such a mark was found."""
    for m in re.finditer(r"[,;)]|\.(?=\s|$)|\s[—–]\s", view[start:stop]):
        if m.group() == "." and not ends_sentence(view, start, start + m.start()):
            continue
        return start + m.start(), True
    return stop, False


def _enumerated(view: str, start: int, stop: int, lang: str) -> bool:
    """A comma piece that continues an enumeration inside a post ("..., экологии и технического
    надзора КР"): joined by a conjunction, with no post, verb or name of its own."""
    end = _piece_end(view, start, stop)[0]
    piece = " ".join(view[start:end].split())
    conj = {"ky": "жана", "ru": "и", "en": "and"}[lang]
    words_ = piece.split()
    if (
        conj not in words_[1:-1]
        or has_post(piece, lang)
        or has_speech(piece, lang)
        or len(words_) > 8
    ):
        return False
    if lang == "en":
        return all(
            w[:1].isupper() or w in {"and", "of", "the"} or w.startswith("(") for w in words_
        )
    return all(w.islower() or w.isupper() for w in words_) and words_[0].islower()


def _names_a_body(piece: str, lang: str) -> bool:
    """A comma piece after a post that names the body the person represents."""
    words_ = piece.split()
    if not words_ or len(words_) > 12 or has_post(piece, lang) or has_speech(piece, lang):
        return False
    if not (piece[:1].isupper() or piece[:1] in '«“"'):
        return False
    if re.fullmatch(r"[«“\"][^«»“”\"]+[»”\"]", piece):
        return True
    return any(affiliation.body_kind(w, lang) in {"organisation", "project"} for w in words_)


@functools.cache
def _speech(lang: str) -> re.Pattern[str]:
    items = sorted(words("people", "speech", lang), key=len, reverse=True)
    return re.compile(rf"(?<![\w])(?:{'|'.join(re.escape(w) for w in items)})", re.I)


def has_speech(text: str, lang: str) -> bool:
    return bool(_speech(lang).search(text))


def _trim(view: str, a: int, b: int) -> tuple[int, int]:
    while a < b and view[a] in " \t\n,;:—–-":
        a += 1
    while b > a and view[b - 1] in " \t\n,;:.—–-":
        b -= 1
    return a, b


def split_role(view: str, a: int, b: int, lang: str) -> Role:
    """The role phrase ``view[a:b]`` split into post and organisation (see :mod:`affiliation`)."""
    before = view[:a].rstrip(" \t*_")
    initial = not before or before[-1] in ".!?\n\t|"
    found = affiliation.split_role(view[a:b], lang, sentence_initial=initial, whole_text=view)
    return Role(found.post, found.organisation, a, b)


__all__ = ["Role", "has_post", "has_speech", "role_after", "role_before", "split_role"]
