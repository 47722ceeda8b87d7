#!/usr/bin/env python3
# Counts application lines of Java sources, the rule used to compare the quickstart with the
# same service on other frameworks (comparison/README.md):
#   python3 scripts/count-app-lines.py FILE.java...
import sys, re
# Counts lines of Java code: blank lines, comment-only lines (// ..., /* ... */, javadoc) and
# lines that hold only a closing comment are not counted; code with a trailing comment is.
total = 0
for path in sys.argv[1:]:
    n = 0; in_block = False
    for line in open(path, encoding='utf-8'):
        s = line.strip()
        if in_block:
            if '*/' in s:
                in_block = False
                s = s.split('*/', 1)[1].strip()
            else:
                continue
        if s.startswith('/*'):
            if '*/' not in s:
                in_block = True
                continue
            s = s.split('*/', 1)[1].strip()
        if not s or s.startswith('//'):
            continue
        n += 1
    print(f"{n:4d}  {path}")
    total += n
print(f"{total:4d}  total")
