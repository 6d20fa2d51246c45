#!/usr/bin/env python3
"""Checks async-lint's JSON or SARIF output against the rules its readers
apply: the SARIF 2.1.0 specification's required properties and GitHub code
scanning's ingestion rules, or the JSON format of docs/output-formats.md.

    validate_output.py sarif|json FILE [--expect-results N]
"""

import json
import sys

LEVELS = {"none", "note", "warning", "error"}


def fail(message):
    sys.exit("invalid: " + message)


def check_location(loc, bases, what):
    phys = loc.get("physicalLocation")
    if not isinstance(phys, dict):
        fail("%s: physicalLocation missing" % what)
    art = phys.get("artifactLocation")
    if not isinstance(art, dict) or not isinstance(art.get("uri"), str) or not art["uri"]:
        fail("%s: artifactLocation.uri missing" % what)
    uri = art["uri"]
    if "uriBaseId" in art:
        if art["uriBaseId"] not in bases:
            fail("%s: uriBaseId %r not in originalUriBaseIds" % (what, art["uriBaseId"]))
        # GitHub resolves repository files from relative URIs.
        if uri.startswith("/") or ":" in uri.split("/")[0]:
            fail("%s: uri %r with a base must be relative" % (what, uri))
    elif not uri.startswith("file://"):
        fail("%s: uri %r without a base must be absolute" % (what, uri))
    if " " in uri:
        fail("%s: uri %r is not percent-encoded" % (what, uri))
    region = phys.get("region")
    if region is not None:
        if not isinstance(region.get("startLine"), int) or region["startLine"] < 1:
            fail("%s: region.startLine must be >= 1" % what)
        if "startColumn" in region and region["startColumn"] < 1:
            fail("%s: region.startColumn must be >= 1" % what)


def check_sarif(doc):
    if doc.get("version") != "2.1.0":
        fail("version must be '2.1.0'")
    if "$schema" not in doc:
        fail("$schema missing")
    runs = doc.get("runs")
    if not isinstance(runs, list) or not runs:
        fail("runs must be a non-empty array")
    total = 0
    for run in runs:
        driver = run.get("tool", {}).get("driver")
        if not isinstance(driver, dict) or not driver.get("name"):
            fail("tool.driver.name missing")
        rules = driver.get("rules", [])
        ids = [r.get("id") for r in rules]
        if any(not isinstance(i, str) or not i for i in ids) or len(set(ids)) != len(ids):
            fail("rule ids must be unique non-empty strings")
        for r in rules:
            if not r.get("shortDescription", {}).get("text"):
                fail("rule %s: shortDescription.text missing" % r["id"])
            if not r.get("fullDescription", {}).get("text"):
                fail("rule %s: fullDescription.text missing" % r["id"])
            if not r.get("help", {}).get("text"):
                fail("rule %s: help.text missing" % r["id"])
        bases = run.get("originalUriBaseIds", {})
        for name, base in bases.items():
            if not base.get("uri", "").endswith("/"):
                fail("originalUriBaseIds.%s.uri must end with '/'" % name)
        results = run.get("results")
        if not isinstance(results, list):
            fail("results must be an array")
        seen = set()
        for n, res in enumerate(results):
            what = "result %d" % n
            key = identity(res.get("ruleId"), res.get("locations"),
                           res.get("message", {}).get("text"))
            if key in seen:
                fail("%s: reported twice" % what)
            seen.add(key)
            if not res.get("message", {}).get("text"):
                fail("%s: message.text missing" % what)
            if res.get("level", "warning") not in LEVELS:
                fail("%s: bad level" % what)
            rule = res.get("ruleId")
            if rule not in ids:
                fail("%s: ruleId %r not among the rules" % (what, rule))
            if "ruleIndex" in res and ids[res["ruleIndex"]] != rule:
                fail("%s: ruleIndex does not point at ruleId" % what)
            locs = res.get("locations")
            if not isinstance(locs, list) or not locs:
                fail("%s: locations missing" % what)
            for loc in locs:
                check_location(loc, bases, what)
            related_ids = set()
            for rel in res.get("relatedLocations", []):
                check_location(rel, bases, what + " related location")
                if not rel.get("message", {}).get("text"):
                    fail("%s: related location without message" % what)
                if rel.get("id") in related_ids:
                    fail("%s: related location ids must be unique" % what)
                related_ids.add(rel.get("id"))
            check_code_flows(res, bases, what)
            fps = res.get("partialFingerprints", {})
            if not fps or not all(isinstance(v, str) and v for v in fps.values()):
                fail("%s: partialFingerprints must hold non-empty strings" % what)
            props = res.get("properties", {})
            if not isinstance(props, dict):
                fail("%s: properties must be an object" % what)
            if not is_count(props.get("units")):
                fail("%s: properties.units must be a positive integer" % what)
        total += len(results)
    return total


def check_code_flows(res, bases, what):
    """The notes of a result as one thread flow: the result's location
    first, then each related location, in order, each with a message."""
    flows = res.get("codeFlows")
    related = res.get("relatedLocations", [])
    if flows is None:
        if related:
            fail("%s: notes without codeFlows" % what)
        return
    if not isinstance(flows, list) or len(flows) != 1:
        fail("%s: codeFlows must hold one flow" % what)
    threads = flows[0].get("threadFlows")
    if not isinstance(threads, list) or len(threads) != 1:
        fail("%s: a code flow must hold one thread flow" % what)
    steps = threads[0].get("locations")
    if not isinstance(steps, list) or len(steps) != len(related) + 1:
        fail("%s: the thread flow must have the result and every note" % what)
    for step in steps:
        loc = step.get("location")
        if not isinstance(loc, dict) or not loc.get("message", {}).get("text"):
            fail("%s: thread flow step without location or message" % what)
        check_location(loc, bases, what + " thread flow step")
    first = steps[0]["location"]["physicalLocation"]
    if first != res["locations"][0]["physicalLocation"]:
        fail("%s: the thread flow must start at the result" % what)
    for step, rel in zip(steps[1:], related):
        if step["location"]["physicalLocation"] != rel["physicalLocation"]:
            fail("%s: thread flow steps must follow the notes" % what)


def is_count(value):
    """A number of translation units: a positive integer."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def identity(check, where, message):
    """What makes two findings one (docs/output-formats.md)."""
    return (check, json.dumps(where, sort_keys=True), message)


def check_json(doc):
    if doc.get("tool") != "async-lint" or not doc.get("version"):
        fail("tool and version missing")
    seen = set()
    for n, f in enumerate(doc.get("findings", [])):
        for key in ("check", "level", "file", "line", "column", "message",
                    "fingerprint", "units", "notes"):
            if key not in f:
                fail("finding %d: %s missing" % (n, key))
        if not is_count(f["units"]):
            fail("finding %d: units must be a positive integer" % n)
        key = identity(f["check"], [f["file"], f["line"], f["column"]],
                       f["message"])
        if key in seen:
            fail("finding %d: reported twice" % n)
        seen.add(key)
    return len(doc.get("findings", []))


def main():
    kind, path = sys.argv[1], sys.argv[2]
    with open(path) as f:
        doc = json.load(f)
    count = check_sarif(doc) if kind == "sarif" else check_json(doc)
    if "--expect-results" in sys.argv:
        want = int(sys.argv[sys.argv.index("--expect-results") + 1])
        if count != want:
            fail("%d results, expected %d" % (count, want))
    print("valid %s, %d results" % (kind, count))


if __name__ == "__main__":
    main()
