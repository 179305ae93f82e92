using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymSeq.Model;

/// <summary>
/// One side of the paper's TransformerModel (encoder, or decoder with attention over the source and an output
/// projection). Post-LayerNorm (eps 1e-12) after each residual, an embedding LayerNorm, learned positions,
/// padded positions zeroed after each layer. Field names are the paper's parameter names.
/// </summary>
public sealed class TransformerStack : nn.Module
{
#pragma warning disable IDE1006
    private readonly Embedding position_embeddings, embeddings;
    private readonly LayerNorm layer_norm_emb;
    private readonly ModuleList<MultiHeadAttention> attentions;
    private readonly ModuleList<LayerNorm> layer_norm1, layer_norm2;
    private readonly ModuleList<FeedForward> ffns;
    private readonly ModuleList<LayerNorm>? layer_norm15;
    private readonly ModuleList<MultiHeadAttention>? encoder_attn;
    private readonly OutputProjection? proj;
#pragma warning restore IDE1006

    public bool IsDecoder { get; }
    public int Layers { get; }
    public int Dim { get; }

    /// <summary>The stack with its weights drawn fresh or adopted from a checkpoint (<see cref="InitialWeights"/>).</summary>
    public TransformerStack(ModelConfig c, bool isDecoder, InitialWeights w) : base(isDecoder ? "decoder" : "encoder")
    {
        IsDecoder = isDecoder;
        Layers = isDecoder ? c.DecoderLayers : c.EncoderLayers;
        Dim = c.EmbDim;
        var name = isDecoder ? "decoder" : "encoder";
        position_embeddings = w.Embedding($"{name}.position_embeddings", c.MaxPositions, c.EmbDim);
        embeddings = w.Embedding($"{name}.embeddings", c.Words, c.EmbDim, c.PadIndex);
        w.PaperEmbeddings(position_embeddings, embeddings, c.PadIndex);
        layer_norm_emb = w.LayerNorm($"{name}.layer_norm_emb", c.EmbDim);
        attentions = new ModuleList<MultiHeadAttention>();
        layer_norm1 = new ModuleList<LayerNorm>();
        layer_norm2 = new ModuleList<LayerNorm>();
        ffns = new ModuleList<FeedForward>();
        if (isDecoder)
        {
            layer_norm15 = new ModuleList<LayerNorm>();
            encoder_attn = new ModuleList<MultiHeadAttention>();
        }
        for (var i = 0; i < Layers; i++)
        {
            attentions.Add(new MultiHeadAttention(c.Heads, c.EmbDim, w, $"{name}.attentions.{i}"));
            layer_norm1.Add(w.LayerNorm($"{name}.layer_norm1.{i}", c.EmbDim));
            if (isDecoder)
            {
                layer_norm15!.Add(w.LayerNorm($"{name}.layer_norm15.{i}", c.EmbDim));
                encoder_attn!.Add(new MultiHeadAttention(c.Heads, c.EmbDim, w, $"{name}.encoder_attn.{i}"));
            }
            ffns.Add(new FeedForward(c.EmbDim, c.HiddenDim, w, $"{name}.ffns.{i}"));
            layer_norm2.Add(w.LayerNorm($"{name}.layer_norm2.{i}", c.EmbDim));
        }
        if (isDecoder) proj = new OutputProjection(c.EmbDim, c.Words, c.ShareInOutEmbeddings ? null : c.EmbDim, w, $"{name}.proj");
        RegisterComponents();
    }

    public static Tensor LengthMask(long len, Tensor lengths) =>
        arange(len, ScalarType.Int64, lengths.device).unsqueeze(0) < lengths.unsqueeze(1);

    private Tensor Embed(Tensor x, Tensor positions)
    {
        var t = embeddings.forward(x) + position_embeddings.forward(positions);
        return layer_norm_emb.forward(t);
    }

    /// <summary>Encoder: x (bs, slen) ids, lengths (bs) → (bs, slen, dim).</summary>
    public Tensor Encode(Tensor x, Tensor lengths, Precision p)
    {
        using var scope = NewDisposeScope();
        var slen = x.shape[1];
        var mask = LengthMask(slen, lengths);
        var keep = mask.unsqueeze(-1).to(ScalarType.Float32);
        var keyMask = mask.view(mask.shape[0], 1, 1, slen);
        var t = Embed(x, arange(slen, ScalarType.Int64, x.device)) * keep;
        for (var i = 0; i < Layers; i++)
        {
            t = layer_norm1[i].forward(t + attentions[i].Forward(t, keyMask, p));
            t = layer_norm2[i].forward(t + ffns[i].Forward(t, p));
            t = t * keep;
        }
        return t.MoveToOuterDisposeScope();
    }

    /// <summary>Decoder with teacher forcing: y (bs, tlen) ids → hidden states (bs, tlen, dim).</summary>
    public Tensor Decode(Tensor y, Tensor yLengths, Tensor srcEnc, Tensor srcLengths, Precision p)
    {
        using var scope = NewDisposeScope();
        var tlen = y.shape[1];
        var keep = LengthMask(tlen, yLengths).unsqueeze(-1).to(ScalarType.Float32);
        var causal = ones(tlen, tlen, ScalarType.Bool, y.device).tril().view(1, 1, tlen, tlen);
        var srcMask = SourceMask(srcEnc, srcLengths);
        var t = Embed(y, arange(tlen, ScalarType.Int64, y.device)) * keep;
        for (var i = 0; i < Layers; i++)
        {
            t = layer_norm1[i].forward(t + attentions[i].Forward(t, causal, p));
            t = layer_norm15![i].forward(t + encoder_attn![i].Forward(t, srcMask, p, kv: srcEnc));
            t = layer_norm2[i].forward(t + ffns[i].Forward(t, p));
            t = t * keep;
        }
        return t.MoveToOuterDisposeScope();
    }

    private static Tensor SourceMask(Tensor srcEnc, Tensor srcLengths) =>
        LengthMask(srcEnc.shape[1], srcLengths).view(srcEnc.shape[0], 1, 1, srcEnc.shape[1]);

    /// <summary>Starts incremental decoding over an encoded source.</summary>
    public DecoderState StartDecoding(Tensor srcEnc, Tensor srcLengths, Precision p)
    {
        var bs = srcEnc.shape[0];
        var dh = Dim / attentions[0].Heads;
        var self = new List<KeyValue>();
        var cross = new List<KeyValue>();
        for (var i = 0; i < Layers; i++)
        {
            self.Add(new KeyValue(empty([bs, attentions[i].Heads, 0, dh], p.ComputeType(), srcEnc.device), empty([bs, attentions[i].Heads, 0, dh], p.ComputeType(), srcEnc.device)));
            cross.Add(encoder_attn![i].Project(srcEnc, p));
        }
        return new DecoderState(self, cross, SourceMask(srcEnc, srcLengths));
    }

    /// <summary>One decoding step: the last tokens (bs) at position `position` → logits (bs, words).</summary>
    public Tensor Step(Tensor lastTokens, long position, DecoderState state, Precision p)
    {
        using var scope = NewDisposeScope();
        var x = lastTokens.view(-1, 1);
        var t = Embed(x, tensor(new[] { position }, device: x.device));
        for (var i = 0; i < Layers; i++)
        {
            t = layer_norm1[i].forward(t + attentions[i].Forward(t, null, p, cache: state.Self[i], appendToCache: true));
            t = layer_norm15![i].forward(t + encoder_attn![i].Forward(t, state.SourceMask, p, cache: state.Cross[i]));
            t = layer_norm2[i].forward(t + ffns[i].Forward(t, p));
        }
        return Logits(t.squeeze(1), p).MoveToOuterDisposeScope();
    }

    /// <summary>Word scores from hidden states (..., dim) → (..., words).</summary>
    public Tensor Logits(Tensor hidden, Precision p) => proj!.Forward(hidden, embeddings.weight!, p);
}
