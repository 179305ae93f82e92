"""What the development-set scripts share: the elementary functions SymSeq reads, and SymSeq's infix."""
import sympy

x = sympy.Symbol("x")
ELEMENTARY = {"exp", "log", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth", "sech", "csch",
              "asin", "acos", "atan", "acot", "asec", "acsc", "asinh", "acosh", "atanh", "acoth", "asech", "acsch",
              "Abs", "sign", "sqrt", "Pow", "Add", "Mul", "Symbol", "Integer", "Rational", "Float", "Half", "One",
              "NegativeOne", "Zero", "Pi", "Exp1", "ImaginaryUnit"}


def to_infix(e):
    s = sympy.sstr(e, order="none")
    return s.replace("**", "^").replace("log(", "ln(").replace("Abs(", "abs(").replace("E", "exp(1)").replace("pi", "pi")


def integrand_line(e):
    """SymSeq's infix for an integrand in x alone made of elementary functions, else None."""
    if not isinstance(e, sympy.Expr) or e.free_symbols != {x}:
        return None
    if any(type(a).__name__ not in ELEMENTARY and not isinstance(a, sympy.Number) for a in sympy.preorder_traversal(e)):
        return None
    return to_infix(e)


def print_integrands(makers):
    """Prints each integrand once, in SymSeq's infix. Each maker builds one SymPy expression; one that raises, or is
    not an elementary integrand in x alone, is skipped."""
    seen = set()
    for make in makers:
        try:
            e = make()
        except Exception:
            continue
        line = integrand_line(e)
        if line is not None and line not in seen:
            seen.add(line)
            print(line)
