using SymSeq.Checkpoints;
using SymSeq.Model;

namespace SymSeq.Cli.Commands;

public sealed class ExportCommand : CliApp.ICommand
{
    public string Name => "export";
    public string Summary => "write a model for shipping: weights only (no optimizer state), float16 by default";
    public IReadOnlyList<string> Flags => ["fp32"];
    public string Usage => """
        symseq export --model RUN/checkpoint.symseq --out models/NAME.symseq [--fp32] [--note TEXT]

          Reads a SymSeq checkpoint or one of the paper's .pth files and writes its weights alone, in float16
          (half the size; loading converts back to float32) unless --fp32. The step, the source file and the
          note are kept in the checkpoint's metadata.
        """;

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var source = args.Required("model");
        var output = args.Required("out");
        var fp32 = args.Flag("fp32");
        var note = args.String("note");
        args.EnsureAllUsed();
        if (!File.Exists(source)) throw new FileNotFoundException($"model '{source}' does not exist", source);
        long step = 0;
        var meta = new Dictionary<string, string> { ["exported_from"] = Path.GetFileName(source) };
        Seq2SeqTransformer loaded;
        if (SymSeqCheckpoint.IsSymSeqCheckpoint(source))
        {
            loaded = SymSeqCheckpoint.LoadModel(source, out var info);
            step = info.Step;
            foreach (var (k, v) in info.Meta) meta.TryAdd(k, v);
        }
        else loaded = PaperCheckpoint.Load(source);
        using var model = loaded;
        if (note is not null) meta["note"] = note;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        SymSeqCheckpoint.Save(output, model, step, meta: meta, half: !fp32);
        stdout.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1e6:F1} MB, {(fp32 ? "float32" : "float16")}, step {step}, {model.Config})");
        return Task.FromResult(0);
    }
}
