using TorchSharp;
using static TorchSharp.torch;

namespace SymSeq.Model;

/// <summary>The paper's encoder-decoder: parameter names "encoder.*" and "decoder.*" match its checkpoints.</summary>
public sealed class Seq2SeqTransformer : nn.Module
{
#pragma warning disable IDE1006
    private readonly TransformerStack encoder, decoder;
#pragma warning restore IDE1006

    public ModelConfig Config { get; }
    public Precision Precision { get; set; } = Precision.Fp32;

    public Seq2SeqTransformer(ModelConfig config) : this(config, InitialWeights.Fresh) { }

    /// <summary>The model with its weights drawn fresh or adopted from a checkpoint's tensors (<see cref="InitialWeights"/>).</summary>
    public Seq2SeqTransformer(ModelConfig config, InitialWeights weights) : base("Seq2SeqTransformer")
    {
        config.Validate();
        Config = config;
        encoder = new TransformerStack(config, isDecoder: false, weights);
        decoder = new TransformerStack(config, isDecoder: true, weights);
        RegisterComponents();
    }

    public TransformerStack Encoder => encoder;
    public TransformerStack Decoder => decoder;

    public Tensor Encode(Tensor x, Tensor lengths) => encoder.Encode(x, lengths, Precision);

    /// <summary>Teacher-forced logits (bs, tlen, words) after each target prefix.</summary>
    public Tensor DecoderLogits(Tensor x, Tensor xLengths, Tensor y, Tensor yLengths)
    {
        using var scope = NewDisposeScope();
        var enc = encoder.Encode(x, xLengths, Precision);
        return decoder.Logits(decoder.Decode(y, yLengths, enc, xLengths, Precision), Precision).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The paper's training loss: mean cross-entropy of predicting y[t+1] from y[..t] over real tokens. With
    /// <paramref name="labelSmoothing"/> ε &gt; 0 the target of each token is 1 − ε on the right word and ε spread
    /// evenly over the vocabulary (Szegedy et al.; the original Transformer used 0.1); 0 is the paper's loss.
    /// </summary>
    public Tensor Loss(Tensor x, Tensor xLengths, Tensor y, Tensor yLengths, double labelSmoothing = 0)
    {
        using var scope = NewDisposeScope();
        var enc = encoder.Encode(x, xLengths, Precision);
        var hidden = decoder.Decode(y, yLengths, enc, xLengths, Precision);
        var tlen = y.shape[1];
        using var one = 1L.ToScalar();
        var predict = TransformerStack.LengthMask(tlen - 1, yLengths.sub(one));      // (bs, tlen-1)
        var h = hidden.narrow(1, 0, tlen - 1)[predict];                              // (n, dim)
        var target = y.narrow(1, 1, tlen - 1)[predict];                              // (n)
        var logits = decoder.Logits(h, Precision);
        return nn.functional.cross_entropy(logits, target, label_smoothing: labelSmoothing).MoveToOuterDisposeScope();
    }
}
