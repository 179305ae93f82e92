using SymSeq.Generation;

namespace SymSeq.Tests.Verification;

/// <summary>
/// Generated pairs of every task at the paper's settings (full operator list, max-ops 15; "short" integrands of at
/// most 5 operators stand for FWD): every right answer verifies, and no wrong answer made from it (2F, F + x, 0, a
/// number changed, a sub-expression swapped) is accepted. `bench -- audit` runs the same at scale.
/// </summary>
public class MutationTests
{
    public static TheoryData<string, string, int> Tasks => new()
    {
        { "bwd", "bwd", 15 }, { "short", "bwd", 5 }, { "ibp", "ibp", 15 }, { "ode1", "ode1", 15 }, { "ode2", "ode2", 15 },
    };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Right_answers_verify_and_wrong_ones_never_do(string name, string task, int maxOps)
    {
        var counts = MutationAudit.Run(task, pairs: task == "ode2" ? 60 : 150, seed: 11, ExpressionOptions.Default with { MaxOps = maxOps });
        Assert.True(counts.Pairs >= 50, $"{name}: only {counts.Pairs} pairs generated");
        Assert.True(counts.Mutants >= counts.Pairs * 2, $"{name}: only {counts.Mutants} mutants");
        Assert.True(counts.FalseAcceptances.Count == 0, $"{name}: wrong answers accepted:\n{string.Join("\n", counts.FalseAcceptances)}");
        // The budget is 0.05%; on a sample this small, any right answer not verified fails the test.
        Assert.True(counts.FalseRejections.Count == 0, $"{name}: right answers not verified:\n{string.Join("\n", counts.FalseRejections)}");
    }

    [Fact]
    public void Mutants_differ_from_the_answer() =>
        Assert.All(Mutations.Of(SymSeq.Expressions.InfixParser.Parse("x*sin(x) + cos(x)"), new Random(1)),
            m => Assert.NotEqual(SymSeq.Expressions.InfixParser.Parse("x*sin(x) + cos(x)"), m.Wrong));
}
