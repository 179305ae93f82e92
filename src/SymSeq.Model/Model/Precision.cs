using TorchSharp;
using static TorchSharp.torch;

namespace SymSeq.Model;

/// <summary>
/// Compute precision. Parameters always stay float32 (the master weights); in bf16 mode matrix products run
/// on bfloat16 copies and their results return to float32, while layer norms, softmax and the loss stay float32.
/// </summary>
public enum Precision { Fp32, Bf16 }

public static class PrecisionExtensions
{
    public static Precision Parse(string s) => s.ToLowerInvariant() switch
    {
        "fp32" or "float32" => Precision.Fp32,
        "bf16" or "bfloat16" => Precision.Bf16,
        _ => throw new ArgumentException($"precision must be fp32 or bf16, got '{s}'"),
    };

    /// <summary>bf16 where the CPU has native bfloat16 dot products (AVX-512 BF16 or AMX), fp32 elsewhere.</summary>
    public static Precision Default()
    {
        try
        {
            if (!File.Exists("/proc/cpuinfo")) return Precision.Fp32;
            var flags = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) ?? "";
            return flags.Contains(" avx512_bf16") || flags.Contains(" amx_bf16") ? Precision.Bf16 : Precision.Fp32;
        }
        catch (IOException) { return Precision.Fp32; }
    }

    /// <summary>The element type matrix products run in.</summary>
    public static ScalarType ComputeType(this Precision p) => p == Precision.Bf16 ? ScalarType.BFloat16 : ScalarType.Float32;

    /// <summary>
    /// x·Wᵀ + b where x is already in the compute type; the result stays in it, so consecutive products
    /// (q/k/v → attention → output, lin1 → relu → lin2) cast activations once rather than around every product.
    /// In fp32 the casts are no-ops that return the same tensors.
    /// </summary>
    public static Tensor LinearInCompute(this Precision p, Tensor x, Tensor weight, Tensor? bias)
    {
        var t = p.ComputeType();
        return nn.functional.linear(x, weight.to(t), bias?.to(t));
    }

    public static Tensor LinearInCompute(this Precision p, Tensor x, TorchSharp.Modules.Linear layer) =>
        p.LinearInCompute(x, layer.weight!, layer.bias);
}
