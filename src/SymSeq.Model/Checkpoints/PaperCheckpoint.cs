using SymSeq.Model;
using static TorchSharp.torch;

namespace SymSeq.Checkpoints;

/// <summary>
/// Loads the paper's released checkpoints ({'encoder': state_dict, 'decoder': state_dict, 'params': ...}, zip or
/// legacy format) into <see cref="Seq2SeqTransformer"/>. Parameter names map one to one; a "module." prefix left
/// by DataParallel is dropped; with shared embeddings the redundant decoder.proj.weight is skipped.
/// </summary>
public static class PaperCheckpoint
{
    /// <summary>Reads the file as <see cref="Load"/> does, without building the model (no libtorch): throws as loading would.</summary>
    public static void Check(string path) => Read(path).Config.Validate();

    public static Seq2SeqTransformer Load(string path)
    {
        var (config, weights) = Read(path);
        var model = new Seq2SeqTransformer(config);
        LoadWeights(model, weights, path);
        return model;
    }

    /// <summary>The configuration and the encoder's and decoder's weights of a .pth file, read without libtorch.</summary>
    private static (ModelConfig Config, Dictionary<string, RawTensor> Weights) Read(string path)
    {
        var root = TorchCheckpointReader.Load(path) as Dictionary<object, object?>
            ?? throw new FormatException($"'{path}': expected a dict with 'encoder', 'decoder' and 'params'");
        var config = ReadConfig(Get(root, "params", path), path);
        var weights = new Dictionary<string, RawTensor>();
        foreach (var side in new[] { "encoder", "decoder" })
        {
            var sd = Get(root, side, path) as Dictionary<object, object?> ?? throw new FormatException($"'{path}': '{side}' is not a state dict");
            foreach (var (k, v) in sd)
                if (v is RawTensor t) weights[$"{side}.{((string)k).Replace("module.", "")}"] = t;
        }
        return (config, weights);
    }

    private static object? Get(Dictionary<object, object?> d, string key, string path) =>
        d.TryGetValue(key, out var v) ? v : throw new FormatException($"'{path}': no '{key}' entry (keys: {string.Join(", ", d.Keys)})");

    public static ModelConfig ReadConfig(object? parameters, string path)
    {
        var p = parameters switch
        {
            Dictionary<object, object?> d => d,
            PyObject { State: Dictionary<object, object?> s } => s,
            _ => throw new FormatException($"'{path}': 'params' is neither a dict nor an argparse Namespace"),
        };
        long L(string k) => p.TryGetValue(k, out var v) && v is long l ? l : throw new FormatException($"'{path}': params.{k} missing or not an integer");
        bool B(string k, bool fallback) => p.TryGetValue(k, out var v) && v is bool b ? b : fallback;
        if (B("sinusoidal_embeddings", false))
            Console.Error.WriteLine($"note: '{path}' used sinusoidal positions; they are loaded as the stored table");
        return new ModelConfig
        {
            EmbDim = (int)L("emb_dim"),
            EncoderLayers = (int)L("n_enc_layers"),
            DecoderLayers = (int)L("n_dec_layers"),
            Heads = (int)L("n_heads"),
            Words = (int)L("n_words"),
            EosIndex = (int)L("eos_index"),
            PadIndex = (int)L("pad_index"),
            ShareInOutEmbeddings = B("share_inout_emb", true),
        };
    }

    public static void LoadWeights(Seq2SeqTransformer model, IReadOnlyDictionary<string, RawTensor> weights, string source)
    {
        var parameters = model.state_dict();
        var missing = parameters.Keys.Where(k => !weights.ContainsKey(k)).ToArray();
        if (missing.Length > 0) throw new FormatException($"'{source}': missing parameters {string.Join(", ", missing.Take(5))}{(missing.Length > 5 ? ", ..." : "")}");
        var unused = weights.Keys.Where(k => !parameters.ContainsKey(k) && !(k == "decoder.proj.weight" && model.Config.ShareInOutEmbeddings)).ToArray();
        if (unused.Length > 0) throw new FormatException($"'{source}': unexpected parameters {string.Join(", ", unused.Take(5))}");
        using var _ = no_grad();
        foreach (var (name, target) in parameters)
        {
            var w = weights[name];
            if (!w.Shape.SequenceEqual(target.shape))
                throw new FormatException($"'{source}': {name} has shape [{string.Join(", ", w.Shape)}], the model expects [{string.Join(", ", target.shape)}]");
            using var t = tensor(w.Data, w.Shape);
            target.copy_(t);
        }
    }
}
