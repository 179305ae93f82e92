using SymSeq.Datasets;
using SymSeq.Generation;
using SymSeq.Verification;

namespace SymSeq.Tests.Datasets;

/// <summary>
/// generate --forms model writes each integrand canonical and multiplied out, the forms the model reads; split holds
/// a problem out with all its forms, so that no valid or test problem is trained on in another form.
/// </summary>
public sealed class DatasetFormsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-forms-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Generate(bool allForms, int count = 400, string task = "bwd")
    {
        var o = new GenerateOptions(task, count, Path.Combine(_dir, task, allForms ? "all" : "canonical"))
        { ChunkSize = 100, Threads = 1, Seed = 5, Expressions = ExpressionOptions.Default with { MaxOps = 6 }, AllForms = allForms };
        new DatasetGenerator(o).Run(CancellationToken.None);
        return Path.Combine(o.OutDir, task + ".prefix");
    }

    private static Expr Problem(string line) => PrefixCodec.Decode(DatasetLine.Parse(line).Input);

    [Fact]
    public void Every_form_the_model_reads_is_written_after_the_canonical_one_with_the_same_answer()
    {
        var lines = File.ReadAllLines(Generate(allForms: true)).Select(l => DatasetLine.Parse(l)).ToList();
        var canonicalOnly = File.ReadAllLines(Generate(allForms: false)).Select(l => string.Join(' ', DatasetLine.Parse(l).Input)).ToHashSet();
        var byAnswer = lines.GroupBy(l => string.Join(' ', l.Output)).ToList();
        var multiplied = 0;
        foreach (var g in byAnswer)
        {
            var first = g.First();
            Assert.Contains(string.Join(' ', first.Input), canonicalOnly);   // the same problems as the canonical run, first
            var forms = Problems.ModelInputs(PrefixCodec.Decode(first.Input)).Select(PrefixCodec.EncodeString).ToList();
            foreach (var line in g.Skip(1))
            {
                multiplied++;
                Assert.Contains(string.Join(' ', line.Input), forms);
                Assert.True(Problems.Verify(PrefixCodec.Decode(line.Input), PrefixCodec.Decode(line.Output)).HoldsOnSomeInterval, line.Format());
            }
        }
        Assert.InRange(multiplied, byAnswer.Count / 10, byAnswer.Count);   // a good share of integrands multiply out to another form
    }

    [Fact]
    public void An_ODE_is_also_written_over_one_denominator_with_its_solution()
    {
        var lines = File.ReadAllLines(Generate(allForms: true, count: 300, task: "ode1")).Select(l => DatasetLine.Parse(l)).ToList();
        var overOne = 0;
        foreach (var g in lines.GroupBy(l => string.Join(' ', l.Output)))
        {
            var canonical = PrefixCodec.Decode(g.First().Input);
            var rational = Problems.OverOneDenominator(canonical) is { } r ? PrefixCodec.EncodeString(r) : null;
            foreach (var line in g.Skip(1))
            {
                if (string.Join(' ', line.Input) == rational) overOne++;
                Assert.True(Problems.Verify(PrefixCodec.Decode(line.Input), PrefixCodec.Decode(line.Output)).HoldsOnSomeInterval, line.Format());
            }
        }
        Assert.True(overOne > lines.Count / 10, $"only {overOne} of {lines.Count} lines are an ODE over one denominator");
    }

    [Fact]
    public void Split_holds_out_a_problem_with_every_form_of_it()
    {
        var path = Generate(allForms: true, count: 600);
        var r = DatasetSplitter.Split(path, valid: 40, test: 60, seed: 3);
        var train = File.ReadAllLines(r.Train).Select(l => DatasetLine.Parse(l)).ToList();
        var trainInputs = train.Select(l => string.Join(' ', l.Input)).ToHashSet();
        foreach (var held in File.ReadAllLines(r.Valid).Concat(File.ReadAllLines(r.Test)))
        {
            var line = DatasetLine.Parse(held);
            foreach (var form in Problems.ModelInputs(PrefixCodec.Decode(line.Input)).Select(PrefixCodec.EncodeString))
                Assert.DoesNotContain(form, trainInputs);
            Assert.DoesNotContain(train, t => t.Output.SequenceEqual(line.Output));
        }

        // a test set excluded from another run: none of its problems reaches that run's train in either form
        var other = Generate(allForms: false, count: 600);
        var again = DatasetSplitter.Split(other, valid: 10, test: 10, seed: 4, exclude: [r.Test]);
        Assert.True(again.ExcludedLines > 0);
        var otherTrain = File.ReadAllLines(again.Train).Select(l => DatasetLine.Parse(l)).ToList();
        foreach (var held in File.ReadAllLines(r.Test).Select(l => DatasetLine.Parse(l)))
        {
            Assert.DoesNotContain(otherTrain, t => t.Output.SequenceEqual(held.Output));
            foreach (var form in Problems.ModelInputs(PrefixCodec.Decode(held.Input)).Select(PrefixCodec.EncodeString))
                Assert.DoesNotContain(otherTrain, t => string.Join(' ', t.Input) == form);
        }
    }
}
