#!/usr/bin/env python3
"""Prints the markdown table of a run.py results file.

A cell is `found note / twin`: `F` the bug is reported at the caller's marked
line (`-` missed), `N` with a note in another unit of the project (`n` a note
there but not at the line marked EXPECT-NOTE, `-` none), `S` the twin is
silent for the case's check (`X` it is not). A `*` marks another async-* check
warning in the bug or the twin. The last column is the driver's warm re-run
after the callee was edited: units analysed afresh -> units re-checked.
`nosum` is the control: the driver on the caller alone, without summaries.
"""

import json
import sys
from pathlib import Path

FES = ["driver", "tidy", "clangd", "plugin", "nosum"]


def cell(bug, twin, fe):
    out = ""
    if bug and fe in bug["fe"]:
        j = bug["fe"][fe]["judged"]
        out += ("F" if j["found"] else "-") + ("N" if j["note_at_marker"] else "n" if j["note"] else "-")
        if j["other_checks"] or j["same_check_elsewhere"]:
            out += "*"
        if bug["fe"][fe]["rc"] == -999:
            out += "(timeout)"
    if twin and fe in twin["fe"]:
        j = twin["fe"][fe]["judged"]
        out += " / " + ("S" if j["silent"] else "X") + ("*" if j["other_checks"] else "")
    return out


def main():
    cases_dir = Path(__file__).resolve().parent / "cases"
    by = {}
    for path in sys.argv[1:]:  # several results files are merged (e.g. the nosum control)
        for r in json.loads(Path(path).read_text()):
            old = by.setdefault(r["case"], {}).get(r["variant"])
            if old:
                old["fe"].update(r["fe"])
                old.setdefault("warm", r.get("warm"))
            else:
                by[r["case"]][r["variant"]] = r
    print("| case | fact | " + " | ".join(FES) + " | warm (driver) |")
    print("|---|---|" + "---|" * len(FES) + "---|")
    totals = {fe: [0, 0, 0, 0, 0] for fe in FES}
    for cid in sorted(by):
        meta = json.loads((cases_dir / cid / "case.json").read_text())
        bug, twin = by[cid].get("bug"), by[cid].get("twin")
        w = bug.get("warm") if bug else None
        warm = (",".join(w["afresh"]) or "none") + " -> " + (",".join(w["rechecked"]) or "none") if w else ""
        print(f"| {cid} | {meta['shape']} | " + " | ".join(cell(bug, twin, fe) for fe in FES) + f" | {warm} |")
        for fe in FES:
            if bug and fe in bug["fe"]:
                j = bug["fe"][fe]["judged"]
                totals[fe][0] += j["found"]
                totals[fe][1] += j["note"]
                totals[fe][4] += 1
            if twin and fe in twin["fe"]:
                totals[fe][2] += twin["fe"][fe]["judged"]["silent"]
                totals[fe][3] += 1
    print("| **total** | | " + " | ".join(
        f"{t[0]}/{t[4]} found, {t[1]} noted, {t[2]}/{t[3]} silent" for t in totals.values()) + " | |")


if __name__ == "__main__":
    main()
