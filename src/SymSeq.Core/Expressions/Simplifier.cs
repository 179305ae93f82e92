using System.Collections.Immutable;
using System.Diagnostics;
using static SymSeq.Expressions.Operator;

namespace SymSeq.Expressions;

/// <summary>The expression has no value: a division by zero, 0^negative, or the like.</summary>
public sealed class UndefinedExpressionException(string message) : ArithmeticException(message);

/// <summary>A symbolic step ran past its time budget.</summary>
public sealed class SymbolicTimeoutException(string message) : TimeoutException(message);

/// <summary>
/// Rewrites an expression into a canonical form: sub, div, inv, sqrt, rac and pow2..pow5 become n-ary add,
/// n-ary mul and pow; sums and products are flattened, sorted and have like terms and like bases combined;
/// rationals are exact; standard identities apply (exp(ln u) = u, ln(exp u) = u on the reals, odd and even
/// functions of -u, values at 0 and multiples of pi, f(f⁻¹(u)) = u). Every value the input has is kept;
/// the domain may grow (x/x becomes 1).
/// </summary>
public sealed class Simplifier
{
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(1);
    private const long MaxExactBits = 4096;
    private readonly long _deadline;

    private Simplifier(TimeSpan budget) =>
        _deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Canonical form of e; throws <see cref="UndefinedExpressionException"/> or <see cref="SymbolicTimeoutException"/>.</summary>
    public static Expr Simplify(Expr e, TimeSpan? budget = null) => new Simplifier(budget ?? DefaultBudget).S(e);

    public static bool TrySimplify(Expr e, out Expr result, TimeSpan? budget = null)
    {
        try { result = Simplify(e, budget); return true; }
        catch (Exception ex) when (ex is UndefinedExpressionException or SymbolicTimeoutException or DivideByZeroException)
        { result = e; return false; }
    }

    /// <summary>Canonical form of e, or e itself when it is undefined or its simplification runs past the budget.</summary>
    public static Expr SimplifyOrKeep(Expr e, TimeSpan? budget = null) => TrySimplify(e, out var s, budget) ? s : e;

    private Expr S(Expr e)
    {
        if (Stopwatch.GetTimestamp() > _deadline)
            throw new SymbolicTimeoutException("simplification ran past its time budget");
        if (e is not Op op) return e;
        if (op.Kind == Operator.Derivative) return S(Expressions.Derivative.Of(op[0], ((Sym)op[1]).Name));
        var a = op.Args.Select(S).ToArray();
        return op.Kind switch
        {
            Add => Sum(a),
            Sub => Sum([a[0], Product([Expr.MinusOne, a[1]])]),
            Mul => Product(a),
            Div => Product([a[0], Power(a[1], Expr.MinusOne)]),
            Pow => Power(a[0], a[1]),
            Rac => Power(a[0], Power(a[1], Expr.MinusOne)),
            Inv => Power(a[0], Expr.MinusOne),
            Pow2 or Pow3 or Pow4 or Pow5 => Power(a[0], Expr.Int(op.Kind - Pow2 + 2)),
            Sqrt => Power(a[0], new Num(Rational.Half)),
            _ => Function(op.Kind, a[0]),
        };
    }

    // ---- sums ----

    private Expr Sum(IEnumerable<Expr> terms)
    {
        var constant = Rational.Zero;
        var coeffs = new Dictionary<Expr, Rational>();
        var order = new List<Expr>();
        void AddTerm(Expr t)
        {
            switch (t)
            {
                case Num n: constant += n.Value; return;
                case Op { Kind: Add } s: foreach (var x in s.Args) AddTerm(x); return;
            }
            var (c, rest) = SplitCoefficient(t);
            if (coeffs.TryGetValue(rest, out var old)) coeffs[rest] = old + c;
            else { coeffs[rest] = c; order.Add(rest); }
        }
        foreach (var t in terms) AddTerm(t);

        var result = new List<Expr>();
        foreach (var rest in order)
        {
            var c = coeffs[rest];
            if (!c.IsZero) result.Add(WithCoefficient(c, rest));
        }
        result.Sort((p, q) => ExprOrder.Instance.Compare(SplitCoefficient(p).Term, SplitCoefficient(q).Term));
        if (!constant.IsZero) result.Add(new Num(constant));
        return result.Count switch
        {
            0 => Expr.Zero,
            1 => result[0],
            _ => new Op(Add, result.ToImmutableArray()),
        };
    }

    private static (Rational Coefficient, Expr Term) SplitCoefficient(Expr t)
    {
        if (t is Op { Kind: Mul } m && m[0] is Num n)
            return (n.Value, m.Args.Length == 2 ? m[1] : new Op(Mul, m.Args.RemoveAt(0)));
        return (Rational.One, t);
    }

    private static Expr WithCoefficient(Rational c, Expr rest)
    {
        if (c.IsOne) return rest;
        return rest is Op { Kind: Mul } m ? new Op(Mul, m.Args.Insert(0, new Num(c))) : new Op(Mul, new Num(c), rest);
    }

    // ---- products ----

    private Expr Product(IEnumerable<Expr> factors)
    {
        var coeff = Rational.One;
        var exps = new Dictionary<Expr, List<Expr>>();
        var bases = new List<Expr>();
        var expArgs = new List<Expr>();
        void AddFactor(Expr f)
        {
            switch (f)
            {
                case Num n: coeff *= n.Value; return;
                case Op { Kind: Mul } m: foreach (var x in m.Args) AddFactor(x); return;
                case Op { Kind: Exp } ex: expArgs.Add(ex[0]); return;
            }
            var (b, e) = f is Op { Kind: Pow } p ? (p[0], p[1]) : (f, Expr.One);
            if (!exps.TryGetValue(b, out var list)) { exps[b] = list = []; bases.Add(b); }
            list.Add(e);
        }
        foreach (var f in factors) AddFactor(f);
        if (coeff.IsZero) return Expr.Zero;

        var rest = new List<Expr>();
        void Collect(Expr f)
        {
            switch (f)
            {
                case Num n: coeff *= n.Value; break;
                case Op { Kind: Mul } m: foreach (var x in m.Args) Collect(x); break;
                default: rest.Add(f); break;
            }
        }
        foreach (var b in bases)
        {
            var list = exps[b];
            Collect(list.Count == 1 && list[0] is Num { Value.IsOne: true } ? b : Power(b, Sum(list)));
        }
        if (expArgs.Count > 0) Collect(Function(Exp, Sum(expArgs)));
        if (coeff.IsZero) return Expr.Zero;

        // Like sympy, a number times a single sum is distributed: 2*(x + 1) = 2*x + 2.
        if (!coeff.IsOne && rest.Count == 1 && rest[0] is Op { Kind: Add } sum)
            return Sum(sum.Args.Select(t => Product([new Num(coeff), t])));

        rest.Sort(ExprOrder.Instance);
        if (!coeff.IsOne || rest.Count == 0) rest.Insert(0, new Num(coeff));
        return rest.Count == 1 ? rest[0] : new Op(Mul, rest.ToImmutableArray());
    }

    // ---- powers ----

    private Expr Power(Expr b, Expr e)
    {
        if (e is Num { Value.IsZero: true }) return Expr.One;
        if (e is Num { Value.IsOne: true }) return b;
        if (b is Num { Value.IsOne: true }) return Expr.One;
        if (b is Num nb && e is Num ne) return NumericPower(nb.Value, ne.Value);
        if (b is Sym { Name: "E" }) return Function(Exp, e);
        if (e is Num { Value.IsInteger: true } k)
        {
            switch (b)
            {
                case Op { Kind: Pow } p: return Power(p[0], Product([p[1], k]));
                case Op { Kind: Mul } m: return Product(m.Args.Select(f => Power(f, k)));
                case Op { Kind: Exp } x: return Function(Exp, Product([x[0], k]));
            }
        }
        return new Op(Pow, b, e);
    }

    private static Expr NumericPower(Rational b, Rational e)
    {
        if (b.IsZero)
        {
            if (e.Sign < 0) throw new UndefinedExpressionException("zero raised to a negative power");
            return Expr.Zero;
        }
        if (e.IsInteger && BigIntegerFits(e) && b.BitLength * BigInteger(e) <= MaxExactBits)
            return new Num(b.Pow((int)e.Num));
        if (!e.IsInteger && b.Sign > 0 && e.Den <= 64 && BigIntegerFits(e) && b.TryRoot((int)e.Den, out var root)
            && root.BitLength * BigInteger(e) <= MaxExactBits)
            return new Num(root.Pow((int)e.Num));
        return new Op(Pow, new Num(b), new Num(e));
    }

    private static bool BigIntegerFits(Rational e) => System.Numerics.BigInteger.Abs(e.Num) <= 10000;
    private static long BigInteger(Rational e) => (long)System.Numerics.BigInteger.Abs(e.Num);

    // ---- functions ----

    private Expr Function(Operator f, Expr u)
    {
        if (f.IsOdd() && ExprParts.TryNegate(u, out var pos)) return Product([Expr.MinusOne, Function(f, pos)]);
        if (f.IsEven() && ExprParts.TryNegate(u, out pos)) return Function(f, pos);
        if (u is Num { Value: var v } && FunctionAtNumber(f, v) is { } value) return value;
        if (PiMultiple(u) is { } k && TrigAtPiMultiple(f, k) is { } trig) return trig;
        switch (f, u)
        {
            case (Exp, Op { Kind: Ln } l): return l[0];
            case (Exp, Op { Kind: Mul } m) when m.Args.Length == 2 && m[0] is Num && m[1] is Op { Kind: Ln } l:
                return Power(l[0], m[0]);
            case (Exp, Num { Value.IsOne: true }): return new Sym("E");
            case (Ln, Op { Kind: Exp } x): return x[0];
            case (Ln, Sym { Name: "E" }): return Expr.One;
            case (Abs, Op { Kind: Abs }): return u;
            case (Abs, Op { Kind: Exp }): return u;
            case (Sin, Op { Kind: Asin } i): return i[0];
            case (Cos, Op { Kind: Acos } i): return i[0];
            case (Tan, Op { Kind: Atan } i): return i[0];
            case (Sinh, Op { Kind: Asinh } i): return i[0];
            case (Cosh, Op { Kind: Acosh } i): return i[0];
            case (Tanh, Op { Kind: Atanh } i): return i[0];
        }
        return new Op(f, u);
    }

    private static Expr? FunctionAtNumber(Operator f, Rational v)
    {
        if (v.IsZero)
            return f switch
            {
                Sin or Tan or Sinh or Tanh or Asin or Atan or Asinh or Atanh or Abs or Sign => Expr.Zero,
                Cos or Cosh or Exp or Sec or Sech => Expr.One,
                Ln or Cot or Csc or Coth or Csch or Acsc or Asec or Acot or Acoth or Acsch or Asech =>
                    throw new UndefinedExpressionException($"{f.Token()}(0) is undefined"),
                _ => null,
            };
        if (v.IsOne)
            return f switch { Ln or Acos or Acosh or Asec or Asech => Expr.Zero, Abs or Sign => Expr.One, _ => null };
        return f switch
        {
            Abs => new Num(v.Abs()),
            Sign => Expr.Int(v.Sign),
            _ => null,
        };
    }

    /// <summary>k when u = k*pi for an integer k.</summary>
    private static long? PiMultiple(Expr u) => u switch
    {
        Sym { Name: "pi" } => 1,
        Op { Kind: Mul } m when m.Args.Length == 2 && m[0] is Num { Value: { IsInteger: true } k } && m[1] is Sym { Name: "pi" }
            && System.Numerics.BigInteger.Abs(k.Num) < 1_000_000 => (long)k.Num,
        _ => null,
    };

    private static Expr? TrigAtPiMultiple(Operator f, long k) => f switch
    {
        Sin or Tan => Expr.Zero,
        Cos or Sec => k % 2 == 0 ? Expr.One : Expr.MinusOne,
        _ => null,
    };
}
