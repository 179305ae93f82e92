using System.Text;
using System.Text.Json;
using SymSeq.Datasets;
using SymSeq.Model;
using static TorchSharp.torch;

namespace SymSeq.Checkpoints;

/// <summary>What a SymSeq checkpoint records besides tensors.</summary>
public sealed record CheckpointInfo(ModelConfig Config, long Step, Dictionary<string, string> Meta);

/// <summary>
/// SymSeq's own checkpoint file: "SYMSEQ1", a JSON header (model config, step, metadata, tensor table), then the
/// tensors' bytes, float32 or float16 (half precision halves the size of a shipped model). Written atomically:
/// a crash leaves the previous checkpoint intact.
/// </summary>
public static partial class SymSeqCheckpoint
{
    private static readonly byte[] Magic = "SYMSEQ1\n"u8.ToArray();

    private sealed record Entry(string Name, long[] Shape, string Dtype, long Offset, long Bytes);
    /// <param name="Sha256">Hex SHA-256 of all tensor bytes; files written before it existed have none and load unchecked.</param>
    /// <param name="HeaderSha256">Hex SHA-256 of this header written with both checksums empty: an edited field is caught
    /// too (files written before it existed have none; every field is still checked against what a model can be).</param>
    private sealed record Header(ModelConfig Config, long Step, Dictionary<string, string> Meta, List<Entry> Tensors, string? Sha256 = null,
        string? HeaderSha256 = null);

    /// <summary>
    /// The header's JSON, generated at compile time: the reflection-based serializer spent about 70 ms of a process
    /// that loads one model on building its converters. Default options, so the bytes (and the header checksum of
    /// every file written before) are the same.
    /// </summary>
    [System.Text.Json.Serialization.JsonSerializable(typeof(Header))]
    private sealed partial class HeaderJson : System.Text.Json.Serialization.JsonSerializerContext;

    private static string HeaderChecksum(Header h) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(h with { Sha256 = null, HeaderSha256 = null }, HeaderJson.Default.Header)));

    public static void Save(string path, Seq2SeqTransformer model, long step, IEnumerable<(string Name, Tensor Value)>? extra = null,
        Dictionary<string, string>? meta = null, bool half = false)
    {
        var tensors = model.state_dict().Select(kv => (kv.Key, kv.Value)).Concat(extra ?? []).ToList();
        var entries = new List<Entry>();
        var blobs = new List<byte[]>();
        long offset = 0;
        foreach (var (name, t) in tensors)
        {
            // Optimizer moments stay float32: halving them would change the resumed trajectory.
            var useHalf = half && !name.StartsWith("adam.", StringComparison.Ordinal);
            // Each intermediate held and disposed: a temporary left to the finalizer may be freed mid-call.
            using var detached = t.detach();
            using var onCpu = detached.cpu();
            using var contiguous = onCpu.contiguous();
            using var c = contiguous.to(useHalf ? ScalarType.Float16 : ScalarType.Float32);
            var bytes = c.bytes.ToArray();
            entries.Add(new Entry(name, t.shape, useHalf ? "f16" : "f32", offset, bytes.Length));
            blobs.Add(bytes);
            offset += bytes.Length;
        }
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var b in blobs) sha.AppendData(b);
        var fields = new Header(model.Config, step, meta ?? [], entries);
        var header = JsonSerializer.SerializeToUtf8Bytes(fields with { Sha256 = Convert.ToHexString(sha.GetHashAndReset()), HeaderSha256 = HeaderChecksum(fields) }, HeaderJson.Default.Header);
        AtomicFile.WriteStream(path, s =>
        {
            s.Write(Magic);
            s.Write(BitConverter.GetBytes(header.Length));
            s.Write(header);
            foreach (var b in blobs) s.Write(b);
        });
    }

    public static bool IsSymSeqCheckpoint(string path)
    {
        if (!File.Exists(path)) return false;
        using var f = File.OpenRead(path);
        var head = new byte[Magic.Length];
        return f.Read(head) == head.Length && head.AsSpan().SequenceEqual(Magic);
    }

    /// <summary>Reads the header only: configuration, step and metadata, without the weights.</summary>
    public static CheckpointInfo ReadInfo(string path)
    {
        using var f = OpenChecked(path);
        using var r = new BinaryReader(f);
        var header = ReadHeader(path, f, r);
        return new CheckpointInfo(header.Config, header.Step, header.Meta);
    }

    /// <summary>
    /// Checks a checkpoint whole without loading it (no libtorch): its header, and its weights against their checksum.
    /// Throws <see cref="FormatException"/> naming the damage, as loading would.
    /// </summary>
    public static void Check(string path)
    {
        using var f = OpenChecked(path);
        using var r = new BinaryReader(f);
        var header = ReadHeader(path, f, r);
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var _ in Blobs(path, f, r, header, sha)) { }
        CheckWeights(path, header, sha);
        Checked.Remember(path);
    }

    /// <summary>
    /// The files whose weights matched their checksum in this process, with the length and write time they had then: a
    /// model checked before any work (<see cref="CheckAny"/>) loads without hashing its 26 MB a second time, unless
    /// the file changed since.
    /// </summary>
    private static class Checked
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Length, DateTime Written)> Files = new();

        private static (string Path, (long, DateTime) State) Now(string path)
        {
            var info = new FileInfo(path);
            return (info.FullName, (info.Length, info.LastWriteTimeUtc));
        }

        public static void Remember(string path)
        {
            var (full, state) = Now(path);
            Files[full] = state;
        }

        public static bool Unchanged(string path)
        {
            var (full, state) = Now(path);
            return Files.TryGetValue(full, out var seen) && seen == state;
        }
    }

    /// <summary>Each tensor's entry and bytes in turn, added to <paramref name="sha"/>; a file cut short is named as damaged.</summary>
    private static IEnumerable<(Entry Entry, byte[] Bytes)> Blobs(string path, FileStream f, BinaryReader r, Header header, System.Security.Cryptography.IncrementalHash? sha)
    {
        var start = f.Position;
        foreach (var e in header.Tensors)
        {
            if (e.Offset < 0 || e.Bytes < 0 || start + e.Offset + e.Bytes > f.Length)
                throw new FormatException($"'{path}' is damaged: it is cut short at tensor {e.Name}");
            f.Position = start + e.Offset;
            var bytes = r.ReadBytes(checked((int)e.Bytes));
            if (bytes.Length != e.Bytes) throw new FormatException($"'{path}' is truncated at tensor {e.Name}");
            sha?.AppendData(bytes);
            yield return (e, bytes);
        }
    }

    /// <summary>Throws when the weights read into <paramref name="sha"/> do not match the header's checksum.</summary>
    private static void CheckWeights(string path, Header header, System.Security.Cryptography.IncrementalHash sha)
    {
        if (header.Sha256 is { } expected && !string.Equals(expected, Convert.ToHexString(sha.GetHashAndReset()), StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"'{path}' is damaged: its weights do not match their checksum (the file was changed after it was written)");
    }

    private static FileStream OpenChecked(string path) =>
        File.Exists(path) ? File.OpenRead(path) : throw SymSeq.Datasets.MissingFile.Error(path, "checkpoint");

    private static Header ReadHeader(string path, FileStream f, BinaryReader r)
    {
        if (f.Length < Magic.Length + 4 || !r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new FormatException($"'{path}' is not a SymSeq checkpoint");
        var headerLength = r.ReadInt32();
        if (headerLength <= 0 || headerLength > f.Length - f.Position)
            throw new FormatException($"'{path}' is damaged: its header is cut short (the file is {f.Length:N0} bytes)");
        try
        {
            var header = JsonSerializer.Deserialize(r.ReadBytes(headerLength), HeaderJson.Default.Header) ?? throw new JsonException("empty header");
            if (header.Config is null || header.Tensors is null || header.Meta is null) throw new JsonException("the header lacks the model configuration, the metadata or the tensor table");
            if (header.HeaderSha256 is { } expected && !string.Equals(expected, HeaderChecksum(header), StringComparison.OrdinalIgnoreCase))
                throw new FormatException($"'{path}' is damaged: its header does not match its checksum (the file was changed after it was written)");
            header.Config.Validate();
            if (header.Step < 0) throw new ArgumentException($"the step is {header.Step}");
            foreach (var e in header.Tensors)
            {
                if (e?.Name is null || e.Shape is null || e.Dtype is null) throw new ArgumentException("a tensor entry lacks its name, shape or type");
                if (e.Shape.Length > 8 || e.Shape.Any(d => d < 0 || d > int.MaxValue))
                    throw new ArgumentException($"tensor {e.Name} has shape [{string.Join(", ", e.Shape)}]");
                var elements = e.Shape.Aggregate(1.0, (p, d) => p * d);
                if (elements * (e.Dtype == "f16" ? 2 : 4) != e.Bytes || e.Bytes > f.Length)
                    throw new ArgumentException($"tensor {e.Name} has {e.Bytes} bytes for shape [{string.Join(", ", e.Shape)}] ({e.Dtype})");
            }
            return header;
        }
        catch (JsonException e) { throw new FormatException($"'{path}' is damaged: its header is unreadable ({e.Message})"); }
        catch (ArgumentException e) { throw new FormatException($"'{path}' is damaged: {e.Message}"); }
    }

    /// <summary>Reads the header and all tensors (as float32 CPU tensors, caller disposes).</summary>
    public static (CheckpointInfo Info, Dictionary<string, Tensor> Tensors) Read(string path)
    {
        using var f = OpenChecked(path);
        using var r = new BinaryReader(f);
        var header = ReadHeader(path, f, r);
        var tensors = new Dictionary<string, Tensor>();
        // checked whole already in this process and unchanged since: its weights need no second hash
        using var sha = Checked.Unchanged(path) ? null : System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        // the checksum is computed on another core while the tensors are made; it is checked before the model is returned
        var blobs = Blobs(path, f, r, header, null).ToList();
        var hashing = sha is null ? null : Task.Run(() => { foreach (var (_, bytes) in blobs) sha.AppendData(bytes); });
        try
        {
            foreach (var (e, bytes) in blobs)
            {
                var dtype = e.Dtype == "f16" ? ScalarType.Float16 : e.Dtype == "f32" ? ScalarType.Float32
                    : throw new FormatException($"'{path}' is damaged: tensor {e.Name} has unknown type '{e.Dtype}'");
                var t = empty(e.Shape, dtype);
                if (t.NumberOfElements * (dtype == ScalarType.Float16 ? 2 : 4) != e.Bytes)
                    throw new FormatException($"'{path}' is damaged: tensor {e.Name} has {e.Bytes} bytes for shape [{string.Join(", ", e.Shape)}]");
                t.bytes = bytes;
                if (dtype == ScalarType.Float32) { tensors[e.Name] = t; continue; }
                // Keep the half-precision tensor referenced until the conversion returns, then free it: left to the
                // finalizer, it can be collected while libtorch is still reading it ("tensor does not have a device").
                var converted = t.to(ScalarType.Float32);
                GC.KeepAlive(t);
                t.Dispose();
                tensors[e.Name] = converted;
            }
            if (sha is not null)
            {
                hashing!.Wait();
                CheckWeights(path, header, sha);
                Checked.Remember(path);
            }
        }
        catch
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw;
        }
        finally { hashing?.Wait(); }   // never dispose the hash while it is still being computed
        return (new CheckpointInfo(header.Config, header.Step, header.Meta), tensors);
    }

    /// <summary>A model ready for inference from a SymSeq checkpoint.</summary>
    public static Seq2SeqTransformer LoadModel(string path) => LoadModel(path, out _);

    /// <summary>The model, and what the checkpoint records besides its tensors, from one read of the file.</summary>
    public static Seq2SeqTransformer LoadModel(string path, out CheckpointInfo info)
    {
        (info, var tensors) = Read(path);
        try
        {
            // the tensors read become the parameters: no initialisation spent on weights the load would overwrite
            var model = new Seq2SeqTransformer(info.Config, InitialWeights.From(tensors, path));
            if (model.parameters().FirstOrDefault(p => p.device_type != TorchSharp.DeviceType.CPU) is { } left)
                throw new InvalidOperationException($"'{path}': a parameter of shape [{string.Join(", ", left.shape)}] was not read from the file");
            model.eval();
            return model;
        }
        finally { foreach (var t in tensors.Values) t.Dispose(); }
    }

    public static void CopyInto(Seq2SeqTransformer model, IReadOnlyDictionary<string, Tensor> tensors, string source)
    {
        using var _ = no_grad();
        foreach (var (name, target) in model.state_dict())
        {
            if (!tensors.TryGetValue(name, out var t)) throw new FormatException($"'{source}': missing parameter {name}");
            if (!t.shape.SequenceEqual(target.shape)) throw new FormatException($"'{source}': {name} has shape [{string.Join(", ", t.shape)}], expected [{string.Join(", ", target.shape)}]");
            target.copy_(t);
        }
    }

    /// <summary>
    /// Checks a model file without loading it (no libtorch), as <see cref="LoadAny"/> would fail: a SymSeq checkpoint
    /// whole (<see cref="Check"/>), a .pth file read through.
    /// </summary>
    public static void CheckAny(string path)
    {
        if (!File.Exists(path)) throw SymSeq.Datasets.MissingFile.Error(path, "model");
        if (IsSymSeqCheckpoint(path)) { Check(path); return; }
        try { PaperCheckpoint.Check(path); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FormatException($"'{path}' is neither a SymSeq checkpoint nor a PyTorch .pth ({e.Message})");
        }
    }

    /// <summary>Loads either a SymSeq checkpoint or one of the paper's .pth files.</summary>
    public static Seq2SeqTransformer LoadAny(string path)
    {
        if (!File.Exists(path)) throw SymSeq.Datasets.MissingFile.Error(path, "model");
        if (IsSymSeqCheckpoint(path)) return LoadModel(path);
        try { return PaperCheckpoint.Load(path); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FormatException($"'{path}' is neither a SymSeq checkpoint nor a PyTorch .pth ({e.Message})");
        }
    }
}
