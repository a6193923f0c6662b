"""The page "Praktijk aanmelden": a form that writes a finished card in the visitor's browser.

Everything on the page comes from the schema and taxonomy.yml, as the JSON Schema and the
issue form do: the controls (labels, help, lists to choose from, a repeatable block per
partner and per source, a text box per heading of the card's text) are finished HTML made
here, and the rules the browser checks are written into the page as a JSON data block
(``<script type="application/json" id="pb-form-schema">``) that docs/assets/aanmelden.js
reads; the script holds no copy of a rule, a list or a message.

The messages are the check's own. They are not written out here: ``check_messages`` runs the
real check (``practice_from_document``) on small probe cards, each with one known mistake,
and turns what it reports into templates (the probe's value becomes ``{value}``). A message
that changes in the check changes on the form with the next build.

Nothing is sent anywhere by the page: the visitor chooses to send the card by e-mail (a
``mailto:`` link, only when ``extra.praktijkbank.submit_email`` is set), to save it as a file,
or to open it as a new file on GitHub. The e-mail body follows the contract with
``praktijkbank formulier --email``: the card between ``EMAIL_BEGIN`` and ``EMAIL_END``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..checks.body_text import _HEADING
from ..content.reading import parse_document
from ..content.field_kinds import ISO_DATE, URL_PATTERN, ecma_pattern
from ..authoring.issue_form import ISSUE_FORM_PATH
from ..content.cards import _PERSONAL_DATA, practice_from_document
from ..checks.problems import Problem, ProblemLog, Severity
from ..safe_html import script_json
from ..content.schema import HEADINGS, PRACTICE, RESEARCH_EVIDENCE, Field, label
from ..content.slugs import slugify
from ..content.taxonomy import Taxonomy
from ..sitemodel.source import PageSource, html_block
from ..urls import SiteAddress
from .markup import attr, escaped

SUBMIT_SRC = "aanmelden.md"
# The scope without municipality and province (practices._check_place_rules), and what the check
# calls an address with another scheme (field_kinds._check_url): both written there inline.
NATIONAL_SCOPE = "landelijk"
_URL_SCHEME = r"^[a-z][a-z0-9+.-]*:"
DATA_ID = "pb-form-schema"

# The contract with `praktijkbank formulier --email` (/tmp/prompts/form-contract.md): the card
# file travels in the body of the e-mail between these two lines, unchanged.
EMAIL_BEGIN = "----- BEGIN PRAKTIJKKAART practices/{slug}.md -----"
EMAIL_END = "----- EINDE PRAKTIJKKAART -----"
EMAIL_SUBJECT = "Praktijk aanmelden: {title}"
EMAIL_INTRO = (
    "Beste redactie van de Praktijkbank,",
    "",
    "Hierbij meld ik een praktijk aan. De kaart staat hieronder, gemaakt met het formulier op de site.",
    "Iedereen mag een praktijk aanmelden; de redactie leest de kaart na en antwoordt op dit e-mailadres.",
)

# Fields the person who reports a practice leaves to the editors (as on the issue form); the
# form writes last_reviewed itself: the day the visitor made the card.
LEFT_TO_EDITORS = {
    "coordinates": "de ligging op de kaart zoekt de redactie op in een bron",
    "related": "verbanden met andere kaarten legt de redactie",
    "figures": "cijfers met het nummer van hun bron zet de redactie op de kaart",
    "last_reviewed": "de datum van nakijken is de dag waarop u de kaart maakt",
}

# The name of one entry of a list of groups, for "Partner 2" and "Nog een partner".
ENTRY_NAMES = {"partners": "Partner", "sources": "Bron", "figures": "Cijfer"}
ENTRY_TOKEN = "pbN"  # the number of a new entry in its <template>; the script puts the real one in

# Up to this many values a single choice is a row of radio buttons; more, or values with an
# explanation each (evidence), and it is a list to choose from / radio buttons with help.
_RADIO_LIMIT = 4
_LONG_TEXT = 300  # texts this long get a box of several lines


@dataclass(frozen=True)
class SubmitTargets:
    """Where a finished card may go, from mkdocs.yml: the editors' address, the repository on GitHub."""

    email: str | None = None
    repository: str | None = None  # https://github.com/<owner>/<name>

    def github_new_file(self) -> str | None:
        """The address that opens a new file in practices/ on GitHub (the contract's link, without its query)."""
        if not self.repository:
            return None
        match = re.match(r"^https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$", self.repository.strip())
        if match is None:
            return None
        return f"https://github.com/{match.group(1)}/{match.group(2)}/new/main/practices"

    def issue_form(self) -> str | None:
        """The address of the issue form on GitHub (for a browser without JavaScript)."""
        new_file = self.github_new_file()
        if new_file is None:
            return None
        return new_file.removesuffix("/new/main/practices") + "/issues/new?template=" + ISSUE_FORM_PATH.rsplit("/", 1)[-1]


def _plain_help(text: str) -> str:
    """The schema's help as a person filling in a form reads it: no file names or YAML."""
    text = re.sub(r",? uit taxonomy\.yml", "", text)
    text = text.replace("krijgt de bron met het onderzoek 'research: true'",
                        "zet u bij de bron met het onderzoek een vinkje bij 'Onderzoek'")
    text = re.sub(r"Zet 'research: true' als deze bron", "Vink aan als deze bron", text)
    return text.replace("onder sources", "hieronder")


# -- the rules, for the script -------------------------------------------------------------

def _field_rules(field: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    node: dict[str, Any] = {"name": field.name, "label": label(field), "kind": field.kind.name,
                            "required": field.required, "description": field.description}
    if field.max_length:
        node["max_length"] = field.max_length
    if field.min_items:
        node["min_items"] = field.min_items
    if field.minimum is not None:
        node["minimum"] = field.minimum
    if field.maximum is not None:
        node["maximum"] = field.maximum
    if field.kind.name == "year":
        node["future"] = field.future
    if field.vocabulary:
        node["vocabulary"] = field.vocabulary
    if field.kind.is_mapping:
        node["fields"] = [_field_rules(child, taxonomy) for child in field.fields]
    if field.item is not None:
        node["item"] = _field_rules(field.item, taxonomy)
        if field.name in ENTRY_NAMES:
            node["entry"] = ENTRY_NAMES[field.name]
    return node


def form_fields() -> list[Field]:
    """The card's fields the form asks for, in the card's order."""
    return [field for field in PRACTICE.fields if field.name not in LEFT_TO_EDITORS]


def _vocabularies(taxonomy: Taxonomy) -> dict[str, Any]:
    return {name: {"label": v.label, "plural": v.plural, "values": [[key, text] for key, text in v.values.items()],
                   "descriptions": dict(v.descriptions)}
            for name, v in taxonomy.vocabularies.items()}


def form_rules(taxonomy: Taxonomy, targets: SubmitTargets = SubmitTargets()) -> dict[str, Any]:
    """Everything the script needs, as data: fields, vocabularies, headings, messages, where a card may go."""
    return {
        "fields": [_field_rules(field, taxonomy) for field in form_fields()],
        "all_fields": [field.name for field in PRACTICE.fields],  # the card's order of keys
        "vocabularies": _vocabularies(taxonomy),
        "headings": [{"title": h.title, "description": h.description, "required": h.required} for h in HEADINGS],
        "research_evidence": list(RESEARCH_EVIDENCE),
        # Patterns the check matches with, as JavaScript reads them (the same syntax).
        "patterns": {"personal_data": _PERSONAL_DATA.pattern, "url": ecma_pattern(URL_PATTERN),
                     "url_scheme": _URL_SCHEME, "iso_date": ISO_DATE.pattern, "heading": _HEADING.pattern},
        "national_scope": NATIONAL_SCOPE,
        "messages": check_messages(taxonomy),
        "detail": detail_templates(),
        "email": {"address": targets.email or "", "subject": EMAIL_SUBJECT, "intro": list(EMAIL_INTRO),
                  "begin": EMAIL_BEGIN, "end": EMAIL_END},
        "github_new_file": targets.github_new_file() or "",
        "entry_token": ENTRY_TOKEN,
    }


# -- the check's messages, from the check itself ------------------------------------------

PROBE_TODAY = dt.date(2031, 7, 19)  # a "today" no probe value can be mistaken for


def _probe_value(field: Field) -> Any:
    """A valid value of ``field``: its example, or one made of its parts' examples."""
    if field.kind.is_mapping:
        return {c.name: _probe_value(c) for c in field.fields if c.required or c.example is not None}
    if field.holds_groups:
        return [_probe_value(field.item)]
    value = field.example
    return value.isoformat() if isinstance(value, dt.date) else value


def _probe_card() -> dict[str, Any]:
    card = {f.name: _probe_value(f) for f in PRACTICE.fields if f.required or f.example is not None}
    card["last_reviewed"] = PROBE_TODAY.isoformat()
    card["sources"][0].pop("research", None)
    return card


def _probe_body(section_text: dict[str, str] | None = None) -> str:
    section_text = section_text or {}
    return "\n".join(f"## {h.title}\n\n{section_text.get(h.title, 'Tekst.')}\n" for h in HEADINGS)


def _problems(card: dict[str, Any], body: str, taxonomy: Taxonomy) -> list[Problem]:
    text = "---\n" + yaml.safe_dump(card, allow_unicode=True, sort_keys=False) + "---\n\n" + body
    log = ProblemLog("probe.md")
    document = parse_document(text, "probe.md", log)
    if document is None:
        raise ValueError(f"probe card not readable: {[p.text() for p in log.items]}")
    practice_from_document(document, "probe", log, taxonomy, PROBE_TODAY)
    return log.items


def _reported(card: dict[str, Any], taxonomy: Taxonomy, field: str, body: str | None = None) -> Problem:
    """The one problem the check reports at ``field`` for this probe card."""
    found = [p for p in _problems(card, body if body is not None else _probe_body(), taxonomy) if p.field == field]
    if len(found) != 1:
        raise ValueError(f"probe of {field}: expected one problem, got {[p.text() for p in found]}")
    return found[0]


def _template(problem: Problem, **values: Any) -> dict[str, Any]:
    """A problem as a template: each probe value (longest first) becomes ``{name}``."""
    def fill(text: str) -> str:
        for name, value in sorted(values.items(), key=lambda item: -len(str(item[1]))):
            text = text.replace(str(value), "{" + name + "}")
        return text

    return {"message": fill(problem.message), "allowed": fill(problem.allowed),
            "warning": problem.severity is Severity.WARNING}


def check_messages(taxonomy: Taxonomy) -> dict[str, dict[str, Any]]:
    """The check's messages for what the form checks, as templates, each found by a probe card."""
    def card(**changes: Any) -> dict[str, Any]:
        probe = _probe_card()
        for path, value in changes.items():
            *parents, last = path.split("__")
            target = probe
            for part in parents:
                target = target[int(part)] if part.isdigit() else target[part]
            if value is _DELETE:
                target.pop(last if not last.isdigit() else int(last))
            else:
                target[last] = value
        return probe

    title = next(f for f in PRACTICE.fields if f.name == "title")
    too_long = "x" * (title.max_length + 7)
    messages = {
        "required": _template(_reported(card(title=_DELETE), taxonomy, "title"),
                              description=title.description.rstrip(".")),
        "too_long": _template(_reported(card(title=too_long), taxonomy, "title"),
                              length=len(too_long), max=title.max_length),
        "url_invalid": _template(_reported(card(sources__0__url="probe adres"), taxonomy, "sources[1].url"),
                                 value="probe adres"),
        "url_scheme": _template(_reported(card(sources__0__url="ftp://probe.example/x"), taxonomy,
                                          "sources[1].url"), value="ftp://probe.example/x"),
        "url_truncated": _template(_reported(card(sources__0__url="https://probe.example/a…"), taxonomy,
                                             "sources[1].url")),
        "home_page": _template(_reported(card(sources__0__url="https://probe.example"), taxonomy,
                                         "sources[1].url"), value="https://probe.example"),
        "no_date": _template(_reported(card(sources__0__date=_DELETE), taxonomy, "sources[1].date")),
        "date_invalid": _template(_reported(card(sources__0__date="5 mei probe"), taxonomy, "sources[1].date"),
                                  value="5 mei probe"),
        "date_nonexistent": _template(_reported(card(sources__0__date="2023-02-30"), taxonomy,
                                                "sources[1].date"), value="2023-02-30"),
        "date_future": _template(_reported(card(sources__0__date="2031-07-20"), taxonomy, "sources[1].date"),
                                 value="2031-07-20", today=PROBE_TODAY.isoformat()),
        "year_not_number": _template(_reported(card(started="probe"), taxonomy, "started")),
        "year_future": _template(_reported(card(started=2032), taxonomy, "started"),
                                 value=2032, year=PROBE_TODAY.year),
        "year_too_early": _template(_reported(card(started=1776), taxonomy, "started"),
                                    value=1776, minimum=1900),
        "duplicate": _template(_reported(card(keywords=["probe", "probe"]), taxonomy, "keywords[2]"),
                               value="probe"),
        "not_landelijk": _template(_reported(card(place__municipality=_DELETE), taxonomy, "place.municipality")),
        "research": _template(_reported(card(evidence=RESEARCH_EVIDENCE[0]), taxonomy, "evidence"),
                              value=RESEARCH_EVIDENCE[0]),
        "personal_data": _template(_reported(card(contact__organisation="probe@probe.nl"), taxonomy,
                                             "contact.organisation")),
    }
    # A heading of level 1 in a text, and a section left empty (the check's message for a
    # section still to fill in: the form requires text under every required heading).
    first = HEADINGS[0].title
    level_one = _reported(_probe_card(), taxonomy, "tekst", _probe_body({first: "# Probe kop"}))
    messages["level_one_heading"] = _template(level_one, value="Probe kop")
    second = HEADINGS[1]
    empty = _reported(_probe_card(), taxonomy, "tekst", _probe_body({second.title: "INVULLEN"}))
    messages["empty_section"] = {**_template(empty, heading=second.title), "allowed": "{description}"}
    return messages


_DELETE = object()


def detail_templates() -> dict[str, str]:
    """How the check writes one problem (``Problem.detail``), as templates with {field}, {message}, {allowed}."""
    out = {}
    for severity in (Severity.ERROR, Severity.WARNING):
        for with_allowed in (True, False):
            problem = Problem("", 1, "\x01", "\x02", "\x03" if with_allowed else "", "", severity)
            text = problem.detail().replace("\x01", "{field}").replace("\x02", "{message}").replace("\x03", "{allowed}")
            out[f"{severity.name.lower()}{'_allowed' if with_allowed else ''}"] = text
    return out


# -- the form as HTML --------------------------------------------------------------------

def _help(field: Field, taxonomy: Taxonomy) -> str:
    text = _plain_help(field.description)
    if field.kind.is_text and field.max_length and not field.kind.from_vocabulary:
        text += f" Hoogstens {field.max_length} tekens."
    if field.example is not None and not field.kind.from_vocabulary and field.vocabulary_field is None \
            and field.kind.name != "boolean":
        example = field.kind.form_text(field, field.example, taxonomy)
        if field.kind.is_list:
            example = ", ".join(field.item.kind.form_text(field.item, item, taxonomy) for item in field.example)
        text += f" Bijvoorbeeld: {example}"
    if field.kind.is_list and not field.holds_groups and field.vocabulary_field is None:
        text += " Eén per regel."
    return text


def _label_text(field: Field) -> str:
    mark = ' <span class="pb-required">(verplicht)</span>' if field.required else ""
    return escaped(label(field)) + mark


def _message_slot(ident: str) -> str:
    return f'<p class="pb-form-msg" id="{ident}-msg" hidden></p>'


def _control(field: Field, path: str, taxonomy: Taxonomy) -> str:
    """One field: its label, help, control and the place of its message."""
    ident = "pb-f-" + path.replace(".", "-").replace("_", "-")
    help_id, msg_id = f"{ident}-help", f"{ident}-msg"
    described = f'aria-describedby="{help_id} {msg_id}"'
    help_html = f'<p class="pb-form-help" id="{help_id}">{escaped(_help(field, taxonomy))}</p>'
    data = f'data-pb-path="{attr(path)}"'
    vocabulary_field = field.vocabulary_field
    if vocabulary_field is not None:
        vocabulary = taxonomy[vocabulary_field.vocabulary]
        if field.kind.is_list or vocabulary.descriptions or len(vocabulary.values) <= _RADIO_LIMIT:
            kind = "checkbox" if field.kind.is_list else "radio"
            options = []
            for key, text in vocabulary.values.items():
                option_id = f"{ident}-{key}"
                explanation = vocabulary.descriptions.get(key)
                extra = (f' <span class="pb-form-option-help">{escaped(explanation)}</span>' if explanation else "")
                options.append(f'<li><label for="{option_id}"><input type="{kind}" id="{option_id}" '
                               f'name="{attr(path)}" value="{attr(key)}" {data}> {escaped(text)}</label>{extra}</li>')
            return (f'<fieldset class="pb-form-field pb-form-choices" id="{ident}" {described} {data}>'
                    f'<legend>{_label_text(field)}</legend>{help_html}'
                    f'<ul class="pb-form-options">{"".join(options)}</ul>{_message_slot(ident)}</fieldset>')
        options = "".join(f'<option value="{attr(key)}">{escaped(text)}</option>'
                          for key, text in vocabulary.values.items())
        control = (f'<select id="{ident}" name="{attr(path)}" {described} {data}>'
                   f'<option value="">Kies…</option>{options}</select>')
    elif field.kind.name == "boolean":
        return (f'<div class="pb-form-field pb-form-check"><label for="{ident}"><input type="checkbox" id="{ident}" '
                f'name="{attr(path)}" {described} {data}> {escaped(label(field))}</label>{help_html}'
                f'{_message_slot(ident)}</div>')
    elif field.kind.is_list or (field.kind.is_text and (field.max_length or 0) >= _LONG_TEXT):
        rows = 3 if field.kind.is_list else 4
        control = f'<textarea id="{ident}" name="{attr(path)}" rows="{rows}" {described} {data}></textarea>'
    else:
        mode = {"url": ' inputmode="url" autocomplete="url"', "year": ' inputmode="numeric"',
                "date": ' inputmode="numeric" placeholder="JJJJ-MM-DD"'}.get(field.kind.name, "")
        control = f'<input type="text" id="{ident}" name="{attr(path)}"{mode} {described} {data}>'
    return (f'<div class="pb-form-field"><label for="{ident}">{_label_text(field)}</label>{help_html}'
            f'{control}{_message_slot(ident)}</div>')


def _group(field: Field, path: str, taxonomy: Taxonomy) -> str:
    """A group of fields (place, contact) as a fieldset."""
    inner = "".join(_control(child, f"{path}.{child.name}", taxonomy) for child in field.fields)
    return (f'<fieldset class="pb-form-group"><legend>{_label_text(field)}</legend>'
            f'<p class="pb-form-help">{escaped(_plain_help(field.description))}</p>{inner}</fieldset>')


def _entry(field: Field, index: str, taxonomy: Taxonomy) -> str:
    """One entry of a list of groups (a partner, a source): numbered, with a button to remove it."""
    name = ENTRY_NAMES.get(field.name, label(field))
    inner = "".join(_control(child, f"{field.name}.{index}.{child.name}", taxonomy) for child in field.item.fields)
    return (f'<fieldset class="pb-form-entry" data-pb-entry="{attr(field.name)}">'
            f'<legend><span class="pb-form-entry-name">{escaped(name)} {index}</span></legend>{inner}'
            f'<button type="button" class="md-button pb-form-remove" data-pb-remove>'
            f'{escaped(name)} {index} weghalen</button></fieldset>')


def _repeatable(field: Field, taxonomy: Taxonomy) -> str:
    name = ENTRY_NAMES.get(field.name, label(field))
    ident = f"pb-f-{field.name}"
    return (f'<fieldset class="pb-form-group pb-form-list" id="{ident}" data-pb-list="{attr(field.name)}" '
            f'aria-describedby="{ident}-help {ident}-msg">'
            f'<legend>{_label_text(field)}</legend>'
            f'<p class="pb-form-help" id="{ident}-help">{escaped(_plain_help(field.description))}</p>'
            f'<div class="pb-form-entries">{_entry(field, "1", taxonomy)}</div>'
            f'<template data-pb-template="{attr(field.name)}">{_entry(field, ENTRY_TOKEN, taxonomy)}</template>'
            f'{_message_slot(ident)}'
            f'<button type="button" class="md-button" data-pb-add="{attr(field.name)}">'
            f'Nog een {escaped(name.lower())}</button></fieldset>')


def _sections() -> str:
    parts = []
    for index, heading in enumerate(HEADINGS, start=1):
        ident = f"pb-f-tekst-{index}"
        mark = ' <span class="pb-required">(verplicht)</span>' if heading.required else ""
        description = heading.description.replace("haal de kop dan weg", "laat dit vak dan leeg")
        parts.append(
            f'<div class="pb-form-field"><label for="{ident}">{escaped(heading.title)}{mark}</label>'
            f'<p class="pb-form-help" id="{ident}-help">{escaped(description)}</p>'
            f'<textarea id="{ident}" name="tekst-{index}" rows="5" data-pb-heading="{attr(heading.title)}" '
            f'aria-describedby="{ident}-help {ident}-msg"></textarea>{_message_slot(ident)}</div>')
    return ('<fieldset class="pb-form-group"><legend>De tekst van de kaart</legend>'
            '<p class="pb-form-help">Elke kaart heeft dezelfde koppen, zodat u kaarten naast elkaar kunt leggen. '
            'Schrijf in uw eigen woorden. Een lege regel begint een nieuwe alinea; een regel die begint met '
            '"- " is een opsomming; een link schrijft u als [tekst](https://adres).</p>'
            + "".join(parts) + "</fieldset>")


def _form(taxonomy: Taxonomy) -> str:
    fields = []
    for field in form_fields():
        if field.kind.is_mapping:
            fields.append(_group(field, field.name, taxonomy))
        elif field.holds_groups:
            fields.append(_repeatable(field, taxonomy))
        else:
            fields.append(_control(field, field.name, taxonomy))
    # No submit button: the form is never sent anywhere (the script makes the card on the button's click).
    return ('<form id="pb-form" class="pb-form" novalidate>'
            + "".join(fields) + _sections()
            + '<div class="pb-form-summary" id="pb-form-summary" tabindex="-1" hidden></div>'
            + '<p><button type="button" class="md-button md-button--primary" id="pb-make">'
            + 'Kaart controleren en maken</button></p>'
            + "</form>")


def _choices(targets: SubmitTargets) -> str:
    email = (
        '<li><h3>Per e-mail naar de redactie</h3><p>Uw e-mailprogramma opent een bericht aan '
        f'{escaped(targets.email)} met de kaart erin. U kijkt het na en verstuurt het zelf.</p>'
        '<p><a class="md-button md-button--primary" id="pb-send-email" href="#">E-mail maken</a></p>'
        '<details><summary>Opent uw e-mailprogramma niet?</summary><p>Stuur dan deze tekst zelf naar '
        f'{escaped(targets.email)}:</p><label for="pb-email-text">Tekst van de e-mail</label>'
        '<textarea id="pb-email-text" rows="8" readonly></textarea></details></li>'
        if targets.email else
        '<li><h3>Per e-mail</h3><p>Versturen per e-mail is op deze site niet ingesteld. Bewaar de kaart als '
        'bestand en stuur dat naar de redactie, of zet de kaart op GitHub.</p></li>')
    github = (
        '<li><h3>Op GitHub, met een account</h3><p>GitHub opent de kaart als nieuw bestand in de Praktijkbank, '
        'al ingevuld. U kiest daar <strong>Commit changes…</strong> en <strong>Propose changes</strong>; de '
        'Praktijkbank controleert de kaart dan meteen.</p><p><a class="md-button" id="pb-send-github" href="#">'
        'Openen op GitHub</a></p></li>' if targets.github_new_file() else "")
    return (
        '<section class="pb-form-done" id="pb-form-done" hidden aria-labelledby="pb-form-done-title">'
        '<h2 id="pb-form-done-title" tabindex="-1">Uw kaart is klaar</h2>'
        '<p id="pb-form-done-status"></p>'
        '<p>Kies hoe u de kaart aan de redactie geeft. Pas nu gaat er iets weg, en alleen wat u kiest.</p>'
        f'<ul class="pb-form-routes">{email}'
        '<li><h3>Als bestand bewaren</h3><p>Bewaar de kaart op uw computer, bijvoorbeeld om later te versturen. '
        'Dat werkt ook zonder internet.</p><p><button type="button" class="md-button" id="pb-save">'
        'Kaart bewaren</button></p></li>'
        f'{github}</ul></section>')


def _preview() -> str:
    return ('<section class="pb-form-preview" aria-labelledby="pb-preview-title">'
            '<h2 id="pb-preview-title">Zo ziet uw kaart eruit</h2>'
            '<p>Het voorbeeld volgt wat u invult. De site toont de kaart later met kaart, links en opmaak.</p>'
            '<div class="pb-preview" id="pb-preview"></div>'
            '<details><summary>De kaart als tekstbestand</summary>'
            '<pre class="pb-preview-file"><code id="pb-preview-file"></code></pre></details></section>')


INTRO = """\
Kent u een praktijk waar wonen, zorg en welzijn samenkomen? Met dit formulier maakt u er zelf een
praktijkkaart van. U hebt geen account nodig.

- **Niets wordt verstuurd terwijl u invult.** Het formulier werkt helemaal in uw browser, zonder server.
  Pas als u klaar bent, kiest u zelf: de kaart per e-mail naar de redactie sturen, als bestand bewaren of
  (met een account) op GitHub zetten.
- **Het formulier controleert wat u invult** met dezelfde regels als de Praktijkbank zelf, en zegt wat
  er mis is en wat wel mag.
- **Noem alleen feiten uit een bron**, en noem die bron. Noem organisaties, geen personen: geen namen,
  e-mailadressen of telefoonnummers van mensen.
- Het formulier werkt ook in de offline kopie, zonder internet: zo kunt u tijdens een bijeenkomst
  praktijken verzamelen op een laptop en de kaarten later versturen.
"""


def submit_form_page(taxonomy: Taxonomy, targets: SubmitTargets = SubmitTargets(),
                     address: SiteAddress | None = None) -> PageSource:
    """The page /aanmelden/: the intro, the form, the preview, the ways to send, and the rules as data."""
    left_out = "; ".join(LEFT_TO_EDITORS.values())
    issue_form = targets.issue_form()
    other_way = (f' U kunt een praktijk ook aanmelden met het <a href="{attr(issue_form)}">formulier op GitHub</a>.'
                 if issue_form else "")
    no_script = ('<p class="pb-form-nojs" id="pb-form-nojs">Dit formulier heeft JavaScript nodig, en dat staat '
                 f'in uw browser uit.{other_way}</p>')
    data = f'<script type="application/json" id="{DATA_ID}">{script_json(form_rules(taxonomy, targets))}</script>'
    meta = {"title": "Praktijk aanmelden",
            "description": "Meld een praktijk aan voor de Praktijkbank: het formulier maakt er een kaart van, "
                           "in uw browser, en u kiest zelf hoe u die verstuurt."}
    return PageSource.of(SUBMIT_SRC, meta, [
        "# Praktijk aanmelden\n",
        INTRO,
        html_block(no_script),
        f"Wat de redactie zelf aanvult: {escaped(left_out)}.\n",
        # Hidden until the script runs: without it the form could do nothing.
        html_block(f'<div id="pb-form-app" hidden>{_form(taxonomy)}{_choices(targets)}{_preview()}</div>'),
        html_block(data),
    ])


def slug_of(title: str) -> str:
    """The file name the form gives a card: the same as ``praktijkbank nieuw`` (tests compare the script's)."""
    return slugify(title)
