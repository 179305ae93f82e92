using System.Collections.Immutable;

namespace SymSeq.Expressions;

/// <summary>An immutable expression tree. Equality is structural.</summary>
public abstract record Expr
{
    public static Expr Int(long v) => new Num(v);
    public static Expr Rat(long p, long q) => new Num(new Rational(p, q));
    public static readonly Expr Zero = new Num(0), One = new Num(1), MinusOne = new Num(-1), Two = new Num(2);
    public static readonly Sym X = new("x");

    public static Expr operator +(Expr a, Expr b) => new Op(Operator.Add, a, b);
    public static Expr operator -(Expr a, Expr b) => new Op(Operator.Sub, a, b);
    public static Expr operator *(Expr a, Expr b) => new Op(Operator.Mul, a, b);
    public static Expr operator /(Expr a, Expr b) => new Op(Operator.Div, a, b);
    public static Expr operator -(Expr a) => new Op(Operator.Mul, MinusOne, a);
    public static Expr Pow(Expr a, Expr b) => new Op(Operator.Pow, a, b);
    public static Expr Call(Operator op, Expr a) => new Op(op, a);

    /// <summary>Number of nodes in the tree.</summary>
    public abstract int Size { get; }

    public override string ToString() => InfixPrinter.Readable.Print(this);
}

/// <summary>An exact rational constant.</summary>
public sealed record Num(Rational Value) : Expr
{
    public override int Size => 1;
    public override string ToString() => Value.ToString();
}

/// <summary>A named leaf: variables x, y, z, t; coefficients a0..a9; constants pi, E, I.</summary>
public sealed record Sym : Expr
{
    public string Name { get; }
    public Sym(string name)
    {
        if (!Symbols.IsKnown(name)) throw new ArgumentException($"unknown symbol '{name}'", nameof(name));
        Name = name;
    }
    public bool IsVariable => Symbols.IsVariable(Name);
    public bool IsCoefficient => Symbols.IsCoefficient(Name);
    public bool IsConstant => Symbols.IsConstant(Name);
    public override int Size => 1;
    public override string ToString() => Name;
}

/// <summary>The unknown function f(x) of an ODE and its derivatives: Y, Y', Y''.</summary>
public sealed record Unknown : Expr
{
    public int Order { get; }
    public Unknown(int order)
    {
        if (order is < 0 or > 2) throw new ArgumentOutOfRangeException(nameof(order), "only Y, Y' and Y'' exist");
        Order = order;
    }
    public string Token => Order switch { 0 => "Y", 1 => "Y'", _ => "Y''" };
    public override int Size => 1;
    public override string ToString() => Token;
}

/// <summary>An operator applied to its arguments. Add and Mul may carry more than two (the canonical form).</summary>
public sealed record Op : Expr
{
    public Operator Kind { get; }
    public ImmutableArray<Expr> Args { get; }
    private readonly int _hash;
    private readonly int _size;

    public Op(Operator kind, ImmutableArray<Expr> args)
    {
        var nary = kind is Operator.Add or Operator.Mul;
        if (nary ? args.Length < 2 : args.Length != kind.Arity())
            throw new ArgumentException($"operator '{kind.Token()}' takes {(nary ? "at least 2" : kind.Arity().ToString())} arguments, got {args.Length}");
        Kind = kind;
        Args = args;
        var h = new HashCode();
        h.Add(kind);
        var size = 1;
        foreach (var a in args) { h.Add(a); size += a.Size; }
        _hash = h.ToHashCode();
        _size = size;
    }

    public Op(Operator kind, params Expr[] args) : this(kind, ImmutableArray.Create(args)) { }

    public Expr this[int i] => Args[i];
    public override int Size => _size;

    public bool Equals(Op? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._hash != _hash || other.Kind != Kind || other.Args.Length != Args.Length) return false;
        for (var i = 0; i < Args.Length; i++)
            if (!Args[i].Equals(other.Args[i])) return false;
        return true;
    }

    public override int GetHashCode() => _hash;
    public override string ToString() => InfixPrinter.Readable.Print(this);
}
