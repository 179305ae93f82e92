#!/usr/bin/env python3
"""Integrands in x from SymPy's own integration tests, one per line in SymSeq's infix, as a development set.

    python3 tools/devsets/sympy_integrands.py > /tmp/sympy-integrands.txt
    symseq compare --data /tmp/sympy-integrands.txt --cas none     # or any measurement that reads integrands

Reads the test files of the installed SymPy (Debian: python3-sympy), finds every call manualintegrate(e, x) or
integrate(e, x) whose first argument evaluates to an expression in x alone (no other symbols, no special functions
beyond the elementary ones SymSeq reads), and prints it once. The list is made on demand, never committed: it is
SymPy's, kept outside SymSeq, and used to find where SymSeq's rules are weak, not to tune them to its lines.
"""
import ast
import glob
import os
import sys

import sympy
from sympy import Symbol

from devset import print_integrands, x

def candidates(path):
    source = open(path, encoding="utf-8").read()
    for node in ast.walk(ast.parse(source, path)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("manualintegrate", "integrate") and len(node.args) >= 2:
            if isinstance(node.args[1], ast.Name) and node.args[1].id == "x":
                yield ast.get_source_segment(source, node.args[0])


def main():
    root = os.path.join(os.path.dirname(sympy.__file__), "integrals", "tests")
    names = {n: getattr(sympy, n) for n in dir(sympy) if not n.startswith("_")}
    names.update(x=x, y=Symbol("y"), a=Symbol("a"), b=Symbol("b"), n=Symbol("n"), t=Symbol("t"), k=Symbol("k"),
                 E=sympy.E, pi=sympy.pi, I=sympy.I, S=sympy.S, Rational=sympy.Rational)
    print_integrands(lambda text=text: sympy.sympify(eval(text, dict(names)))
                     for path in sorted(glob.glob(os.path.join(root, "test_*.py")))
                     for text in candidates(path) if text is not None)


if __name__ == "__main__":
    sys.exit(main())
