using System.CommandLine;
using SymSeq.Expressions;

namespace SymSeq.Cli.Commands;

public sealed class SimplifyCommand : CliApp.ICommand
{
    public string Name => "simplify";
    public string Summary => "canonical form of an expression, or convert between notations";

    private readonly Argument<string> _expr = new("EXPR") { Description = "the expression, infix (or prefix tokens with --prefix)" };
    private readonly Option<string> _format = ExprFormats.Option();
    private readonly Option<bool> _raw = Opt.Flag("--raw", "print the parsed tree without simplifying");
    private readonly Option<bool> _prefix = Opt.Flag("--prefix", "read the argument as prefix tokens (\"add x INT+ 1\") instead of infix");

    public Command Build() => new(Name, Summary) { _expr, _format, _raw, _prefix };

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var text = args.GetValue(_expr)!;
        var e = args.GetValue(_prefix) ? PrefixCodec.Decode(text) : InfixParser.Parse(text);
        stdout.WriteLine(ExprFormats.Print(args.GetValue(_raw) ? e : Simplifier.Simplify(e), args.GetValue(_format)!));
        return Task.FromResult(0);
    }
}
