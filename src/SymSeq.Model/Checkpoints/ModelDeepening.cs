using SymSeq.Model;
using static TorchSharp.torch;

namespace SymSeq.Checkpoints;

/// <summary>
/// A deeper copy of a trained model that computes what the source computes (function-preserving growth, as in
/// Net2Net, Chen et al. 2016): layers are appended to the encoder and the decoder, each starting as the identity,
/// so a training stage can warm-start a larger model from the last shipped weights instead of from scratch.
/// </summary>
/// <remarks>
/// In the paper's post-LayerNorm layer, t ← LN2(t + FFN(LN1(t + Attn(t)))). A new layer whose attention and
/// feed-forward output projections are zero (weights and biases) and whose LayerNorms have no affine part maps a
/// LayerNorm output z to LN(LN(z)) = z (z already has mean 0 and variance 1; eps 1e-12). So the source's last
/// layer gives up the affine part of its final LayerNorm (γ, β) to the new last layer, and every layer in between is
/// the identity. The new layers' query, key, value and first feed-forward weights keep their fresh random
/// initialization: the zero output projections receive gradients from the first step and open the layer up.
/// Padded positions stay zero: LN of the zero vector is β, zero for the in-between layers, and the mask zeroes the
/// last layer's output as before.
/// </remarks>
public static class ModelDeepening
{
    /// <summary>The source model with <paramref name="encoderLayers"/> encoder and <paramref name="decoderLayers"/> decoder layers, ready for inference.</summary>
    public static Seq2SeqTransformer Deepen(Seq2SeqTransformer source, int encoderLayers, int decoderLayers)
    {
        var original = source.Config;
        if (encoderLayers < original.EncoderLayers || decoderLayers < original.DecoderLayers)
            throw new ArgumentException($"deepening cannot remove layers: the model has {original.EncoderLayers} encoder and {original.DecoderLayers} decoder layers, asked for {encoderLayers} and {decoderLayers}");
        var model = new Seq2SeqTransformer(original with { EncoderLayers = encoderLayers, DecoderLayers = decoderLayers });
        try
        {
            using var _ = no_grad();
            var target = model.state_dict();
            foreach (var (name, value) in source.state_dict()) target[name].copy_(value);
            Open(target, "encoder", original.EncoderLayers, encoderLayers, ["attentions"]);
            Open(target, "decoder", original.DecoderLayers, decoderLayers, ["attentions", "encoder_attn"]);
            model.eval();
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Makes layers [old, layers) of one side the identity and moves the old last layer's final affine to the new last layer.</summary>
    private static void Open(IDictionary<string, Tensor> w, string side, int old, int layers, string[] attentions)
    {
        if (layers == old) return;   // nothing appended: the old last layer keeps its affine
        for (var i = old; i < layers; i++)
        {
            foreach (var a in attentions) Zero(w, $"{side}.{a}.{i}.out_lin");
            Zero(w, $"{side}.ffns.{i}.lin2");
            foreach (var norm in new[] { "layer_norm1", "layer_norm15", "layer_norm2" })
                if (w.ContainsKey($"{side}.{norm}.{i}.weight")) NoAffine(w, $"{side}.{norm}.{i}");
        }
        foreach (var part in new[] { "weight", "bias" })
            w[$"{side}.layer_norm2.{layers - 1}.{part}"].copy_(w[$"{side}.layer_norm2.{old - 1}.{part}"]);
        NoAffine(w, $"{side}.layer_norm2.{old - 1}");
    }

    private static void NoAffine(IDictionary<string, Tensor> w, string layerNorm)
    {
        w[$"{layerNorm}.weight"].fill_(1);
        w[$"{layerNorm}.bias"].zero_();
    }

    private static void Zero(IDictionary<string, Tensor> w, string linear)
    {
        w[$"{linear}.weight"].zero_();
        w[$"{linear}.bias"].zero_();
    }
}
