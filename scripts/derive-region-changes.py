#!/usr/bin/env python3
"""Derive the units retired or renamed from 1981 to 2014 from the yearly GB/T 2260 code lists.

    scripts/derive-region-changes.py ../shared/data/gb2260-history > /tmp/early.csv

Reads the year-end snapshots (YYYYMM.tsv: Source, Revision, Code, Name) and prints rows in the
format of data/region_changes.csv (year, old_code, province, prefecture, name, successors) for
every code that disappears between two consecutive snapshots up to the end of 2014 (the table
already lists the changes from 2015 on), and for every code whose name changes (a rename keeps
its code: the successor is the code itself). Where the area went is derived, never guessed:

1. the same name under a new code (a code change);
2. the same name without its level (密云县 → 密云区, 萧山市 → 萧山区) under a new code of the same
   province (a county made a district or a city);
3. the only new code of the same prefecture in that step (two districts merged into a new one);
4. a merger into a neighbour that kept its code, from MERGED_INTO below: each checked by hand
   against the snapshots (the successor exists after the step, the retired code does not);
5. every new code of the same prefecture in that step, when there are several (a unit divided,
   or districts redrawn): the warehouse then leaves a report naming it open with those candidates.

A code that fits none of these is left out and listed on standard error, to be checked by hand.
Codes that were later given to another unit, and codes the table already has, are left out too.
"""
import csv, os, re, sys

# Mergers into a unit that kept its code (rule 4), checked by hand: old code -> successor.
MERGED_INTO = {
    "110103": "110101",  # 崇文区 -> 东城区, 2010
    "110104": "110102",  # 宣武区 -> 西城区, 2010
    "310103": "310101",  # 卢湾区 -> 黄浦区, 2011
    "310119": "310115",  # 南汇区 -> 浦东新区, 2009
    "310102": "310101",  # 南市区 -> 黄浦区, 2000
    "440102": "440104",  # 东山区 -> 越秀区, 2005
    "440107": "440103",  # 芳村区 -> 荔湾区, 2005
    "320103": "320104",  # 白下区 -> 秦淮区, 2013
    "320107": "320106",  # 下关区 -> 鼓楼区, 2013
    "230107": "230110",  # 动力区 -> 香坊区, 2006
    "370205": "370203",  # 四方区 -> 市北区, 2012
    "370284": "370211",  # 胶南市 -> 黄岛区, 2012
    "321011": "321003",  # 维扬区 -> 邗江区, 2011
    "370802": "370811",  # 济宁市市中区 -> 任城区, 2013
    "440116": "440112",  # 萝岗区 -> 黄埔区, 2014
    "500222": "500110",  # 綦江县 -> 綦江区, 2011
    "500225": "500111",  # 大足县 -> 大足区, 2011
    "341402": "340181",  # 居巢区 -> 巢湖市 (county-level), 2011
    "341400": "340100;340200;340500",  # 巢湖市 (prefecture) divided: 合肥, 芜湖, 马鞍山, 2011
    "440903": "440904",  # 茂港区 -> 电白区, 2014
    "652303": "650109",  # 米泉市 -> 米东区, 2007
    "640204": "640205",  # 石炭井区 -> 惠农区, 2003
    "640223": "640205",  # 惠农县 -> 惠农区, 2003
    "320122": "320111",  # 江浦县 -> 浦口区, 2002
}

LEVELS = ("自治县", "自治旗", "特区", "林区", "地区", "县", "市", "区", "旗", "盟")


def read(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            code, name = row["Code"].strip(), row["Name"].strip()
            if re.fullmatch(r"\d{6}", code) and name and name not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                rows[code] = name
    return rows


def stem(name):
    for level in LEVELS:
        if name.endswith(level) and len(name) - len(level) >= 2:
            return name[: -len(level)]
    return name


def level(code):
    return "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"


def province_of(code, snapshot):
    return snapshot.get(code[:2] + "0000", "")


def prefecture_of(code, snapshot):
    if code.endswith("00"):
        return ""
    return snapshot.get(code[:4] + "00", "")


def main():
    folder = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.join(here, "..", "data")
    current = set()
    with open(os.path.join(data, "regions.csv"), encoding="utf-8") as f:
        current = {row["code"] for row in csv.DictReader(f)}
    with open(os.path.join(data, "region_changes.csv"), encoding="utf-8") as f:
        known = {row["old_code"] for row in csv.DictReader(f)}
    files = sorted(p for p in os.listdir(folder) if re.fullmatch(r"\d{6}\.tsv", p))
    snapshots = [(int(p[:4]), read(os.path.join(folder, p))) for p in files]
    snapshots = [(y, s) for y, s in snapshots if y <= 2014]
    rows = {}
    unresolved = []
    for (_, before), (year, after) in zip(snapshots, snapshots[1:]):
        new = {c: n for c, n in after.items() if c not in before}
        for code, name in before.items():
            if code in after and after[code] != name and code in current | known | set(after):
                rows[(code, name)] = (year, code, province_of(code, before), prefecture_of(code, before), name, code)
        gone = [(c, n) for c, n in before.items() if c not in after]
        found = {}
        # Pass 1: the same name, or the same name without its level, at the same level; mergers
        # checked by hand.
        for code, name in gone:
            same = {c: n for c, n in new.items() if c[:2] == code[:2] and level(c) == level(code)}
            exact = [c for c, n in same.items() if n == name]
            stems = [c for c, n in same.items() if stem(n) == stem(name)]
            if len(exact) == 1:
                found[code] = exact[0]
            elif len(stems) == 1:
                found[code] = stems[0]
            elif code in MERGED_INTO and all(c in after for c in MERGED_INTO[code].split(";")):
                found[code] = MERGED_INTO[code]
        # A prefecture renumbered moves its counties under its new code.
        prefix = {c[:4]: s[:4] for c, s in found.items() if level(c) == "prefecture"}
        claimed = set(found.values())
        # Pass 2: the new codes of the same prefecture that no other unit took.
        for code, name in gone:
            if code in found or level(code) != "county":
                continue
            local = sorted(c for c in new if level(c) == "county" and c not in claimed
                           and c[:4] in (code[:4], prefix.get(code[:4])))
            if local:
                found[code] = ";".join(local)
        for code, name in gone:
            if code not in found:
                unresolved.append(f"{year} {code} {province_of(code, before)}{prefecture_of(code, before)}{name}")
                continue
            rows[(code, name)] = (year, code, province_of(code, before), prefecture_of(code, before), name, found[code])
    # One row per old code: its last retirement. Leave out codes in use today or already listed.
    latest = {}
    for (code, _), row in rows.items():
        if code in current and row[5] != code:
            continue
        if code in known:
            continue
        if code not in latest or latest[code][0] < row[0]:
            latest[code] = row
    # Every successor must lead to a unit of today: one in use, or one the table retires. A row
    # whose successor was retired in a step that could not be followed is left out, and so on.
    # A successor retired later must be the same unit, not a later unit given its freed code:
    # its code is in every code list from this step to its retirement.
    years = [y for y, _ in snapshots]
    present = {}
    for y, snapshot in snapshots:
        for c in snapshot:
            present.setdefault(c, set()).add(y)
    def continuous(c, start, end):
        return all(y in present.get(c, ()) for y in years if start <= y < end)
    for code, row in list(latest.items()):
        for succ in row[5].split(";"):
            if succ in latest and not continuous(succ, row[0], latest[succ][0]):
                unresolved.append(f"{row[0]} {code} {row[4]}: the code of its successor {succ} went to another unit later")
                del latest[code]
                break
    while True:
        reachable = current | known | set(latest)
        broken = [c for c, row in latest.items() if not all(s in reachable for s in row[5].split(";"))]
        if not broken:
            break
        for c in broken:
            unresolved.append(f"{latest[c][0]} {c} {latest[c][4]}: its successor {latest[c][5]} leads nowhere")
            del latest[c]
    out = csv.writer(sys.stdout, lineterminator="\n")
    for code, row in sorted(latest.items(), key=lambda kv: (kv[1][0], kv[0])):
        out.writerow(row)
    for line in unresolved:
        print("unresolved:", line, file=sys.stderr)


if __name__ == "__main__":
    main()
