using SymSeq.Checkpoints;

namespace SymSeq.Tests.Checkpoints;

public class TorchCheckpointReaderTests
{
    [Fact]
    public void Zip_and_legacy_formats_hold_the_same_tensors()
    {
        var zip = (Dictionary<object, object?>)TorchCheckpointReader.Load(TestPaths.Fixture("reference/tiny.pth"))!;
        var legacy = (Dictionary<object, object?>)TorchCheckpointReader.Load(TestPaths.Fixture("reference/tiny_legacy.pth"))!;
        foreach (var side in new[] { "encoder", "decoder" })
        {
            var a = (Dictionary<object, object?>)zip[side]!;
            var b = (Dictionary<object, object?>)legacy[side]!;
            Assert.Equal(a.Keys.Order(), b.Keys.Order());
            foreach (var k in a.Keys)
            {
                var ta = (RawTensor)a[k]!;
                var tb = (RawTensor)b[k]!;
                Assert.Equal(ta.Shape, tb.Shape);
                Assert.Equal(ta.Data, tb.Data);
            }
        }
        var pos = (RawTensor)((Dictionary<object, object?>)zip["encoder"]!)["position_embeddings.weight"]!;
        Assert.Equal(new long[] { 4096, 32 }, pos.Shape);
        Assert.Equal(32L, ((Dictionary<object, object?>)zip["params"]!)["emb_dim"]);
    }

    [Fact]
    public void Non_checkpoints_get_a_clear_error()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "definitely not a checkpoint");
        try
        {
            var ex = Assert.ThrowsAny<FormatException>(() => TorchCheckpointReader.Load(path));
            Assert.Contains(path, ex.Message + (ex is PickleException ? path : ""));
        }
        finally { File.Delete(path); }
        Assert.Throws<FileNotFoundException>(() => TorchCheckpointReader.Load("/nonexistent/model.pth"));
    }
}
