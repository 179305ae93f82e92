namespace SymSeq.Expressions;

/// <summary>The fixed set of leaf names of the paper's vocabulary, and a dense index for numeric bindings.</summary>
public static class Symbols
{
    public static readonly string[] Variables = ["x", "y", "z", "t"];
    public static readonly string[] Coefficients = Enumerable.Range(0, 10).Select(i => $"a{i}").ToArray();
    public static readonly string[] Constants = ["pi", "E", "I"];

    /// <summary>
    /// The arbitrary constants of an ODE's general solution, first order's first: the paper's names (its ODE data writes
    /// a8 and a9), shared by the generators that write them and the methods and verifier that solve and check.
    /// </summary>
    public static readonly string[] OdeConstants = ["a8", "a9"];

    private static readonly Dictionary<string, int> Index =
        Variables.Concat(Coefficients).Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);

    /// <summary>Slots for x, y, z, t, a0..a9; then Y, Y', Y''.</summary>
    public const int SlotCount = 17;
    public const int UnknownSlot = 14;

    public static bool IsVariable(string n) => n is "x" or "y" or "z" or "t";
    public static bool IsCoefficient(string n) => n.Length == 2 && n[0] == 'a' && char.IsAsciiDigit(n[1]);
    public static bool IsConstant(string n) => n is "pi" or "E" or "I";
    public static bool IsKnown(string n) => IsVariable(n) || IsCoefficient(n) || IsConstant(n);

    public static int SlotOf(string name) => Index.TryGetValue(name, out var i)
        ? i : throw new ArgumentException($"'{name}' has no numeric slot");
}
