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

    /// <summary>x·Wᵀ + b in the compute precision, returned as float32.</summary>
    public static Tensor Linear(this Precision p, Tensor x, TorchSharp.Modules.Linear layer)
    {
        if (p == Precision.Fp32) return layer.forward(x);
        using var scope = NewDisposeScope();
        var y = nn.functional.linear(x.to(ScalarType.BFloat16), layer.weight!.to(ScalarType.BFloat16), layer.bias?.to(ScalarType.BFloat16));
        return y.to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>a·b in the compute precision, returned as float32.</summary>
    public static Tensor MatMul(this Precision p, Tensor a, Tensor b)
    {
        if (p == Precision.Fp32) return a.matmul(b);
        using var scope = NewDisposeScope();
        return a.to(ScalarType.BFloat16).matmul(b.to(ScalarType.BFloat16)).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
