#!/usr/bin/env python3
"""Check hand annotations (../shared/ANNOTATION.md format) for consistency.

usage: check.py FILE.jsonl [FILE.jsonl ...] [--uncovered]

Every line must parse as JSON with the annotation fields; every mention must occur
verbatim in the title or text; every commitment's sentence must occur verbatim in the
text, and its trigger and action inside that sentence; codes are ISO-like; the mentioned
countries include the focus countries and the country of every place. With
--uncovered, also lists capitalised words not covered by any people/place/org mention
(a prompt for the annotator, not an error).
"""
import json, re, sys

KINDS = {"country", "city", "region", "water", "landmark", "other"}
TYPES = {"pledge", "willingness", "agreement", "support", "proposal"}
ACTOR_KINDS = {"country", "person", "org", "group"}
FIELDS = ["id", "source", "licence", "title", "text", "people", "places", "orgs",
          "countries", "mentioned_countries", "commitments"]


def check(rec, where):
    errs = []
    for f in FIELDS:
        if f not in rec:
            errs.append(f"missing field {f}")
    if errs:
        return errs
    text, full = rec["text"], rec["title"] + "\n\n" + rec["text"]
    if "\n\n\n" in text or text != text.strip():
        errs.append("text has stray blank lines or surrounding whitespace")
    seen = {}
    for key in ("people", "places", "orgs"):
        for r in rec[key]:
            if not r.get("name") or not r.get("mentions"):
                errs.append(f"{key}: empty name or mentions in {r}")
            for m in r.get("mentions", []):
                if m not in full:
                    errs.append(f"{key}: mention {m!r} not in title or text")
                if m in seen:
                    errs.append(f"{key}: mention {m!r} also under {seen[m]}")
                seen[m] = r["name"]
            if key == "places":
                if r.get("kind") not in KINDS:
                    errs.append(f"place {r['name']}: bad kind {r.get('kind')!r}")
                cc = r.get("country")
                if cc is None or (cc and not re.fullmatch(r"[A-Z]{2}", cc)):
                    errs.append(f"place {r['name']}: bad country {cc!r}")
                if cc and cc not in rec["mentioned_countries"]:
                    errs.append(f"place {r['name']}: {cc} not in mentioned_countries")
                if r.get("kind") == "country" and not cc:
                    errs.append(f"country {r['name']} without code")
    for key in ("countries", "mentioned_countries"):
        for c in rec[key]:
            if not re.fullmatch(r"[A-Z]{2}", c):
                errs.append(f"{key}: bad code {c!r}")
        if len(set(rec[key])) != len(rec[key]):
            errs.append(f"{key}: duplicates")
    if not set(rec["countries"]) <= set(rec["mentioned_countries"]):
        errs.append("countries not a subset of mentioned_countries")
    if not 1 <= len(rec["countries"]) <= 3:
        errs.append(f"{len(rec['countries'])} focus countries (guide: usually 1 to 3)")
    pairs = set()
    for c in rec["commitments"]:
        s = c.get("sentence", "")
        if s not in text:
            errs.append(f"commitment sentence not in text: {s[:60]!r}")
        for f in ("trigger", "action"):
            if not c.get(f) or c[f] not in s:
                errs.append(f"commitment {f} {c.get(f)!r} not in its sentence")
        if c.get("action", "") != c.get("action", "").strip():
            errs.append(f"action not trimmed: {c['action']!r}")
        if c.get("type") not in TYPES:
            errs.append(f"bad type {c.get('type')!r}")
        if c.get("actor_kind") not in ACTOR_KINDS:
            errs.append(f"bad actor_kind {c.get('actor_kind')!r}")
        if not c.get("actor") or "speaker" not in c:
            errs.append("commitment without actor or speaker")
        key = (c.get("actor"), c.get("action"), s)
        if key in pairs:
            errs.append(f"duplicate commitment {key[:2]}")
        pairs.add(key)
    return [f"{where} {rec.get('id')}: {e}" for e in errs]


def uncovered(rec):
    full = rec["title"] + "\n\n" + rec["text"]
    covered = [False] * len(full)
    for key in ("people", "places", "orgs"):
        for r in rec[key]:
            for m in r["mentions"]:
                for mo in re.finditer(re.escape(m), full):
                    for i in range(mo.start(), mo.end()):
                        covered[i] = True
    out = []
    for mo in re.finditer(r"\b[A-Z][\w’'.-]*", full):
        if not covered[mo.start()]:
            out.append(mo.group())
    return sorted(set(out))


def main():
    files = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not files:
        sys.exit(__doc__)
    errs, n, ids = [], 0, set()
    for f in files:
        for i, line in enumerate(open(f, encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                errs.append(f"{f}:{i}: not JSON: {e}")
                continue
            n += 1
            if rec.get("id") in ids:
                errs.append(f"{f}:{i}: duplicate id {rec.get('id')}")
            ids.add(rec.get("id"))
            errs += check(rec, f"{f}:{i}")
            if "--uncovered" in sys.argv:
                print(rec["id"], " ".join(uncovered(rec)))
    for e in errs:
        print(e)
    print(f"{n} articles, {len(errs)} problems")
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
