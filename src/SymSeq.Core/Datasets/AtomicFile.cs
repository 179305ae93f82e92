namespace SymSeq.Datasets;

/// <summary>Writes a file so that readers only ever see the old content or the complete new content.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<TextWriter> write) => WriteStream(path, stream =>
    {
        using var writer = new StreamWriter(stream, leaveOpen: true);
        write(writer);
    });

    public static void WriteStream(string path, Action<Stream> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    public static void WriteAllLines(string path, IEnumerable<string> lines) =>
        Write(path, w => { foreach (var l in lines) w.WriteLine(l); });
}
