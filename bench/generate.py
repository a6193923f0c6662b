"""Realistic generated content for benchmarks and scale tests: N valid, varied cards and webinars.

Every card is fiction made for measuring: organisations and practices are
invented, every source and contact address is on example.org (a domain
reserved for examples). Municipalities and provinces are real, so place facts
are consistent. The output is deterministic for a seed and a "today".

Importable (``write_generated_project``, ``write_generated_cards``, ``generate_cards``,
``generate_webinars``) and runnable::

    .venv/bin/python bench/generate.py /tmp/groot 1000 [--seed 7] [--today 2026-11-22]

writes a copy of the project into /tmp/groot whose practices/ and webinars/ hold
only generated content; build it there with ``mkdocs build``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # support.copy_project: the parts of the project a build needs

from praktijkbank.content.schema import RESEARCH_EVIDENCE  # noqa: E402
from praktijkbank.content.slugs import slugify  # noqa: E402
from praktijkbank.content.taxonomy import Taxonomy, load_taxonomy  # noqa: E402
from support import copy_project  # noqa: E402

DEFAULT_SEED = 20261122
# How often each scope occurs after the first cards (which use every value once).
SCOPE_WEIGHTS = {"wijk": 60, "gemeente": 22, "regio": 14, "landelijk": 4}

# Real towns by province, named as in the map's gazetteer (GeoNames), with their position (WGS84);
# no position for two coastal towns that fall just outside the map's province outlines.
MUNICIPALITIES: dict[str, tuple[tuple[str, float | None, float | None], ...]] = {
    "groningen": (("Groningen", 53.219, 6.567), ("Veendam", 53.107, 6.879), ("Stadskanaal", 52.989, 6.95),
        ("Delfzijl", 53.33, 6.918), ("Hoogezand", 53.162, 6.761), ("Leek", 53.163, 6.376),
        ("Winschoten", 53.144, 7.035), ("Appingedam", 53.322, 6.858), ("Haren", 53.172, 6.609),
        ("Bedum", 53.301, 6.603), ("Musselkanaal", 52.932, 7.015)),
    "friesland": (("Leeuwarden", 53.203, 5.81), ("Heerenveen", 52.959, 5.919), ("Harlingen", 53.175, 5.422),
        ("Drachten", 53.113, 6.099), ("Sneek", 53.033, 5.659), ("Joure", 52.966, 5.803),
        ("Wolvega", 52.875, 5.997), ("Franeker", 53.185, 5.541), ("Dokkum", 53.322, 5.997),
        ("Lemmer", 52.846, 5.709), ("Burgum", 53.192, 5.99)),
    "drenthe": (("Assen", 52.997, 6.562), ("Emmen", 52.779, 6.907), ("Hoogeveen", 52.722, 6.476),
        ("Meppel", 52.696, 6.194), ("Coevorden", 52.661, 6.74), ("Tynaarlo", 53.078, 6.617),
        ("Klazienaveen", 52.724, 6.99), ("Beilen", 52.863, 6.514), ("Roden", 53.138, 6.421),
        ("Eelde", 53.136, 6.562)),
    "overijssel": (("Enschede", 52.218, 6.896), ("Zwolle", 52.513, 6.094), ("Deventer", 52.255, 6.164),
        ("Almelo", 52.357, 6.662), ("Hengelo", 52.266, 6.793), ("Kampen", 52.555, 5.911),
        ("Oldenzaal", 52.313, 6.929), ("Hardenberg", 52.576, 6.619), ("Raalte", 52.386, 6.275),
        ("Borne", 52.301, 6.748), ("Rijssen", 52.307, 6.518)),
    "flevoland": (("Almere", 52.37, 5.214), ("Lelystad", 52.508, 5.475), ("Dronten", 52.525, 5.718),
        ("Zeewolde", 52.33, 5.542), ("Urk", 52.663, 5.601), ("Emmeloord", 52.711, 5.749),
        ("Swifterbant", 52.568, 5.643), ("Biddinghuizen", 52.455, 5.693), ("Rutten", 52.805, 5.698),
        ("Espel", 52.724, 5.642)),
    "gelderland": (("Arnhem", 51.98, 5.911), ("Nijmegen", 51.843, 5.853), ("Apeldoorn", 52.21, 5.969),
        ("Ede", 52.033, 5.658), ("Doetinchem", 51.965, 6.289), ("Zutphen", 52.138, 6.201),
        ("Harderwijk", 52.342, 5.621), ("Tiel", 51.887, 5.429), ("Wageningen", 51.97, 5.667),
        ("Culemborg", 51.955, 5.228), ("Barneveld", 52.14, 5.585), ("Winterswijk", 51.972, 6.719),
        ("Zevenaar", 51.93, 6.071), ("Epe", 52.347, 5.983), ("Nunspeet", 52.379, 5.786),
        ("Lochem", 52.159, 6.411)),
    "utrecht": (("Utrecht", 52.091, 5.122), ("Amersfoort", 52.155, 5.388), ("Nieuwegein", 52.029, 5.081),
        ("Zeist", 52.09, 5.233), ("Veenendaal", 52.029, 5.559), ("Houten", 52.028, 5.168),
        ("IJsselstein", 52.02, 5.043), ("Woerden", 52.085, 4.883), ("De Bilt", 52.11, 5.181),
        ("Leusden", 52.133, 5.432), ("Soest", 52.173, 5.292)),
    "noord-holland": (("Amsterdam", 52.374, 4.89), ("Haarlem", 52.381, 4.637), ("Zaanstad", 52.453, 4.814),
        ("Alkmaar", 52.632, 4.749), ("Hilversum", 52.223, 5.176), ("Den Helder", 52.96, 4.759),
        ("Hoorn", 52.642, 5.06), ("Purmerend", 52.505, 4.96), ("Velsen", 52.46, 4.65),
        ("Amstelveen", 52.301, 4.864), ("Enkhuizen", 52.703, 5.292)),
    "zuid-holland": (("Rotterdam", 51.922, 4.479), ("Den Haag", 52.077, 4.299), ("Leiden", 52.158, 4.493),
        ("Dordrecht", 51.81, 4.674), ("Zoetermeer", 52.057, 4.493), ("Delft", 52.007, 4.356),
        ("Gouda", 52.017, 4.708), ("Schiedam", 51.919, 4.389), ("Alphen aan den Rijn", 52.129, 4.655),
        ("Vlaardingen", 51.913, 4.342), ("Capelle aan den IJssel", 51.929, 4.578),
        ("Gorinchem", 51.837, 4.972), ("Katwijk", 52.194, 4.422)),
    "zeeland": (("Middelburg", 51.5, 3.614), ("Vlissingen", None, None), ("Goes", 51.504, 3.889),
        ("Terneuzen", 51.336, 3.828), ("Hulst", 51.28, 4.053), ("Sluis", 51.308, 3.386),
        ("Borsele", None, None), ("Kapelle", 51.486, 3.958), ("Tholen", 51.532, 4.221),
        ("Zierikzee", 51.65, 3.919)),
    "noord-brabant": (("Eindhoven", 51.441, 5.478), ("Tilburg", 51.556, 5.091), ("Breda", 51.587, 4.776),
        ("'s-Hertogenbosch", 51.699, 5.304), ("Oss", 51.765, 5.518), ("Helmond", 51.482, 5.661),
        ("Roosendaal", 51.531, 4.465), ("Bergen op Zoom", 51.495, 4.292), ("Oosterhout", 51.645, 4.86),
        ("Waalwijk", 51.682, 5.071), ("Veldhoven", 51.418, 5.403), ("Boxtel", 51.591, 5.329),
        ("Heusden", 51.384, 5.764)),
    "limburg": (("Maastricht", 50.848, 5.689), ("Venlo", 51.37, 6.168), ("Heerlen", 50.884, 5.982),
        ("Roermond", 51.194, 5.987), ("Kerkrade", 50.866, 6.062), ("Weert", 51.252, 5.707),
        ("Venray", 51.525, 5.975), ("Brunssum", 50.947, 5.971), ("Stein", 50.969, 5.767),
        ("Sittard", 50.998, 5.869), ("Gennep", 51.698, 5.974)),
}

NEIGHBOURHOODS = (
    "Centrum", "Oud-Noord", "Oost", "Zuidwest", "De Hoven", "Het Ven", "Molenwijk", "Stationskwartier",
    "Bloemenbuurt", "Schildersbuurt", "Vogelwijk", "De Akkers", "Hoogkamp", "Kerkbuurt", "Nieuwland",
    "Het Zand", "De Weide", "Rivierenwijk", "Componistenbuurt", "Havenkwartier", "De Velden", "Boomgaard",
)

# The first word of a practice's name. Within one place no two cards share it, so the
# check's "looks like an existing card" warning never fires on generated content.
CONCEPTS = (
    "Buurtkamer", "Woonzorgcirkel", "Thuisteam", "Wijkpunt", "Mantelzorgcafé", "Wooncoach", "Burenhulp",
    "Zorgzame Straat", "Omzien", "Samen Thuis", "Wijkcoöperatie", "Buurtbudget", "Tussenvoorziening",
    "Kamers met Aandacht", "Woonladder", "Thuisplus", "Buurtbemiddeling", "Huurdersplatform", "Werkplaats",
    "Generatiehuis", "Buddyproject", "Ontmoetingsplein", "Wijkrestaurant", "Klussendienst", "Opvangwoning",
    "Doorstroomhuis", "Begeleid Wonen", "Zorgsteunpunt", "Sportcoach", "Welzijnsloket", "Huisbezoek",
    "Energiecoach", "Tuinproject", "Repaircafé", "Taalhuis", "Voedseltuin", "Wijkkracht", "Nachtopvang",
    "Woonmaatje", "Seniorenconsulent", "Dementievriendelijk", "Zorgboerderij", "Wijkverpleging",
    "Woonservicezone", "Kangoeroewoning", "Mantelzorgwoning", "Startersgroep", "Opplussen",
    "Wijkambassadeurs", "Straatcoaches", "Buurtconciërge", "Huismeester", "Leefbaarheid", "Vitaliteit",
    "Gezondheidshuis", "Zorgcoöperatie", "Thuishuis", "Aanleunhof", "Hofjeswonen", "Knooppunt",
    "Vroegsignalering", "Schuldenwijzer", "Housing Plus", "Steunstee", "Inloophuis", "Buurtnetwerk",
    "Proefwonen", "Domotica", "Skaeve Huse", "Kansenpad",
)
NAME_STARTS = (
    "Veld", "Linde", "Esch", "Hoog", "Beuk", "Eiken", "Wilgen", "Hazel", "Rozen", "Zonne", "Berken",
    "Vlinder", "Meeuwen", "Kastanje", "Lijster", "Merel", "Akker", "Molen", "Water", "Duin", "Brug",
    "Kerk", "Markt", "Haven", "Park", "Bloem", "Heide", "Dijk", "Polder", "Vaart",
)
NAME_ENDS = ("hoeve", "burg", "stede", "hof", "kamp", "weide", "laan", "hage", "rode", "horst", "veen",
             "beek", "borgh", "plein", "erf")

# Organisation names per partner role ({n}: an invented name, {m}: municipality, {w}: neighbourhood).
PARTNER_NAMES = {
    "gemeente": ("Gemeente {m}",),
    "provincie": ("Provincie {p}",),
    "rijksoverheid": ("Rijksoverheid",),
    "woningcorporatie": ("Woonstichting {n}", "{n} Wonen", "Woongroep {n}"),
    "zorgaanbieder": ("Zorggroep {n}", "{n} Zorg", "Thuiszorg {n}"),
    "ggz": ("GGZ {n}", "Stichting {n} GGZ"),
    "maatschappelijke-opvang": ("Stichting Onderdak {n}", "Opvang {n}"),
    "welzijnsorganisatie": ("Welzijn {n}", "Sociaal Wijkteam {m}", "Stichting Wijkwerk {n}"),
    "zorgverzekeraar": ("Zorgverzekeraar {n}",),
    "huurdersorganisatie": ("Huurdersvereniging {n}", "Huurdersbelang {m}"),
    "bewonersorganisatie": ("Bewonersgroep {w}", "Bewonersinitiatief {n}"),
    "adviesraad": ("Adviesraad Sociaal Domein {m}",),
    "kennisinstituut": ("Kenniscentrum {n}", "Lectoraat Wonen en Welzijn {n}"),
    "brancheorganisatie": ("Netwerk {n}", "Vereniging {n}"),
    "particulieren": ("Bewoners van {w}",),
    "overig": ("Stichting {n}",),
}

# Words for Dutch-like running text: enough variety for a realistic search index.
SUBJECTS = (  # (subject, plural)
    ("De gemeente", False), ("Bewoners", True), ("De woningcorporatie", False), ("Het sociale wijkteam", False),
    ("Vrijwilligers", True), ("De zorgaanbieder", False), ("Huurders", True), ("Een buurtcoach", False),
    ("De welzijnsorganisatie", False), ("De huismeester", False), ("Mantelzorgers", True),
    ("De wijkverpleegkundige", False), ("Jongerenwerkers", True), ("De huurdersvereniging", False),
    ("Ervaringsdeskundigen", True), ("De GGZ-instelling", False), ("Het bewonersinitiatief", False),
    ("De projectleider", False),
)
VERBS = (  # (singular, plural)
    ("organiseert", "organiseren"), ("ondersteunt", "ondersteunen"), ("bespreekt", "bespreken"),
    ("regelt", "regelen"), ("zoekt", "zoeken"), ("begeleidt", "begeleiden"), ("verbindt", "verbinden"),
    ("signaleert", "signaleren"), ("financiert", "financieren"), ("bezoekt", "bezoeken"),
    ("versterkt", "versterken"), ("coördineert", "coördineren"), ("evalueert", "evalueren"),
    ("ontwikkelt", "ontwikkelen"), ("stimuleert", "stimuleren"),
)
OBJECTS = (
    "wekelijks een spreekuur in de buurtkamer", "samen met bewoners de plannen voor de straat",
    "huurders met een betalingsachterstand", "ouderen die langer thuis willen wonen",
    "een vaste contactpersoon voor elke bewoner", "de overgang van beschermd wonen naar een eigen huis",
    "ontmoeting tussen oude en nieuwe bewoners", "de afspraken over zorg en woning in één plan",
    "jongeren die uit de jeugdzorg komen", "signalen van eenzaamheid achter de voordeur",
    "een gezamenlijk budget voor de hele wijk", "kleine aanpassingen in de woning",
    "de buurtmoestuin en het wijkrestaurant", "huisbezoeken bij nieuwe huurders",
    "statushouders bij het vinden van werk en vrienden", "de inzet van vrijwilligers in de flat",
    "gesprekken over veiligheid en leefbaarheid", "maatwerk waar de regels knellen",
)
CONNECTORS = (
    "Daarbij", "Vervolgens", "Tegelijk", "Sinds de start", "In de praktijk", "Volgens de partners",
    "Mede daardoor", "In het begin", "Inmiddels",
)
CLAUSES = (
    "is er minder overlast in de portiekflats", "weten bewoners beter de weg naar hulp",
    "voelen huurders zich vaker gehoord", "kunnen mensen sneller doorstromen naar een gewone woning",
    "worden problemen eerder gesignaleerd", "hoeven minder mensen te verhuizen naar een verpleeghuis",
    "is de samenwerking tussen zorg en wonen hechter geworden", "daalt het aantal huisuitzettingen",
    "ontstaan er nieuwe contacten tussen buren", "blijft de zorg betaalbaar voor de gemeente",
    "nemen bewoners zelf meer initiatief", "is het vertrouwen in de instanties gegroeid",
)
GROUPS = ("ouderen", "jongeren", "dakloze mensen", "statushouders", "huurders", "mantelzorgers",
          "bewoners met schulden", "mensen met een beperking", "gezinnen", "alleenstaanden",
          "mensen met psychische kwetsbaarheid", "kwetsbare bewoners", "nieuwe bewoners")
ACTIVITIES = ("een vaste ontmoetingsplek", "huisbezoeken", "een spreekuur in de wijk", "samen koken",
              "begeleiding bij het wonen", "hulp bij geldzaken", "een klussendienst", "vrijwilligerswerk",
              "afspraken over voorrang bij woningtoewijzing", "maatjescontact", "een gezamenlijke tuin",
              "een digitaal loket", "trainingen voor buren", "een huiskamer in het complex")
GOALS = ("langer zelfstandig thuis wonen", "minder eenzaamheid", "snellere uitstroom uit de opvang",
         "minder huurachterstanden", "meer contact tussen buren", "een gezondere leefstijl",
         "passende woningen voor iedereen", "betere samenwerking tussen zorg en wonen",
         "een betaalbare woonplek", "vroeg signaleren van problemen")
KEYWORD_POOL = (
    "buurtkamer", "mantelzorg", "wijkteam", "huisuitzetting", "eenzaamheid", "doorstroom",
    "beschermd wonen", "woonzorgcentrum", "ervaringsdeskundige", "leefbaarheid", "wijkbudget",
    "statushouders", "jongerenhuisvesting", "ouderenhuisvesting", "schuldhulp", "vroegsignalering",
    "gemengd wonen", "zorgzame buurt", "dementie", "huurachterstand", "woonbegeleiding", "ontmoeting",
)
LESSONS = (
    "Begin klein en maak de afspraken pas daarna groter.",
    "Zorg voor één vast aanspreekpunt voor bewoners en voor professionals.",
    "Geef medewerkers ruimte om van de regels af te wijken als dat de bewoner helpt.",
    "Betrek huurders vanaf het eerste overleg, niet pas bij de uitvoering.",
    "Leg vast wie wat betaalt voordat de pilot afloopt.",
    "Meet vanaf het begin wat je wilt bereiken, ook als dat lastig is.",
    "Investeer in de relatie tussen de partners: dat kost tijd.",
    "Maak gebruik van de kennis van ervaringsdeskundigen.",
)


NATIONAL = "\x00landelijk"  # the place of every national card


@dataclass(frozen=True)
class GeneratedFile:
    name: str  # file name inside practices/ or webinars/
    text: str


def _cycle(values: list[str], index: int, rng: random.Random, extra: int) -> list[str]:
    """The value at ``index`` (so that N cards use every value), plus up to ``extra`` random others."""
    first = values[index % len(values)]
    others = [v for v in rng.sample(values, min(len(values), extra + 1)) if v != first][: rng.randint(0, extra)]
    return [first, *others]


def _lower(words: str) -> str:
    """'De GGZ-instelling' -> 'de GGZ-instelling', for the middle of a sentence."""
    return words[0].lower() + words[1:]


def _clause(rng: random.Random, inverted: bool = False) -> str:
    """'de gemeente organiseert …', or with ``inverted`` 'organiseert de gemeente …' (after 'In Oss')."""
    subject, plural = rng.choice(SUBJECTS)
    verb = rng.choice(VERBS)[plural]
    if inverted:
        return f"{verb} {_lower(subject)} {rng.choice(OBJECTS)}"
    return f"{_lower(subject)} {verb} {rng.choice(OBJECTS)}"


def _sentence(rng: random.Random) -> str:
    form = rng.random()
    if form < 0.4:
        clause = _clause(rng)
        return f"{clause[0].upper()}{clause[1:]}."
    if form < 0.7:
        return f"Voor {rng.choice(GROUPS)} is er {rng.choice(ACTIVITIES)}, met het oog op {rng.choice(GOALS)}."
    return f"{rng.choice(CONNECTORS)} {rng.choice(CLAUSES)}, en {_clause(rng)}."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _body(rng: random.Random, title: str, where: str, partners: list[dict], started: int | None) -> str:
    """About 600 words under the required headings, with lists and emphasis like real cards."""
    since = f" sinds {started}" if started else ""
    steps = "\n".join(f"- **{rng.choice(VERBS)[0].capitalize()}.** {_paragraph(rng, rng.randint(2, 3))}"
                      for _ in range(rng.randint(3, 5)))
    who = ", ".join(p["name"] for p in partners)
    results = _paragraph(rng, rng.randint(6, 9))
    lessons = "\n".join(f"{i}. {lesson}" for i, lesson in enumerate(rng.sample(LESSONS, rng.randint(2, 4)), 1))
    return (
        f"## In het kort\n\n{title} is een praktijk in {where}{since}. {_paragraph(rng, rng.randint(4, 6))}\n\n"
        f"## Aanpak\n\n{_paragraph(rng, rng.randint(4, 7))}\n\n{steps}\n\n"
        f"## Wie werken samen\n\nDe partners zijn {who}. {_paragraph(rng, rng.randint(3, 5))}\n\n"
        f"## Resultaten\n\nDe partners melden de resultaten zelf. {results}\n\n"
        f"## Lessen\n\n{_paragraph(rng, rng.randint(2, 4))}\n\n{lessons}\n"
    )


def _partners(rng: random.Random, roles: list[str], taxonomy: Taxonomy, names: list[str],
              municipality: str | None, province: str | None, neighbourhood: str) -> list[dict]:
    partners, seen = [], set()
    for role in roles:
        templates = PARTNER_NAMES.get(role, ("Organisatie {n}",))
        name = rng.choice(templates).format(
            n=rng.choice(names), m=municipality or "Nederland", w=neighbourhood,
            p=taxonomy["provinces"].label_of(province) if province else "Utrecht",
        )
        if name not in seen:
            seen.add(name)
            partners.append({"name": name, "role": role})
    return partners


def _date_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _towns(province: str, taxonomy: Taxonomy) -> tuple:
    """The municipalities of a province; a province new to taxonomy.yml gets one named after itself."""
    return MUNICIPALITIES.get(province, ((taxonomy["provinces"].label_of(province), None, None),))


def _place_with_free_concept(rng: random.Random, towns: tuple, scope: str,
                             concepts_used: dict[str, set[str]]) -> tuple[tuple | None, list[str], str]:
    """(town, other towns, first word of the name): a first word no other card in those places has."""
    for _ in range(100):
        town = rng.choice(towns) if towns else None
        also_in = []
        if scope == "regio":
            also_in = [t[0] for t in rng.sample(towns, min(len(towns), rng.randint(1, 2))) if t is not town]
        places = [town[0], *also_in] if town else [NATIONAL]
        taken = set().union(*(concepts_used.get(p, set()) for p in places))
        free = [c for c in CONCEPTS if c not in taken]
        if free:
            concept = rng.choice(free)
            for place in places:
                concepts_used.setdefault(place, set()).add(concept)
            return town, also_in, concept
    # About 70 names per municipality, some 8,000 cards in all: far beyond what we measure.
    raise ValueError("te veel kaarten voor de namenlijsten van de generator")


def generate_cards(n: int, taxonomy: Taxonomy, today: dt.date, seed: int = DEFAULT_SEED) -> list[GeneratedFile]:
    """N valid cards that together use every value of every vocabulary (for N ≥ the largest one)."""
    rng = random.Random(seed)
    vocab = {name: list(taxonomy[name].values) for name in
             ("scope", "provinces", "themes", "target_groups", "partner_roles", "status", "evidence")}
    names = [start + end for start in NAME_STARTS for end in NAME_ENDS]
    concepts_used: dict[str, set[str]] = {}  # place -> first words of the names there
    titles: set[str] = set()
    slugs: list[str] = []  # of the cards so far, which a card may name as related
    files: list[GeneratedFile] = []
    provinces_by_town = [p for p in vocab["provinces"] for _ in _towns(p, taxonomy)]
    national_cap = len(CONCEPTS) // 2
    nationals = regional = 0
    for index in range(n):
        scope = vocab["scope"][index] if index < len(vocab["scope"]) else rng.choices(
            vocab["scope"], weights=[SCOPE_WEIGHTS.get(s, 5) for s in vocab["scope"]])[0]
        if scope == "landelijk" and index >= len(vocab["scope"]) and nationals >= national_cap:
            scope = "gemeente"
        national = scope == "landelijk"
        nationals += national
        # The first cards in a province visit every province (the national first cards in
        # between do not skip one); after that a province as often as it has municipalities.
        province = None if national else vocab["provinces"][regional] if regional < len(vocab["provinces"]) \
            else rng.choice(provinces_by_town)
        regional += not national
        towns = _towns(province, taxonomy) if province else ()
        town, also_in, concept = _place_with_free_concept(rng, towns, scope, concepts_used)
        municipality = town[0] if town else None
        neighbourhood = rng.choice(NEIGHBOURHOODS)
        title = f"{concept} {rng.choice(names)}"
        while title.casefold() in titles:
            title = f"{concept} {rng.choice(names)}"
        titles.add(title.casefold())
        slug = slugify(title)
        roles = ["gemeente"] if not national else []
        roles += _cycle(vocab["partner_roles"], index, rng, rng.randint(1, 6))
        partners = _partners(rng, roles, taxonomy, names, municipality, province, neighbourhood)
        started = rng.randint(1998, today.year) if rng.random() < 0.85 else None
        where = "heel Nederland" if national else f"{neighbourhood}, {municipality}" if scope == "wijk" else municipality
        place: dict = {"scope": scope}
        if not national:
            place["municipality"] = municipality
            if scope == "wijk":
                place["neighbourhood"] = neighbourhood
            place["province"] = province
            if also_in:
                place["also_in"] = also_in
        front: dict = {
            "title": title,
            "summary": f"In {where} {_clause(rng, inverted=True)}. {_sentence(rng)}",
            "place": place,
        }
        if town and town[1] and rng.random() < 0.3:
            front["coordinates"] = {"lat": town[1],
                                    "lon": town[2]}
        front["themes"] = _cycle(vocab["themes"], index, rng, 3)
        front["target_groups"] = _cycle(vocab["target_groups"], index, rng, 2)
        front["partners"] = partners
        if started:
            front["started"] = started
        front["status"] = vocab["status"][index % len(vocab["status"])]
        front["evidence"] = vocab["evidence"][index % len(vocab["evidence"])]
        front["sources"] = [
            {"title": f"{title}: {rng.choice(('verslag', 'projectpagina', 'nieuwsbericht', 'evaluatie'))} {i + 1}",
             "url": f"https://example.org/{slug}/bron-{i + 1}",
             "publisher": rng.choice(partners)["name"],
             **({"date": _date_between(rng, dt.date(started or 2015, 1, 1), today)} if rng.random() < 0.7 else {})}
            for i in range(rng.randint(1, 4))
        ]
        if front["evidence"] in RESEARCH_EVIDENCE:  # research as evidence: a source is that research
            front["sources"][0]["research"] = True
        front["contact"] = {"organisation": partners[0]["name"], "url": f"https://example.org/{slug}"}
        front["keywords"] = [*rng.sample(KEYWORD_POOL, rng.randint(1, 4)), *([municipality] if municipality else [])]
        if slugs and rng.random() < 0.3:
            front["related"] = sorted(set(rng.sample(slugs, min(len(slugs), rng.randint(1, 3)))))
        # One card in twenty is overdue for review: a warning, and an entry on the maintainers' list.
        oldest = today - dt.timedelta(days=700 if rng.random() < 0.05 else 330)
        front["last_reviewed"] = _date_between(rng, oldest, today)
        body = _body(rng, title, where, partners, started)
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100) + "---\n\n" + body
        slugs.append(slug)
        files.append(GeneratedFile(f"{slug}.md", text))
    return files


def generate_webinars(cards: list[GeneratedFile], today: dt.date, seed: int = DEFAULT_SEED,
                      every: int = 25) -> list[GeneratedFile]:
    """One webinar per ``every`` cards (at least two): past and upcoming, with and without a known time."""
    rng = random.Random(seed + 1)
    count = max(2, len(cards) // every) if cards else 0
    files = []
    for index in range(count):
        card = cards[(index * every) % len(cards)]
        front_matter = yaml.safe_load(card.text.split("---\n")[1])
        slug = card.name[: -len(".md")]
        # Past ones over the last three years; one in four coming up within a year.
        upcoming = index % 4 == 1
        day = _date_between(rng, today + dt.timedelta(days=1), today + dt.timedelta(days=360)) if upcoming \
            else _date_between(rng, today - dt.timedelta(days=3 * 365), today - dt.timedelta(days=1))
        others = [c.name[: -len(".md")] for c in rng.sample(cards, min(len(cards), rng.randint(0, 2)))]
        data: dict = {"title": f"Zo doen we dat: {front_matter['title']} ({index + 1})"}
        if index % 5 == 2:
            data["start"] = day
            data["time_known"] = False
        else:
            hour, minute = rng.choice(((10, 0), (13, 30), (14, 30), (15, 0), (19, 30)))
            start = dt.datetime.combine(day, dt.time(hour, minute))
            data["start"] = start.strftime("%Y-%m-%dT%H:%M")
            data["end"] = (start + dt.timedelta(minutes=rng.choice((60, 75, 90)))).strftime("%Y-%m-%dT%H:%M")
        data["organisers"] = [p["name"] for p in front_matter["partners"][:2]]
        data["practices"] = list(dict.fromkeys([slug, *others]))
        data["description"] = f"Webinar over {front_matter['title']}. {_paragraph(rng, 2)}"[:590]
        if upcoming:
            data["registration"] = f"https://example.org/webinars/{slug}/aanmelden"
        elif rng.random() < 0.5:
            data["recording"] = f"https://example.org/webinars/{slug}/opname"
        data["sources"] = [{"title": f"Aankondiging webinar {index + 1}", "url": f"https://example.org/webinars/{slug}",
                            "publisher": data["organisers"][0]}]
        data["last_reviewed"] = min(today, _date_between(rng, today - dt.timedelta(days=200), today))
        text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100) + "---\n"
        files.append(GeneratedFile(f"{day.isoformat()}-{slug}-{index + 1}.md", text))
    return files


def _write(folder: Path, files: list[GeneratedFile]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file in files:
        path = folder / file.name
        if path.exists():
            raise FileExistsError(f"{path} bestaat al")
        path.write_text(file.text, encoding="utf-8")
        written.append(path)
    return written


def write_generated_project(dest: Path, n: int, today: dt.date, seed: int = DEFAULT_SEED,
                            webinars: bool = True) -> Path:
    """A copy of the project in ``dest`` whose practices/ and webinars/ hold only generated content."""
    copy_project(dest)
    taxonomy = load_taxonomy(dest / "taxonomy.yml")
    cards = generate_cards(n, taxonomy, today, seed)
    for folder in ("practices", "webinars"):
        shutil.rmtree(dest / folder, ignore_errors=True)
    _write(dest / "practices", cards)
    _write(dest / "webinars", generate_webinars(cards, today, seed) if webinars else [])
    return dest


def write_generated_cards(practices_dir: Path, count: int, seed: int = DEFAULT_SEED,
                          today: dt.date | None = None) -> list[Path]:
    """Add ``count`` generated cards to the practices/ folder of a project copy, next to the real ones."""
    taxonomy = load_taxonomy(practices_dir.parent / "taxonomy.yml")
    return _write(practices_dir, generate_cards(count, taxonomy, today or dt.date.today(), seed))


def project_command(argv: list[str] | None, description: str, write) -> int:
    """The command line of a script that writes a project copy with N cards (this one, clone.py)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("dest", type=Path, help="nieuwe map voor de kopie")
    parser.add_argument("n", type=int, help="aantal kaarten")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="JJJJ-MM-DD")
    args = parser.parse_args(argv)
    write(args.dest, args.n, args.today, args.seed)
    print(f"{args.n} kaarten geschreven in {args.dest / 'practices'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return project_command(argv, "Schrijf een kopie van het project met N gegenereerde kaarten.",
                           write_generated_project)


if __name__ == "__main__":
    sys.exit(main())
