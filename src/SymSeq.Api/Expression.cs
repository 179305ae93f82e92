using SymSeq.Expressions;

namespace SymSeq;

/// <summary>
/// A mathematical expression in x (and, for equations, the unknown function y and its derivatives): parse it from
/// what people type, print it as infix, LaTeX, SymPy or the paper's prefix tokens, simplify and differentiate it.
/// Immutable; equal expressions have equal trees.
/// </summary>
public sealed class Expression : IEquatable<Expression>
{
    internal Expression(Expr tree) => Tree = tree;

    /// <summary>The expression tree SymSeq's engines work on.</summary>
    public Expr Tree { get; }

    /// <summary>Parses infix text: <c>x*cos(x)</c>, <c>x^2</c>, <c>sqrt(1-x^2)</c>, <c>2x</c>, <c>ln</c>/<c>log</c>, <c>pi</c>, <c>e</c>.</summary>
    /// <exception cref="ExprParseException">The text is not a formula; the message names the column and what was expected.</exception>
    public static Expression Parse(string infix) => new(InfixParser.Parse(infix));

    /// <summary>Parses an ODE in x, y, y', y'' (<c>y'' + y = 0</c>); the equation is stored as left side minus right side.</summary>
    /// <exception cref="ExprParseException">The text is not an equation SymSeq can read.</exception>
    public static Expression ParseEquation(string equation) => new(InfixParser.ParseEquation(equation));

    /// <summary>Reads the paper's prefix tokens (<c>mul x cos x</c>).</summary>
    /// <exception cref="FormatException">The tokens do not form one expression.</exception>
    public static Expression FromPrefix(string tokens) => new(PrefixCodec.Decode(tokens));

    /// <summary>Readable infix: <c>x*sin(x) + cos(x)</c>.</summary>
    public string ToInfix() => InfixPrinter.Readable.Print(Tree);

    /// <summary>LaTeX for KaTeX or MathJax: <c>x \sin\left(x\right) + \cos\left(x\right)</c>.</summary>
    public string ToLatex() => LatexPrinter.Print(Tree);

    /// <summary>Text SymPy's <c>parse_expr</c> reads back to the same expression.</summary>
    public string ToSympy() => InfixPrinter.Sympy.Print(Tree);

    /// <summary>The paper's prefix tokens, the form the model reads and writes.</summary>
    public string ToPrefix() => PrefixCodec.EncodeString(Tree);

    /// <summary>SymSeq's canonical form (the form the model was trained on).</summary>
    /// <exception cref="UndefinedExpressionException">The expression is undefined everywhere (1/0, ln(0)).</exception>
    /// <exception cref="SymbolicTimeoutException">Simplifying took longer than <paramref name="budget"/> (default 1 s).</exception>
    public Expression Simplify(TimeSpan? budget = null) => new(Simplifier.Simplify(Tree, budget));

    /// <summary>The derivative with respect to <paramref name="variable"/>, simplified.</summary>
    public Expression Differentiate(string variable = "x", TimeSpan? budget = null) =>
        new(Simplifier.Simplify(Derivative.Of(Tree, variable), budget));

    /// <summary>The infix form.</summary>
    public override string ToString() => ToInfix();

    /// <inheritdoc/>
    public bool Equals(Expression? other) => other is not null && Tree.Equals(other.Tree);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Expression);

    /// <inheritdoc/>
    public override int GetHashCode() => Tree.GetHashCode();
}
