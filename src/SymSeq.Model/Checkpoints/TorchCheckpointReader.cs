using System.IO.Compression;
using System.Runtime.InteropServices;

namespace SymSeq.Checkpoints;

/// <summary>A tensor read from a PyTorch checkpoint, as float32 values in row-major order.</summary>
public sealed record RawTensor(long[] Shape, float[] Data, string StorageType)
{
    public long Numel => Shape.Aggregate(1L, (a, b) => a * b);
}

/// <summary>
/// Reads torch.save files without Python: the zip format (PyTorch ≥ 1.6: NAME/data.pkl plus one file per
/// storage under NAME/data/) and the legacy format of the paper's 2019 checkpoints (a magic-number pickle,
/// protocol and system-info pickles, the object pickle, the storage key list, then each storage's raw bytes).
/// Tensors come back as <see cref="RawTensor"/>; dicts as Dictionary&lt;object, object?&gt;.
/// </summary>
public static class TorchCheckpointReader
{
    private const string LegacyMagic = "119547037146038801333356";

    private sealed record StorageRef(string Key, string Type);
    private sealed record TensorSpec(StorageRef Storage, long Offset, long[] Shape, long[] Stride);

    public static object? Load(string path)
    {
        if (!File.Exists(path)) throw SymSeq.Datasets.MissingFile.Error(path, "checkpoint");
        using var f = File.OpenRead(path);
        var head = new byte[4];
        f.ReadExactly(head);
        f.Position = 0;
        try
        {
            return head[0] == 'P' && head[1] == 'K' ? LoadZip(f) : LoadLegacy(f);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or InvalidCastException)
        {
            throw new PickleException($"'{path}' is not a readable PyTorch checkpoint: {e.Message}");
        }
    }

    private static object? Rebuild(PyGlobal g, object?[] a) => g.ToString() switch
    {
        "collections.OrderedDict" => new Dictionary<object, object?>(),
        "torch._utils._rebuild_tensor_v2" or "torch._utils._rebuild_tensor" =>
            new TensorSpec((StorageRef)a[0]!, (long)a[1]!, Longs(a[2]), Longs(a[3])),
        "torch._utils._rebuild_parameter" => a[0],
        _ => null,
    };

    private static long[] Longs(object? tuple) => ((object?[])tuple!).Select(x => (long)x!).ToArray();

    private static StorageRef Storage(object? pid)
    {
        var t = pid as object?[] ?? throw new PickleException("persistent id is not a tuple");
        if (t.Length < 3 || t[0] as string != "storage") throw new PickleException($"unknown persistent id kind '{t.ElementAtOrDefault(0)}'");
        var type = t[1] switch { PyGlobal g => g.Name, string s => s, var o => o?.ToString() ?? "?" };
        return new StorageRef((string)t[2]!, type);
    }

    private static object? LoadZip(Stream f)
    {
        using var zip = new ZipArchive(f, ZipArchiveMode.Read);
        var pkl = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal) || e.FullName == "data.pkl")
            ?? throw new PickleException("zip checkpoint without data.pkl");
        var root = pkl.FullName[..^"data.pkl".Length];
        object? graph;
        using (var ms = new MemoryStream())
        {
            using (var s = pkl.Open()) s.CopyTo(ms);
            ms.Position = 0;
            graph = new Pickle(Storage, Rebuild).Load(ms);
        }
        var cache = new Dictionary<string, byte[]>();
        byte[] Bytes(StorageRef s)
        {
            if (cache.TryGetValue(s.Key, out var b)) return b;
            var entry = zip.GetEntry(root + "data/" + s.Key) ?? throw new PickleException($"storage '{s.Key}' missing from the archive");
            using var es = entry.Open();
            using var ms = new MemoryStream();
            es.CopyTo(ms);
            return cache[s.Key] = ms.ToArray();
        }
        return Materialize(graph, Bytes);
    }

    private static object? LoadLegacy(Stream f)
    {
        var noPersist = new Pickle(_ => throw new PickleException("unexpected persistent id in a header pickle"));
        var magic = noPersist.Load(f);
        if (magic?.ToString() != LegacyMagic) throw new PickleException("not a PyTorch checkpoint (bad magic number)");
        var protocol = noPersist.Load(f);
        if (protocol is not 1001L) throw new PickleException($"unsupported legacy protocol {protocol}");
        noPersist.Load(f); // sys info: byte order and type sizes; little-endian is assumed below
        var graph = new Pickle(Storage, Rebuild).Load(f);
        var keys = ((List<object?>)noPersist.Load(f)!).Select(k => (string)k!).ToArray();
        var bytes = new Dictionary<string, byte[]>();
        var types = new Dictionary<string, string>();
        Collect(graph, types);
        using var r = new BinaryReader(f, System.Text.Encoding.UTF8, leaveOpen: true);
        foreach (var key in keys)
        {
            var numel = r.ReadInt64();
            var size = ElementSize(types.GetValueOrDefault(key, "FloatStorage"));
            bytes[key] = r.ReadBytes(checked((int)(numel * size)));
        }
        return Materialize(graph, s => bytes.TryGetValue(s.Key, out var b) ? b : throw new PickleException($"storage '{s.Key}' missing"));
    }

    private static void Collect(object? o, Dictionary<string, string> types)
    {
        switch (o)
        {
            case TensorSpec t: types[t.Storage.Key] = t.Storage.Type; break;
            case Dictionary<object, object?> d: foreach (var v in d.Values) Collect(v, types); break;
            case List<object?> l: foreach (var v in l) Collect(v, types); break;
            case object?[] a: foreach (var v in a) Collect(v, types); break;
        }
    }

    private static int ElementSize(string type) => type switch
    {
        "FloatStorage" or "IntStorage" => 4,
        "DoubleStorage" or "LongStorage" => 8,
        "HalfStorage" or "BFloat16Storage" or "ShortStorage" => 2,
        "ByteStorage" or "CharStorage" or "BoolStorage" => 1,
        _ => throw new PickleException($"unsupported storage type {type}"),
    };

    private static object? Materialize(object? o, Func<StorageRef, byte[]> bytes) => o switch
    {
        TensorSpec t => ToRaw(t, bytes(t.Storage)),
        Dictionary<object, object?> d => d.ToDictionary(kv => kv.Key, kv => Materialize(kv.Value, bytes)),
        List<object?> l => l.Select(v => Materialize(v, bytes)).ToList(),
        object?[] a => a.Select(v => Materialize(v, bytes)).ToArray(),
        _ => o,
    };

    private static RawTensor ToRaw(TensorSpec t, byte[] storage)
    {
        var size = ElementSize(t.Storage.Type);
        var numel = t.Shape.Aggregate(1L, (a, b) => a * b);
        var data = new float[numel];
        var index = new long[t.Shape.Length];
        for (long i = 0; i < numel; i++)
        {
            var at = t.Offset;
            for (var d = 0; d < index.Length; d++) at += index[d] * t.Stride[d];
            data[i] = Read(storage, (int)(at * size), t.Storage.Type);
            for (var d = index.Length - 1; d >= 0; d--)
            {
                if (++index[d] < t.Shape[d]) break;
                index[d] = 0;
            }
        }
        return new RawTensor(t.Shape, data, t.Storage.Type);
    }

    private static float Read(byte[] b, int at, string type) => type switch
    {
        "FloatStorage" => BitConverter.ToSingle(b, at),
        "DoubleStorage" => (float)BitConverter.ToDouble(b, at),
        "HalfStorage" => (float)BitConverter.ToHalf(b, at),
        "BFloat16Storage" => BitConverter.Int32BitsToSingle(BitConverter.ToUInt16(b, at) << 16),
        "LongStorage" => BitConverter.ToInt64(b, at),
        "IntStorage" => BitConverter.ToInt32(b, at),
        "ShortStorage" => BitConverter.ToInt16(b, at),
        "ByteStorage" or "BoolStorage" => b[at],
        "CharStorage" => (sbyte)b[at],
        _ => throw new PickleException($"unsupported storage type {type}"),
    };
}
