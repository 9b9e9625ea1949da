"""Names in a text in another language written in the Latin alphabet, read without a language model.

The English model types whole sentences of other languages PERSON, so it never reads them. What can be read without
a language's grammar is read here, and only that:
- **people** written with a given name that many languages share ("Kyle Busch", "Martin Truex Jr.", "Ali bin Abi
  Talib", "Emilia Renita"), then by their surname alone when no other person of the text bears it; and the other names
  of a table column whose cells are such people ("Bubba Wallace" under "Kyle Busch" and "Denny Hamlin");
- **places**: the countries in the languages of the world ("Alemanha", "Afrika Selatan", "Deutschland"), the states
  of the United States, the capitals and the large cities;
- **organisations** the news names every day by their name alone ("NASCAR" is not one: an acronym can be anything).

A word of the language is never a name: a capitalised word whose lower-case form the text also writes ("Dan …" at the
start of an Indonesian sentence, "dan" everywhere else; "Como" of Italian and Spanish) is left alone, and so is a name
inside a longer run of capitalised words (a title, an organisation's name). Everything read here is a weaker reading
than the model's, and is marked so (:data:`CONFIDENCE`).
"""

from __future__ import annotations

import bisect
import functools
import importlib
import pkgutil
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from models.analysis.aliases import name_key
from models.analysis.given_names import _NOT_GIVEN, _NOT_SURNAMES, given_names
from models.analysis.known_names import KNOWN_ORGANISATIONS
from models.analysis.types import Entity, Mention
from models.analysis.world_cities import cities_with_given_names
from models.analysis.world_places import places_with_given_names

CONFIDENCE = 0.45  # below LOW_CONFIDENCE: drawn faded, hidden with the low-confidence toggle
PROVENANCE = "rules: names in another language"
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
# Words that join the parts of a name: "Ali bin Abi Talib", "Luiz Inácio Lula da Silva", "Ludwig van Beethoven"
# ("e" and "y" join two people as often as one name: "Reginaldo Santos e Gabriel Murilo")
_PARTICLES = frozenset("bin binti ibn bint al el de da do dos das del della di du van von der den ter le la".split())
_SUFFIXES = frozenset({"Jr", "Sr", "Júnior", "Junior", "Filho", "Neto", "Sobrinho"})
# The words of a work's or a product's title after a character's name ("Indiana Jones Collection")
_TITLE_WORDS = frozenset("collection edition trilogy saga box set deluxe ultimate remastered classic special".split())
_ELISIONS = frozenset("l d j m n s t c qu dell nell sull all dall coll un quell lorsqu puisqu".split())
# What an organisation is, in the languages of the Latin alphabet Newsdesk reads names in: the first word of its name
# ("Banco do Brasil", "Ministère de l'Intérieur", "Universität Wien", "Partai Golkar").
_ORG_HEADS = frozenset("""
    banco banque banca bank ministério ministerio ministère ministero ministerium kementerian universidade universidad
    université università universität universiteit universitas partido parti partito partei partij partai tribunal
    tribunale gericht mahkamah pengadilan supremo suprema corte cour comissão comisión commission commissione
    kommission komisi câmara cámara chambre camera kammer assembleia asamblea assemblée assemblea polícia policía police
    polizia polizei polisi exército ejército armée esercito instituto institut istituto fundação fundación fondation
    fondazione stiftung stichting yayasan associação asociación association associazione verband vereniging asosiasi
    sindicato syndicat sindacato gewerkschaft companhia compañía compagnie compagnia empresa grupo groupe gruppo gruppe
    groep conselho consejo conseil consiglio raad dewan governo gobierno gouvernement regierung regering pemerintah
    prefeitura ayuntamiento mairie comune gemeente secretaria secretaría agência agencia agence agenzia agentur badan
    federação federación fédération federazione confederação confederación confédération escola escuela école scuola
    schule hospital hôpital ospedale krankenhaus ziekenhuis
""".split())
# Assemblies a text names by their name alone, after an article ("o Congresso", "le Sénat", "der Bundestag").
_ASSEMBLIES = frozenset("Congresso Congreso Senado Sénat Senato Senat Parlamento Parlement Parlament Bundestag "
                        "Bundesrat Bundesregierung Knesset Duma".split())
_ARTICLES = frozenset("o a ao do da no na pelo pela el la al del le au du il lo dal nel der die den dem des het de "
                      "l".split())
_MAX_AFTER_GIVEN = 4  # words after the given name: more is a title or an organisation's name
_CELL_NAME = re.compile(r"^[A-ZÀ-Þ][^\W\d_]+(?:['’-][^\W\d_]+)?(?: [A-ZÀ-Þ][^\W\d_]+(?:['’-][^\W\d_]+)?){1,2}"
                        r"(?: (?:Jr|Sr)\.)?$")


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    text: str


@functools.cache
def _places() -> frozenset[str]:
    """Countries in the Latin-script languages of Faker's address providers, the states, capitals and large cities."""
    names = set(places_with_given_names()) | set(cities_with_given_names())
    try:
        address = importlib.import_module("faker.providers.address")
    except ImportError:  # pragma: no cover - a dependency of the package
        return frozenset(names)
    for info in pkgutil.iter_modules(address.__path__):
        countries = getattr(importlib.import_module(f"{address.__name__}.{info.name}").Provider, "countries", ())
        names.update(c for c in countries if isinstance(c, str) and "(" not in c and _latin(c))
    # not the short words some lists hold alone ("El", "Man", "Sri", "Kap"); an acronym ("USA") stays
    return frozenset(n for n in names if n[:1].isupper() and (len(n) > 3 or n.isupper()))


@functools.cache
def _longest_place() -> int:
    return max((len(p.split()) for p in _places()), default=1)


def _unelided(m: re.Match[str]) -> _Word:
    """The word without an elided article or preposition before it ("l'Allemagne", "dell'Italia", "L'Europe"); not a
    name's own apostrophe ("D'Alema", "O'Brien", "Ja'far")."""
    word, start = m.group(), m.start()
    cut = max(word.find("'"), word.find("’"))
    if cut > 0 and (word[:cut] in _ELISIONS or word[:cut] == "L") and word[cut + 1 : cut + 2].isupper():
        return _Word(start + cut + 1, m.end(), word[cut + 1 :])
    return _Word(start, m.end(), word)


def _latin(s: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in s)


def _capitalised(w: str) -> bool:
    return w[:1].isupper() and w[1:2].islower()


def latin_script(text: str) -> bool:
    """Whether most of the letters of ``text`` (its first 40,000 characters) are Latin."""
    sample = text[:40_000]
    letters = [ch for ch in sample if ch.isalpha()]
    return bool(letters) and sum(1 for ch in letters if ch.isascii() or _latin(ch)) >= 0.8 * len(letters)


def names_in_other_language(text: str, language: str = "") -> tuple[Entity, ...]:
    """The people, places and organisations of ``text`` (not English, Latin script) that need no grammar to read.
    ``language`` is the text's code when known ("de": German capitalises every noun, so a word for an organisation
    and the capitalised words after it are no name: "dass die Bank Kredite vergibt")."""
    if not latin_script(text):
        return ()
    words = [_unelided(m) for m in _WORD.finditer(text)]
    vocabulary = {w.text for w in words if w.text.islower()}
    reader = _Reader(text, words, vocabulary, nouns_capitalised=language == "de")
    people = reader.table_people(reader.people())
    reader.surnames_alone(people)
    taken = sorted((m.start, m.end) for ms in people.values() for m in ms)
    first_names = {name.split()[0] for name in people}
    headed = reader.headed_organisations(taken)  # before the places: "Brasil" of "Banco do Brasil" is the bank's
    taken = sorted(taken + [(m.start, m.end) for ms in headed.values() for m in ms])
    places = reader.places(taken, first_names)
    taken = sorted(taken + [(m.start, m.end) for ms in places.values() for m in ms])
    organisations = reader.organisations(taken)
    for name, mentions in headed.items():
        organisations.setdefault(name, []).extend(mentions)
    found = [(name, "PERSON", ms) for name, ms in people.items()]
    found += [(name, "PLACE", ms) for name, ms in places.items()]
    found += [(name, "ORGANIZATION", ms) for name, ms in organisations.items()]
    found.sort(key=lambda f: f[2][0].start)
    return tuple(Entity(name, kind, tuple(sorted(ms, key=lambda m: m.start)), confidence=CONFIDENCE,
                        provenance=PROVENANCE) for name, kind, ms in found)


class _Reader:
    def __init__(self, text: str, words: list[_Word], vocabulary: set[str], *, nouns_capitalised: bool = False) -> None:
        self.text, self.words, self.vocabulary = text, words, vocabulary
        self.nouns_capitalised = nouns_capitalised
        self.joined = [i > 0 and text[words[i - 1].end : words[i].start] in (" ", "\u00a0") for i in range(len(words))]
        self.run = [1] * len(words)  # how many words from word i on follow each other after one space
        for i in range(len(words) - 2, -1, -1):
            if self.joined[i + 1]:
                self.run[i] = self.run[i + 1] + 1

    def _joined(self, i: int) -> bool:
        """Whether word ``i`` follows word ``i - 1`` after one space (no line, comma or cell between them)."""
        return 0 < i < len(self.joined) and self.joined[i]

    def _common(self, w: str) -> bool:
        return w.lower() in self.vocabulary

    def _free_capital(self, i: int) -> bool:
        """Word ``i`` is capitalised and no word of the language (a name's word, not a sentence's first word: one
        that opens a line or follows a full stop is a name's only when it is a given name or a place)."""
        if not 0 <= i < len(self.words):
            return False
        w = self.words[i].text
        if not w[:1].isupper() or self._common(w):
            return False
        before = self.text[max(0, self.words[i].start - 3) : self.words[i].start].rstrip(" \u00a0\"“«'‘(")
        if i == 0 or not before or before[-1] in "\n.!?:":
            return w in given_names() or w in _places()
        return True

    def _person_at(self, i: int) -> int:
        """The end (exclusive word index) of a person's name that starts at word ``i``, or ``i`` when none does."""
        first = self.words[i].text
        if not _capitalised(first) or first not in given_names() or first.lower() in _NOT_GIVEN or self._common(first):
            return i
        if self._joined(i) and self._free_capital(i - 1):
            return i  # inside a longer name ("Indiana Jones Collection" is a title, "Monster Energy …" a series)
        j, last_name = i + 1, i
        while j < len(self.words) and j - i <= _MAX_AFTER_GIVEN and self._joined(j):
            w = self.words[j].text
            if w in _SUFFIXES and last_name > i:
                j += 1
                last_name = j - 1
                break
            if w in _PARTICLES and j + 1 < len(self.words) and self._joined(j + 1) \
                    and _capitalised(self.words[j + 1].text):
                j += 1
                continue
            low = w.lower()
            if not _capitalised(w) or self._common(w) or low in _NOT_SURNAMES or low in _TITLE_WORDS \
                    or low.split("-")[0] in _NOT_GIVEN:  # "Paris Saint-Germain", "Maria Santa Cruz"
                break
            last_name = j
            j += 1
        if last_name == i:
            return i
        end = last_name + 1
        if end < len(self.words) and self._joined(end) and self._free_capital(end) \
                and self.words[end].text not in _SUFFIXES:
            return i  # the run goes on: more than a person's name
        if j - i > _MAX_AFTER_GIVEN:
            return i
        return end

    def _mention(self, i: int, end: int) -> Mention:
        s, e = self.words[i].start, self.words[end - 1].end
        if self.words[end - 1].text in _SUFFIXES and self.text[e : e + 1] == ".":
            e += 1  # "Jr."
        return Mention(s, e, self.text[s:e])

    def people(self) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = defaultdict(list)
        i = 0
        while i < len(self.words):
            end = self._person_at(i)
            if end > i:
                m = self._mention(i, end)
                out[" ".join(m.text.split())].append(m)
                i = end
            else:
                i += 1
        return dict(out)

    def table_people(self, people: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
        """The other names of a table column most of whose cells are people the given names found."""
        starts = {m.start for ms in people.values() for m in ms}
        columns: dict[int, list[tuple[int, str]]] = defaultdict(list)
        offset = 0
        for line in self.text.splitlines(keepends=True):
            if line.count(" | ") >= 2:
                pos = offset
                for k, cell in enumerate(line.rstrip("\n").split("|")):
                    stripped = cell.strip()
                    if stripped:
                        columns[k].append((pos + cell.index(stripped), stripped))
                    pos += len(cell) + 1
            offset += len(line)
        out = {name: list(ms) for name, ms in people.items()}
        for cells in columns.values():
            known = sum(1 for start, _ in cells if start in starts)
            if known < 3 or known * 2 < sum(1 for _, cell in cells if _CELL_NAME.match(cell)):
                continue
            for start, cell in cells:
                if start not in starts and _CELL_NAME.match(cell) and not any(self._common(w) for w in cell.split()):
                    out.setdefault(cell, []).append(Mention(start, start + len(cell), cell))
        return out

    def places(self, taken: list[tuple[int, int]], first_names: set[str]) -> dict[str, list[Mention]]:
        """Places of :func:`_places` named alone; one that is also a given name ("Paris", "Georgia") unless a person
        of the text bears it."""
        places = _places()
        return self._named(taken, _longest_place(), lambda name: name in places and name not in first_names)

    def organisations(self, taken: list[tuple[int, int]]) -> dict[str, list[Mention]]:
        """Organisations the news names every day ("Reuters", "Human Rights Watch"); not two-letter ones ("AP")."""
        return self._named(taken, 4, lambda name: len(name) >= 3 and name_key(name) in KNOWN_ORGANISATIONS)

    def headed_organisations(self, taken: list[tuple[int, int]]) -> dict[str, list[Mention]]:
        """A bank, a ministry, a court, a party … named by the word for what it is and capitalised words ("Banco do
        Brasil", "Ministério da Fazenda", "Supremo Tribunal Federal", "Parti socialiste" is not: its second word is
        a word of the language); an assembly by its name alone after an article ("o Congresso", "der Bundestag")."""
        out: dict[str, list[Mention]] = defaultdict(list)
        i = 0
        while i < len(self.words):
            w = self.words[i].text
            if not _capitalised(w) or _inside(self.words[i].start, taken) or self._joined(i) and \
                    self._free_capital(i - 1):
                i += 1
                continue
            last = i
            if w.lower() in _ORG_HEADS and not self.nouns_capitalised:
                j = i + 1
                while j < len(self.words) and j - i < 7 and self._joined(j):
                    nxt = self.words[j].text
                    if _capitalised(nxt) and not self._common(nxt) and not _inside(self.words[j].start, taken):
                        last, j = j, j + 1
                    elif nxt in _PARTICLES and j + 1 < len(self.words) and self._joined(j + 1):
                        j += 1
                    else:
                        break
            elif w in _ASSEMBLIES and self._joined(i) and self.words[i - 1].text.lower() in _ARTICLES:
                last = i + 1 if i + 1 < len(self.words) and self._joined(i + 1) and _capitalised(
                    self.words[i + 1].text) and not self._common(self.words[i + 1].text) else i  # "Senado Federal"
                mention = self._mention(i, last + 1)
                out[mention.text].append(mention)
                i = last + 1
                continue
            if last > i:
                m = self._mention(i, last + 1)
                out[" ".join(m.text.split())].append(m)
            i = last + 1
        return dict(out)

    def _named(self, taken: list[tuple[int, int]], longest: int, listed: Callable[[str], bool]) -> \
            dict[str, list[Mention]]:
        """The longest names of one to ``longest`` words that ``listed`` accepts, outside ``taken`` and alone."""
        out: dict[str, list[Mention]] = defaultdict(list)
        i = 0
        while i < len(self.words):
            hit = 0
            if self.words[i].text[:1].isupper() and not _inside(self.words[i].start, taken):
                for n in range(min(longest, self.run[i]), 0, -1):
                    name = self.text[self.words[i].start : self.words[i + n - 1].end]
                    if listed(name) and self._alone(i, i + n, name):
                        hit = n
                        break
            if hit:
                m = self._mention(i, i + hit)
                out[m.text].append(m)
                i += hit
            else:
                i += 1
        return dict(out)

    def _alone(self, i: int, end: int, name: str) -> bool:
        """Not a word of the language, not inside a longer name ("Paris Saint-Germain", "Universidade de São Paulo"
        name something else)."""
        if end - i == 1 and self._common(name):
            return False
        return not (self._name_word_beside(i, -1) or self._name_word_beside(end - 1, 1))

    def _name_word_beside(self, i: int, step: int) -> bool:
        """Whether a name's word is joined to word ``i`` on the side of ``step`` (-1 before, 1 after), across one
        particle ("Banco do Brasil")."""
        k = i + step
        for _ in range(2):
            if not 0 <= k < len(self.words) or not self._joined(max(k, k - step)):
                return False
            if self._free_capital(k):
                return True
            if self.words[k].text not in _PARTICLES:
                return False
            k += step
        return False

    def surnames_alone(self, people: dict[str, list[Mention]]) -> None:
        """Add to each person the mentions of their surname alone, when no other person of the text bears it."""
        surnames = Counter(name.split()[-1] for name in people if len(name.split()) > 1)
        spans = sorted((m.start, m.end) for ms in people.values() for m in ms)
        by_text: dict[str, list[_Word]] = defaultdict(list)
        for w in self.words:
            by_text[w.text].append(w)
        for name, mentions in people.items():
            parts = name.split()
            surname = parts[-1] if len(parts) > 1 and parts[-1] not in _SUFFIXES else ""
            if len(surname) < 4 or surnames[surname] > 1 or self._common(surname):
                continue
            for w in by_text.get(surname, ()):
                if not _inside(w.start, spans):
                    mentions.append(Mention(w.start, w.start + len(surname), surname))


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted by start, none overlapping)."""
    k = bisect.bisect_right(spans, (pos, _END)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


_END = 1 << 62
