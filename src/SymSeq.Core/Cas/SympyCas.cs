using System.Diagnostics;
using System.Text.Json;
using SymSeq.Expressions;

namespace SymSeq.Cas;

/// <summary>
/// SymPy (Debian package python3-sympy) as a persistent Python process: integrate(f, x) and dsolve(eq, f(x)).
/// One JSON request per line in, one JSON reply per line out.
/// </summary>
public sealed class SympyCas : ComputerAlgebraSystem
{
    private const string Script = """
        import json, sys
        from sympy import Eq, Function, Integral, Symbol, dsolve, integrate, symbols
        from sympy.parsing.sympy_parser import parse_expr
        x = Symbol('x')
        f = Function('f')
        names = {'x': x, 'f': f}
        names.update({f'a{i}': Symbol(f'a{i}') for i in range(10)})
        for line in sys.stdin:
            try:
                req = json.loads(line)
                if req['task'] == 'ping':
                    print(json.dumps({'status': 'ready'}), flush=True)
                    continue
                e = parse_expr(req['expr'], local_dict=names)
                if req['task'] == 'integrate':
                    r = integrate(e, x)
                    out = {'status': 'failed', 'text': str(r)} if r.has(Integral) else {'status': 'ok', 'text': str(r)}
                else:
                    sol = dsolve(Eq(e, 0), f(x))
                    if isinstance(sol, list):
                        sol = sol[0]
                    if sol.lhs != f(x) or sol.rhs.has(f):
                        out = {'status': 'failed', 'text': 'no explicit solution: ' + str(sol)}
                    else:
                        out = {'status': 'ok', 'text': str(sol.rhs)}
            except Exception as ex:
                out = {'status': 'failed', 'text': type(ex).__name__ + ': ' + str(ex)[:300]}
            print(json.dumps(out), flush=True)
        """;

    private static readonly (string, string)[] Renames = [("C1", "a8"), ("C2", "a9")];

    public SympyCas(string python = "python3")
    {
        var start = new ProcessStartInfo(python) { ArgumentList = { "-u", "-c", Script } };
        // The ping is answered once sympy is imported, so start-up time is charged to the start budget.
        Process = new CasProcess("sympy", start, preamble: "{\"task\": \"ping\"}", isReady: l => l.Contains("\"ready\""));
    }

    public override string Name => "sympy";
    protected override CasProcess Process { get; }

    public override CasResult Integrate(Expr integrand, TimeSpan budget) => Run("integrate", integrand, budget);

    public override CasResult SolveOde(Expr equation, TimeSpan budget) => Run("dsolve", equation, budget);

    private CasResult Run(string task, Expr e, TimeSpan budget)
    {
        var request = JsonSerializer.Serialize(new { task, expr = InfixPrinter.Sympy.Print(e) });
        var reply = Process.Exchange(request, IsReply, budget);
        if (reply.Outcome != CasProcess.Outcome.Done) return FromFailure(reply, "");
        using var doc = JsonDocument.Parse(reply.Lines[^1]);
        var status = doc.RootElement.GetProperty("status").GetString();
        var text = doc.RootElement.GetProperty("text").GetString() ?? "";
        return status == "ok" ? ParseAnswer(text, reply.Elapsed, Renames) : new CasResult(CasStatus.Failed, null, text, reply.Elapsed);
    }

    private static bool IsReply(string line) => line.StartsWith("{\"status\": \"", StringComparison.Ordinal);
}
