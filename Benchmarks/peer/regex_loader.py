#!/usr/bin/env python3
"""The hurried analyst's loader: the benchmark's Python peer.

What one would write in an afternoon with `re` and `sqlite3`: a cue word, a few characters,
a number, a unit; one table of facts; no decoding, normalization, report splitting, region or
year. It is here to measure speed, not accuracy (it counts plans, names such as 十四五 and
breakdowns as facts).

    python3 regex_loader.py CORPUS_DIR OUT.db
prints one JSON line: {"bytes": …, "files": …, "facts": …, "seconds": …}
"""
import json
import os
import re
import sqlite3
import sys
import time

CUES = (
    "常委会会议|常委会|主任会议|主席会议|党组会议|执法检查|专题询问|视察|调研|审议|"
    "任免|决议|决定|提案|立案|建议|议案|社情民意信息|协商|培训|座谈会|听取"
)
PATTERN = re.compile(
    r"(" + CUES + r")[^，。；,;\d]{0,8}?(\d+(?:\.\d+)?)\s*(余|多)?\s*(人次|次|项|件|条|篇|个|场|名|人|部)"
)


def main(folder, db_path):
    start = time.perf_counter()
    if os.path.exists(db_path):
        os.remove(db_path)
    db = sqlite3.connect(db_path)
    db.execute(
        "CREATE TABLE fact (file TEXT, cue TEXT, value REAL, qualifier TEXT, unit TEXT, snippet TEXT)"
    )
    total_bytes = files = facts = 0
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            path = os.path.join(root, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            total_bytes += os.path.getsize(path)
            files += 1
            rows = [
                (name, m.group(1), float(m.group(2)), m.group(3) or "", m.group(4), m.group(0))
                for m in PATTERN.finditer(text)
            ]
            db.executemany("INSERT INTO fact VALUES (?, ?, ?, ?, ?, ?)", rows)
            facts += len(rows)
    db.commit()
    db.close()
    seconds = time.perf_counter() - start
    print(json.dumps({"bytes": total_bytes, "files": files, "facts": facts, "seconds": seconds}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: regex_loader.py CORPUS_DIR OUT.db")
    main(sys.argv[1], sys.argv[2])
