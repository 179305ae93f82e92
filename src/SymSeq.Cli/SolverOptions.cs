using System.CommandLine;
using SymSeq.Search;
using SymSeq.Solving;

namespace SymSeq.Cli;

/// <summary>The hybrid solver's options, declared once for integrate, solve, evaluate --hybrid, robustness and serve.</summary>
public sealed class SolverOptions
{
    private readonly Option<int>? _beam;
    private readonly Option<int> _wideBeam = Opt.Int("--wide-beam", 50, "beam of the second model pass when nothing verified (0 turns it off)", 0, 1000);
    private readonly Option<double> _timeLimit = Opt.Number("--time-limit", 5, "seconds for one problem, every engine included", 0.001, 86_400);
    private readonly Option<string> _cas = Opt.Choice("--cas", "auto",
        "the CAS asked when the model fails: auto (every installed one in turn, none when nothing is), maxima, giac, sympy or none; its answers are verified too",
        HybridOptions.CasChoices);
    private readonly Option<bool> _noDecompose = Opt.Flag("--no-decompose", "do not split sums and take out constant factors before the model");
    private readonly Option<bool> _noRules = Opt.Flag("--no-rules", "do not try basic rules before the model (the table of integrals; linear, Cauchy–Euler and separable ODEs)");
    private readonly Option<bool> _noRepair = Opt.Flag("--no-repair", "do not try simple fixes (a constant factor, a polynomial part) of model candidates");
    private readonly Option<bool> _noEarlyStopping = Opt.Flag("--no-early-stopping", "model passes: search on after beam-many hypotheses have finished, " +
        "until no live one could outscore them (the paper stops at once). Finds long answers that short wrong ones pushed out, at 2 to 12 times the search time");

    /// <param name="withBeam">False where the command has its own --beam (evaluate's list of beam sizes).</param>
    public SolverOptions(bool withBeam = true)
    {
        if (withBeam) _beam = Opt.Int("--beam", 10, "beam of the first model pass", 1, 1000);
    }

    public IEnumerable<Option> All => new Option?[] { _beam, _wideBeam, _timeLimit, _cas, _noDecompose, _noRules, _noRepair, _noEarlyStopping }.OfType<Option>();

    public HybridOptions Read(ParseResult args) => new()
    {
        Beam = _beam is null ? 10 : args.GetValue(_beam),
        WideBeam = args.GetValue(_wideBeam),
        TimeLimit = TimeSpan.FromSeconds(args.GetValue(_timeLimit)),
        Cas = args.GetValue(_cas)!,
        Decompose = !args.GetValue(_noDecompose),
        Repair = !args.GetValue(_noRepair),
        Rules = !args.GetValue(_noRules),
        Search = Search(args),
    };

    /// <summary>The search of the model passes; <paramref name="grammar"/> false only for evaluate's --no-grammar.</summary>
    public SearchSettings Search(ParseResult args, bool grammar = true) => new(grammar, EarlyStopping: !args.GetValue(_noEarlyStopping));
}

public static class CommandExtensions
{
    /// <summary>Adds several options (a shared set) to a command.</summary>
    public static Command With(this Command command, IEnumerable<Option> options)
    {
        foreach (var o in options) command.Add(o);
        return command;
    }
}
