using System.CommandLine;
using SymSeq.Checkpoints;
using SymSeq.Model;

namespace SymSeq.Cli.Commands;

public sealed class ExportCommand : CliApp.ICommand
{
    public string Name => "export";
    public string Summary => "write a model for shipping: weights only (no optimizer state), float16 by default; several models are averaged";

    private readonly Option<string> _model = Opt.Required("--model",
        "a SymSeq checkpoint (RUN/checkpoint.symseq) or one of the paper's .pth files; several SymSeq models of one shape, comma-separated, are averaged weight by weight", "PATH[,PATH...]");
    private readonly Option<string> _out = Opt.Required("--out", "the file to write (models/NAME.symseq)", "PATH");
    private readonly Option<bool> _fp32 = Opt.Flag("--fp32", "keep float32 weights (default float16: half the size; loading converts back)");
    private readonly Option<string?> _note = Opt.Text("--note", "a note kept in the checkpoint's metadata with the step and the source file", "TEXT");
    private readonly Option<string?> _deepen = Opt.Text("--deepen",
        "append layers that start as the identity, so the deeper model answers exactly as the source does; train it further with `train --init`", "ENC,DEC");

    private readonly Option<int> _widen = Opt.Int("--widen", 1,
        "multiply the embedding size, the hidden size and the head count by K (2 makes the paper's 512-wide model from a 256-wide one; 1 keeps the width); the wider model answers as the source does, up to a little noise that lets its copies of each unit drift apart; train it further with `train --init`", 1, 8, "K");

    public Command Build() => new(Name, Summary + ". The step, the source file and the note are kept in the metadata.") { _model, _out, _fp32, _note, _deepen, _widen };

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var sources = args.GetValue(_model)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (sources.Length == 0) throw new ArgumentException("--model names no file");
        var source = sources[0];
        var output = args.GetValue(_out)!;
        var fp32 = args.GetValue(_fp32);
        var note = args.GetValue(_note);
        var deepen = ParseLayers(args.GetValue(_deepen));
        var widen = args.GetValue(_widen);
        foreach (var s in sources)
            if (!File.Exists(s)) throw SymSeq.Datasets.MissingFile.Error(s, "model");
        long step = 0;
        var meta = new Dictionary<string, string> { ["exported_from"] = string.Join(", ", sources.Select(Path.GetFileName)) };
        Seq2SeqTransformer loaded;
        if (sources.Length > 1)
        {
            loaded = WeightAveraging.Average(sources, out step);
            meta["averaged"] = $"mean of the weights of {sources.Length} models";
        }
        else if (SymSeqCheckpoint.IsSymSeqCheckpoint(source))
        {
            loaded = SymSeqCheckpoint.LoadModel(source, out var info);
            step = info.Step;
            foreach (var (k, v) in info.Meta) meta.TryAdd(k, v);
        }
        else loaded = PaperCheckpoint.Load(source);
        if (deepen is var (encoderLayers, decoderLayers))
        {
            var original = loaded.Config;
            var shallow = loaded;
            using (shallow) loaded = ModelDeepening.Deepen(shallow, encoderLayers, decoderLayers);
            meta["deepened"] = $"{original.EncoderLayers}+{original.DecoderLayers} layers to {encoderLayers}+{decoderLayers}, the new layers starting as the identity";
        }
        if (widen > 1)
        {
            var original = loaded.Config;
            var narrow = loaded;
            using (narrow) loaded = ModelWidening.Widen(narrow, widen);
            meta["widened"] = $"embedding {original.EmbDim} and {original.Heads} heads to {original.EmbDim * widen} and {original.Heads * widen}, each unit copied {widen} times, its outgoing weights split among the copies in random shares";
        }
        using var model = loaded;
        if (note is not null) meta["note"] = note;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        SymSeqCheckpoint.Save(output, model, step, meta: meta, half: !fp32);
        stdout.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1e6:F1} MB, {(fp32 ? "float32" : "float16")}, step {step}{(sources.Length > 1 ? $", the mean of {sources.Length} models" : "")}, {model.Config})");
        return Task.FromResult(0);
    }

    private static (int Encoder, int Decoder)? ParseLayers(string? spec)
    {
        if (spec is null) return null;
        var parts = spec.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], out var e) && int.TryParse(parts[1], out var d) && e is >= 1 and <= 64 && d is >= 1 and <= 64)
            return (e, d);
        throw new ArgumentException($"--deepen '{spec}': expected the encoder and decoder layer counts, comma-separated, each 1 to 64 (for example 6,6)");
    }
}
