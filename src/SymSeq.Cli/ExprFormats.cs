using SymSeq.Expressions;

namespace SymSeq.Cli;

public static class ExprFormats
{
    public static string Print(Expr e, string format) => format switch
    {
        "infix" => InfixPrinter.Readable.Print(e),
        "sympy" => InfixPrinter.Sympy.Print(e),
        "prefix" => PrefixCodec.EncodeString(e),
        "latex" => LatexPrinter.Print(e),
        _ => throw new UsageException($"--format must be infix, sympy, prefix or latex, got '{format}'"),
    };
}
