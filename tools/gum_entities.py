#!/usr/bin/env python3
"""Entity evaluation of the whole reader on GUM documents it has never been fitted to.

usage (from the project root):
    python3 tools/gum_entities.py [--test | --both] [--gum DIR] [--out DIR]
                                  [--bin PATH] [--details] [--no-run]

For each GUM document listed in DIR/dev.txt (with --test: test.txt; --both: both) this
writes, into a folder OUTSIDE the project (default /tmp/gum-eval/dev, /tmp/gum-eval/test):

  <id>.txt        the document as a plain-text article: its title line, a blank line, then
                  its paragraphs (`# newpar`), each the sentences (`# text =`) joined by a
                  space, separated by blank lines; a heading paragraph that repeats the
                  title is written once.
  <id>.gold.json  gold entities in the evaluation format (../shared/eval/ANNOTATION.md):
                  `people`, `organizations`, `places`, each `{"name", "aliases"}`; no
                  quotes (GUM does not mark them in our sense).

A gold entity is a GUM coreference entity of type person, organization or place with at
least one proper-noun mention: the mention's words are PROPN (function words and
punctuation allowed inside it), after dropping a leading article, trailing punctuation or
possessive, and for people a leading title or role noun. A lone plural proper noun (a
group: `Tagbanuas`) and coordinated people are not names. Names nested inside another such
name are not counted separately (`Texas` in `University of Texas`). All the proper-noun
mentions of one entity become one entry: the longest is the name, the others aliases.

Then it runs `BIN extract --format json` on the texts and scores the entity rows with
`../shared/eval/score_quotes.py`. GUM text never enters the project: keep --out outside it.
Python 3, standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

# Words before a person's name that are not part of it (titles, ranks, roles).
TITLES = set("""mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady
rev rev. reverend president vice prime minister secretary senator sen sen. rep rep.
representative gov gov. governor mayor judge justice gen gen. general lt lt. lieutenant
col col. colonel maj maj. major capt capt. captain cmdr commander sgt sgt. sergeant chief
officer spokesman spokeswoman st st. saint king queen prince princess pope ambassador
chairman chairwoman ceo director deputy administrator emperor empress czar tsar duke
duchess count countess baron baroness earl bishop archbishop cardinal father brother
sister uncle aunt coach detective inspector officer agent dean chancellor""".split())

INSIDE_OK = {"ADP", "CCONJ", "DET", "PUNCT", "PART"}


def entity_events(v):
    """Opens and closes of an `Entity=` value: [(is_open, id, type)]."""
    out, i = [], 0
    while i < len(v):
        if v[i] == "(":
            j = i + 1
            while j < len(v) and v[j] not in "()":
                j += 1
            parts = v[i + 1:j].split("-")
            eid, ty = parts[0], parts[1] if len(parts) > 1 else ""
            out.append((True, eid, ty))
            if j < len(v) and v[j] == ")":
                out.append((False, eid, ""))
                j += 1
            i = j
        else:
            j = v.find(")", i)
            j = len(v) if j < 0 else j
            out.append((False, v[i:j], ""))
            i = j + 1
    return out


def read_conllu(path):
    """Documents of a CoNLL-U file: dicts with id, title, paragraphs, words, mentions."""
    docs = []
    doc = None
    newpar = False
    opened = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc id = "):
            doc = {"id": line.split("=", 1)[1].strip(), "title": "", "paras": [],
                   "words": [], "mentions": []}
            docs.append(doc)
            opened = {}
            newpar = True
            continue
        if doc is None:
            continue
        if line.startswith("# meta::title = "):
            doc["title"] = line.split("=", 1)[1].strip()
        elif line == "# newpar":
            newpar = True
        elif line.startswith("# text = "):
            text = line[len("# text = "):].strip()
            if newpar or not doc["paras"]:
                doc["paras"].append([])
            doc["paras"][-1].append(text)
            newpar = False
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) < 10 or "-" in cols[0] or "." in cols[0]:
                continue
            w = len(doc["words"])
            space = "SpaceAfter=No" not in cols[9].split("|")
            doc["words"].append({"form": cols[1], "upos": cols[3], "xpos": cols[4],
                                 "space": space})
            for m in cols[9].split("|"):
                if not m.startswith("Entity="):
                    continue
                for is_open, eid, ty in entity_events(m[len("Entity="):]):
                    if is_open:
                        opened.setdefault(eid, []).append((w, ty))
                    elif opened.get(eid):
                        s, ty0 = opened[eid].pop()
                        doc["mentions"].append((s, w, ty0, eid))
    return docs


def name_span(doc, s, e, ty):
    """The proper-noun name inside mention words s..=e, or None."""
    words = doc["words"]
    while s <= e and words[s]["upos"] in ("DET", "PUNCT"):
        s += 1
    while e >= s and words[e]["upos"] in ("PUNCT", "PART"):
        e -= 1
    if ty == "person":
        # Drop a leading title or role noun (`Professor Cres Eastman`).
        for k in range(e, s - 1, -1):
            if words[k]["form"].lower() in TITLES:
                s = k + 1
                break
    if s > e:
        return None
    # A lone plural proper noun names a group, not an entity (`Libraries`, `Tagbanuas`).
    if s == e and words[s]["xpos"] == "NNPS":
        return None
    # Coordinated people are two names (`Kirk M. Bart and Celeste Pollock`).
    if ty == "person" and any(words[k]["upos"] == "CCONJ" for k in range(s, e + 1)):
        return None
    if words[s]["upos"] != "PROPN" or words[e]["upos"] != "PROPN":
        return None
    if not all(words[k]["upos"] == "PROPN"
               or words[k]["upos"] in INSIDE_OK and words[k]["form"] not in (",", ";", ":", "(", ")")
               for k in range(s, e + 1)):
        return None
    return s, e


def surface(doc, s, e):
    out = ""
    for k in range(s, e + 1):
        w = doc["words"][k]
        out += w["form"]
        if k < e and w["space"]:
            out += " "
    return re.sub(r"\s+", " ", out).strip()


def gold_entities(doc):
    kinds = {"person": "people", "organization": "organizations", "place": "places"}
    cands = []
    for s, e, ty, eid in doc["mentions"]:
        if ty not in kinds:
            continue
        span = name_span(doc, s, e, ty)
        if span:
            cands.append((span[0], span[1], ty, eid))
    # Outermost names first; names nested in a kept one are dropped.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = [False] * len(doc["words"])
    forms = {}
    order = []
    for s, e, ty, eid in cands:
        if any(taken[s:e + 1]):
            continue
        for k in range(s, e + 1):
            taken[k] = True
        key = (ty, eid)
        if key not in forms:
            forms[key] = []
            order.append((s, key))
        text = surface(doc, s, e)
        if text not in forms[key]:
            forms[key].append(text)
    gold = {"id": doc["id"], "quotes": [], "nonquotes": [], "people": [],
            "organizations": [], "places": []}
    for _, key in sorted(order):
        names = sorted(forms[key], key=lambda t: (-len(t.split()), -len(t), t))
        gold[kinds[key[0]]].append({"name": names[0], "aliases": names[1:]})
    return gold


def article_text(doc):
    paras = [" ".join(p) for p in doc["paras"]]
    title = doc["title"] or (paras[0] if paras else doc["id"])
    if paras and paras[0].strip() == title.strip():
        paras = paras[1:]
    return title + "\n\n" + "\n\n".join(paras) + "\n"


def inside(path, root):
    path, root = os.path.realpath(path), os.path.realpath(root)
    return path == root or path.startswith(root + os.sep)


def write_split(gum, ids, out):
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.endswith(".txt") or f.endswith(".gold.json"):
            os.remove(os.path.join(out, f))
    found = set()
    for f in sorted(os.listdir(os.path.join(gum, "dep"))):
        if not f.endswith(".conllu"):
            continue
        for doc in read_conllu(os.path.join(gum, "dep", f)):
            if doc["id"] not in ids:
                continue
            found.add(doc["id"])
            with open(os.path.join(out, doc["id"] + ".txt"), "w", encoding="utf-8") as t:
                t.write(article_text(doc))
            with open(os.path.join(out, doc["id"] + ".gold.json"), "w", encoding="utf-8") as g:
                json.dump(gold_entities(doc), g, ensure_ascii=False, indent=1)
    missing = sorted(set(ids) - found)
    if missing:
        sys.exit(f"documents not found in {gum}/dep: {', '.join(missing)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--test", action="store_true", help="the test documents (report only)")
    which.add_argument("--both", action="store_true", help="dev and test")
    ap.add_argument("--gum", default="../shared/corpora/gum")
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "gum-eval"))
    ap.add_argument("--bin", default="target/release/onrecord")
    ap.add_argument("--scorer", default="../shared/eval/score_quotes.py")
    ap.add_argument("--details", action="store_true", help="list missed and extra names")
    ap.add_argument("--no-run", action="store_true", help="only write texts and gold files")
    a = ap.parse_args()
    if inside(a.out, os.getcwd()) or inside(a.out, os.path.dirname(os.path.abspath(__file__))):
        sys.exit("--out must be outside the project: GUM text is not to be copied into it")
    splits = ["test"] if a.test else ["dev", "test"] if a.both else ["dev"]
    for split in splits:
        ids = [l.strip() for l in open(os.path.join(a.gum, split + ".txt")) if l.strip()]
        out = os.path.join(a.out, split)
        write_split(a.gum, ids, out)
        if a.no_run:
            print(f"wrote {len(ids)} documents to {out}")
            continue
        texts = sorted(os.path.join(out, i + ".txt") for i in ids)
        pred = os.path.join(a.out, split + ".pred.jsonl")
        with open(pred, "w", encoding="utf-8") as p:
            subprocess.run([a.bin, "extract", "--format", "json", *texts], stdout=p, check=True)
        print(f"== GUM {split}: {len(ids)} documents, entities through the whole reader")
        res = subprocess.run([sys.executable, a.scorer, "--gold", out, "--pred", pred, "--json"],
                             check=True, capture_output=True, text=True)
        r = json.loads(res.stdout)
        print(f"{'':<13} {'P':>6} {'R':>6} {'F1':>6}   gold  pred")
        for kind in ("person", "organization", "place"):
            m = r[kind]
            print(f"{kind:<13} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}"
                  f"   {m['gold']:4d}  {m['pred']:4d}")
        if a.details:
            details(out, pred)


def details(gold_dir, pred_path):
    """Missed and extra names per document (a loose view: exact lowercase word match)."""
    def key(s):
        return " ".join(re.findall(r"\w+", s.lower()))
    preds = {}
    for line in open(pred_path, encoding="utf-8"):
        o = json.loads(line)
        preds[os.path.basename(o["path"]).split(".")[0]] = o
    for f in sorted(os.listdir(gold_dir)):
        if not f.endswith(".gold.json"):
            continue
        g = json.load(open(os.path.join(gold_dir, f), encoding="utf-8"))
        o = preds.get(g["id"], {})
        print(f"## {g['id']}")
        for kind, field in (("person", "people"), ("organization", "organizations"),
                            ("place", "places")):
            pe = [e for e in o.get("entities") or [] if e.get("kind") == kind]
            pnames = {key(n) for e in pe for n in [e["name"], *e.get("aliases", [])]}
            gnames = {key(n) for e in g[field] for n in [e["name"], *e["aliases"]]}
            for e in g[field]:
                if not {key(n) for n in [e["name"], *e["aliases"]]} & pnames:
                    print(f"  MISSED {kind}: {e['name']}")
            for e in pe:
                if not {key(n) for n in [e["name"], *e.get("aliases", [])]} & gnames:
                    print(f"  EXTRA {kind}: {e['name']}")


if __name__ == "__main__":
    sys.exit(main())
