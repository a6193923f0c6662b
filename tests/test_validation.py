"""Unit tests of the loader and validator: one case per kind of bad input.

Every bad card must be reported with the file, the line a person has to change,
the field and a plain Dutch message, and must cost nothing: the valid cards
next to it are still loaded. Valid edge cases (a byte order mark, Windows line
endings, a national card, a card without optional fields) must pass.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from praktijkbank.content.reading import MAX_FILE_BYTES
from praktijkbank.content.cards import load_practice_file, load_practices
from praktijkbank.checks.problems import Problem, Severity
from support import TODAY, VALID_CARD, line_of

DISPLAY = "practices/kaart.md"  # how the bad card is named in every problem
TOMORROW = TODAY + dt.timedelta(days=1)


# -- helpers ---------------------------------------------------------------------------------------


def changed(old: str, new: str, text: str = VALID_CARD) -> str:
    """``text`` with the first ``old`` replaced; fails if ``old`` is not there (no silent no-op)."""
    assert old in text, f"{old!r} staat niet in de kaart"
    return text.replace(old, new, 1)


def titled(title: str, text: str = VALID_CARD) -> str:
    return changed("title: Voorbeeldpraktijk", f"title: {title}", text)


def in_body(snippet: str) -> str:
    """The valid card with ``snippet`` as a paragraph under '## Aanpak'."""
    return changed("## Aanpak\n\nTekst.\n", f"## Aanpak\n\nTekst.\n\n{snippet}\n")


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def texts(problems: list[Problem]) -> str:
    return "\n".join(p.text() for p in problems) or "(geen problemen)"


def the_problem(problems: list[Problem], field: str, message: str) -> Problem:
    """The one problem for ``field`` whose message contains ``message``."""
    matching = [p for p in problems if p.field == field and message in p.message]
    assert len(matching) == 1, f"verwacht één probleem voor {field!r} met {message!r}, kreeg:\n{texts(problems)}"
    return matching[0]


def check_one(tmp_path: Path, taxonomy, content: str | bytes, name: str = "kaart.md"):
    """(practice or None, problems) for one card, as ``load_practice_file`` reports it."""
    path = write(tmp_path / "practices", name, content)
    practice, log = load_practice_file(path, f"practices/{name}", taxonomy, TODAY)
    return practice, log.items


# -- the table of bad cards ------------------------------------------------------------------------


@dataclass(frozen=True)
class Bad:
    id: str
    content: str | bytes
    field: str
    message: str  # a key part of the Dutch message
    at: str | None = None  # a fragment on the line the problem must point at ...
    line: int | None = None  # ... or the line itself
    suggestion: str = ""  # the exact "Bedoelde u ...?" value, or none at all
    allowed: str = ""  # a key part of what is allowed
    count: int = 1  # how many problems the card gives in total (no noise, nothing missing)

    @property
    def expected_line(self) -> int:
        if self.line is not None:
            return self.line
        assert isinstance(self.content, str) and self.at is not None
        return line_of(self.content, self.at)


def _latin1_title() -> bytes:
    return titled("Voorbeeldpraktijk Café").encode("latin-1")


_LATIN1_BODY = changed("## Lessen\n\nTekst.", "## Lessen\n\nHet café.")
_OVERSIZED = VALID_CARD + "\nNog meer tekst.\n" * (MAX_FILE_BYTES // 16)
_WITH_COORDINATES = "coordinates:\n  lat: {lat}\n  lon: {lon}\nthemes:"
_NO_STATUS = changed("status: lopend\n", "")
_TITEL = changed("title: Voorbeeldpraktijk", "titel: Voorbeeldpraktijk")

BAD_CARDS = [
    # Broken YAML: always the front matter ("kop"), at the line to change.
    Bad("yaml-indented-too-far", changed("  municipality: Oss", "   municipality: Oss"),
        "kop", "de inspringing klopt niet", at="   municipality: Oss", allowed="spring even ver in"),
    Bad("yaml-indented-too-little", changed("  province: noord-brabant", " province: noord-brabant"),
        "kop", "de inspringing klopt niet", at=" province: noord-brabant"),
    Bad("yaml-list-item-misaligned", changed("    role: gemeente", "   role: gemeente"),
        "kop", "de inspringing klopt niet", at="   role: gemeente"),
    Bad("yaml-tab-indent", changed("  scope: wijk", "\tscope: wijk"),
        "kop", "tabs zijn niet toegestaan", at="\tscope: wijk", allowed="CONTRIBUTING.md"),
    Bad("yaml-tab-after-colon", changed("themes: [wijkaanpak]", "themes:\t[wijkaanpak]"),
        "kop", "tabs zijn niet toegestaan", at="themes:\t"),
    Bad("yaml-unclosed-double-quote", changed("summary: Een korte", 'summary: "Een korte'),
        "kop", "mist er een aanhalingsteken", at='summary: "'),
    Bad("yaml-unclosed-single-quote", changed("summary: Een korte", "summary: 'Een korte"),
        "kop", "mist er een aanhalingsteken", at="summary: '"),
    Bad("yaml-colon-in-value", changed("summary: Een korte", "summary: Let op: een korte"),
        "kop", "hier mag geen dubbele punt staan", at="summary: Let op", allowed="CONTRIBUTING.md"),
    Bad("yaml-unclosed-flow-list", changed("themes: [wijkaanpak]", "themes: [wijkaanpak"),
        "kop", "een lijst tussen [ ] is niet goed afgesloten", at="themes: [wijkaanpak"),
    Bad("control-character", changed("summary: Een korte", "summary: Een\x0c korte"), "kop",
        "onzichtbaar stuurteken (U+000C)", at="summary:", allowed="haal het teken weg"),
    Bad("yaml-error-after-unicode-line-separator",
        changed("status: lopend", "status: lopen: x", changed("summary: Een korte", "summary: Een\x85 korte")),
        "kop", "hier mag geen dubbele punt staan", at="status: lopen"),
    # The front matter itself.
    Bad("no-front-matter", VALID_CARD.split("---\n", 2)[2],
        "kop", "begint niet met een kop", line=1, allowed="precies '---'"),
    Bad("no-opening-fence", VALID_CARD.removeprefix("---\n"),
        "kop", "begint niet met een kop", line=1),
    Bad("front-matter-not-closed", changed("last_reviewed: 2026-11-01\n---\n", "last_reviewed: 2026-11-01\n"),
        "kop", "de kop wordt nergens afgesloten", line=1),
    Bad("front-matter-is-a-list", "---\n- title: Een\n- summary: Twee\n---\n\n## In het kort\n",
        "kop", "moet bestaan uit velden", line=2),
    Bad("front-matter-is-a-string", "---\nProeftuin Ruwaard in Oss\n---\n\n## In het kort\n",
        "kop", "moet bestaan uit velden", line=2),
    Bad("front-matter-with-custom-tag", "---\n!!python/object/apply:os.system [ls]\n---\n\n## In het kort\n",
        "kop", "YAML-tag 'tag:yaml.org,2002:python/object/apply:os.system' is niet toegestaan", line=2),
    Bad("front-matter-empty", "---\n---\n\n## In het kort\n", "kop", "de kop is leeg", line=1),
    # The file as a whole.
    Bad("empty-file", b"", "bestand", "het bestand is leeg", line=1),
    Bad("whitespace-only", b"  \n\n\t \n   ", "bestand", "het bestand is leeg", line=1),
    Bad("latin-1-in-front-matter", _latin1_title(), "bestand", "het bestand is geen UTF-8", line=2,
        allowed="sla het bestand op als UTF-8"),
    Bad("latin-1-in-body", _LATIN1_BODY.encode("latin-1"), "bestand", "het bestand is geen UTF-8",
        line=line_of(_LATIN1_BODY, "Het café")),
    Bad("file-too-large", _OVERSIZED, "bestand", "het bestand is te groot", line=1,
        allowed=f"hoogstens {MAX_FILE_BYTES // 1024} kB"),
    Bad("nul-character", changed("## Lessen\n\nTekst.", "## Lessen\n\nTe\x00kst."), "bestand",
        "nul-teken", at="Te\x00kst"),
    # Required fields.
    Bad("missing-required-field", _NO_STATUS, "status", "verplicht veld ontbreekt", line=1,
        allowed="Hoe het er nu voor staat"),
    Bad("missing-required-nested-field", changed("  organisation: Voorbeeld\n", ""),
        "contact.organisation", "verplicht veld ontbreekt", at="contact:"),
    Bad("empty-required-field", changed("status: lopend", "status:"), "status", "verplicht veld is leeg",
        at="status:"),
    Bad("empty-required-text", changed("summary: Een korte samenvatting van een voorbeeldpraktijk.", 'summary: ""'),
        "summary", "verplicht veld is leeg", at='summary: ""'),
    Bad("empty-required-list", changed("themes: [wijkaanpak]", "themes: []"), "themes", "verplicht veld is leeg",
        at="themes: []"),
    # Unknown fields, with "Bedoelde u ...?" (and the real field then counts as missing).
    Bad("unknown-field-titel", _TITEL, "titel", "onbekend veld", at="titel:", suggestion="title",
        allowed="toegestaan: title, summary", count=2),
    Bad("unknown-field-summery", changed("summary:", "summery:"), "summery", "onbekend veld", at="summery:",
        suggestion="summary", count=2),
    Bad("unknown-nested-field", changed("  municipality: Oss", "  municipalty: Oss"), "place.municipalty",
        "onbekend veld", at="municipalty", suggestion="municipality",
        allowed="toegestaan: scope, municipality", count=2),
    Bad("unknown-field-nothing-near", changed("status: lopend", "status: lopend\nkleur: blauw"), "kleur",
        "onbekend veld", at="kleur:"),
    # Wrong types.
    Bad("list-where-text-expected", titled("[Een, Twee]"), "title", "moet tekst zijn, maar is een lijst",
        at="title:"),
    Bad("number-where-text-expected", titled("2016"), "title", "moet tekst zijn, maar is een getal",
        at="title:", allowed="aanhalingstekens"),
    Bad("text-where-list-expected", changed("themes: [wijkaanpak]", "themes: wijkaanpak"), "themes",
        "moet een lijst", at="themes:", allowed="schrijf [wijkaanpak]"),
    Bad("text-where-fields-expected", changed(
        "place:\n  scope: wijk\n  municipality: Oss\n  neighbourhood: Ruwaard\n  province: noord-brabant\n",
        "place: Oss\n"), "place", "moet een groep velden", at="place:"),
    Bad("year-as-string", changed("started: 2016", 'started: "2016"'), "started",
        "moet een jaartal, zoals 2016 zijn, maar is tekst", at="started:"),
    Bad("year-as-fraction", changed("started: 2016", "started: 2016.5"), "started",
        "moet een jaartal", at="started:"),
    Bad("yes-no-where-vocabulary-expected", changed("status: lopend", "status: no"), "status",
        "maar is een ja/nee-waarde", at="status:"),
    # Values outside the taxonomy.
    Bad("line-numbers-after-unicode-line-separator",
        changed("status: lopend", "status: lopen", changed("summary: Een korte", "summary: Een\u2028 korte")),
        "status", "'lopen' staat niet in de woordenlijst 'statussen'", at="status: lopen", suggestion="lopend"),
    Bad("vocabulary-plural", changed("role: gemeente", "role: woningcorporaties"), "partners[1].role",
        "'woningcorporaties' staat niet in de woordenlijst 'soorten partners'", at="role: woningcorporaties",
        suggestion="woningcorporatie", allowed="toegestaan: gemeente, provincie"),
    # Only capitals or spaces around a value are a warning (tests/test_vocabulary_case.py); a near-miss
    # in capitals, or a label written with a space for the dash, is still an error.
    Bad("vocabulary-capital", changed("themes: [wijkaanpak]", "themes: [Daklozenheid]"), "themes[1]",
        "'Daklozenheid' staat niet in de woordenlijst", at="themes:", suggestion="dakloosheid"),
    Bad("vocabulary-label-instead-of-key", changed("province: noord-brabant", "province: Noord Brabant"),
        "place.province", "staat niet in de woordenlijst 'provincies'", at="province:",
        suggestion="noord-brabant"),
    Bad("vocabulary-nothing-near", changed("themes: [wijkaanpak]", "themes: [wijkaanpak, voetbal]"),
        "themes[2]", "'voetbal' staat niet in de woordenlijst", at="themes:"),
    # Dates.
    Bad("impossible-date", changed("last_reviewed: 2026-11-01", "last_reviewed: 2024-13-45"), "last_reviewed",
        "'2024-13-45' is geen bestaande datum", at="last_reviewed:", allowed="JJJJ-MM-DD"),
    Bad("dutch-date-order", changed("last_reviewed: 2026-11-01", "last_reviewed: 22-11-2026"), "last_reviewed",
        "'22-11-2026' is geen geldige datum", at="last_reviewed:", allowed="JJJJ-MM-DD"),
    Bad("source-date-dutch-order", changed("date: 2022-02-09", "date: 09-02-2022"), "sources[1].date",
        "is geen geldige datum", at="date: 09-02-2022"),
    Bad("date-with-time", changed("last_reviewed: 2026-11-01", "last_reviewed: 2026-11-01 10:30:00"),
        "last_reviewed", "moet een datum zijn zonder tijd", at="last_reviewed:"),
    Bad("future-last-reviewed", changed("last_reviewed: 2026-11-01", f"last_reviewed: {TOMORROW}"),
        "last_reviewed", f"{TOMORROW} ligt in de toekomst", at="last_reviewed:", allowed=f"uiterlijk vandaag, {TODAY}"),
    Bad("future-source-date", changed("date: 2022-02-09", "date: 2027-01-01"), "sources[1].date",
        "2027-01-01 ligt in de toekomst", at="date: 2027"),
    Bad("future-start-year", changed("started: 2016", "started: 2027"), "started", "2027 ligt in de toekomst",
        at="started:", allowed="uiterlijk 2026"),
    # Coordinates.
    Bad("coordinates-in-paris", changed("themes:", _WITH_COORDINATES.format(lat=48.85, lon=2.35)),
        "coordinates.lat", "48.85 ligt buiten Nederland", at="lat: 48.85", allowed="tussen 50.7 en 53.7", count=2),
    Bad("coordinates-in-berlin", changed("themes:", _WITH_COORDINATES.format(lat=52.52, lon=13.4)),
        "coordinates.lon", "13.4 ligt buiten Nederland", at="lon: 13.4", allowed="tussen 3.2 en 7.3"),
    Bad("coordinates-as-text", changed("themes:", _WITH_COORDINATES.format(lat="51,76", lon=5.53)),
        "coordinates.lat", "moet een getal zijn, maar is tekst", at="lat: 51,76", allowed="punt als decimaalteken"),
    # Addresses.
    Bad("ftp-source", changed("url: https://example.org/over", "url: ftp://example.org/over"), "sources[1].url",
        "alleen http- en https-adressen zijn toegestaan", at="url: ftp:", allowed="begin met https://"),
    Bad("javascript-source", changed("url: https://example.org/over", "url: javascript:alert(1)"),
        "sources[1].url", "alleen http- en https-adressen zijn toegestaan", at="url: javascript:", count=2),
    Bad("source-without-scheme", changed("url: https://example.org/over", "url: www.example.org"),
        "sources[1].url", "'www.example.org' is geen volledig webadres", at="url: www.", allowed="begin met https://"),
    Bad("mailto-contact", changed("  url: https://example.org\n", "  url: mailto:info@example.org\n"),
        "contact.url", "alleen http- en https-adressen", at="url: mailto:"),
    # YAML features that are refused.
    Bad("duplicate-key", changed("evidence: zelf", "status: pilot\nevidence: zelf"), "status",
        f"dit veld staat twee keer in de kop (eerst op regel {line_of(VALID_CARD, 'status:')})",
        at="status: pilot"),
    Bad("python-object-tag", titled('!!python/object/apply:os.system ["echo hoi"]'), "title",
        "YAML-tag 'tag:yaml.org,2002:python/object/apply:os.system' is niet toegestaan", at="title:"),
    Bad("python-name-tag", titled('!!python/name:os.system ""'), "title", "is niet toegestaan", at="title:"),
    Bad("custom-local-tag", changed("status: lopend", "status: !eigen lopend"), "status",
        "YAML-tag '!eigen' is niet toegestaan", at="status:"),
    Bad("alias-in-list-item", changed("keywords: [voorbeeld]", "keywords:\n  - voorbeeld\n  - *naam",
                                      titled("&naam Voorbeeldpraktijk")),
        "keywords[2]", "ankers en aliassen", at="- *naam", allowed="schrijf de waarde voluit", count=2),
    Bad("undefined-alias", changed("keywords: [voorbeeld]", "keywords: *nergens"), "keywords",
        "ankers en aliassen", at="keywords:"),
    # Rules across fields.
    Bad("local-without-municipality", changed("  municipality: Oss\n", ""), "place.municipality",
        "verplicht veld ontbreekt bij een aanpak die niet landelijk is", at="place:",
        allowed="of zet scope op 'landelijk'"),
    Bad("local-without-province", changed("  province: noord-brabant\n", ""), "place.province",
        "verplicht veld ontbreekt bij een aanpak die niet landelijk is", at="place:"),
    Bad("contact-email", changed("  organisation: Voorbeeld", "  organisation: Jan Jansen, jan@example.org"),
        "contact.organisation", "een e-mailadres of telefoonnummer hoort niet op de kaart", at="jan@example.org"),
    Bad("contact-phone", changed("  organisation: Voorbeeld", "  organisation: Bel Jan op 06-12345678"),
        "contact.organisation", "e-mailadres of telefoonnummer", at="06-12345678"),
    # The body: fixed headings.
    Bad("missing-last-heading", changed("## Lessen\n", ""), "tekst", "de verplichte kop '## Lessen' ontbreekt",
        at="## Resultaten", allowed="In het kort · Aanpak · Wie werken samen · Resultaten · Lessen"),
    Bad("missing-middle-heading", changed("## Aanpak\n", ""), "tekst", "de verplichte kop '## Aanpak' ontbreekt",
        at="## Wie werken samen"),
    Bad("near-miss-heading", changed("## Resultaten", "## Resultaat"), "tekst",
        "de verplichte kop '## Resultaten' ontbreekt", at="## Resultaat\n",
        allowed="hernoem '## Resultaat' naar '## Resultaten'"),
    Bad("headings-out-of-order", changed("## In het kort\n\nTekst.\n\n## Aanpak\n\nTekst.",
                                         "## Aanpak\n\nTekst.\n\n## In het kort\n\nTekst."),
        "tekst", "de kop '## Aanpak' staat niet op zijn vaste plek", at="## Aanpak",
        allowed="volgorde: In het kort · Aanpak"),
    Bad("level-one-heading", changed("## In het kort", "# Voorbeeldpraktijk\n\n## In het kort"), "tekst",
        "kop van niveau 1 ('# Voorbeeldpraktijk') is niet toegestaan", at="# Voorbeeldpraktijk",
        allowed="begin koppen met '## '"),
    # The body: nothing that runs script or reaches another host.
    Bad("script-element", in_body("<script>alert(1)</script>"), "tekst", "HTML-element <script> is niet toegestaan",
        at="<script>"),
    Bad("script-element-upper-case", in_body("Tekst <SCRIPT src=x.js></SCRIPT>"), "tekst",
        "HTML-element <script>", at="<SCRIPT"),
    Bad("iframe-element", in_body('<iframe src="https://example.org"></iframe>'), "tekst",
        "HTML-element <iframe> is niet toegestaan", at="<iframe"),
    Bad("onclick-attribute", in_body('<a href="#" onclick="steel()">klik</a>'), "tekst",
        "HTML-attribuut 'onclick'", at="onclick", allowed="haal het attribuut weg"),
    Bad("onerror-attribute", in_body("<img src=x.png onerror=alert(1)>"), "tekst", "HTML-attribuut 'onerror'",
        at="onerror"),
    Bad("javascript-markdown-link", in_body("Lees [meer](javascript:alert(1))."), "tekst",
        "'javascript:'-links zijn niet toegestaan", at="javascript:"),
    Bad("javascript-hidden-by-entity", in_body("Eerst gewone tekst.\nLees [meer](jav&#x61;script:alert(1))."),
        "tekst", "'javascript:'-links zijn niet toegestaan", at="jav&#x61;script"),
    Bad("javascript-next-to-other-entity", in_body("Wonen &amp; zorg: [meer](javascript:alert(1))."),
        "tekst", "'javascript:'-links zijn niet toegestaan", at="Wonen &amp;"),
    Bad("image-from-other-host", in_body("![foto](https://example.org/foto.jpg)"), "tekst",
        "afbeeldingen van een andere website zijn niet toegestaan", at="![foto]"),
    Bad("img-element-from-other-host", in_body('<img src="//example.org/foto.jpg" alt="foto">'), "tekst",
        "afbeeldingen van een andere website", at="<img"),
    Bad("script-in-front-matter", changed("summary: Een korte", "summary: <script>x()</script> Een korte"),
        "summary", "HTML-element <script> is niet toegestaan", at="summary:"),
    # The file name is the card's name in addresses.
    Bad("file-name-not-a-slug", VALID_CARD, "bestandsnaam", "'Mijn Kaart.md' is geen geldige kaartnaam", line=1,
        suggestion="mijn-kaart.md"),
]

_FILE_NAMES = {"file-name-not-a-slug": "Mijn Kaart.md"}


def _display(case: Bad) -> str:
    return f"practices/{_FILE_NAMES.get(case.id, 'kaart.md')}"


@pytest.mark.parametrize("case", BAD_CARDS, ids=lambda case: case.id)
def test_bad_card_is_reported_with_path_line_field_and_dutch_message(case, tmp_path, taxonomy):
    name = _FILE_NAMES.get(case.id, "kaart.md")
    practice, problems = check_one(tmp_path, taxonomy, case.content, name)

    assert practice is None, "een kaart met een fout mag niet als geldig terugkomen"
    problem = the_problem(problems, case.field, case.message)
    assert problem.path == _display(case)
    assert problem.line == case.expected_line, texts(problems)
    assert problem.is_error
    assert problem.suggestion == case.suggestion, texts(problems)
    assert case.allowed in problem.allowed
    assert len(problems) == case.count, texts(problems)
    assert problem.text().startswith(f"{_display(case)}:{case.expected_line}: {SHOWN.get(case.field, case.field)}: "
                                     f"{problem.message}")


# How a message names each field of the table: as the site and the form do, with the key for YAML
# users. Names that are no key of the schema (bestand, kop, an unknown field) stay as they are.
SHOWN = {
    "contact.organisation": "Organisatie (contact.organisation)",
    "contact.url": "Contact, webadres (contact.url)",
    "coordinates.lat": "Breedtegraad (coordinates.lat)",
    "coordinates.lon": "Lengtegraad (coordinates.lon)",
    "keywords": "Zoekwoorden (keywords)",
    "keywords[2]": "Zoekwoord 2 (keywords[2])",
    "last_reviewed": "Laatst nagekeken (last_reviewed)",
    "partners[1].role": "Partner 1, soort partner (partners[1].role)",
    "place": "Plaats (place)",
    "place.municipality": "Gemeente (place.municipality)",
    "place.province": "Provincie (place.province)",
    "sources[1].date": "Bron 1, datum (sources[1].date)",
    "sources[1].url": "Bron 1, webadres (sources[1].url)",
    "started": "Gestart in (started)",
    "status": "Status (status)",
    "summary": "Samenvatting (summary)",
    "themes": "Thema's (themes)",
    "themes[1]": "Thema 1 (themes[1])",
    "themes[2]": "Thema 2 (themes[2])",
    "title": "Titel (title)",
}


@pytest.mark.parametrize("case", BAD_CARDS, ids=lambda case: case.id)
def test_bad_card_costs_no_valid_card(case, tmp_path, taxonomy):
    """Nothing valid is lost: the cards around a bad one are all kept, the bad one is not."""
    folder = tmp_path / "practices"
    write(folder, "a-goed.md", titled("Goede kaart A"))
    bad = write(folder, _FILE_NAMES.get(case.id, "kaart.md"), case.content)
    write(folder, "z-goed.md", titled("Goede kaart Z"))

    result = load_practices(sorted(folder.glob("*.md")), taxonomy, TODAY, root=tmp_path)

    assert [p.slug for p in result.practices] == ["a-goed", "z-goed"]
    assert result.files_checked == 3
    assert {p.path for p in result.problems} == {_display(case)}
    _, alone = load_practice_file(bad, _display(case), taxonomy, TODAY)
    assert sorted(result.problems) == sorted(alone.items), "in een reeks dezelfde meldingen als los"


def test_anchor_and_alias_are_both_reported_where_they_stand(tmp_path, taxonomy):
    content = changed("keywords: [voorbeeld]", "keywords: *t",
                      changed("themes: [wijkaanpak]", "themes: &t [wijkaanpak]"))
    practice, problems = check_one(tmp_path, taxonomy, content)
    assert practice is None
    anchor = the_problem(problems, "themes", "ankers en aliassen")
    alias = the_problem(problems, "keywords", "ankers en aliassen")
    assert (anchor.line, alias.line) == (line_of(content, "themes:"), line_of(content, "keywords:"))
    assert len(problems) == 2, texts(problems)


def test_many_aliases_are_refused_without_expanding_them(tmp_path, taxonomy):
    """The 'billion laughs': nested aliases must be refused, not expanded into memory."""
    bomb = "".join(f"l{i}: &l{i + 1} [*l{i}, *l{i}, *l{i}, *l{i}, *l{i}, *l{i}, *l{i}, *l{i}, *l{i}]\n"
                   for i in range(1, 9))
    content = changed("status: lopend\n", "status: lopend\nl0: &l1 [lol]\n" + bomb)
    practice, problems = check_one(tmp_path, taxonomy, content)
    assert practice is None
    assert any(p.field == "l1[1]" and "ankers en aliassen" in p.message for p in problems)
    assert len(problems) < 200, "elk alias één keer gemeld, niets uitgevouwen"


def test_swapped_coordinates_get_a_hint(tmp_path, taxonomy):
    content = changed("themes:", _WITH_COORDINATES.format(lat=5.53, lon=51.76))
    practice, problems = check_one(tmp_path, taxonomy, content)
    assert practice is None
    hint = the_problem(problems, "coordinates", "lat en lon lijken omgewisseld")
    assert hint.line == line_of(content, "coordinates:")
    assert "lat: 51.76, lon: 5.53" in hint.allowed
    assert {p.field for p in problems} == {"coordinates", "coordinates.lat", "coordinates.lon"}


def test_every_problem_of_a_card_is_reported_in_one_run(tmp_path, taxonomy):
    content = changed("status: lopend", "status: lopen")
    content = changed("last_reviewed: 2026-11-01", "last_reviewed: 2030-01-01", content)
    content = changed("## Lessen\n", "", content)
    content = changed("## Aanpak\n\nTekst.", "## Aanpak\n\n<script>x()</script>", content)
    practice, problems = check_one(tmp_path, taxonomy, content)
    assert practice is None
    assert [(p.line, p.field) for p in sorted(problems)] == [
        (line_of(content, "status:"), "status"),
        (line_of(content, "last_reviewed:"), "last_reviewed"),
        (line_of(content, "<script>"), "tekst"),
        (line_of(content, "## Resultaten"), "tekst"),
    ]


def test_every_bad_file_of_a_run_is_reported(tmp_path, taxonomy):
    folder = tmp_path / "practices"
    write(folder, "een.md", changed("status: lopend", "status: lopen"))
    write(folder, "twee.md", titled("Twee", changed("themes: [wijkaanpak]", "themes: [Daklozenheid]")))
    write(folder, "drie.md", b"")
    write(folder, "goed.md", titled("Goed"))
    result = load_practices(sorted(folder.glob("*.md")), taxonomy, TODAY, root=tmp_path)
    assert [p.slug for p in result.practices] == ["goed"]
    assert sorted((p.path, p.field) for p in result.errors) == [
        ("practices/drie.md", "bestand"),
        ("practices/een.md", "status"),
        ("practices/twee.md", "themes[1]"),
    ]


_NOISE = [":", "\t", "'", '"', "[", "]", "{", "}", "&a", "*a", "!", "- ", "#", "\n", "\r", "\x00", "<", ">",
          "é", "\ufeff", "  ", "---\n", "onclick=", "javascript:", "\xa0", "%", "@", "|", ">-", "? ",
          "\x0c", "\x85", "\u2028", "\ufffe", "!!binary ", "<<: ", "2024-02-30"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, len(VALID_CARD)), st.sampled_from(_NOISE), st.integers(0, 3)),
                      min_size=1, max_size=4))
def test_any_damaged_card_is_reported_never_raised(edits, tmp_path, taxonomy):
    """No traceback for content errors: a card is either valid, or invalid with problems inside the file."""
    text = VALID_CARD
    for position, noise, removed in edits:
        text = text[:position] + noise + text[position + removed:]
    path = write(tmp_path / "practices", "kaart.md", text)
    practice, log = load_practice_file(path, DISPLAY, taxonomy, TODAY)
    assert (practice is None) == log.has_errors
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for problem in log.items:
        assert problem.path == DISPLAY and problem.field and problem.message
        assert 1 <= problem.line <= lines, problem.text()


# -- problems only the whole set can show ----------------------------------------------------------


def test_duplicate_slug_in_two_folders(tmp_path, taxonomy):
    first = write(tmp_path / "practices", "ruwaard.md", titled("Ruwaard"))
    second = write(tmp_path / "werk", "ruwaard.md", titled("Ruwaard bis"))
    result = load_practices([first, second], taxonomy, TODAY, root=tmp_path)
    problem = the_problem(result.problems, "bestandsnaam", "de kaartnaam 'ruwaard' bestaat al (practices/ruwaard.md)")
    assert (problem.path, problem.line) == ("werk/ruwaard.md", 1)
    assert [(p.slug, p.title) for p in result.practices] == [("ruwaard", "Ruwaard")]
    assert len(result.problems) == 1


def test_duplicate_title_ignores_case(tmp_path, taxonomy):
    folder = tmp_path / "practices"
    write(folder, "a-eerste.md", titled("Proeftuin Ruwaard"))
    second = titled("PROEFTUIN ruwaard")
    write(folder, "b-tweede.md", second)
    write(folder, "c-derde.md", titled("Iets anders"))
    result = load_practices(sorted(folder.glob("*.md")), taxonomy, TODAY, root=tmp_path)
    problem = the_problem(result.problems, "title", "deze titel heeft kaart practices/a-eerste.md al")
    assert (problem.path, problem.line) == ("practices/b-tweede.md", line_of(second, "title:"))
    assert [p.slug for p in result.practices] == ["a-eerste", "c-derde"]
    assert len(result.problems) == 1


def test_duplicate_title_line_in_a_crlf_card(tmp_path, taxonomy):
    folder = tmp_path / "practices"
    write(folder, "a.md", VALID_CARD)
    second = changed("---\ntitle: Voorbeeldpraktijk", "---\n# een opmerking\ntitle: voorbeeldpraktijk")
    write(folder, "b.md", b"\xef\xbb\xbf" + second.replace("\n", "\r\n").encode("utf-8"))
    result = load_practices(sorted(folder.glob("*.md")), taxonomy, TODAY, root=tmp_path)
    problem = the_problem(result.problems, "title", "deze titel heeft kaart")
    assert (problem.path, problem.line) == ("practices/b.md", 3)


def test_related_card_that_does_not_exist_gets_a_suggestion(tmp_path, taxonomy):
    folder = tmp_path / "practices"
    write(folder, "gemengd-wonen-majella-wonen.md", titled("Gemengd Wonen"))
    content = changed("keywords: [voorbeeld]",
                      "keywords: [voorbeeld]\nrelated:\n  - gemengd-wonen-majella-wonen\n  - gemengd-wonen-majela-wonen")
    write(folder, "kaart.md", content)
    result = load_practices(sorted(folder.glob("*.md")), taxonomy, TODAY, root=tmp_path)
    problem = the_problem(result.problems, "related[2]", "er is geen kaart 'gemengd-wonen-majela-wonen'")
    assert (problem.path, problem.line) == (DISPLAY, line_of(content, "- gemengd-wonen-majela-wonen"))
    assert problem.suggestion == "gemengd-wonen-majella-wonen"
    assert problem.text().endswith("Bedoelde u 'gemengd-wonen-majella-wonen'?")
    assert [p.slug for p in result.practices] == ["gemengd-wonen-majella-wonen"]
    assert len(result.problems) == 1


def test_related_card_may_be_outside_the_checked_files(tmp_path, taxonomy):
    content = changed("keywords: [voorbeeld]", "keywords: [voorbeeld]\nrelated: [housing-first]")
    path = write(tmp_path / "practices", "kaart.md", content)
    without = load_practices([path], taxonomy, TODAY, root=tmp_path)
    assert [p.field for p in without.problems] == ["related[1]"]
    known = load_practices([path], taxonomy, TODAY, root=tmp_path, known_slugs={"housing-first"})
    assert known.problems == [] and [p.related for p in known.practices] == [("housing-first",)]


def test_card_cannot_be_related_to_itself(tmp_path, taxonomy):
    content = changed("keywords: [voorbeeld]", "keywords: [voorbeeld]\nrelated: [kaart]")
    path = write(tmp_path / "practices", "kaart.md", content)
    result = load_practices([path], taxonomy, TODAY, root=tmp_path)
    problem = the_problem(result.problems, "related[1]", "niet aan zichzelf verwant")
    assert problem.line == line_of(content, "related:")
    assert result.practices == []


def test_every_wrong_related_entry_is_reported_without_a_crash(tmp_path, taxonomy):
    """An unknown card first and the card itself second: both reported, the card left out, no traceback."""
    content = changed("keywords: [voorbeeld]", "keywords: [voorbeeld]\nrelated:\n  - bestaat-niet\n  - kaart")
    path = write(tmp_path / "practices", "kaart.md", content)
    result = load_practices([path], taxonomy, TODAY, root=tmp_path)
    assert sorted((p.field, p.line) for p in result.problems) == [
        ("related[1]", line_of(content, "- bestaat-niet")), ("related[2]", line_of(content, "- kaart"))]
    assert result.practices == []


# -- valid edge cases: they pass and are kept ------------------------------------------------------

_NATIONAL = changed(
    "place:\n  scope: wijk\n  municipality: Oss\n  neighbourhood: Ruwaard\n  province: noord-brabant\n",
    "place:\n  scope: landelijk\n",
)
_MINIMAL = (
    changed("started: 2016\n", "", changed("  neighbourhood: Ruwaard\n", ""))
    .replace("    date: 2022-02-09\n", "")
    .replace("  url: https://example.org\n", "")
    .replace("keywords: [voorbeeld]\n", "")
)

VALID_CARDS = {
    "utf8-bom": b"\xef\xbb\xbf" + VALID_CARD.encode("utf-8"),
    "windows-crlf": VALID_CARD.replace("\n", "\r\n").encode("utf-8"),
    "bom-and-crlf": b"\xef\xbb\xbf" + VALID_CARD.replace("\n", "\r\n").encode("utf-8"),
    "old-mac-cr": VALID_CARD.replace("\n", "\r").encode("utf-8"),
    "national-without-municipality": _NATIONAL.encode("utf-8"),
    "without-optional-fields": _MINIMAL.encode("utf-8"),
    "reviewed-today-started-this-year": changed(
        "last_reviewed: 2026-11-01", "last_reviewed: 2026-11-22", changed("started: 2016", "started: 2026")
    ).encode("utf-8"),
    "coordinates-in-oss": changed("themes:", _WITH_COORDINATES.format(lat=51.76, lon=5.53)).encode("utf-8"),
    "front-matter-closed-with-dots": changed("2026-11-01\n---\n", "2026-11-01\n...\n").encode("utf-8"),
    "horizontal-rule-and-code-in-body": changed(
        "## Lessen\n\nTekst.", "## Lessen\n\nTekst.\n\n---\n\n```\n# geen kop\n```\n\nMeer: [site](https://example.org)."
    ).encode("utf-8"),
}


def _expected(name: str, problem: Problem) -> bool:
    """The one warning a valid edge case has: its source without a date (the optional field left out)."""
    return name == "without-optional-fields" and problem.field == "sources[1].date" and not problem.is_error


@pytest.mark.parametrize("name", VALID_CARDS)
def test_valid_edge_case_passes(name, tmp_path, taxonomy):
    practice, problems = check_one(tmp_path, taxonomy, VALID_CARDS[name])
    assert [p for p in problems if not _expected(name, p)] == [], texts(problems)
    assert practice is not None
    assert practice.slug == "kaart"
    assert practice.title == "Voorbeeldpraktijk"  # no BOM glued to the first field
    assert "\r" not in practice.body and "\r" not in practice.summary
    assert practice.body.lstrip().startswith("## In het kort")


def test_valid_edge_cases_are_all_kept_together(tmp_path, taxonomy):
    folder = tmp_path / "practices"
    for index, (name, content) in enumerate(VALID_CARDS.items()):
        assert b"title: Voorbeeldpraktijk" in content
        write(folder, f"{name}.md", content.replace(b"title: Voorbeeldpraktijk", f"title: Kaart {index}".encode()))
    result = load_practices(sorted(folder.glob("*.md")), taxonomy, TODAY, root=tmp_path)
    assert [p for p in result.problems if not _expected(Path(p.path).stem, p)] == [], texts(result.problems)
    assert sorted(p.slug for p in result.practices) == sorted(VALID_CARDS)


def test_national_card_keeps_no_place_details(tmp_path, taxonomy):
    practice, _ = check_one(tmp_path, taxonomy, _NATIONAL)
    assert practice.place.scope == "landelijk" and practice.place.municipality is None
    assert practice.place.label() == "Landelijk"


def test_minimal_card_has_empty_optional_values(tmp_path, taxonomy):
    practice, _ = check_one(tmp_path, taxonomy, _MINIMAL)
    assert practice.started is None and practice.keywords == () and practice.related == ()
    assert practice.coordinates is None and practice.contact.url is None
    assert practice.sources[0].date is None and practice.place.neighbourhood is None


@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf"], ids=["zonder-bom", "met-bom"])
def test_crlf_card_with_errors_reports_the_right_lines(prefix, tmp_path, taxonomy):
    text = changed("status: lopend", "status: lopen")
    text = changed("## Aanpak\n\nTekst.", "## Aanpak\n\n<iframe src=x></iframe>", text)
    practice, problems = check_one(tmp_path, taxonomy, prefix + text.replace("\n", "\r\n").encode("utf-8"))
    assert practice is None
    assert [(p.line, p.field) for p in sorted(problems)] == [
        (line_of(text, "status: lopen"), "status"),
        (line_of(text, "<iframe"), "tekst"),
    ]
    assert the_problem(problems, "status", "'lopen'").suggestion == "lopend"


# -- how a problem is written -------------------------------------------------------------------------


def test_problem_text_has_path_line_field_message_allowed_and_suggestion():
    problem = Problem("practices/a.md", 15, "status", "'lopen' staat niet in de woordenlijst 'statussen'",
                      "toegestaan: idee, lopend", "lopend")
    assert problem.text() == (
        "practices/a.md:15: Status (status): 'lopen' staat niet in de woordenlijst 'statussen' "
        "(toegestaan: idee, lopend). Bedoelde u 'lopend'?"
    )


def test_problem_text_without_allowed_or_suggestion_has_neither():
    assert Problem("p.md", 2, "title", "moet tekst zijn").text() == "p.md:2: Titel (title): moet tekst zijn"
    assert Problem("p.md", 2, "title", "x", allowed="tekst").text() == "p.md:2: Titel (title): x (tekst)"
    assert Problem("p.md", 2, "kop", "x").text() == "p.md:2: kop: x"  # no key of a card: as it is


def test_warning_is_marked_and_not_an_error():
    warning = Problem("p.md", 3, "last_reviewed", "al een jaar niet nagekeken", severity=Severity.WARNING)
    assert not warning.is_error
    assert warning.text() == "p.md:3: Laatst nagekeken (last_reviewed): let op: al een jaar niet nagekeken"


def test_problem_text_of_a_real_card(tmp_path, taxonomy):
    content = changed("role: gemeente", "role: woningcorporaties")
    _, problems = check_one(tmp_path, taxonomy, content)
    [problem] = problems
    text = problem.text()
    assert re.fullmatch(r"practices/kaart\.md:\d+: Partner 1, soort partner \(partners\[1\]\.role\): .+ "
                        r"\(toegestaan: .+\)\. Bedoelde u '.+'\?", text)
    assert text.startswith(f"practices/kaart.md:{line_of(content, 'role:')}: Partner 1, soort partner "
                           "(partners[1].role): 'woningcorporaties'")
    assert text.endswith("Bedoelde u 'woningcorporatie'?")
