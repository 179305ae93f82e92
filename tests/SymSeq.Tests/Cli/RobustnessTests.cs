using SymSeq.Checkpoints;
using SymSeq.Model;

namespace SymSeq.Tests.Cli;

/// <summary>Every bad input ends in one line naming what went wrong, a nonzero exit code, and no stack trace.</summary>
[Collection("torch")]
public class RobustnessTests
{
    private static readonly string Tiny = TestPaths.Fixture("reference/tiny.pth");

    internal static void AssertCleanError((int Code, string Out, string Err) r, string? mentions = null)
    {
        Assert.NotEqual(0, r.Code);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.DoesNotContain("Unhandled exception", r.Err);
        Assert.DoesNotContain("internal error", r.Err);
        if (mentions is not null) Assert.Contains(mentions, r.Err);
    }

    [Theory]
    [InlineData("1/0")]
    [InlineData("0/0")]
    [InlineData("ln(0)")]
    [InlineData("x/(x-x)")]
    [InlineData("0^-1")]
    public void Undefined_expressions_are_errors(string e)
    {
        AssertCleanError(CliRunner.Run("simplify", e), "undefined");
        AssertCleanError(CliRunner.Run("diff", e), "undefined");
        AssertCleanError(CliRunner.Run("integrate", e, "--model", Tiny), "undefined");
    }

    [Fact]
    public void The_derivative_of_an_undefined_power_is_an_error() => AssertCleanError(CliRunner.Run("diff", "0^x"), "undefined");

    [Theory]
    [InlineData("+")]
    [InlineData("*")]
    public void Twenty_thousand_terms_do_not_overflow_the_stack(string op)
    {
        var e = string.Join(op, Enumerable.Repeat("x", 20_000));
        foreach (var cmd in new[] { "simplify", "diff" })
        {
            var r = CliRunner.Run(cmd, e);
            Assert.True(r.Code is 0 or 1, r.Err);
            Assert.DoesNotContain("   at ", r.Err);
        }
        Assert.Equal("x^20000", CliRunner.Run("simplify", string.Join("*", Enumerable.Repeat("x", 20_000))).Out.Trim());
    }

    [Fact]
    public void A_two_thousand_operator_derivative_finishes_or_says_it_ran_out_of_time()
    {
        var e = string.Concat(Enumerable.Repeat("sin(", 400)) + "x" + new string(')', 400);
        e = string.Join("*", Enumerable.Repeat(e, 5));
        var r = CliRunner.Run("diff", e);
        if (r.Code != 0) AssertCleanError(r, "time budget");
    }

    [Fact]
    public void An_integrand_may_not_contain_the_unknown_function() =>
        AssertCleanError(CliRunner.Run("integrate", "f'(x)", "--model", Tiny), "may not contain");

    [Theory]
    [InlineData("--cas", "mathematica", "Argument 'mathematica' not recognized")]
    [InlineData("--time-limit", "-1", "--time-limit")]
    [InlineData("--time-limit", "soon", "--time-limit")]
    [InlineData("--wide-beam", "-5", "--wide-beam")]
    [InlineData("--format", "html", "--format")]
    public void Bad_search_options_are_named_before_the_model_loads(string option, string value, string message) =>
        AssertCleanError(CliRunner.Run("integrate", "x*cos(x)", option, value, "--model", "/nonexistent/model.symseq"), message);

    [Fact]
    public void Huge_powers_end_quickly()
    {
        foreach (var e in new[] { "10^5000", "10^(10^5)", "x^(10^20)" })
            Assert.True(CliRunner.Run("simplify", e).Code is 0 or 1);
        var r = CliRunner.Run("integrate", "x^(10^20)", "--model", Tiny, "--beam", "2", "--cas", "none");
        Assert.True(r.Code is 0 or 1 or 3, r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void An_input_longer_than_the_model_accepts_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"symseq-short-{Guid.NewGuid():N}.symseq");
        try
        {
            using (var m = new Seq2SeqTransformer(new ModelConfig { EmbDim = 16, Heads = 2, EncoderLayers = 1, DecoderLayers = 1, MaxPositions = 24 }))
                SymSeqCheckpoint.Save(path, m, 0);
            var r = CliRunner.Run("integrate", string.Join("+", Enumerable.Range(1, 30).Select(i => $"x^2*tan({i}*x)^2")), "--model", path);   // not elementary: the rules leave it to the model
            AssertCleanError(r, "this model accepts at most 22");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Damaged_checkpoints_are_named_not_loaded()
    {
        var dir = Directory.CreateTempSubdirectory("symseq-ckpt").FullName;
        try
        {
            var good = Path.Combine(dir, "good.symseq");
            using (var m = new Seq2SeqTransformer(new ModelConfig { EmbDim = 16, Heads = 2, EncoderLayers = 1, DecoderLayers = 1, MaxPositions = 64 }))
                SymSeqCheckpoint.Save(good, m, 3);
            var bytes = File.ReadAllBytes(good);

            var cut = Path.Combine(dir, "cut.symseq");
            File.WriteAllBytes(cut, bytes[..40]); // inside the header
            AssertCleanError(CliRunner.Run("integrate", "x", "--model", cut), "damaged");

            var flipped = Path.Combine(dir, "flipped.symseq");
            var f = (byte[])bytes.Clone();
            for (var i = 12; i < 60; i++) f[i] ^= 0x5A; // the JSON header
            File.WriteAllBytes(flipped, f);
            AssertCleanError(CliRunner.Run("integrate", "x", "--model", flipped), "damaged");

            var zeroed = Path.Combine(dir, "zeroed.symseq");
            var z = (byte[])bytes.Clone();
            Array.Clear(z, z.Length - 400, 300); // weights
            File.WriteAllBytes(zeroed, z);
            AssertCleanError(CliRunner.Run("integrate", "x", "--model", zeroed), "checksum");
            AssertCleanError(CliRunner.Run("export", "--model", zeroed, "--out", Path.Combine(dir, "out.symseq")), "checksum");

            var text = Path.Combine(dir, "notes.txt");
            File.WriteAllText(text, "these are not weights");
            AssertCleanError(CliRunner.Run("integrate", "x", "--model", text), "neither a SymSeq checkpoint nor a PyTorch .pth");
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>A checkpoint whose JSON header is rewritten by <paramref name="edit"/> (with or without its header checksum).</summary>
    internal static byte[] EditedHeader(byte[] file, Action<System.Text.Json.Nodes.JsonObject> edit, bool keepChecksum)
    {
        var length = BitConverter.ToInt32(file, 8);
        var header = System.Text.Json.Nodes.JsonNode.Parse(file.AsSpan(12, length))!.AsObject();
        edit(header);
        if (!keepChecksum) header.Remove("HeaderSha256");   // as a file written before the header had one
        var bytes = System.Text.Encoding.UTF8.GetBytes(header.ToJsonString());
        return [.. file[..8], .. BitConverter.GetBytes(bytes.Length), .. bytes, .. file[(12 + length)..]];
    }

    public static TheoryData<string, bool> HeaderEdits() => new()
    {
        { "EosIndex=500", true }, { "EosIndex=500", false }, { "EosIndex=-1", false }, { "PadIndex=99", false }, { "Words=1", false },
        { "MaxPositions=2000000000", false }, { "EmbDim=0", false }, { "Heads=7", false }, { "EncoderLayers=100000", false },
        { "shape=huge", false }, { "shape=negative", false }, { "Step=-5", false }, { "Step=99", true },
    };

    [Theory]
    [MemberData(nameof(HeaderEdits))]
    public void Edited_checkpoint_headers_are_named_not_loaded(string edit, bool keepChecksum)
    {
        var dir = Directory.CreateTempSubdirectory("symseq-hdr").FullName;
        try
        {
            var good = Path.Combine(dir, "good.symseq");
            using (var m = new Seq2SeqTransformer(new ModelConfig { EmbDim = 16, Heads = 2, EncoderLayers = 1, DecoderLayers = 1, MaxPositions = 64 }))
                SymSeqCheckpoint.Save(good, m, 3);
            var (field, value) = (edit.Split('=')[0], edit.Split('=')[1]);
            var bad = Path.Combine(dir, "bad.symseq");
            File.WriteAllBytes(bad, EditedHeader(File.ReadAllBytes(good), h =>
            {
                var first = h["Tensors"]!.AsArray()[0]!.AsObject();
                switch (field)
                {
                    case "shape": first["Shape"] = value == "huge" ? new System.Text.Json.Nodes.JsonArray(1L << 40, 1L << 40) : new System.Text.Json.Nodes.JsonArray(-3, 16); break;
                    case "Step": h["Step"] = long.Parse(value); break;
                    default: h["Config"]![field] = long.Parse(value); break;
                }
            }, keepChecksum));
            Assert.Throws<FormatException>(() => SymSeqCheckpoint.LoadModel(bad).Dispose());
            AssertCleanError(CliRunner.Run("integrate", "x", "--model", bad), "damaged");
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("--data ,", "empty item")]
    [InlineData("--beam 1,, --data models/test/bwd.test", "empty item")]
    [InlineData("--data models/test/bwd.test,", "empty item")]
    [InlineData("--data models", "is a folder")]
    public void Malformed_lists_and_folders_are_named(string args, string message)
    {
        var r = CliRunner.Run(["evaluate", .. args.Split(' ').Select(a => a.StartsWith("models", StringComparison.Ordinal) ? Path.Combine(TestPaths.Repo, a) : a), "--limit", "1"]);
        AssertCleanError(r, message);
    }

    [Fact]
    public void A_log_is_a_file_and_leaves_no_lock_behind()
    {
        var dir = Directory.CreateTempSubdirectory("symseq-evlog").FullName;
        try
        {
            string[] args = ["evaluate", "--model", TestPaths.Fixture("reference/tiny.pth"), "--data", Path.Combine(TestPaths.Repo, "models/test/bwd.test"),
                "--limit", "1", "--beam", "1", "--out"];
            AssertCleanError(CliRunner.Run([.. args, dir]), "is a folder");
            Assert.False(File.Exists(dir + ".lock"));
            var log = Path.Combine(dir, "run.jsonl");
            var r = CliRunner.Run([.. args, log]);
            Assert.True(r.Code == 0, r.Err);
            Assert.Equal(["run.jsonl"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void An_empty_output_path_is_refused_not_the_current_folder()
    {
        var r = CliRunner.Run("generate", "--task", "bwd", "--count", "5", "--out", "");
        AssertCleanError(r, "--out: the value is empty");
        Assert.False(File.Exists("bwd.prefix"));
    }

    [Theory]
    [InlineData("--operators", "add:1")]
    [InlineData("--leaf-probs", "0,0,0,1")]
    public void Settings_that_make_no_example_stop_with_the_reasons(string option, string value)
    {
        var dir = Directory.CreateTempSubdirectory("symseq-barren").FullName;
        try { AssertCleanError(CliRunner.Run("generate", "--task", "bwd", "--count", "10", "--out", dir, option, value), "cannot produce data"); }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Scientific_notation_is_integrated_as_the_number()
    {
        var r = CliRunner.Run("integrate", "1e-30*x", "--no-model", "--cas", "none");
        Assert.True(r.Code == 0, r.Err);
        Assert.Equal("x^2/2000000000000000000000000000000 + C", r.Out.Trim());
    }

    [Fact]
    public void A_full_device_as_output_is_an_error()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/dev/full")) return;
        AssertCleanError(CliRunner.Run("verify", "--data", Path.Combine(TestPaths.Repo, "models/test/bwd.test"), "--limit", "3", "--json", "/dev/full"), "disk is full");
    }

    [Fact]
    public void Answers_are_printed_simplified()
    {
        // Whatever the tiny model proposes, a printed answer is in canonical form: printing it again changes nothing.
        var r = CliRunner.Run("integrate", "1", "--model", Tiny, "--beam", "5");
        if (r.Code != 0) return;
        var answer = r.Out.Trim()[..^" + C".Length];
        Assert.Equal(answer, CliRunner.Run("simplify", answer).Out.Trim());
    }
}
