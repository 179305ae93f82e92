using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Tests.Expressions;
using static TorchSharp.torch;

namespace SymSeq.Tests.Search;

[Collection("torch")]
public sealed class PrefixGrammarTests
{
    private static readonly Vocabulary Vocab = Vocabulary.Paper;
    private static readonly PrefixGrammar Grammar = PrefixGrammar.Paper;

    private static long[] Ids(IEnumerable<string> tokens) => tokens.Select(t => (long)Vocab.Id(t)).ToArray();

    [Fact]
    public void Every_encoded_expression_is_allowed_token_by_token_and_ends_exactly_where_it_is_complete()
    {
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, maxOps: 10, allowNegative: true), e =>
        {
            var ids = Ids(PrefixCodec.Encode(e));
            var s = PrefixGrammar.Start;
            foreach (var id in ids)
            {
                Assert.False(Grammar.Allows(s, Vocabulary.EosIndex) && s.Open > 0, "end of sequence allowed with operands missing");
                Assert.True(Grammar.Allows(s, id), $"'{Vocab[(int)id]}' refused in {PrefixCodec.EncodeString(e)}");
                s = Grammar.Next(s, id);
            }
            Assert.True(s.Complete);
            Assert.True(Grammar.Allows(s, Vocabulary.EosIndex));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_token_stream_the_grammar_completes_is_one_the_decoder_reads_and_the_other_way_round()
    {
        // Random streams over the whole vocabulary: the grammar must agree with the decoder on every one of them
        // (the decoder's raw form "f x" is the unknown function of a problem, never part of an answer).
        var rng = new Random(11);
        var (accepted, refused) = (0, 0);
        for (var i = 0; i < 50_000; i++)
        {
            // biased towards leaves and digits, so that a fair share of the streams is well formed
            var tokens = Enumerable.Range(0, rng.Next(1, 9)).Select(_ => rng.Next(3) == 0
                ? new[] { "x", "INT+", "INT-", "3", "0", "pi", "add", "exp" }[rng.Next(8)]
                : Vocab[rng.Next(Vocab.Count)]).ToArray();
            var complete = Grammar.After(Ids(tokens)).Complete;
            var decodes = PrefixCodec.TryDecode(tokens, out _, out _) && !tokens.Contains("f");
            Assert.True(complete == decodes, $"grammar {(complete ? "completes" : "refuses")} '{string.Join(' ', tokens)}', the decoder {(decodes ? "reads" : "rejects")} it");
            if (complete) accepted++; else refused++;
        }
        Assert.True(accepted > 500 && refused > 500, $"{accepted} accepted, {refused} refused: the draw does not test both sides");
    }

    [Theory]
    [InlineData("INT+", "x")]        // a sign needs digits
    [InlineData("x", "3")]           // a digit outside an integer
    [InlineData("x", "x")]           // one expression, not two
    [InlineData("add x", "<s>")]     // the end with an operand missing
    [InlineData("", "(")]            // the paper's words that never appear in an answer
    [InlineData("", "f")]
    public void Words_that_would_break_the_stream_are_refused(string prefix, string next)
    {
        var s = Grammar.After(Ids(prefix.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(s.Dead);
        Assert.False(Grammar.Allows(s, Vocab.Id(next)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Beam_search_within_the_grammar_returns_only_well_formed_answers(bool neverEnding)
    {
        // An untrained model writes token soup: without the grammar most of its hypotheses are malformed (or, when it
        // never ends, cut at the length limit); with it, every hypothesis is a whole expression.
        using var model = BeamSearchTests.Untrained(neverEnding);
        var sources = new[] { "sub Y' mul INT+ 2 x", "sub Y' exp x", "sub Y' div INT+ 1 add x INT+ 1" }
            .Select(s => Vocab.Encode(s.Split(' '))).ToList();
        var free = BeamSearch.Search(model, sources, beamSize: 4, maxLen: 40);
        var kept = BeamSearch.Search(model, sources, beamSize: 4, maxLen: 40, grammar: Grammar);
        var malformedFree = free.SelectMany(h => h).Count(h => !PrefixCodec.TryDecode(Vocab.Decode(h.Ids), out _, out _));
        Assert.True(malformedFree > 0, "the free search wrote no malformed hypothesis, so this test shows nothing");
        Assert.All(kept, hyps =>
        {
            Assert.NotEmpty(hyps);
            Assert.All(hyps, h => Assert.True(PrefixCodec.TryDecode(Vocab.Decode(h.Ids), out _, out var error), error));
            Assert.Equal(hyps.OrderByDescending(h => h.Score).Select(h => h.Score), hyps.Select(h => h.Score));
        });
    }
}
