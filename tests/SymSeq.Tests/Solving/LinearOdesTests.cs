namespace SymSeq.Tests.Solving;

public class LinearOdesTests
{
    [Theory]
    [InlineData("y'' - 3*y' + 2*y = x")]                       // distinct real roots, polynomial right-hand side
    [InlineData("y'' + y = 0")]                                 // complex roots
    [InlineData("y'' + 4*y = sin(2*x)")]                        // resonance with a trigonometric term
    [InlineData("y'' - 2*y' + y = x*exp(x)")]                   // double root, resonance of order 2
    [InlineData("y'' + 2*y' + 5*y = exp(-x)*cos(2*x)")]         // damped oscillation, resonant forcing
    [InlineData("y'' = x^2")]                                   // both roots 0
    [InlineData("y'' - 2*y = 3")]                               // irrational roots
    [InlineData("3*y'' + y' + y = 0")]                          // complex irrational roots
    [InlineData("2*y'' + y' - y = exp(x/2) + 1")]               // rational roots
    [InlineData("y' + y = exp(-x)")]                            // first order, resonant
    [InlineData("y' = 3*y + x^2*exp(3*x)")]
    [InlineData("y' - 2*y = 5*sin(3*x + 0) + pi")]              // constant factors free of x
    [InlineData("y'' + y' = exp(2*x + 1)")]                     // exp of an affine argument
    [InlineData("(y'' + y)*2 = x^3 - x")]                       // a factor on the whole equation
    [InlineData("y' = x*y")]                                    // first order, coefficients in x: integrating factor
    [InlineData("y' + y/x = 1")]
    [InlineData("x*y' + y = x^2")]
    [InlineData("x*y' + y = 0")]
    [InlineData("y' + y*tan(x) = cos(x)")]
    [InlineData("x*y' - 2*y = x^3")]
    [InlineData("y' + 2*x*y = x")]                              // ∫ x·e^(x²) by substitution
    [InlineData("x^2*y'' + x*y' - y = 0")]                     // Cauchy–Euler: distinct roots
    [InlineData("x^2*y'' + 3*x*y' + y = 0")]                    // double root: x^s·ln x
    [InlineData("x^2*y'' + x*y' + 4*y = 0")]                    // complex roots: cos(2·ln x), sin(2·ln x)
    [InlineData("x^2*y'' - 2*y = x^3 + 5")]
    [InlineData("x^2*y'' - x*y' + y = x")]                      // forcing at the double root: x·ln²x
    [InlineData("2*x^2*y'' + x*y' - y = sqrt(x)")]
    [InlineData("x^2*y'' - 3*y = 0")]                           // irrational roots
    [InlineData("y' = (x + y)/x")]                                // linear once its fraction is split
    [InlineData("y' = (y + x^2)/x")]
    [InlineData("y'' + y = 1/cos(x)")]                          // variation of parameters: W = cos² + sin² = 1
    [InlineData("y'' + y = tan(x)")]
    [InlineData("y'' + 4*y = 1/sin(2*x)")]
    [InlineData("y'' - 2*y' + y = exp(x)/x")]                   // double root: W = e^(2x) once multiplied out
    [InlineData("y'' - y = 1/(1 + exp(x))")]
    [InlineData("y'' + y = sin(x)*cos(x)")]                     // a product of two waves
    [InlineData("y'' = ln(x)")]                                 // both roots 0: two integrations
    [InlineData("y' + y = 1/(1 + exp(x))")]                     // order 1: y1·∫ g/y1
    [InlineData("x^2*y'' - 2*x*y' + 2*y = x^3*ln(x)")]          // Cauchy–Euler with a forcing that is not a power
    [InlineData("y' + y/x = sin(x)")]                           // integrating factor x, ∫ x·sin x by parts
    public void Every_answer_is_a_verified_general_solution(string equation)
    {
        var problem = InfixParser.ParseEquation(equation);
        var answer = LinearOdes.TrySolve(problem);
        Assert.True(answer is not null, $"{equation}: no answer");
        var verdict = OdeVerifier.Check(problem, answer!);
        Assert.True(verdict.Accepted, $"{equation}: {answer} ({verdict.Reason})");
    }

    [Theory]
    [InlineData("x*y'' + y = 0")]            // variable coefficient at order 2, not Cauchy–Euler
    [InlineData("x^2*y'' + y = sin(x)")]     // Cauchy–Euler, but varying the parameters needs ∫ x^(−3/2)·cos(√3/2·ln x)·sin x
    [InlineData("y' = y^2")]                 // nonlinear
    [InlineData("y'*y'' + y = 0")]           // nonlinear in the derivatives
    [InlineData("y'' + y = ln(x)")]          // variation of parameters needs ∫ sin(x)·ln(x): not elementary
    [InlineData("y'' + y = 1/x")]            // ∫ sin(x)/x: not elementary
    [InlineData("y'' + y = exp(x^2)")]
    [InlineData("y'' + y' = exp(-x)/x")]     // ∫ e^(-x)/x: not elementary
    [InlineData("y' + sin(y) = 0")]
    [InlineData("y' + y = exp(x^2)")]        // ∫ e^(x²)·eˣ is not elementary
    public void Other_equations_get_no_answer(string equation) =>
        Assert.Null(LinearOdes.TrySolve(InfixParser.ParseEquation(equation)));

    [Fact]
    public void An_exhausted_budget_gives_no_answer_rather_than_a_late_one() =>
        Assert.Null(LinearOdes.TrySolve(InfixParser.ParseEquation("y'' - 3*y' + 2*y = x^5*exp(2*x)*cos(3*x)"), TimeSpan.FromTicks(1)));

    /// <summary>
    /// Random equations (y'' − (r1 + r2)·y' + r1·r2·y, or first order) with right-hand sides of one or two terms
    /// c·xʲ·e^(kx)·(1 | cos(mx) | sin(mx)), k often a characteristic root (resonance): every answer verifies.
    /// </summary>
    [Fact]
    public void Random_equations_of_the_table_are_solved_and_verified()
    {
        var term = Gen.Choose(-4, 4).SelectMany(c => Gen.Choose(0, 3).SelectMany(j => Gen.Choose(-2, 2).SelectMany(k =>
            Gen.Choose(0, 2).SelectMany(wave => Gen.Choose(1, 3).Select(m =>
            {
                var parts = new List<string> { c == 0 ? "1" : c.ToString() };
                if (j > 0) parts.Add($"x^{j}");
                if (k != 0) parts.Add($"exp({k}*x)");
                if (wave > 0) parts.Add($"{(wave == 1 ? "cos" : "sin")}({m}*x)");
                return string.Join("*", parts);
            })))));
        var equation = Gen.Choose(-2, 2).SelectMany(r1 => Gen.Choose(-2, 2).SelectMany(r2 => Gen.Choose(1, 3).SelectMany(lead =>
            Gen.Choose(0, 1).SelectMany(firstOrder => Gen.ListOf(term).Select(ts =>
            {
                var rhs = ts.Count == 0 ? "0" : string.Join(" + ", ts.Take(2));
                return firstOrder == 1
                    ? $"{lead}*y' - ({lead * r1})*y = {rhs}"
                    : $"{lead}*y'' - ({lead * (r1 + r2)})*y' + ({lead * r1 * r2})*y = {rhs}";
            })))));
        Prop.ForAll(equation.ToArbitrary(), SolvedAndVerified).Check(Fuzz.Config.WithMaxTest(150));
    }

    /// <summary>x·y' − c·y = d·xᵐ (integrating factor x^(−c), a power of x): always solved, and the answer verifies.</summary>
    [Fact]
    public void First_order_equations_with_power_coefficients_are_solved()
    {
        Prop.ForAll(Gen.Choose(-3, 3).ToArbitrary(), Gen.Choose(-3, 3).ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(),
            (c, d, m) => SolvedAndVerified($"x*y' - ({c})*y = ({d})*x^{m}")).Check(Fuzz.Config.WithMaxTest(100));
    }

    /// <summary>p·x²·y'' + q·x·y' + r·y = c·x^k + d (Cauchy–Euler, every root kind, forcing at a root included): always solved and verified.</summary>
    [Fact]
    public void Cauchy_Euler_equations_are_solved()
    {
        var equation = Gen.Choose(1, 3).SelectMany(p => Gen.Choose(-4, 4).SelectMany(q => Gen.Choose(-4, 4).SelectMany(r =>
            Gen.Choose(-2, 2).SelectMany(c => Gen.Choose(-2, 3).SelectMany(k => Gen.Choose(-2, 2).Select(d =>
                $"{p}*x^2*y'' + ({q})*x*y' + ({r})*y = ({c})*x^({k}) + ({d})"))))));
        Prop.ForAll(equation.ToArbitrary(), SolvedAndVerified).Check(Fuzz.Config.WithMaxTest(100));
    }

    private static Property SolvedAndVerified(string text)
    {
        var problem = InfixParser.ParseEquation(text);
        var answer = LinearOdes.TrySolve(problem, TimeSpan.FromSeconds(5));
        var verdict = answer is null ? null : OdeVerifier.Check(problem, answer, TimeSpan.FromSeconds(5));
        return (verdict?.Accepted == true).Label($"{text} -> {answer} ({verdict?.Reason})");
    }

    /// <summary>
    /// Equations whose right-hand sides no undetermined coefficient fits but whose variation-of-parameters integrals
    /// are elementary: y'' + ω²·y = h(ωx) with h = tan, sec, csc, sec², tan² (W = ω), and (D − r)²y = e^(rx)·h(x)
    /// with h = 1/x, 1/x², ln x, √x, x·ln x, 1/(1 + x²) (W = e^(2rx)). Every one is solved, and every answer verifies.
    /// </summary>
    [Fact]
    public void Variation_of_parameters_solves_forcings_with_elementary_integrals()
    {
        string[] waves = ["tan", "1/cos", "1/sin", "1/cos^2", "tan^2"];
        string[] powers = ["1/x", "1/x^2", "ln(x)", "sqrt(x)", "x*ln(x)", "1/(1 + x^2)"];
        var oscillator = Gen.Choose(1, 3).SelectMany(w => Gen.Elements(waves).Select(h =>
            $"y'' + {w * w}*y = {(h.EndsWith("^2") ? $"{h[..^2]}({w}*x)^2" : $"{h}({w}*x)")}"));
        var doubleRoot = Gen.Choose(-2, 2).SelectMany(r => Gen.Elements(powers).Select(h =>
            $"y'' - ({2 * r})*y' + ({r * r})*y = exp({r}*x)*{h}"));
        Prop.ForAll(Gen.OneOf(oscillator, doubleRoot).ToArbitrary(), SolvedAndVerified).Check(Fuzz.Config.WithMaxTest(40));
    }

    /// <summary>Forcings whose variation-of-parameters integrals are mostly not elementary (e^(kx)·tan x): declined or right, never wrong.</summary>
    [Fact]
    public void Variation_of_parameters_answers_are_never_wrong()
    {
        string[] forcings = ["tan(x)", "1/cos(x)", "exp(x)/x", "ln(x)", "1/(1 + exp(x))", "x*ln(x)", "1/x^2", "sqrt(x)"];
        var tally = new OdeTally();
        Prop.ForAll(Gen.Choose(-2, 2).ToArbitrary(), Gen.Choose(-2, 2).ToArbitrary(), Gen.Elements(forcings).ToArbitrary(), (b, c, g) =>
            RuleChecks.NotWrong($"y'' + ({b})*y' + ({c})*y = {g}", LinearOdes.TrySolve, tally))
            .Check(Fuzz.Config.WithMaxTest(40));
    }

    /// <summary>y' + p·y = q for p and q drawn from basic shapes: the rule may decline, but what it answers verifies.</summary>
    [Fact]
    public void First_order_answers_are_never_wrong()
    {
        string[] shapes = ["0", "1", "-2", "x", "-x", "2/x", "-1/x", "x^2", "cos(x)", "sin(x)", "exp(x)", "exp(-2*x)", "1/(x^2 + 1)", "tan(x)", "ln(x)", "sqrt(x)"];
        Prop.ForAll(Gen.Elements(shapes).ToArbitrary(), Gen.Elements(shapes).ToArbitrary(), (p, q) =>
        {
            var text = $"y' + ({p})*y = {q}";
            var problem = InfixParser.ParseEquation(text);
            if (!ExprParts.ContainsUnknown(Problems.Canonical(problem))) return true.Label("no y");
            var answer = LinearOdes.TrySolve(problem, TimeSpan.FromSeconds(5));
            if (answer is null) return true.Label("declined");
            var verdict = OdeVerifier.Check(problem, answer, TimeSpan.FromSeconds(5));
            return verdict.Accepted.Label($"{text} -> {answer} ({verdict.Reason})");
        }).Check(Fuzz.Config.WithMaxTest(200));
    }
}
