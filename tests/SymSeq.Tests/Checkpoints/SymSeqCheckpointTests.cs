using SymSeq.Checkpoints;

namespace SymSeq.Tests.Checkpoints;

/// <summary>A checkpoint checked whole is not hashed again when it loads, unless it changed in between.</summary>
[Collection("torch")]
public sealed class SymSeqCheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-ckpt-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_file_changed_after_its_check_is_still_caught_when_it_loads()
    {
        using var source = ModelDeepeningTests.Source(7);
        var path = Path.Combine(_dir, "m.symseq");
        SymSeqCheckpoint.Save(path, source, step: 3);
        SymSeqCheckpoint.CheckAny(path);
        using (SymSeqCheckpoint.LoadAny(path)) { }   // checked and unchanged: loads

        // one weight byte flipped after the check (the write time moves with it): the load hashes again and refuses
        var bytes = File.ReadAllBytes(path);
        bytes[^10] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        var e = Assert.Throws<FormatException>(() => SymSeqCheckpoint.LoadAny(path));
        Assert.Contains("checksum", e.Message);
    }
}
