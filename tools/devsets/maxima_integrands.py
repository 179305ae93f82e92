#!/usr/bin/env python3
"""Integrands from Maxima's own integration tests, one per line in SymSeq's infix, as a development set.

    sudo apt-get install maxima-test      # Debian: Maxima's test files in /usr/share/maxima/*/tests
    python3 tools/devsets/maxima_integrands.py > /tmp/maxima-integrands.txt
    symseq compare --data /tmp/maxima-integrands.txt --cas none

Reads rtestint.mac and rtest_integrate.mac, finds every indefinite integrate(e, v) outside comments whose e uses
only the elementary functions SymSeq reads, renames v to x, gives each other symbol (a parameter, such as a, b, n) a
small prime in alphabetical order (2, 3, 5, 7, ...), and prints each integrand once.
Made on demand, never committed: the list is Maxima's (GPL), kept outside SymSeq, and used to find where SymSeq's
rules are weak, not to tune them to its lines.
"""
import glob
import re
import sys

import sympy

from devset import print_integrands, x

FILES = ("rtestint.mac", "rtest_integrate.mac")
# Maxima's names and constants in SymPy's spelling (log is the natural logarithm in both).
PRIMES = (2, 3, 5, 7, 11)
RENAMES = [(r"%e\b", "E"), (r"%pi\b", "pi"), (r"%i\b", "I"), (r"\^", "**")]


def calls(text):
    """The argument lists of the integrate( ... ) calls in Maxima source, comments removed, nested calls too."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    for m in re.finditer(r"\bintegrate\s*\(", text):
        depth, start, args, k = 1, m.end(), [], m.end()
        while k < len(text) and depth > 0:
            c = text[k]
            if c in "([":
                depth += 1
            elif c in ")]":
                depth -= 1
            elif c == "," and depth == 1:
                args.append(text[start:k])
                start = k + 1
            k += 1
        if depth == 0:
            args.append(text[start:k - 1])
            yield [a.strip() for a in args]


def to_sympy(source, var):
    for pattern, repl in RENAMES:
        source = re.sub(pattern, repl, source)
    v = sympy.Symbol(var)
    names = {n: getattr(sympy, n) for n in ("exp", "log", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh",
                                            "tanh", "coth", "sech", "csch", "asin", "acos", "atan", "acot", "asec",
                                            "acsc", "asinh", "acosh", "atanh", "acoth", "asech", "acsch", "sqrt",
                                            "E", "pi", "I")}
    names["abs"] = sympy.Abs
    names[var] = v
    e = sympy.parse_expr(source, local_dict=names, evaluate=True)
    parameters = sorted((s for s in e.free_symbols if s != v), key=lambda s: s.name)
    if len(parameters) > len(PRIMES):
        raise ValueError("too many parameters")
    return e.subs({p: q for p, q in zip(parameters, PRIMES)}).subs(v, x)


def main():
    roots = sorted(glob.glob("/usr/share/maxima/*/tests"))
    if not roots:
        print("no Maxima tests found: install maxima-test (Debian) first", file=sys.stderr)
        return 1
    print_integrands(lambda args=args: to_sympy(args[0], args[1])
                     for name in FILES
                     for args in calls(open(f"{roots[-1]}/{name}", encoding="utf-8", errors="replace").read())
                     if len(args) == 2 and re.fullmatch(r"[a-z]\w*", args[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
