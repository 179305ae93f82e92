namespace SymSeq.Tests.Expressions;

public class InfixParserTests
{
    [Theory]
    [InlineData("x*cos(x)", "x*cos(x)")]
    [InlineData("x^2", "x^2")]
    [InlineData("x**2", "x^2")]
    [InlineData("sqrt(1-x^2)", "sqrt(1 - x^2)")]
    [InlineData("exp(2x)", "exp(2*x)")]
    [InlineData("2(x+1)", "2*(x + 1)")]
    [InlineData("(x+1)(x-1)", "(x + 1)*(x - 1)")]
    [InlineData("x sin(x)", "x*sin(x)")]
    [InlineData("-x^2", "-x^2")]
    [InlineData("-3*x", "-3*x")]
    [InlineData("log(x) + ln(x)", "ln(x) + ln(x)")]
    [InlineData("x^-1", "1/x")]
    [InlineData("2^3^2", "2^3^2")]
    [InlineData("(2^3)^2", "(2^3)^2")]
    [InlineData("x - (y - z)", "x - (y - z)")]
    [InlineData("x/(y*z)", "x/(y*z)")]
    [InlineData("0.25*x", "x/4")]
    [InlineData("e^x + pi", "E^x + pi")]
    [InlineData("arctan(x)", "atan(x)")]
    [InlineData("f''(x) + f(x)", "f''(x) + f(x)")]
    [InlineData("diff(x^2, x)", "diff(x^2, x)")]
    public void Parses_what_people_type(string input, string printed) =>
        Assert.Equal(printed, InfixParser.Parse(input).ToString());

    [Theory]
    [InlineData("Derivative(f(x), (x, 2)) + f(x)", "f''(x) + f(x)")]    // SymPy's n-th derivative, as generate's .infix twin writes it
    [InlineData("Derivative(x^3, (x, 2))", "6*x")]
    [InlineData("Derivative(sin(x), (x, 3))", "-cos(x)")]
    [InlineData("Derivative(f(x), (x, 1)) - x", "f'(x) - x")]
    public void Sympy_higher_derivatives(string input, string meant) =>
        Assert.Equal(Simplifier.Simplify(InfixParser.Parse(meant)), Simplifier.Simplify(InfixParser.Parse(input)));

    [Theory]
    [InlineData("Derivative(x, (x, 0))", "the order of the derivative")]
    [InlineData("Derivative(x, (x, 10))", "the order of the derivative")]
    [InlineData("Derivative(x, (x, 1.5))", "the order of the derivative")]
    [InlineData("Derivative(x, (2, 1))", "a variable")]
    [InlineData("Derivative(x, (x 2))", "the order of the derivative")]
    public void Malformed_higher_derivatives_say_what_was_expected(string input, string expected)
    {
        var e = Assert.Throws<ExprParseException>(() => InfixParser.Parse(input));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Binds_powers_tighter_than_unary_minus_and_products_left_to_right()
    {
        Assert.Equal(-9.0, Evaluator.Eval(InfixParser.Parse("-3^2"), 0), 12);
        Assert.Equal(1.0, Evaluator.Eval(InfixParser.Parse("6/3/2"), 0), 12);
        Assert.Equal(512.0, Evaluator.Eval(InfixParser.Parse("2^3^2"), 0), 12);
    }

    [Theory]
    [InlineData("1e-30*x", "x/1000000000000000000000000000000")]   // never e - 30*x
    [InlineData("2.5e-3", "1/400")]
    [InlineData("1E+2*x", "100*x")]
    [InlineData("3e2x", "300*x")]
    [InlineData("2e^x", "2*E^x")]          // e then ^: the constant e
    [InlineData("2e-x", "2*E - x")]        // e - x: no digit after the sign, so no exponent
    [InlineData("−x + 2−x", "-x + 2 - x")] // unicode minus
    [InlineData("2·x×3", "2*x*3")]
    [InlineData("6÷x", "6/x")]
    [InlineData("x² + x³", "x^2 + x^3")]
    [InlineData("x⁻¹", "1/x")]
    [InlineData("x¹⁰y", "x^10*y")]
    [InlineData("π x", "pi*x")]
    public void Numbers_and_symbols_are_read_as_written(string input, string printed) =>
        Assert.Equal(printed, InfixParser.Parse(input).ToString());

    [Fact]
    public void Scientific_notation_is_the_exact_number()
    {
        Assert.Equal(new Num(new Rational(System.Numerics.BigInteger.Pow(10, 308))), InfixParser.Parse("1e308"));
        Assert.Equal(new Num(new Rational(1, System.Numerics.BigInteger.Pow(10, 300))), InfixParser.Parse("1e-300"));
    }

    [Theory]
    [InlineData("1/2x", 4, "ambiguous")]        // 1/(2x) or x/2: refused, not guessed
    [InlineData("x/2x", 4, "ambiguous")]
    [InlineData("x/2 sin(x)", 5, "ambiguous")]
    [InlineData("1e1001", 1, "exponent beyond")]
    [InlineData("x⁻ + 1", 3, "superscript digit")]
    public void Ambiguous_or_out_of_range_input_is_refused(string input, int column, string message)
    {
        var ex = Assert.Throws<ExprParseException>(() => InfixParser.Parse(input));
        Assert.Equal(column, ex.Column);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Errors_show_whole_characters_and_cut_long_names()
    {
        Assert.Contains("'😀'", Assert.Throws<ExprParseException>(() => InfixParser.Parse("x + 😀")).Message);
        Assert.Contains("U+0001", Assert.Throws<ExprParseException>(() => InfixParser.Parse("x\u0001")).Message);
        var long_ = Assert.Throws<ExprParseException>(() => InfixParser.Parse(new string('q', 100_000)));
        Assert.True(long_.Message.Length < 200, long_.Message.Length.ToString());
    }

    [Fact]
    public void Equations_with_the_unknown_function()
    {
        var e = InfixParser.ParseEquation("y'' + y = 0");
        Assert.Equal("f''(x) + f(x)", e.ToString());
        var e2 = InfixParser.ParseEquation("y' = 2x");
        Assert.Equal("f'(x) - 2*x", e2.ToString());
        // Without an unknown, y is the ordinary variable.
        Assert.Equal("y + x", InfixParser.Parse("y + x").ToString());
    }

    [Theory]
    [InlineData("y'(x) = y(x) + x", "y' = y + x")]          // function notation, not a product: y'·x = y·x + x is another equation
    [InlineData("y''(x) + 2*y'(x) - y(x) = 0", "y'' + 2*y' - y = 0")]
    [InlineData("y' = y(1 - y)", "y' = y*(1 - y)")]           // any other parenthesis after y is still a product
    [InlineData("y' = y (x + 1)", "y' = y*(x + 1)")]
    [InlineData("y' = y(x)*(1 - y(x))", "y' = y*(1 - y)")]
    public void The_unknown_may_be_written_as_a_function_of_x(string written, string meant) =>
        Assert.Equal(InfixParser.ParseEquation(meant), InfixParser.ParseEquation(written));

    [Theory]
    [InlineData("y'(0) = 1", 1, "initial conditions")]
    [InlineData("y' = y, y(0) = 1", 7, "initial conditions")]
    [InlineData("y(-2) = y'", 1, "initial conditions")]
    [InlineData("y''(pi) + y = 0", 1, "initial conditions")]
    [InlineData("y'(x + 1) = y", 3, "only x as its argument")]
    [InlineData("y'(t) = y(t)", 4, "a function of x")]
    public void Initial_conditions_and_other_arguments_of_the_unknown_are_refused(string input, int column, string message)
    {
        var ex = Assert.Throws<ExprParseException>(() => InfixParser.ParseEquation(input));
        Assert.Equal(column, ex.Column);
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData("x*cos(x", 8, "')'")]
    [InlineData("x +", 4, "a number, a name or '('")]
    [InlineData("sin x", 5, "'(' after function 'sin'")]
    [InlineData("2 3", 3, "an operator between two numbers")]
    [InlineData("x $ 2", 3, "a number, a name, an operator")]
    [InlineData("x)", 2, "an operator or end of input")]
    [InlineData("sinx", 1, "a variable")]
    public void Errors_name_the_column_and_what_was_expected(string input, int column, string expected)
    {
        var ex = Assert.Throws<ExprParseException>(() => InfixParser.Parse(input));
        Assert.Equal(column, ex.Column);
        Assert.Contains(expected, ex.Expected);
        Assert.Contains($"column {column}", ex.Message);
    }

    [Fact]
    public void Unknown_names_suggest_the_function_they_start_with()
    {
        var ex = Assert.Throws<ExprParseException>(() => InfixParser.Parse("sinx"));
        Assert.Contains("did you mean sin(x)?", ex.Message);
    }

    [Fact]
    public void Random_strings_only_ever_give_well_formed_errors()
    {
        const string alphabet = "x y2+-*/^().,=' sincoexplqrtE pi3";
        var rng = new Random(11);
        var ok = 0;
        for (var i = 0; i < 30000; i++)
        {
            var s = new string(Enumerable.Range(0, rng.Next(0, 14)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            if (InfixParser.TryParse(s, out var e, out var error)) { ok++; Assert.NotNull(e); }
            else Assert.Matches(@"at column \d+$", error);
        }
        Assert.True(ok > 100, $"only {ok} random strings parsed");
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var s = new string('(', 50_000) + "x" + new string(')', 50_000);
        Assert.Throws<ExprParseException>(() => InfixParser.Parse(s));
        var minus = new string('-', 50_000) + "x";
        Assert.Throws<ExprParseException>(() => InfixParser.Parse(minus));
    }

    [Fact]
    public void Parse_of_print_is_the_identity_on_trees_printed_faithfully()
    {
        Prop.ForAll(ExprGen.Arb(ExprGen.FaithfulUnary), e =>
            Assert.Equal(e, InfixParser.Parse(InfixPrinter.Readable.Print(e)))).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Printing_is_a_fixed_point_of_parse_then_print_for_every_tree()
    {
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, allowNegative: true), e =>
        {
            var printed = InfixPrinter.Readable.Print(e);
            Assert.Equal(printed, InfixPrinter.Readable.Print(InfixParser.Parse(printed)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parsed_print_has_the_same_values_including_sugar_and_negative_numbers()
    {
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, allowNegative: true), e =>
        {
            var back = InfixParser.Parse(InfixPrinter.Readable.Print(e));
            var r = NumericEquivalence.Check(e, back);
            Assert.True(r.Verdict != Equivalence.Different, $"{e} vs {back}: {r}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_sympy_notation_reads_back_with_the_same_values()
    {
        // What generate's .infix twin holds, and what import reads back.
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, allowNegative: true), e =>
        {
            var printed = InfixPrinter.Sympy.Print(e);
            var back = InfixParser.Parse(printed);
            var r = NumericEquivalence.Check(e, back);
            Assert.True(r.Verdict != Equivalence.Different, $"{e} vs {printed}: {r}");
            Assert.Equal(printed, InfixPrinter.Sympy.Print(back));
        }).QuickCheckThrowOnFailure();
    }
}
