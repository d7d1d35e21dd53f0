#!/usr/bin/env python3
"""The layout rules of user/ as a test (TAP): which folder may include which,
no include cycle between files, only cli/ prints or exits, no source file
over 800 lines. The README's "Layout" section says why each rule is there.

    tests/lint/layers.py [ROOT]     (ROOT defaults to the repository)
"""
import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
USER = os.path.join(ROOT, "user")
MAX_LINES = 800

# A folder may include its own headers and those of the folders listed.
MAY_INCLUDE = {
    "base": {"base"},
    "input": {"base", "input"},
    "engine": {"base", "input", "engine"},
    "kernel": {"base", "kernel"},
    "daemon": {"base", "input", "engine", "kernel", "daemon"},
    "cli": {"base", "input", "engine", "kernel", "daemon", "cli"},
}
# Printing to the terminal or ending the process; base/log.c is the daemon's
# log sink and may write stderr.
PRINTS = re.compile(r"\b(printf|puts|perror|exit|_exit|abort)\s*\(|\b(stdout|stderr)\b")
PRINT_ALLOWED = {"cli", "base/log.c"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+/[a-z_0-9]+\.h)"', re.M)


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'"(\\.|[^"\\\n])*"', '""', text)


def sources():
    for folder in sorted(os.listdir(USER)):
        path = os.path.join(USER, folder)
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith((".c", ".h")):
                    yield folder, f"{folder}/{name}"


results = []


def check(ok, what, details=()):
    results.append((ok, what, list(details)))


files = {rel: folder for folder, rel in sources()}
check(set(f for f in files.values()) <= set(MAY_INCLUDE),
      "every folder under user/ has a layer rule",
      sorted(set(files.values()) - set(MAY_INCLUDE)))

graph, bad_arrows, printers, long_files = {}, [], [], []
for rel, folder in files.items():
    raw = open(os.path.join(USER, rel), encoding="utf-8").read()
    incs = [i for i in INCLUDE.findall(raw) if not i.startswith("gatehawk/")]
    graph[rel] = [i for i in incs if i in files]
    for inc in incs:
        if inc.split("/")[0] not in MAY_INCLUDE.get(folder, set()):
            bad_arrows.append(f"{rel} includes {inc}")
    if folder not in PRINT_ALLOWED and rel not in PRINT_ALLOWED:
        for n, line in enumerate(strip_comments(raw).split("\n"), 1):
            if PRINTS.search(line):
                printers.append(f"{rel}:{n}: {line.strip()}")
    lines = raw.count("\n")
    if rel.endswith(".c") and lines > MAX_LINES:
        long_files.append(f"{rel}: {lines} lines")

check(not bad_arrows, "includes point down the layers (base < input < engine; base < kernel; daemon; cli)", bad_arrows)
check(not printers, "only cli/ (and the log sink base/log.c) prints or exits", printers)
check(not long_files, f"no source file over {MAX_LINES} lines", long_files)

# A .c, its .h and its _internal.h (the private half of a module split over
# several files) are one unit: cycles are between units.
def unit(rel):
    return rel[:-2].removesuffix("_internal")

edges = {}
for rel, incs in graph.items():
    edges.setdefault(unit(rel), set()).update(unit(i) for i in incs if unit(i) != unit(rel))
cycles, state = [], {}

def visit(u, stack):
    state[u] = 1
    stack.append(u)
    for v in sorted(edges.get(u, ())):
        if state.get(v) == 1:
            cycles.append(" -> ".join(stack[stack.index(v):] + [v]))
        elif not state.get(v):
            visit(v, stack)
    stack.pop()
    state[u] = 2

for u in sorted(edges):
    if not state.get(u):
        visit(u, [])
check(not cycles, "no include cycle between units (a .c with its .h)", cycles)

for i, (ok, what, details) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    for d in details[:40]:
        print(f"#   {d}")
print(f"1..{len(results)}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
