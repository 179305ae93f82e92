namespace SymSeq.Expressions;

/// <summary>A total order on expressions, used to sort the arguments of canonical sums and products.</summary>
public sealed class ExprOrder : IComparer<Expr>
{
    public static readonly ExprOrder Instance = new();

    public int Compare(Expr? a, Expr? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var r = Rank(a).CompareTo(Rank(b));
        if (r != 0) return r;
        switch (a)
        {
            case Num na: return na.Value.CompareTo(((Num)b).Value);
            case Sym sa: return SymbolRank(sa.Name).CompareTo(SymbolRank(((Sym)b).Name));
            case Unknown ua: return ua.Order.CompareTo(((Unknown)b).Order);
        }
        var oa = (Op)a;
        var ob = (Op)b;
        r = oa.Kind.CompareTo(ob.Kind);
        if (r != 0) return r;
        r = oa.Args.Length.CompareTo(ob.Args.Length);
        if (r != 0) return r;
        for (var i = 0; i < oa.Args.Length; i++)
        {
            r = Compare(oa.Args[i], ob.Args[i]);
            if (r != 0) return r;
        }
        return 0;
    }

    private static int Rank(Expr e) => e switch { Num => 0, Sym => 1, Unknown => 2, _ => 3 };

    // Variables first (x, y, z, t), then coefficients, then constants.
    private static int SymbolRank(string name) => name switch
    {
        "x" => 0, "y" => 1, "z" => 2, "t" => 3, "pi" => 20, "E" => 21, "I" => 22,
        _ => 4 + (name[1] - '0'),
    };
}
