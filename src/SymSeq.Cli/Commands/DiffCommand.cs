using System.CommandLine;
using SymSeq.Expressions;

namespace SymSeq.Cli.Commands;

public sealed class DiffCommand : CliApp.ICommand
{
    public string Name => "diff";
    public string Summary => "differentiate an expression: symseq diff \"x*cos(x)\"";

    private readonly Argument<string> _expr = new("EXPR") { Description = "the expression, infix (quote it)" };
    private readonly Option<string> _var = Opt.Choice("--var", "x", "the variable", "x", "y", "z", "t");
    private readonly Option<string> _format = ExprFormats.Option();

    public Command Build() => new(Name, Summary) { _expr, _var, _format };

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        // The input is simplified first: an undefined one (1/0) is an error, not a derivative of 0.
        var e = Simplifier.Simplify(InfixParser.Parse(args.GetValue(_expr)!));
        stdout.WriteLine(ExprFormats.Print(Simplifier.Simplify(Derivative.Of(e, args.GetValue(_var)!)), args.GetValue(_format)!));
        return Task.FromResult(0);
    }
}
