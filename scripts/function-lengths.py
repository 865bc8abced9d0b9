#!/usr/bin/env python3
"""The longest functions, initializers and computed properties of a source tree, in lines from
their declaration to their closing brace (string literals and comments read as code's shape).

  scripts/function-lengths.py Sources [COUNT]

Prints COUNT (default 15) lines of `lines path:line name`, longest first; Kembar keeps every one
at 60 or fewer."""
import re, sys, pathlib
# Rough: a declaration line with func/init/closure-bearing var, body from its first "{" to the matching "}".
decl = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|nonisolated|override|mutating|final|convenience|required|@discardableResult)\s+)*(func\s+[^\s(<]+|init[?!]?\s*[(<]|var\s+\w+\s*:[^={]*\{)')
out = []
for path in pathlib.Path(sys.argv[1]).rglob("*.swift"):
    lines = path.read_text().split("\n")
    i = 0
    while i < len(lines):
        m = decl.match(lines[i])
        if m:
            depth = 0; started = False; j = i
            while j < len(lines):
                code = re.sub(r'"(?:\\.|[^"\\])*"', '""', lines[j])
                code = code.split("//")[0]
                for ch in code:
                    if ch == "{": depth += 1; started = True
                    elif ch == "}": depth -= 1
                if started and depth <= 0: break
                if not started and j > i + 8: break
                j += 1
            if started:
                out.append((j - i + 1, f"{path}:{i+1}", m.group(1).strip()[:40]))
        i += 1
out.sort(reverse=True)
for n, where, name in out[:int(sys.argv[2]) if len(sys.argv) > 2 else 15]: print(n, where, name)
