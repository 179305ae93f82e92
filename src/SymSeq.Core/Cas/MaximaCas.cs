using System.Diagnostics;
using SymSeq.Expressions;

namespace SymSeq.Cas;

/// <summary>
/// Maxima (Debian packages maxima and maxima-share) as a persistent REPL: integrate(f, x) and ode2(eq, y, x).
/// Maxima asks "Is a0 positive or negative?" when an answer depends on a sign; that question fails the problem
/// (and restarts the process) rather than hanging it.
/// </summary>
public sealed class MaximaCas : ComputerAlgebraSystem
{
    private const string Begin = "SYMSEQ<<", Answer = "SYMSEQ-ANS", Error = "SYMSEQ-ERR", End = "SYMSEQ>>";

    private static readonly (string, string)[] Renames =
        [("%k1", "a8"), ("%k2", "a9"), ("%c", "a8"), ("%pi", "pi"), ("%e", "E"), ("%i", "I")];

    public MaximaCas(string executable = "maxima")
    {
        var start = new ProcessStartInfo(executable) { ArgumentList = { "--very-quiet", "--disable-readline" } };
        Process = new CasProcess("maxima", start,
            preamble: $"display2d:false$ linel:1000000$ ratprint:false$ print(\"{End}\")$",
            isReady: l => l.TrimEnd() == End);
    }

    public override string Name => "maxima";
    protected override CasProcess Process { get; }

    public override CasResult Integrate(Expr integrand, TimeSpan budget) =>
        Run($"integrate({InfixPrinter.Maxima.Print(integrand)}, x)", budget, ode: false);

    public override CasResult SolveOde(Expr equation, TimeSpan budget) =>
        Run($"ode2({InfixPrinter.Maxima.Print(equation)} = 0, y, x)", budget, ode: true);

    private CasResult Run(string call, TimeSpan budget, bool ode)
    {
        // errcatch turns a Maxima error into []; the answer comes back on one tagged line.
        // atan2(u, v) becomes atan(u/v) (an antiderivative up to a piecewise constant, which the verifier accepts
        // where it is differentiable); an implicit ODE solution is solved for y where Maxima can.
        var explicitY = ode
            ? "if not atom(r) and op(r) = \"=\" and lhs(r) # y then block([s], s: sublist(errcatch(solve(r, y))[1], lambda([e], lhs(e) = y and freeof(y, rhs(e)))), if s # [] then r: first(s)),"
            : "";
        var request = $"print(\"{Begin}\")$ block([r], r: errcatch({call}), if r = [] then print(\"{Error}\") else (r: subst(lambda([u, v], atan(u/v)), atan2, r[1]), {explicitY} print(\"{Answer}\", string(r))))$ print(\"{End}\")$";
        var reply = Process.Exchange(request, l => l.TrimEnd() == End, budget, IsQuestion);
        if (reply.Outcome != CasProcess.Outcome.Done) return FromFailure(reply, "");
        var answerLine = reply.Lines.FirstOrDefault(l => l.StartsWith(Answer, StringComparison.Ordinal));
        if (answerLine is null)
        {
            var message = string.Join(" ", reply.Lines.Where(l => !l.StartsWith("SYMSEQ", StringComparison.Ordinal)).Select(l => l.Trim())).Trim();
            return new CasResult(CasStatus.Failed, null, message.Length > 0 ? message : "error", reply.Elapsed);
        }
        var text = answerLine[Answer.Length..].Trim();
        if (text.Contains("integrate(") || text == "false" || text.Contains('\''))
            return new CasResult(CasStatus.Failed, null, text, reply.Elapsed);
        if (ode)
        {
            // ode2 answers "y = ..." when it finds an explicit solution, an implicit equation otherwise.
            if (!text.StartsWith("y = ", StringComparison.Ordinal) || text[4..].Contains('y'))
                return new CasResult(CasStatus.Failed, null, $"no explicit solution: {text}", reply.Elapsed);
            text = text[4..];
        }
        return ParseAnswer(text, reply.Elapsed, Renames);
    }

    private static bool IsQuestion(string line)
    {
        var t = line.Trim();
        return t.StartsWith("Is ", StringComparison.Ordinal) && t.EndsWith('?');
    }
}
