using SymSeq.Expressions;
using SymSeq.Model;
using SymSeq.Verification;

namespace SymSeq.Search;

/// <summary>One decoded hypothesis with its beam score and its verification verdict.</summary>
public sealed record Candidate(int Rank, double Score, string[] Tokens, Expr? Answer, Verdict Verdict);

/// <summary>A problem, the candidates the model proposed (best first), and the first one that verified.</summary>
public sealed record SolveResult(Expr Problem, IReadOnlyList<Candidate> Candidates)
{
    public Candidate? Verified => Candidates.FirstOrDefault(c => c.Verdict.Accepted);
}

/// <summary>
/// Turns model hypotheses into verified answers: beam search, decode each hypothesis to an expression
/// (malformed token streams are rejected hypotheses, never errors), check it by substitution.
/// </summary>
public static class Solver
{
    public enum Kind { Integral, Ode }

    /// <summary>Integration problems are "Y' - f" with f free of Y; anything else with Y is an ODE.</summary>
    public static Kind KindOf(Expr problem) =>
        problem is Op { Kind: Operator.Sub } s && s[0] is Unknown { Order: 1 } && !ExprParts.ContainsUnknown(s[1]) ? Kind.Integral : Kind.Ode;

    /// <summary>Checks an answer against its problem: an antiderivative of "Y' - f", or a solution of the ODE.</summary>
    public static Verdict Verify(Expr problem, Expr answer) => KindOf(problem) == Kind.Integral
        ? IntegralVerifier.Check(((Op)problem)[1], answer)
        : OdeVerifier.Check(problem, answer);

    public static Expr IntegrationProblem(Expr integrand) => new Op(Operator.Sub, new Unknown(1), Canonical(integrand));

    private static Expr Canonical(Expr e) => Simplifier.TrySimplify(e, out var s) ? s : e;

    public static SolveResult Solve(Seq2SeqTransformer model, Expr problem, int beam = 10, int maxLen = 200) =>
        SolveBatch(model, [problem], beam, maxLen)[0];

    public static List<SolveResult> SolveBatch(Seq2SeqTransformer model, IReadOnlyList<Expr> problems, int beam = 10, int maxLen = 200)
    {
        var vocab = Vocabulary.Paper;
        var sources = problems.Select(p =>
        {
            var tokens = PrefixCodec.Encode(p);
            var unknown = tokens.FirstOrDefault(t => !vocab.Contains(t));
            if (unknown is not null) throw new ArgumentException($"the problem uses '{unknown}', which is not in the model's vocabulary");
            return vocab.Encode(tokens);
        }).ToList();
        var hyps = BeamSearch.Search(model, sources, beam, lengthPenalty: 1.0, earlyStopping: true, maxLen: maxLen);
        var results = new List<SolveResult>();
        for (var i = 0; i < problems.Count; i++)
        {
            var candidates = hyps[i].Select((h, rank) =>
            {
                var tokens = vocab.Decode(h.Ids);
                if (!PrefixCodec.TryDecode(tokens, out var answer, out var error))
                    return new Candidate(rank + 1, h.Score, tokens, null, Verdict.Reject($"malformed output: {error}"));
                return new Candidate(rank + 1, h.Score, tokens, answer, Verify(problems[i], answer!));
            }).ToList();
            results.Add(new SolveResult(problems[i], candidates));
        }
        return results;
    }
}
