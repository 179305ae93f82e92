using System.CommandLine;
using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Solving;
using SymSeq.Training;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq select`: the pairs of a dataset a model finds hardest, for the next training stage.</summary>
public sealed class SelectCommand : CliApp.ICommand
{
    public string Name => "select";
    public string Summary => "keep the pairs of a dataset that a model finds hardest (lowest score of the answer, as beam search scores it), in the file's order, " +
                             "for the next training stage. Scores are saved in OUT.scores as they are made: rerun the same command to resume, " +
                             "or with another --hardest to choose again without scoring again";

    private readonly Option<string> _model = Opt.Required("--model", "the model that scores (the one the next stage starts from)", "MODEL");
    private readonly Option<string> _data = Opt.Required("--data", "a prefix dataset: \"count|input<TAB>output\" or \"input<TAB>output\" lines", "FILE");
    private readonly Option<double> _hardest = Opt.Number("--hardest", 0.3, "the share of the scored pairs to keep, above 0 and at most 1", double.MinValue, double.MaxValue);
    private readonly Option<string> _out = Opt.Required("--out", "the kept pairs, as they were written in FILE (written when scoring is done)", "OUT");
    private readonly Option<int> _bands = Opt.Int("--length-bands", 1,
        "cut the scored pairs by answer length into N bands of nearly equal size and keep the hardest share of each, so the kept pairs have the file's lengths " +
        "(1: the hardest share of the whole file, which leans to long answers)", 1, 1000);
    private readonly Option<int> _tokens = Opt.Int("--tokens-per-batch", 8000, "token budget of a scoring batch", 16);
    private readonly Option<int> _threads = Opt.Int("--threads", Environment.ProcessorCount, "libtorch intra-op threads (default: all cores)", 1, 1024);
    private readonly Option<string?> _precision = PrecisionOption();

    /// <summary>As train's: the scores only rank pairs, so the faster product wins where the CPU has one.</summary>
    private static Option<string?> PrecisionOption()
    {
        var o = Opt.Text("--precision", "fp32 | bf16 for scoring (default bf16 where the CPU has AVX-512 BF16 or AMX, else fp32); recorded with the scores", "P");
        o.AcceptOnlyFromAmong("fp32", "bf16");
        return o;
    }

    public Command Build() => new(Name, Summary + ".") { _model, _data, _hardest, _out, _bands, _tokens, _threads, _precision };

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var hardest = args.GetValue(_hardest);
        if (hardest is not (> 0 and <= 1)) throw new UsageException($"--hardest: the share to keep must be above 0 and at most 1, got {hardest}");
        var modelPath = args.GetValue(_model)!;
        var data = args.GetValue(_data)!;
        var outPath = args.GetValue(_out)!;
        if (!File.Exists(modelPath)) throw SymSeq.Datasets.MissingFile.Error(modelPath, "model");
        if (!File.Exists(data)) throw SymSeq.Datasets.MissingFile.Error(data, "dataset");
        if (Path.GetFullPath(outPath) == Path.GetFullPath(data)) throw new UsageException("--out must not be the dataset it selects from");
        using var outLock = Datasets.FolderLock.ForFile(outPath, "symseq select");
        InferenceThreads.Set(args.GetValue(_threads));
        var precision = args.GetValue(_precision) is { } p ? PrecisionExtensions.Parse(p) : PrecisionExtensions.Default();
        using var model = SolverModels.Load(modelPath, precision);
        var progress = new ProgressLine(stderr);
        SelectionResult? r;
        try { r = HardestSelection.Run(model, modelPath, data, hardest, outPath, args.GetValue(_tokens), cancel, progress.Report, args.GetValue(_bands)); }
        catch (ScoresMismatchException e) { throw new UsageException(e.Message); }
        progress.Finish();
        if (r is null)
        {
            stderr.WriteLine($"symseq select: interrupted; the scores so far are in {HardestSelection.ScoresPath(outPath)}, and the same command resumes");
            return Task.FromResult(130);
        }
        stdout.WriteLine($"{r.Kept:N0} of {r.Scored:N0} scored pairs kept in {outPath} ({(r.Bands.Count > 1 ? "the score thresholds of each band below" : $"score at most {r.Threshold:F4} per token")}); " +
                         $"{r.Lines - r.Scored:N0} of {r.Lines:N0} not scored (a word outside the model's vocabulary, or too long)" +
                         (r.Resumed > 0 ? $"; {r.Resumed:N0} scores from an earlier run" : ""));
        if (r.Bands.Count > 1)
            foreach (var b in r.Bands)
                stdout.WriteLine($"  answers of {b.MinTokens}-{b.MaxTokens} tokens: {b.Kept:N0} of {b.Scored:N0} kept (score at most {b.Threshold:F4})");
        return Task.FromResult(0);
    }
}
