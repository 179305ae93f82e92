using System.CommandLine;
using SymSeq.Expressions;

namespace SymSeq.Cli;

public static class ExprFormats
{
    public static readonly string[] Names = ["infix", "latex", "sympy", "prefix"];

    /// <summary>--format, checked at parse time.</summary>
    public static Option<string> Option() => Opt.Choice("--format", "infix", "output notation", Names);

    public static string Print(Expr e, string format) => format switch
    {
        "infix" => InfixPrinter.Readable.Print(e),
        "sympy" => InfixPrinter.Sympy.Print(e),
        "prefix" => PrefixCodec.EncodeString(e),
        "latex" => LatexPrinter.Print(e),
        _ => throw new UsageException($"--format must be infix, sympy, prefix or latex, got '{format}'"),
    };
}
