"""The Dutch analyser of search: folding, words, the stemmer and compound parts."""

from __future__ import annotations

import pytest

from praktijkbank.search.compounds import CompoundSplitter
from praktijkbank.search.dutch import fold, hyphen_compounds, is_stop_word, stem, words


def test_fold_takes_off_case_and_accents():
    assert fold("Één GEÏNTERESSEERDE Café") == "een geinteresseerde cafe"
    assert fold("Straße, Ærø, Łódź") == "strasse, aero, lodz"
    assert fold("gewone tekst") == "gewone tekst"


def test_words_split_on_punctuation_and_hyphens_and_drop_single_letters():
    assert words("HVO-Querido (Amsterdam), 2006!") == ["hvo", "querido", "amsterdam", "2006"]
    assert words("'s-Hertogenbosch en d'n a b") == ["hertogenbosch", "en"]


def test_words_drop_the_apostrophe_s_of_plurals():
    assert words("thema’s en auto's") == ["thema", "en", "auto"]


def test_hyphenated_names_are_also_one_word():
    assert hyphen_compounds("Noord-Brabant, HVO-Querido en Zuid-Oost") == ["noordbrabant", "hvoquerido", "zuidoost"]
    assert hyphen_compounds("geen koppelteken") == []


def test_stop_words():
    assert is_stop_word("de") and is_stop_word("een") and is_stop_word("van")
    assert not is_stop_word("wonen") and not is_stop_word("onder")


# Word forms that must meet: singular and plural, inflected adjectives, -heid nouns.
@pytest.mark.parametrize("forms", [
    ("dakloos", "dakloze", "daklozen", "dakloosheid"),
    ("jongere", "jongeren"),
    ("oudere", "ouderen"),
    ("statushouder", "statushouders"),
    ("woningcorporatie", "woningcorporaties"),
    ("corporatie", "corporaties"),
    ("categorie", "categorieën"),
    ("huis", "huizen"),
    ("brief", "brieven"),
    ("initiatief", "initiatieven"),
    ("gezin", "gezinnen"),
    ("woning", "woningen"),
    ("begeleiding", "begeleiden"),
    ("gemeente", "gemeenten"),
    ("bewoner", "bewoners"),
    ("Oss", "Osse"),
    ("Groningen", "Groningse"),
    ("geïnteresseerd", "geinteresseerde", "GEÏNTERESSEERDEN"),
    ("huur", "huren"),
])
def test_word_forms_share_one_stem(forms):
    stems = {stem(w) for form in forms for w in words(form)}
    assert len(stems) == 1, {form: [stem(w) for w in words(form)] for form in forms}


@pytest.mark.parametrize("one, other", [
    ("jongeren", "ouderen"), ("wonen", "wijk"), ("huis", "huur"), ("dakloos", "dak"), ("zorg", "zorgcentrum"),
])
def test_different_words_keep_different_stems(one, other):
    assert stem(one) != stem(other)


# The Snowball Dutch reference vocabulary (snowballstem.org/algorithms/dutch): words our
# additions do not touch stem exactly as Snowball's own implementation stems them.
SNOWBALL = {
    "lichamelijke": "licham", "lichamelijkheden": "licham", "lichamen": "licham", "lichere": "licher",
    "lichtbeeld": "lichtbeeld", "lichtdoorlatende": "lichtdoorlat", "lichte": "licht", "lichten": "licht",
    "lichtende": "lichtend", "lichtenvoorde": "lichtenvoord", "lichtere": "lichter", "lichters": "lichter",
    "lichtgevoeligheid": "lichtgevoel", "lichthoeveelheid": "lichthoevel", "lichtje": "lichtj",
    "lichtjes": "lichtjes", "lichtkranten": "lichtkrant", "lichtkringen": "lichtkring",
    "lichtregelsystemen": "lichtregelsystem", "lichtste": "lichtst", "lichtstromende": "lichtstrom",
    "lichtte": "licht", "lichtten": "licht", "lichttoetreding": "lichttoetred",
    "lichtverontreinigde": "lichtverontreinigd", "lidmaatschap": "lidmaatschap", "lidstaten": "lidstat",
    "lidvereniging": "lidveren", "opgingen": "opging", "opglimlachten": "opglimlacht", "opglimpende": "opglimp",
    "opgroeiende": "opgroei", "opgroeiplaats": "opgroeiplat", "ophaal": "ophal", "ophaalkosten": "ophaalkost",
    "ophaalt": "ophaalt", "ophalen": "ophal", "ophalers": "ophaler", "opheldering": "ophelder",
    "ophemelde": "ophemeld", "ophemelen": "ophemel", "ophoepelt": "ophoepelt", "ophoog": "ophog",
    "ophopen": "ophop", "ophoping": "ophop", "ophouden": "ophoud",
}


@pytest.mark.parametrize("word, expected", sorted(SNOWBALL.items()))
def test_snowball_reference_stems(word, expected):
    assert stem(word) == expected


# Where we deliberately differ from Snowball, so that forms meet (see dutch.py).
@pytest.mark.parametrize("word, snowball, ours", [
    ("opgraven", "opgrav", "opgraf"),          # v -> f: opgraven meets opgraaf
    ("opgrijnzen", "opgrijnz", "opgrijns"),    # z -> s: dakloze meets dakloos
    ("lichtzinnige", "lichtzinn", "lichtzin"),  # undoubled: gezinnen meets gezin
    ("opheffen", "opheff", "ophef"),
    ("corporaties", "corporaties", "corporatie"),  # -ies plural
])
def test_our_additions_to_snowball(word, snowball, ours):
    assert stem(word) == ours != snowball


def test_numbers_and_short_words_are_not_stemmed():
    assert stem("2016") == "2016"
    assert stem("83") == "83"
    assert stem("os") == "os"


@pytest.fixture
def splitter():
    return CompoundSplitter(stem(w) for w in ["woning", "corporatie", "bewoner", "organisatie", "zorg", "visie"])


@pytest.mark.parametrize("word, parts", [
    ("woningcorporatie", ("woning", "corporatie")),
    ("woningcorporaties", ("woning", "corporatie")),
    ("bewonersorganisatie", ("bewoner", "organisatie")),   # with the linking s
    ("woonzorgvisie", (stem("woon"), "zorg", "visie")),    # three parts
    ("ouderenzorg", ("ouder", "zorg")),                    # a part from the common list
])
def test_compounds_split_into_known_parts(splitter, word, parts):
    assert splitter.parts(word) == parts


@pytest.mark.parametrize("word", ["dakloosheid", "ontschotting", "wesselerbrink", "zorg", "woning2020"])
def test_words_that_are_no_compound_of_known_words_stay_whole(splitter, word):
    assert splitter.parts(word) == ()
