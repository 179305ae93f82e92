using System.Diagnostics;
using SymSeq.Expressions;

namespace SymSeq.Cas;

/// <summary>
/// Giac (the console of Debian package xcas) as a persistent REPL: integrate(f, x) and desolve(eq, y(x)). Giac answers
/// most integrals in milliseconds where Maxima takes a fraction of a second, so it is the cheap source of FWD pairs.
/// Each request is one line wrapped in try/catch that evaluates to a tagged string, so an error answers too.
/// Giac writes antiderivatives with ln(abs(u)), right on every interval; they are kept (the FWD generator turns them
/// into the paper's ln(u) for its data, <see cref="WithoutAbsInLn"/>).
/// </summary>
public sealed class GiacCas : ComputerAlgebraSystem
{
    private const string Answer = "\"SYMSEQ-ANS ", Error = "\"SYMSEQ-ERR ", Ready = "\"SYMSEQ-READY\"";

    /// <summary>Giac's constants of integration (c_0, c_1), its e and its i, as SymSeq names them.</summary>
    private static readonly (string, string)[] Renames = [("c_0", "a8"), ("c_1", "a9"), ("e", "E"), ("i", "I")];

    public GiacCas(string executable = "giac")
    {
        var start = new ProcessStartInfo(executable);
        // One thread per process: generation runs one process per worker.
        Process = new CasProcess("giac", start, preamble: "threads:=1:; \"SYMSEQ-READY\";", isReady: l => l.TrimEnd().EndsWith(Ready, StringComparison.Ordinal) && !l.Contains(">>"));
    }

    public override string Name => "giac";
    protected override CasProcess Process { get; }

    public override CasResult Integrate(Expr integrand, TimeSpan budget) =>
        Run($"integrate({InfixPrinter.Giac.Print(integrand)}, x)", budget, ode: false);

    public override CasResult SolveOde(Expr equation, TimeSpan budget) =>
        Run($"desolve({InfixPrinter.Giac.Print(equation)} = 0, y(x))", budget, ode: true);

    private CasResult Run(string call, TimeSpan budget, bool ode)
    {
        var request = $"try {{{Answer}\"+string({call})}} catch(err) {{{Error}\"+string(err)}};";
        var reply = Process.Exchange(request, IsReply, budget);
        if (reply.Outcome != CasProcess.Outcome.Done) return FromFailure(reply, "");
        var line = reply.Lines[^1].Trim();
        var text = line[Answer.Length..^1].Trim();
        if (line.StartsWith(Error, StringComparison.Ordinal))
            return new CasResult(CasStatus.Failed, null, text, reply.Elapsed);
        if (ode && text.StartsWith('[') && text.EndsWith(']'))
        {
            // desolve lists its solutions; one explicit solution is the answer, none or several is a failure.
            var inner = text[1..^1].Trim();
            if (inner.Length == 0 || TopLevelComma(inner)) return new CasResult(CasStatus.Failed, null, $"no single explicit solution: {text}", reply.Elapsed);
            text = inner;
        }
        // A string result is Giac's own message ("Unable to solve differential equation").
        if (text.StartsWith('"') || text.Contains("integrate(") || text is "undef" or "infinity" || text.Contains("y(x)") || text.Contains('='))
            return new CasResult(CasStatus.Failed, null, text, reply.Elapsed);
        var parsed = ParseAnswer(text, reply.Elapsed, Renames);
        return parsed;
    }

    private static bool IsReply(string line)
    {
        var t = line.TrimStart();
        return (t.StartsWith(Answer, StringComparison.Ordinal) || t.StartsWith(Error, StringComparison.Ordinal)) && t.TrimEnd().EndsWith('"');
    }

    private static bool TopLevelComma(string s)
    {
        var depth = 0;
        foreach (var c in s)
        {
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == ',' && depth == 0) return true;
        }
        return false;
    }

    /// <summary>ln(abs(u)) becomes ln(u) everywhere in <paramref name="e"/>: the paper's convention for data.</summary>
    public static Expr WithoutAbsInLn(Expr e) => e switch
    {
        Op { Kind: Operator.Ln } ln when ln[0] is Op { Kind: Operator.Abs } abs => new Op(Operator.Ln, WithoutAbsInLn(abs[0])),
        Op op => new Op(op.Kind, op.Args.Select(WithoutAbsInLn).ToArray()),
        _ => e,
    };
}
