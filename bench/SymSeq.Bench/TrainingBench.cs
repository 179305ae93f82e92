using System.Diagnostics;
using SymSeq.Model;
using SymSeq.Training;
using static TorchSharp.torch;

namespace SymSeq.Bench;

/// <summary>
/// Training throughput of the paper's model at a given size, in fp32 and bf16, against the machine's own large
/// matrix-product rate measured in the same run (model FLOPs utilization), plus peak RSS. The two precisions
/// run interleaved (fp32, bf16, bf16, fp32, ...), so drift in the machine's load hits both alike and the
/// ratio of their medians is the speed-up; each step is also split into forward, backward and optimizer time.
/// </summary>
public static class TrainingBench
{
    private const int Warmup = 3;

    private sealed class PrecisionRun : IDisposable
    {
        public required Precision Precision { get; init; }
        public required Seq2SeqTransformer Model { get; init; }
        public required AdamOptimizer Adam { get; init; }
        public List<double> Total { get; } = [];
        public List<double> Forward { get; } = [];
        public List<double> Backward { get; } = [];
        public List<double> Optimizer { get; } = [];
        public void Dispose() { Adam.Dispose(); Model.Dispose(); }
    }

    public static void Run(int steps, int threads)
    {
        set_num_threads(threads);
        var config = new ModelConfig { EmbDim = 256, EncoderLayers = 4, DecoderLayers = 4, Heads = 4 };
        const int batch = 32, srcLen = 60, tgtLen = 40;
        // The path training takes on this CPU: bf16 only with native bfloat16 dot products (AVX-512 BF16 or AMX).
        // Elsewhere libtorch emulates bf16 at a small fraction of fp32's rate (17x slower steps on an AVX2 machine),
        // so the bench measures fp32 alone and says so, instead of crawling through a bf16 probe.
        var native = PrecisionExtensions.Default() == Precision.Bf16;
        Console.WriteLine(native
            ? "CPU path: bf16 (native bfloat16 instructions found: avx512_bf16 or amx_bf16); measuring fp32 and bf16"
            : "CPU path: fp32 (no avx512_bf16 or amx_bf16 in /proc/cpuinfo: bf16 would be emulated); measuring fp32 only");
        var peak32 = MatMulRate(ScalarType.Float32);
        var peak16 = native ? MatMulRate(ScalarType.BFloat16) : double.NaN;
        Console.WriteLine($"matmul 2048x2048: fp32 {peak32 / 1e9:F0} GFLOP/s" + (native ? $", bf16 {peak16 / 1e9:F0} GFLOP/s ({peak16 / peak32:F1}x)" : "") + $", {threads} threads");
        var flops = ModelFlops(config, batch, srcLen, tgtLen);
        Console.WriteLine($"model: emb {config.EmbDim}, {config.EncoderLayers}+{config.DecoderLayers} layers, {config.Heads} heads; batch {batch}, source {srcLen}, target {tgtLen}; {flops / 1e9:F1} GFLOP per training step");
        using var x = randint(15, config.Words, [batch, srcLen]);
        using var y = randint(15, config.Words, [batch, tgtLen]);
        using var xl = full(batch, (long)srcLen, ScalarType.Int64);
        using var yl = full(batch, (long)tgtLen, ScalarType.Int64);
        var runs = (native ? new[] { Precision.Fp32, Precision.Bf16 } : [Precision.Fp32]).Select(p =>
        {
            manual_seed(0);
            var model = new Seq2SeqTransformer(config) { Precision = p };
            return new PrecisionRun { Precision = p, Model = model, Adam = new AdamOptimizer(model.named_parameters().Select(n => (n.name, (Tensor)n.parameter)), 1e-4) };
        }).ToArray();
        try
        {
            for (var s = 0; s < steps + Warmup; s++)
                foreach (var r in s % 2 == 0 ? runs : runs.Reverse()) // ABBA order: neither precision always goes first
                    TimedStep(r, x, xl, y, yl, record: s >= Warmup); // the first steps warm up allocators
            foreach (var r in runs)
            {
                var median = Median(r.Total);
                var tokens = batch * (srcLen + tgtLen);
                var peak = r.Precision == Precision.Fp32 ? peak32 : peak16;
                Console.WriteLine($"{r.Precision}: median {median * 1000:F0} ms/step (forward {Median(r.Forward) * 1000:F0}, backward {Median(r.Backward) * 1000:F0}, optimizer {Median(r.Optimizer) * 1000:F0}), " +
                                  $"{tokens / median:N0} tokens/s, {flops / median / 1e9:F0} GFLOP/s = {flops / median / peak:P0} of the {r.Precision} matmul rate");
            }
            if (runs.Length == 2)
            {
                var ratios = runs[0].Total.Zip(runs[1].Total, (a, b) => a / b).ToList();
                Console.WriteLine($"bf16 speed-up over fp32: {Median(runs[0].Total) / Median(runs[1].Total):F2}x (ratio of medians); " +
                                  $"step by step median {Median(ratios):F2}x, range {ratios.Min():F2}-{ratios.Max():F2}");
            }
            Console.WriteLine($"peak RSS: {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB");
        }
        finally
        {
            foreach (var r in runs) r.Dispose();
        }
    }

    private static void TimedStep(PrecisionRun r, Tensor x, Tensor xl, Tensor y, Tensor yl, bool record)
    {
        var sw = Stopwatch.StartNew();
        double forward, backward;
        using (var scope = NewDisposeScope())
        {
            var loss = r.Model.Loss(x, xl, y, yl);
            forward = sw.Elapsed.TotalSeconds;
            loss.backward();
            backward = sw.Elapsed.TotalSeconds - forward;
        }
        var before = sw.Elapsed.TotalSeconds;
        r.Adam.Step(5.0);
        var total = sw.Elapsed.TotalSeconds;
        if (!record) return;
        r.Total.Add(total);
        r.Forward.Add(forward);
        r.Backward.Add(backward);
        r.Optimizer.Add(total - before);
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
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
