using System.Diagnostics;
using SymSeq.Model;
using SymSeq.Training;
using static TorchSharp.torch;

namespace SymSeq.Bench;

/// <summary>
/// Training throughput of the paper's model at a given size, in fp32 and bf16, against the machine's own large
/// matrix-product rate measured in the same run (model FLOPs utilization), plus peak RSS.
/// </summary>
public static class TrainingBench
{
    public static void Run(int steps, int threads)
    {
        set_num_threads(threads);
        var config = new ModelConfig { EmbDim = 256, EncoderLayers = 4, DecoderLayers = 4, Heads = 4 };
        const int batch = 32, srcLen = 60, tgtLen = 40;
        var peak32 = MatMulRate(ScalarType.Float32);
        var peak16 = MatMulRate(ScalarType.BFloat16);
        Console.WriteLine($"matmul 2048x2048: fp32 {peak32 / 1e9:F0} GFLOP/s, bf16 {peak16 / 1e9:F0} GFLOP/s ({peak16 / peak32:F1}x), {threads} threads");
        var flops = ModelFlops(config, batch, srcLen, tgtLen);
        Console.WriteLine($"model: emb {config.EmbDim}, {config.EncoderLayers}+{config.DecoderLayers} layers, {config.Heads} heads; batch {batch}, source {srcLen}, target {tgtLen}; {flops / 1e9:F1} GFLOP per training step");
        var results = new Dictionary<Precision, double>();
        foreach (var p in new[] { Precision.Fp32, Precision.Bf16 })
        {
            manual_seed(0);
            using var model = new Seq2SeqTransformer(config) { Precision = p };
            using var adam = new AdamOptimizer(model.named_parameters().Select(n => (n.name, (Tensor)n.parameter)), 1e-4);
            var rng = new Random(0);
            using var x = randint(15, config.Words, [batch, srcLen]);
            using var y = randint(15, config.Words, [batch, tgtLen]);
            using var xl = full(batch, (long)srcLen, ScalarType.Int64);
            using var yl = full(batch, (long)tgtLen, ScalarType.Int64);
            var times = new List<double>();
            for (var s = 0; s < steps + 3; s++)
            {
                var sw = Stopwatch.StartNew();
                using (var scope = NewDisposeScope())
                {
                    model.Loss(x, xl, y, yl).backward();
                }
                adam.Step(5.0);
                if (s >= 3) times.Add(sw.Elapsed.TotalSeconds); // the first steps warm up allocators
            }
            times.Sort();
            var median = times[times.Count / 2];
            results[p] = median;
            var tokens = batch * (srcLen + tgtLen);
            var peak = p == Precision.Fp32 ? peak32 : peak16;
            Console.WriteLine($"{p}: median {median * 1000:F0} ms/step, {tokens / median:N0} tokens/s, {flops / median / 1e9:F0} GFLOP/s = {flops / median / peak:P0} of the {p} matmul rate");
        }
        Console.WriteLine($"bf16 speed-up over fp32: {results[Precision.Fp32] / results[Precision.Bf16]:F2}x");
        Console.WriteLine($"peak RSS: {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB");
    }

    private static double MatMulRate(ScalarType t)
    {
        using var a = randn(2048, 2048).to(t);
        using var b = randn(2048, 2048).to(t);
        for (var i = 0; i < 2; i++) a.matmul(b).Dispose();
        var sw = Stopwatch.StartNew();
        const int n = 6;
        for (var i = 0; i < n; i++) a.matmul(b).Dispose();
        return n * 2.0 * 2048 * 2048 * 2048 / sw.Elapsed.TotalSeconds;
    }

    /// <summary>Matrix-product FLOPs of one training step (forward ×3 for forward + backward).</summary>
    public static double ModelFlops(ModelConfig c, int batch, int srcLen, int tgtLen)
    {
        double d = c.EmbDim, h = c.HiddenDim;
        var enc = c.EncoderLayers * (2 * srcLen * (4 * d * d + 2 * d * h) + 2 * 2.0 * srcLen * srcLen * d);
        var dec = c.DecoderLayers * (2 * tgtLen * (4 * d * d + 2 * d * h) + 2 * tgtLen * 2 * d * d + 2 * srcLen * 2 * d * d
                                      + 2 * 2.0 * tgtLen * tgtLen * d + 2 * 2.0 * tgtLen * srcLen * d);
        var proj = 2 * tgtLen * d * c.Words;
        return 3 * batch * (enc + dec + proj);
    }
}
