using SymSeq.Generation;
using Xunit.Abstractions;

namespace SymSeq.Tests.Generation;

public class GeneratorTests(ITestOutputHelper output)
{
    private static readonly GeneratorContext Context = new(ExpressionOptions.Default with { MaxOps = 8 });

    private List<Example> Draw(IProblemGenerator g, int wanted, int seed = 1, int maxDraws = 20000)
    {
        var rng = new Random(seed);
        var examples = new List<Example>();
        var reasons = new Dictionary<string, int>();
        for (var i = 0; i < maxDraws && examples.Count < wanted; i++)
        {
            var ex = g.TryGenerate(rng, out var why);
            if (ex is not null) examples.Add(ex);
            else reasons[why!] = reasons.GetValueOrDefault(why!) + 1;
        }
        output.WriteLine($"{g.Task}: {examples.Count} examples; rejected: {string.Join(", ", reasons.Select(kv => $"{kv.Key} {kv.Value}"))}");
        Assert.Equal(wanted, examples.Count);
        foreach (var ex in examples.Take(4)) output.WriteLine($"  {ex.Input}   =>   {ex.Output}");
        return examples;
    }

    private static Expr Integrand(Example ex)
    {
        // Inputs are "Y' - f".
        var op = Assert.IsType<Op>(ex.Input);
        Assert.Equal(Operator.Sub, op.Kind);
        Assert.Equal(new Unknown(1), op[0]);
        return op[1];
    }

    [Fact]
    public void Every_bwd_pair_verifies()
    {
        foreach (var ex in Draw(new BackwardGenerator(Context), 300))
        {
            var r = NumericEquivalence.Check(Derivative.Of(ex.Output), Integrand(ex));
            Assert.True(r.Verdict != Equivalence.Different, $"d/dx {ex.Output} != {Integrand(ex)}");
            Assert.True(ExprParts.Contains(ex.Output, "x"));
            Assert.Equal(ex.InputTokens, PrefixCodec.Encode(PrefixCodec.Decode(ex.InputTokens)));
        }
    }

    [Fact]
    public void Bwds_keeps_only_short_integrands_that_depend_on_x()
    {
        var g = new BackwardGenerator(Context, shortIntegrands: true);
        Assert.Equal("bwds", g.Task);
        foreach (var ex in Draw(g, 200))
        {
            var f = Integrand(ex);
            Assert.True(ExprParts.Contains(f, "x"), $"constant integrand {f}");
            Assert.True(PrefixCodec.Encode(f).Length <= ex.OutputTokens.Length, $"{f} is longer than {ex.Output}");
            Assert.True(SymSeq.Verification.Problems.Verify(ex.Input, ex.Output).HoldsOnSomeInterval, $"{ex.Input} => {ex.Output}");
        }
    }

    [Fact]
    public void Odelin_pairs_are_linear_constant_coefficient_odes_with_general_solutions()
    {
        var orders = new HashSet<int>();
        foreach (var ex in Draw(new LinearOdeGenerator(Context), 150))
        {
            Assert.True(SymSeq.Verification.Problems.Verify(ex.Input, ex.Output).HoldsOnSomeInterval, $"{ex.Input} => {ex.Output}");
            var order = ExprParts.Nodes(ex.Input).OfType<Unknown>().Max(u => u.Order);
            orders.Add(order);
            // A general solution: one constant per order, and nothing else of the unknown in the answer.
            Assert.True(ExprParts.Contains(ex.Output, "a8"));
            Assert.Equal(order == 2, ExprParts.Contains(ex.Output, "a9"));
            // Linear with constant coefficients: Y, Y', Y'' appear only multiplied by numbers (in the solved form
            // Y^(n) - R, so one subtraction).
            Assert.DoesNotContain(ExprParts.Nodes(ex.Input).OfType<Op>(), op =>
                op.Kind is not (Operator.Add or Operator.Mul or Operator.Sub) && op.Args.Any(ExprParts.ContainsUnknown));
        }
        Assert.Equal([1, 2], orders.Order());
    }

    [Fact]
    public void Bwd_integrands_are_never_constant()
    {
        foreach (var ex in Draw(new BackwardGenerator(Context), 400, seed: 3))
            Assert.True(ExprParts.Contains(Integrand(ex), "x"), $"constant integrand {Integrand(ex)}");
    }

    [Fact]
    public void Every_ibp_pair_verifies()
    {
        var g = new IntegrationByPartsGenerator(new GeneratorContext(ExpressionOptions.Default with { MaxOps = 6 }));
        foreach (var ex in Draw(g, 40, maxDraws: 40000))
            Assert.True(NumericEquivalence.Check(Derivative.Of(ex.Output), Integrand(ex)).IsEqual, $"{ex.Output} vs {Integrand(ex)}");
    }

    /// <summary>F·G − H leaves products over sums whose terms cancel; the pairs carry the collected form instead.</summary>
    [Fact]
    public void Ibp_answers_come_in_their_tidiest_form()
    {
        var g = new IntegrationByPartsGenerator(Context);
        foreach (var ex in Draw(g, 200, maxDraws: 100000))
            Assert.True(SymSeq.Solving.AnswerForms.MultipliedOut(ex.Output) is null, $"{ex.Output} multiplies out shorter");
    }

    [Fact]
    public void Ibp_reaches_polynomial_times_trig_and_exp_products()
    {
        // The products a newcomer tries first: x·cos(x), x·sin(x), x·exp(x), up to a constant factor.
        var wanted = new[] { "x*cos(x)", "x*sin(x)", "x*exp(x)" }.Select(s => InfixParser.Parse(s)).Select(e => Simplifier.Simplify(e)).ToHashSet();
        var g = new IntegrationByPartsGenerator(Context);
        var found = Draw(g, 3000, maxDraws: 100000)
            .Select(ex => KnownIntegrals.SplitFactor(Integrand(ex)).Core)
            .Where(wanted.Contains).ToHashSet();
        Assert.Equal(wanted.Count, found.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_ode_pair_satisfies_its_equation(int order)
    {
        foreach (var ex in Draw(new OdeGenerator(Context, order), order == 1 ? 100 : 30, maxDraws: 60000))
        {
            Assert.True(SymSeq.Verification.OdeVerifier.Check(ex.Input, ex.Output).HoldsOnSomeInterval, $"{ex.Output} does not solve {ex.Input}");
            Assert.Contains(ExprParts.Nodes(ex.Input), n => n is Unknown u && u.Order == order);
            Assert.True(PathInverter.Occurrences(ex.Output, "a8") >= 1); // the paper's constant names: a8 (and a9)
        }
    }

    [Fact]
    public void Derivative_task_outputs_the_derivative()
    {
        foreach (var ex in Draw(new DerivativeGenerator(Context), 100))
            Assert.True(NumericEquivalence.Check(Derivative.Of(ex.Input), ex.Output).Verdict != Equivalence.Different);
    }

    [Fact]
    public void Same_seed_gives_the_same_examples()
    {
        var a = Draw(new BackwardGenerator(Context), 50, seed: 42).Select(e => PrefixCodec.EncodeString(e.Output));
        var b = Draw(new BackwardGenerator(Context), 50, seed: 42).Select(e => PrefixCodec.EncodeString(e.Output));
        Assert.Equal(a, b);
    }
}
