#!/usr/bin/env python3
"""Measures lib/ against issue 22's size limits.

Prints every file over --file-limit lines, every check whose files together
exceed --check-limit lines, and every function body over --function-limit
lines. A function is found by its braces: a `{` that opens at namespace or
class level after a `)` (a definition's parameter list, perhaps followed by
qualifiers, an initializer list or a trailing return type). Lambdas and
local classes count towards the function that contains them. Exits 1 when
something is over a limit, so it can gate a build; 0 otherwise.
"""
import argparse
import collections
import pathlib
import re
import sys

SCOPE_KEYWORDS = re.compile(r'\b(namespace|class|struct|union|enum)\b[^;(){}]*$')


def strip_code(text):
    """Blanks comments, string and character literals, keeping newlines."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append('\n' * text.count('\n', i, j))
            i = j
        elif c in '"\'':
            if c == "'" and i > 0 and text[i - 1].isalnum():
                out.append(c)  # a digit separator: 1'000
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def functions(path):
    """Yields (name, first line, line count) for each function body."""
    code = strip_code(path.read_text())
    stack = []  # one entry per open brace: 'scope', 'function' or 'block'
    line = 1
    start = 0
    head_begin = 0  # where the text before the next brace starts
    for i, c in enumerate(code):
        if c == '\n':
            line += 1
        elif c in ';':
            if not stack or stack[-1] == 'scope':
                head_begin = i + 1
        elif c == '{':
            head = code[head_begin:i]
            if stack and stack[-1] != 'scope':
                stack.append('block')
            elif SCOPE_KEYWORDS.search(head.strip().split('\n')[-1] if head.strip() else '') or \
                    SCOPE_KEYWORDS.search(' '.join(head.split())):
                stack.append('scope')
            elif ')' in head:
                name = re.findall(r'([~\w:]+(?:operator\s*\S+?)?)\s*\(', head)
                stack.append(('function', name[0] if name else '?', line))
            else:
                stack.append('block')  # an initializer or an array
            head_begin = i + 1
        elif c == '}':
            if not stack:
                continue
            top = stack.pop()
            if isinstance(top, tuple):
                yield top[1], top[2], line - top[2] + 1
            if not stack or stack[-1] == 'scope':
                head_begin = i + 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--root', default=str(pathlib.Path(__file__).resolve().parents[1] / 'lib'))
    parser.add_argument('--file-limit', type=int, default=500)
    parser.add_argument('--check-limit', type=int, default=300)
    parser.add_argument('--function-limit', type=int, default=60)
    args = parser.parse_args()
    root = pathlib.Path(args.root)
    if not root.is_dir():
        sys.exit(f'sizes.py: no directory {root}')
    over = 0
    files = sorted(p for p in root.rglob('*') if p.suffix in ('.cpp', '.h'))
    lines = {p: p.read_text().count('\n') for p in files}
    for p in files:
        if lines[p] > args.file_limit:
            print(f'file {p.relative_to(root)}: {lines[p]} lines')
            over += 1
    # A check's files share the first two words of its class name
    # (LambdaCaptureOwners.cpp belongs to LambdaCaptureLifetimeCheck).
    def prefix(stem):
        return ''.join(re.findall(r'[A-Z][a-z]*', stem)[:2])
    check_names = {prefix(p.stem): p.stem[:-len('Check')] for p in files
                   if p.parent.name == 'Checks' and p.stem.endswith('Check')
                   and p.stem != 'AsyncCheck'}
    checks = collections.Counter()
    for p in files:
        if p.parent.name == 'Checks' and prefix(p.stem) in check_names:
            checks[check_names[prefix(p.stem)]] += lines[p]
    for name, count in sorted(checks.items()):
        if count > args.check_limit:
            print(f'check {name}: {count} lines in its files')
            over += 1
    for p in files:
        for name, first, count in functions(p):
            if count > args.function_limit:
                print(f'function {p.relative_to(root)}:{first} {name}: {count} lines')
                over += 1
    print(f'{over} over the limits')
    return 1 if over else 0


if __name__ == '__main__':
    sys.exit(main())
