using SymSeq.Expressions;

namespace SymSeq.Cli.Commands;

public sealed class DiffCommand : CliApp.ICommand
{
    public string Name => "diff";
    public string Summary => "differentiate an expression: symseq diff \"x*cos(x)\"";
    public string Usage => """
        symseq diff "EXPR" [--var x] [--format infix|prefix|latex|sympy]
        """;

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var v = args.String("var") ?? "x";
        var format = args.String("format") ?? "infix";
        args.EnsureAllUsed();
        if (args.Positional.Count != 1) throw new UsageException("expected one expression");
        if (!Symbols.IsVariable(v)) throw new UsageException($"--var must be x, y, z or t, got '{v}'");
        // The input is simplified first: an undefined one (1/0) is an error, not a derivative of 0.
        var e = Simplifier.Simplify(InfixParser.Parse(args.Positional[0]));
        stdout.WriteLine(ExprFormats.Print(Simplifier.Simplify(Derivative.Of(e, v)), format));
        return Task.FromResult(0);
    }
}
