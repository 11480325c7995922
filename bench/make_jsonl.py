#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a JSON Lines file of about N megabytes (10^6 bytes) of news text for the benchmarks.

Each line is {"id": ..., "dct": "YYYY-MM-DD", "text": ...}, the input `timeline tag` and
bench/chrono_driver.mjs both read. The text comes from the TBAQ-cleaned corpus (TimeBank and
AQUAINT), read from ../shared/corpora/tbaq at run time: corpus text is never committed.

The first pass writes every document as it is (TEXT with tags removed and entities decoded,
against its creation time). Later passes recombine: document i of pass k is the paragraphs of
document i interleaved with those of document i+k, in an order shuffled by a seeded generator, and
keeps the creation time of document i. The output is the same for the same arguments.

Usage: make_jsonl.py --mb 20 --out build-bench/tbaq-20mb.jsonl [--corpus ../shared/corpora/tbaq]
"""

import argparse
import html
import json
import pathlib
import random
import re
import sys

TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
TAG = re.compile(r"<[^>]+>")
CREATION = re.compile(r"<TIMEX3\b[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>")
VALUE = re.compile(r"\bvalue=\"(\d{4}-\d{2}-\d{2})")


def read_corpus(root: pathlib.Path):
    docs = []
    for part in ("TimeBank", "AQUAINT"):
        for path in sorted((root / part).glob("*.tml")):
            raw = path.read_text(encoding="utf-8")
            text_match = TEXT.search(raw)
            creation = CREATION.search(raw)
            value = VALUE.search(creation.group(0)) if creation else None
            if not text_match or not value:
                continue
            text = html.unescape(TAG.sub("", text_match.group(1)))
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
            docs.append((path.stem, value.group(1), paragraphs))
    return docs


def main() -> int:
    here = pathlib.Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size in megabytes (10^6 bytes)")
    parser.add_argument("--out", required=True, help="output file (.jsonl)")
    parser.add_argument("--corpus", default=str(here.parent.parent / "shared" / "corpora" / "tbaq"))
    parser.add_argument("--seed", type=int, default=2013)
    args = parser.parse_args()

    docs = read_corpus(pathlib.Path(args.corpus))
    if not docs:
        print(f"make_jsonl.py: no TBAQ documents under {args.corpus}/{{TimeBank,AQUAINT}}", file=sys.stderr)
        return 1
    target = int(args.mb * 1_000_000)
    rng = random.Random(args.seed)
    written = lines = 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        k = 0
        while written < target:
            for i, (name, dct, paragraphs) in enumerate(docs):
                if k == 0:
                    mixed = paragraphs
                else:
                    other = docs[(i + k) % len(docs)][2]
                    mixed = paragraphs + other
                    rng.shuffle(mixed)
                record = {"id": f"{name}.{k}", "dct": dct, "text": "\n\n".join(mixed)}
                line = json.dumps(record, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                lines += 1
                if written >= target:
                    break
            k += 1
    print(f"make_jsonl.py: {args.out}: {lines} documents, {written / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
