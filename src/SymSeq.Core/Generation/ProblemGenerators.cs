namespace SymSeq.Generation;

/// <summary>The task names the command line accepts, and the generator for each (dispose the IDisposable ones).</summary>
public static class ProblemGenerators
{
    public static readonly string[] Tasks = ["bwd", "bwds", "fwd", "ibp", "ode1", "ode2", "odelin", "deriv"];

    public static IProblemGenerator Create(string task, GeneratorContext context) => task switch
    {
        "bwd" => new BackwardGenerator(context),
        "bwds" => new BackwardGenerator(context, shortIntegrands: true),
        "ibp" => new IntegrationByPartsGenerator(context),
        "ode1" => new OdeGenerator(context, 1),
        "ode2" => new OdeGenerator(context, 2),
        "odelin" => new LinearOdeGenerator(context),
        "deriv" => new DerivativeGenerator(context),
        "fwd" => new ForwardGenerator(context),
        _ => throw new ArgumentException($"unknown task '{task}'; expected one of {string.Join(", ", Tasks)}"),
    };
}
