using SymSeq.Model;
using static TorchSharp.torch;

namespace SymSeq.Checkpoints;

/// <summary>
/// The mean of several models' weights, parameter by parameter (checkpoint averaging, as in Vaswani et al. 2017 and
/// stochastic weight averaging): models from one training lineage, for example the ends of successive stages, often
/// average to a model better than each. Only models of the same configuration can be averaged.
/// </summary>
public static class WeightAveraging
{
    /// <summary>The averaged model, ready for inference, and the largest step among the sources.</summary>
    public static Seq2SeqTransformer Average(IReadOnlyList<string> paths, out long step)
    {
        if (paths.Count == 0) throw new ArgumentException("no models to average", nameof(paths));
        Dictionary<string, Tensor>? sum = null;
        ModelConfig? config = null;
        string? first = null;
        step = 0;
        try
        {
            foreach (var path in paths)
            {
                if (!SymSeqCheckpoint.IsSymSeqCheckpoint(path))
                    throw new FormatException(File.Exists(path) ? $"'{path}' is not a SymSeq checkpoint (only SymSeq models can be averaged)" : SymSeq.Datasets.MissingFile.Error(path, "model").Message);
                var (info, tensors) = SymSeqCheckpoint.Read(path);
                try
                {
                    step = Math.Max(step, info.Step);
                    if (config is null) { config = info.Config; first = path; }
                    else if (info.Config != config)
                        throw new FormatException($"'{path}' has another model shape ({info.Config}) than '{first}' ({config}); only models of one configuration can be averaged");
                    if (sum is null)
                    {
                        sum = tensors.Where(kv => !kv.Key.StartsWith("adam.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value.clone());
                        continue;
                    }
                    foreach (var (name, total) in sum)
                    {
                        if (!tensors.TryGetValue(name, out var t)) throw new FormatException($"'{path}': missing parameter {name}");
                        total.add_(t);
                    }
                }
                finally { foreach (var t in tensors.Values) t.Dispose(); }
            }
            foreach (var t in sum!.Values) t.div_(paths.Count);
            var model = new Seq2SeqTransformer(config!);
            SymSeqCheckpoint.CopyInto(model, sum, string.Join(", ", paths));
            model.eval();
            return model;
        }
        finally { if (sum is not null) foreach (var t in sum.Values) t.Dispose(); }
    }
}
