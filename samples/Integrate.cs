// A file-based app (.NET 10): run it with `dotnet run samples/Integrate.cs` from the repository root,
// or `dotnet run samples/Integrate.cs -- "x*exp(x)"` for another integrand.
#:project ../src/SymSeq.Api/SymSeq.Api.csproj
#:property PublishAot=false

using SymSeq;

var integrand = args.Length > 0 ? args[0] : "x*cos(x)";

using var solver = MathSolver.Load();   // the bundled model; MathSolver.Load("my.symseq") for another
var s = solver.Integrate(integrand);
if (s.Verified)
    Console.WriteLine($"∫ {s.Problem} dx = {s.Answer} + C    [{s.Engine}, {s.Elapsed.TotalSeconds:F2} s; {s.Reason}]");
else
    Console.WriteLine($"no verified antiderivative of {s.Problem}: {string.Join("; ", s.Attempts)}");

var ode = solver.Solve("y'' + y = 0");
Console.WriteLine(ode.Verified ? $"y'' + y = 0:  y = {ode.Answer}    [{ode.Engine}]" : "y'' + y = 0: no verified solution");

var e = Expression.Parse("x^2*sin(x)");
Console.WriteLine($"d/dx {e} = {e.Differentiate()}   LaTeX: {e.Differentiate().ToLatex()}");
Console.WriteLine($"check ∫cos = sin: {Verify.Integral("cos(x)", "sin(x)").Verdict}; ∫cos = -sin: {Verify.Integral("cos(x)", "-sin(x)").Verdict}");
