using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// A problem as the solver takes it: the integral of a function, or an ODE. The one written form of both, "Y' - f"
/// for an integral (the paper's datasets and the model's language), is <see cref="Encoded"/>, used where the codec,
/// the verifier or a CAS reads a problem; the solver decides what to do from the type.
/// </summary>
public abstract record Problem
{
    private Problem() { }

    /// <summary>An antiderivative of <see cref="Integrand"/> (in x) is wanted.</summary>
    public sealed record Integral(Expr Integrand) : Problem
    {
        public override Expr Encoded => new Op(Operator.Sub, new Unknown(1), Integrand);
        public override Expr Statement => Integrand;
        public override Problems.Kind Kind => Problems.Kind.Integral;
    }

    /// <summary>The general solution of <see cref="Equation"/> = 0, an equation in x, Y, Y', Y''.</summary>
    public sealed record Ode(Expr Equation) : Problem
    {
        public override Expr Encoded => Equation;
        public override Expr Statement => Equation;
        public override Problems.Kind Kind => Problems.Kind.Ode;
    }

    /// <summary>The problem in the datasets' form: "Y' - f" for an integral, the equation for an ODE.</summary>
    public abstract Expr Encoded { get; }

    /// <summary>The problem as a user reads it: the integrand, or the equation.</summary>
    public abstract Expr Statement { get; }

    public abstract Problems.Kind Kind { get; }

    /// <summary>The problem a dataset line (or the model's language) writes: "Y' - f" (f free of Y) is an integral, anything else with Y an ODE.</summary>
    public static Problem Decode(Expr encoded) =>
        Problems.TryIntegrand(encoded, out var f) ? new Integral(f) : new Ode(encoded);

    /// <summary>Checks an answer: an antiderivative of the integrand, or a solution of the ODE (<see cref="Problems.Verify"/>).</summary>
    public Verdict Verify(Expr answer) => Problems.Verify(Encoded, answer);

    /// <summary>As <see cref="Problems.VerifyEverywhere"/>: the answer to report (its real form when only that is right everywhere) and its verdict.</summary>
    public (Expr Answer, Verdict Verdict) VerifyEverywhere(Expr answer) => Problems.VerifyEverywhere(Encoded, answer);

    public override string ToString() => this is Integral i ? $"integral of {i.Integrand}" : $"{Statement} = 0";
}
