using SymSeq.Expressions;

namespace SymSeq.Cli.Commands;

public sealed class SimplifyCommand : CliApp.ICommand
{
    public string Name => "simplify";
    public IReadOnlyList<string> Flags => ["raw", "prefix"];
    public string Summary => "canonical form of an expression, or convert between notations";
    public string Usage => """
        symseq simplify "EXPR" [--format infix|prefix|latex|sympy] [--raw]
        symseq simplify --prefix "add x INT+ 1" ...

          --raw      print the parsed tree without simplifying
          --prefix   read the argument as prefix tokens instead of infix
        """;

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var format = args.String("format") ?? "infix";
        var raw = args.Flag("raw");
        var prefix = args.Flag("prefix");
        args.EnsureAllUsed();
        if (args.Positional.Count != 1) throw new UsageException("expected one expression");
        var e = prefix ? PrefixCodec.Decode(args.Positional[0]) : InfixParser.Parse(args.Positional[0]);
        stdout.WriteLine(ExprFormats.Print(raw ? e : Simplifier.Simplify(e), format));
        return Task.FromResult(0);
    }
}
