#!/usr/bin/env python3
"""Per-document differences between huixi's reports and the gold of ../shared/eval.

usage (from the project root, after a build):
  python3 scripts/eval-diff.py [GOLD_DIR] [--cmd 'target/release/huixi analyze {}'] [--only FIELD,...] [--docs 01,02]

Prints, for each document, only the fields where the report and the gold differ (the same
folding as score.py: quotes, width, traditional/simplified). It reads score.py for that folding,
so the two never disagree on what counts as equal. The texts stay in ../shared: nothing here is
copied into the repository.
"""
import argparse, importlib.util, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GOLD = os.path.join(HERE, "..", "..", "shared", "eval", "dev")


def load_scorer(gold_dir):
    for cand in (os.path.join(gold_dir, "..", "score.py"), os.path.join(HERE, "..", "..", "shared", "eval", "score.py")):
        if os.path.exists(cand):
            spec = importlib.util.spec_from_file_location("score", cand)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
    sys.exit("eval-diff: ../shared/eval/score.py not found")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", nargs="?", default=DEFAULT_GOLD)
    ap.add_argument("--text-dir")
    ap.add_argument("--cmd", default="target/release/huixi analyze {}")
    ap.add_argument("--only", default="")
    ap.add_argument("--docs", default="")
    a = ap.parse_args()
    sc = load_scorer(a.gold_dir)
    only = set(x for x in a.only.split(",") if x)
    docs = set(x for x in a.docs.split(",") if x)
    text_dir = a.text_dir or a.gold_dir
    for gf in sorted(f for f in os.listdir(a.gold_dir) if f.endswith(".json")):
        if docs and gf[:-5] not in docs:
            continue
        gold = json.load(open(os.path.join(a.gold_dir, gf), encoding="utf-8"))
        tpath = os.path.join(text_dir, gold.get("file") or gf[:-5] + ".txt")
        out = subprocess.run(a.cmd.format(tpath), shell=True, capture_output=True)
        try:
            rep = json.loads(out.stdout.decode("utf-8"))
        except Exception:
            print(f"== {gf}: no report ({out.stderr.decode()[:200]})")
            continue
        lines = []

        def want(f):
            return not only or f in only

        gp = {sc.fold(p["name"]): p for p in gold.get("people", [])}
        pp = {sc.fold(p["name"]): p for p in rep.get("people") or []}
        if want("people"):
            for n in sorted(set(gp) - set(pp)):
                lines.append(f"  person missed: {n} {gp[n].get('titles')} {gp[n].get('roles')}")
            for n in sorted(set(pp) - set(gp)):
                lines.append(f"  person extra:  {n} {pp[n].get('titles')} {pp[n].get('roles')}")
        for field in ("titles", "roles"):
            if not want(field):
                continue
            for n in sorted(set(gp) & set(pp)):
                g = {sc.norm(t) for t in gp[n].get(field, [])}
                q = {sc.norm(t) for t in pp[n].get(field) or []}
                if g != q:
                    lines.append(f"  {field} {n}: missed {sorted(g - q)} extra {sorted(q - g)}")
        for field in ("formulas", "campaigns"):
            if not want(field):
                continue
            pred = sc.texts(rep.get(field))
            g = gold.get(field, [])
            tp, npred, ngold = sc.fuzzy_hits(pred, g)
            if tp != npred or tp != ngold:
                lines.append(f"  {field}: gold {g} got {pred}")
        gm, pm = gold.get("meeting") or {}, rep.get("meeting") or {}
        if want("meeting"):
            for k in ("name", "venue"):
                if gm.get(k) and not sc.same_text(pm.get(k), gm[k]):
                    lines.append(f"  meeting.{k}: gold {gm[k]!r} got {pm.get(k)!r}")
            if gm.get("date"):
                d = (pm.get("date") or "")[-5:]
                if d != gm["date"]:
                    lines.append(f"  meeting.date: gold {gm['date']} got {pm.get('date')}")
            # meeting.year holds the year with or without a day (score.py reads it from the date)
            pyear = pm.get("year") or next(iter([int(pm["date"][:4])] if (pm.get("date") or "")[:4].isdigit() else []), None)
            if gm.get("year") and pyear != gm["year"]:
                lines.append(f"  meeting.year: gold {gm['year']} got {pyear} (date {pm.get('date')})")
            if gm.get("time_of_day") and pm.get("time_of_day") != gm["time_of_day"]:
                lines.append(f"  meeting.time_of_day: gold {gm['time_of_day']} got {pm.get('time_of_day')}")
            if not gm.get("date") and pm.get("date"):
                lines.append(f"  meeting.date: gold null got {pm.get('date')}")
        if want("kind") and (rep.get("document") or {}).get("kind") != gold.get("kind"):
            lines.append(f"  kind: gold {gold.get('kind')} got {(rep.get('document') or {}).get('kind')}")
        if want("outline"):
            gtop = gold.get("outline_top") or []
            ptop = [o.get("text") or o.get("title") or o for o in rep.get("outline") or []]
            if gtop and len(gtop) != len(ptop):
                lines.append(f"  outline: gold {len(gtop)} {gtop} got {len(ptop)} {[str(x)[:30] for x in ptop]}")
        if want("anomalies"):
            chars = list(open(tpath, encoding="utf-8").read())
            for an in gold.get("anomalies") or []:
                hit = any(pa.get("kind") == an["kind"] and an["contains"] in "".join(chars[pa["span"][0]:pa["span"][1]])
                          for pa in rep.get("anomalies") or [] if isinstance(pa.get("span"), list))
                if not hit:
                    lines.append(f"  anomaly missed: {an['kind']} {an['contains']!r}")
        if lines:
            print(f"== {gf[:-5]} ({gold.get('kind')})")
            print("\n".join(lines))


if __name__ == "__main__":
    main()
