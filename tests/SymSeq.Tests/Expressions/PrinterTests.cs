namespace SymSeq.Tests.Expressions;

public class PrinterTests
{
    private static Expr Canon(string s) => Simplifier.Simplify(InfixParser.Parse(s));

    [Theory]
    [InlineData("x - 2*y", "x - 2*y")]
    [InlineData("x/(2*y)", "x/(2*y)")]
    [InlineData("-x*y", "-x*y")]
    [InlineData("x^(1/2)", "sqrt(x)")]
    [InlineData("1/x^2", "1/x^2")]
    [InlineData("-1/x", "-1/x")]                 // no parentheses around a reciprocal after the sign
    [InlineData("-1/x^2", "-1/x^2")]
    public void Readable_canonical_forms(string input, string expected)
    {
        var c = Canon(input);
        var printed = c.ToString();
        // sqrt prints as a power in canonical form; both spellings parse back to the same value
        Assert.True(NumericEquivalence.AreEqual(InfixParser.Parse(printed), c));
        Assert.Equal(expected, printed);
    }

    [Theory]
    [InlineData("x^2*ln(x)", "x**2*log(x)")]
    [InlineData("abs(x) + f'(x)", "Abs(x) + Derivative(f(x), x)")]
    [InlineData("f''(x)", "Derivative(f(x), (x, 2))")]
    public void Sympy_printer_uses_sympy_names(string input, string expected) =>
        Assert.Equal(expected, InfixPrinter.Sympy.Print(InfixParser.Parse(input)));

    [Theory]
    [InlineData("f''(x) + x*f'(x) - f(x)")]
    [InlineData("x^2*ln(x) + abs(x)")]
    public void The_parser_reads_back_what_the_sympy_printer_writes(string input)
    {
        var e = InfixParser.Parse(input);
        Assert.Equal(e, InfixParser.Parse(InfixPrinter.Sympy.Print(e)));
    }

    [Theory]
    [InlineData("x/(y+1)", @"\frac{x}{y + 1}")]
    [InlineData("sqrt(x)*sin(x)", @"\sqrt{x} \sin\left(x\right)")]
    [InlineData("exp(2x) + a3", @"e^{2 x} + a_{3}")]
    [InlineData("2*3", @"2 \cdot 3")]
    [InlineData("asinh(x)^2", @"\operatorname{asinh}\left(x\right)^{2}")]
    public void Latex(string input, string expected) =>
        Assert.Equal(expected, LatexPrinter.Print(InfixParser.Parse(input)));

    [Fact]
    public void Canonical_fractions_print_as_fractions_in_latex()
    {
        Assert.Equal(@"-\frac{x}{2}", LatexPrinter.Print(Canon("-x/2")));
    }
}
