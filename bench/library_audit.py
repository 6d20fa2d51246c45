#!/usr/bin/env python3
"""Which entries of the checks' library lists name a declaration of the real
library they are about.

Every check reads lists of qualified names (its options, `async-lint
--dump-config` shows them with their defaults). An entry that names nothing
the library declares can never fire: a stale name (an API the library
renamed), a typo, or a name from another version. This script asks
build/bin/async-lint-name-audit, on one unit per library that includes that
library's headers, how many declarations each entry matches (matched by
model::NameMatcher, exactly as the checks match), and lists the entries that
match none.

  bench/library_audit.py --build build --realcode /work/realcode [--output F]

Libraries read: libcoro, concurrencpp, async_simple, cppcoro and asio from the
real-code trees (../shared/realcode/prepare.sh lays them out), Boost 1.81 and
libstdc++ from the system. An entry whose library is not among them (folly,
seastar, stdexec, Boost.Cobalt, which Boost 1.81 does not have) is listed as
not audited. Exit status 1 when a library's unit does not compile.
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

import yaml


def libraries(realcode):
    """name -> (roots, headers, include arguments, standard)."""
    rc = realcode
    cppcoro = sorted(
        os.path.relpath(p, f"{rc}/cppcoro/include")
        for p in glob.glob(f"{rc}/cppcoro/include/cppcoro/**/*.hpp", recursive=True)
        if "/detail/" not in p and "/net/" not in p)
    simple = sorted(
        os.path.relpath(p, rc + "/async_simple")
        for p in glob.glob(f"{rc}/async_simple/async_simple/**/*.h", recursive=True)
        if "/test/" not in p and "/uthread/" not in p and "/experimental/" not in p
        and "/executors/" not in p and "/util/" not in p)
    simple += ["async_simple/executors/SimpleExecutor.h"]
    boost_exp = sorted(
        os.path.relpath(p, "/usr/include")
        for p in glob.glob("/usr/include/boost/asio/experimental/*.hpp"))
    asio_exp = sorted(
        os.path.relpath(p, f"{rc}/asio/include")
        for p in glob.glob(f"{rc}/asio/include/asio/experimental/*.hpp"))
    return {
        "libcoro": (["coro"], ["coro/coro.hpp"],
                    [f"-I{rc}/libcoro/include", f"-I{rc}/stubs/libcoro",
                     "-DLIBCORO_FEATURE_NETWORKING", "-DLIBCORO_FEATURE_TLS"],
                    "c++20"),
        "concurrencpp": (["concurrencpp"], ["concurrencpp/concurrencpp.h"],
                         [f"-I{rc}/concurrencpp/include"], "c++20"),
        "async_simple": (["async_simple"], simple, [f"-I{rc}/async_simple"],
                         "c++20"),
        "cppcoro": (["cppcoro"], cppcoro, [f"-I{rc}/cppcoro/include"], "c++20"),
        "asio": (["asio"], ["asio.hpp", "asio/ssl.hpp"] + asio_exp,
                 [f"-I{rc}/asio/include"], "c++20"),
        "boost": (["boost", "asio"],
                  ["boost/asio.hpp", "boost/asio/ssl.hpp", "boost/asio/spawn.hpp", "boost/beast.hpp",
                   "boost/thread.hpp", "boost/core/span.hpp",
                   "boost/core/detail/string_view.hpp"] + boost_exp,
                  [], "c++20"),
        "libstdc++": (["std"], ["bits/stdc++.h"], [], "c++23"),
    }


def list_entries(async_lint):
    """pattern -> sorted option names that hold it (the defaults)."""
    out = subprocess.run([async_lint, "--dump-config"], check=True,
                         capture_output=True, text=True,
                         cwd=tempfile.gettempdir()).stdout
    options = yaml.safe_load(out).get("CheckOptions", {})
    holders = defaultdict(set)
    for name, value in options.items():
        if not isinstance(value, str):
            continue
        for entry in value.split(";"):
            entry = entry.strip()
            # Qualified names only: a regular expression or a plain word is
            # not a library API of one library.
            if "::" in entry and all(c.isalnum() or c in ":_~" for c in entry):
                holders[entry].add(name.split(".", 1)[1])
    return holders


# Names under these scopes belong to libraries whose headers are not here:
# Boost.Cobalt came with Boost 1.84, boost::ut is boost-ext/ut (not Boost).
ABSENT = ("boost::cobalt::", "boost::ut::")


# The libraries' tables of the shared lists (Model/Libraries.def), by table:
# the libraries whose headers hold that table's names. asio's patterns match
# standalone asio and Boost.Asio alike; folly, stdexec, seastar and corolib
# have no headers here, and the common vocabulary is no library's.
TABLE_LIBRARIES = {
    "asio": ["asio", "boost"], "boost": ["boost"], "cppcoro": ["cppcoro"],
    "libcoro": ["libcoro"], "async_simple": ["async_simple"],
    "concurrencpp": ["concurrencpp"], "corolib": [], "std": ["libstdc++"],
    "folly": [], "stdexec": [], "seastar": [], "generic": [],
    "googletest": [], "catch2": [],
}


def tables(tool):
    """pattern -> (table library, [list names]) from async-lint-name-audit
    --tables: each name of the shared lists, with the table it is in."""
    out = subprocess.run([tool, "--tables"], check=True, capture_output=True,
                         text=True).stdout
    found = {}
    for line in out.splitlines():
        table, lst, name = line.split("\t")
        found.setdefault(name, (table, []))[1].append(lst)
    return found


def root_of(pattern):
    if pattern.lstrip(":").startswith(ABSENT):
        return pattern.lstrip(":")[: -len(pattern.split("::")[-1]) - 2]
    return pattern.lstrip(":").split("::", 1)[0]


def compiles(resource_dir, header, args, std):
    """Whether \p header parses alone (some headers of a tree do not)."""
    return subprocess.run(
        ["clang++-22", "-fsyntax-only", f"-std={std}", "-pthread",
         f"-resource-dir={resource_dir}", "-x", "c++", "-"] + args,
        input=f"#include <{header}>\n", capture_output=True,
        text=True).returncode == 0


def audit(tool, resource_dir, name, spec, patterns, workdir):
    roots, headers, args, std = spec
    dropped = []
    if len(headers) > 1:
        with open(os.path.join(workdir, "all.hpp"), "w") as f:
            f.writelines(f"#include <{h}>\n" for h in headers)
        if not compiles(resource_dir, os.path.join(workdir, "all.hpp"),
                        args, std):
            dropped = [h for h in headers
                       if not compiles(resource_dir, h, args, std)]
            headers = [h for h in headers if h not in dropped]
    source = os.path.join(workdir, f"{name}.cpp")
    with open(source, "w") as f:
        f.writelines(f"#include <{h}>\n" for h in headers)
    plist = os.path.join(workdir, f"{name}.txt")
    with open(plist, "w") as f:
        f.writelines(p + "\n" for p in patterns)
    run = subprocess.run(
        [tool, plist, source, "--", f"-std={std}", "-pthread",
         f"-resource-dir={resource_dir}"] + args,
        capture_output=True, text=True)
    if run.returncode != 0:
        sys.stderr.write(f"{name}: {run.stderr}")
        return None, dropped
    counts = {}
    for line in run.stdout.splitlines():
        pattern, count, example = line.split("\t")
        counts[pattern] = (int(count), example)
    return counts, dropped


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build")
    parser.add_argument("--realcode", default="/work/realcode")
    parser.add_argument("--output", help="write the report here (markdown)")
    opts = parser.parse_args()
    build = os.path.abspath(opts.build)
    tool = os.path.join(build, "bin", "async-lint-name-audit")
    async_lint = os.path.join(build, "bin", "async-lint")
    for binary in (tool, async_lint):
        if not os.access(binary, os.X_OK):
            sys.exit(f"error: {binary} is not built")
    if not os.path.isdir(opts.realcode):
        sys.exit(f"error: no real-code trees in {opts.realcode} "
                 "(../shared/realcode/prepare.sh lays them out)")
    resource_dir = subprocess.run(["clang++-22", "-print-resource-dir"],
                                  check=True, capture_output=True,
                                  text=True).stdout.strip()
    holders = list_entries(async_lint)
    tabled = tables(tool)
    libs = libraries(opts.realcode)
    by_root = defaultdict(list)
    for lib, spec in libs.items():
        for root in spec[0]:
            by_root[root].append(lib)

    failed = False
    results = {}  # pattern -> {lib: (count, example)}
    skipped_headers = {}
    with tempfile.TemporaryDirectory() as workdir:
        for lib, spec in libs.items():
            # A name of the shared lists is read against the libraries of
            # its table; any other (a check's own list) by its first scope.
            mine = [p for p in holders
                    if not p.lstrip(":").startswith(ABSENT)
                    and (lib in TABLE_LIBRARIES.get(tabled[p][0], [])
                        if p in tabled else
                        lib in by_root.get(root_of(p), [])
                        and not (p.startswith("::") and root_of(p) == "asio"
                                 and lib == "boost"))]
            counts, dropped = audit(tool, resource_dir, lib, spec, mine,
                                    workdir)
            if dropped:
                skipped_headers[lib] = dropped
            if counts is None:
                failed = True
                continue
            for pattern, value in counts.items():
                results.setdefault(pattern, {})[lib] = value

    lines = ["# Library lists against the real headers", "",
             "Generated by `bench/library_audit.py`: each default entry of the "
             "checks' library lists, matched (as the checks match) against the "
             "declarations of the library it names.", "",
             "| library | entries | name a declaration | name none |",
             "|---|---|---|---|"]
    unresolved = []
    for lib in libs:
        probed = [p for p, r in results.items() if lib in r]
        none = [p for p in probed if all(c == 0 for c, _ in results[p].values())]
        lines.append(f"| {lib} | {len(probed)} | {len(probed) - len(none)} | "
                     f"{len([p for p in none if lib in results[p]])} |")
    for pattern, r in sorted(results.items()):
        if all(c == 0 for c, _ in r.values()):
            unresolved.append((pattern, sorted(r), sorted(holders[pattern])))
    lines += ["", "## Entries that name no declaration", "",
              "| entry | libraries read | options |", "|---|---|---|"]
    lines += [f"| `{p}` | {', '.join(l)} | {', '.join(o)} |"
              for p, l, o in unresolved]
    lines += ["", "## The libraries' tables", "",
              "The shared lists' defaults are composed from one table per "
              "library (`lib/Model/Libraries.def`); each table's names are "
              "read against the headers of its library.", "",
              "| table | names | read against | name a declaration |",
              "|---|---|---|---|"]
    for table, against in TABLE_LIBRARIES.items():
        names = sorted(p for p, (t, _) in tabled.items() if t == table)
        read = [p for p in names if p in results]
        named = [p for p in read if any(c for c, _ in results[p].values())]
        lines.append(f"| {table} | {len(names)} | "
                     f"{', '.join(against) or 'no headers here'} | "
                     f"{f'{len(named)} of {len(read)} read' if read else '-'} |")
    skipped = sorted(p for p in holders if p not in results)
    roots = sorted({root_of(p) for p in skipped})
    lines += ["", f"Not audited ({len(skipped)} entries; no headers here): "
              + ", ".join(f"`{r}`" for r in roots), ""]
    for lib, dropped in sorted(skipped_headers.items()):
        lines.append(f"Headers of {lib} left out (they do not parse alone "
                     f"with clang 22): " + ", ".join(f"`{h}`" for h in dropped))
        lines.append("")
    report = "\n".join(lines)
    if opts.output:
        tmp = opts.output + ".tmp"
        with open(tmp, "w") as f:
            f.write(report)
        os.replace(tmp, opts.output)
    else:
        print(report)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
