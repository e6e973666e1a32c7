#!/usr/bin/env python3
"""Derive huixi's compact segmentation dictionary from jieba's dict.txt.

Usage: scripts/make-dict.py PATH/TO/jieba-rs-0.11.0/src/data/dict.txt [OUT] [options, see --help]

jieba's dict.txt (MIT, https://github.com/fxsjy/jieba, shipped by jieba-rs) has 349k words;
embedded whole it would be ~1.5 MB of the browser's 1.5 MB budget. Frequency alone is a poor cut:
jieba prefers the route with the fewest words, so even a frequency-3 compound (贯彻落实, 重要讲话,
打好) decides how text is cut, and the genre is full of those; a 2-char word of two common chars
also stops the HMM from gluing those chars together. What matters is how likely a word is to occur
in a text, and for a compound that is told by how common its parts are. The rule (defaults):

  keep a word when it is
    - a single character (every char keeps its own frequency and tag; 11.6k lines), or
    - a place name (ns: what the region extractor looks for) or a famous name (nrfg: 习近平), or
    - of frequency >= MIN_FREQ (100), or
    - a rarer compound that splits into two dictionary words both of frequency >= COMPOUND_MIN
      (700); halves of words of 4+ chars must have 2+ chars themselves;
  but never a personal name (nr) below RARE_FREQ (100): segment.rs guesses names from the surname,
  and a dictionary full of rare names cuts 周旭东 into 周 + 旭东.
  Frequencies of 100 or more are rounded to two significant digits (compresses better; a word's
  probability moves by < 5 %).

The output is sorted by word (compresses better than jieba's order). The first line is a `#`
comment naming the source, its license and the rule; jieba's own loader does not accept comments,
so segment.rs skips leading `#` lines before handing the text to `Jieba::load_dict`.
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "src", "lexicon", "jieba_pruned.txt")


def round2(f: int) -> int:
    """Two significant digits: 12345 -> 12000, 987 -> 990."""
    if f < 100:
        return f
    digits = len(str(f)) - 2
    return int(round(f / 10**digits)) * 10**digits


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dict_txt")
    ap.add_argument("out", nargs="?", default=DEFAULT_OUT)
    ap.add_argument("--min-freq", type=int, default=100)
    ap.add_argument("--rare-freq", type=int, default=100, help="--drop-tags below this are dropped")
    ap.add_argument("--no-round", action="store_true")
    ap.add_argument("--keep-tags", default="ns,nrfg", help="tags kept at any frequency (comma-separated)")
    ap.add_argument("--drop-tags", default="nr", help="tags dropped below --rare-freq")
    ap.add_argument("--compound-min", type=int, default=700,
                    help="also keep a rarer word that splits into two words both this frequent (0: off)")
    ap.add_argument("--compound-min2", type=int, default=0,
                    help="--compound-min for 2-char words (0: the same); they stop jieba's HMM gluing two chars")
    a = ap.parse_args()
    a.compound_min2 = a.compound_min2 or a.compound_min

    keep_tags = set(filter(None, a.keep_tags.split(",")))
    drop_tags = set(filter(None, a.drop_tags.split(",")))
    rows = []
    with open(a.dict_txt, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                rows.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""))
    freqs = {w: f for w, f, _ in rows}
    total = len(rows)

    def compound_score(word: str) -> int:
        """How common the word's commonest split into two words is: min frequency of its halves.
        Halves of 4+ char words must have 2+ chars (a common char is no evidence there)."""
        best = 0
        short = 1 if len(word) <= 3 else 2
        for i in range(short, len(word) - short + 1):
            x, y = freqs.get(word[:i], 0), freqs.get(word[i:], 0)
            best = max(best, min(x, y))
        return best

    kept = []
    for word, freq, tag in rows:
        single = len(word) == 1
        rare_name = tag in drop_tags and freq < a.rare_freq
        common = freq >= a.min_freq and not rare_name
        need = a.compound_min2 if len(word) == 2 else a.compound_min
        compound = need > 0 and not rare_name and compound_score(word) >= need
        if not (single or tag in keep_tags or common or compound):
            continue
        kept.append((word, freq if a.no_round else round2(freq), tag))
    kept.sort()

    rule = (
        f"keep single chars, tags {'/'.join(sorted(keep_tags))}, words of freq>={a.min_freq}"
        + (f" (but not {'/'.join(sorted(drop_tags))} below {a.rare_freq})" if drop_tags and a.rare_freq > 0 else "")
        + (f", and rarer words splitting into two words (2+ chars each for 4+ char words) both of freq>={a.compound_min}"
           + (f" ({a.compound_min2} for 2-char words)" if a.compound_min2 != a.compound_min else "") if a.compound_min else "")
        + ("" if a.no_round else "; freq>=100 rounded to 2 significant digits")
    )
    with open(a.out, "w", encoding="utf-8", newline="\n") as out:
        out.write(
            f"# Pruned from jieba's dict.txt (jieba-rs 0.11.0, MIT License, (c) Sun Junyi / jieba-rs authors): "
            f"{len(kept)} of {total} words; {rule}. Generated by scripts/make-dict.py; do not edit.\n"
        )
        for word, freq, tag in kept:
            out.write(f"{word} {freq} {tag}\n" if tag else f"{word} {freq}\n")
    print(f"{len(kept)} of {total} words -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
