using System.Runtime.InteropServices;

namespace SymSeq.Datasets;

/// <summary>
/// Writes a file so that readers only ever see the old content or the complete new content: a temporary file beside
/// the target, renamed over it. What the target is decides how:
/// <list type="bullet">
/// <item>a symlink is followed, so the file it points to gets the new content and the link stays;</item>
/// <item>a character device or a pipe (/dev/stdout, /dev/null, a FIFO) is written in place, never replaced by a
/// regular file; a full device (/dev/full) is an error like a full disk;</item>
/// <item>a folder or any other kind of file is refused.</item>
/// </list>
/// Temporary files left by a killed writer (their process is gone) are removed by the next write to the same target.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<TextWriter> write) => WriteStream(path, stream =>
    {
        using var writer = new StreamWriter(stream, leaveOpen: true);
        write(writer);
    });

    public static void WriteStream(string path, Action<Stream> write) => WriteAll([(path, write)]);

    public static void WriteAllLines(string path, IEnumerable<string> lines) => WriteStream(path, Lines(lines));

    /// <summary>A writer of lines, for <see cref="WriteAll"/>.</summary>
    public static Action<Stream> Lines(IEnumerable<string> lines) => stream =>
    {
        using var writer = new StreamWriter(stream, leaveOpen: true);
        foreach (var l in lines) writer.WriteLine(l);
    };

    /// <summary>
    /// Several files that belong together (a dataset's .prefix and its .infix twin): every one is written to its
    /// temporary file first, and only when all are complete are they renamed, so a full disk leaves the old set whole.
    /// </summary>
    public static void WriteAll(IReadOnlyList<(string Path, Action<Stream> Write)> files)
    {
        var temps = new List<(string Tmp, string Target)>();
        try
        {
            foreach (var (path, write) in files)
            {
                var target = Target(path, out var inPlace);
                if (inPlace)
                {
                    using var device = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
                    write(device);
                    device.Flush();
                    continue;
                }
                var dir = Path.GetDirectoryName(target)!;
                Directory.CreateDirectory(dir);
                RemoveStaleTemporaries(dir, Path.GetFileName(target));
                var tmp = Path.Combine(dir, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
                temps.Add((tmp, target));
                using var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            foreach (var (tmp, target) in temps) File.Move(tmp, target, overwrite: true);
        }
        finally
        {
            foreach (var (tmp, _) in temps)
                if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>The file to write for <paramref name="path"/>: the symlink's final target, checked to be writable as a file.</summary>
    private static string Target(string path, out bool inPlace)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("an output path is empty");
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        var target = info.LinkTarget is null ? full : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        inPlace = false;
        if (Directory.Exists(target)) throw new IOException($"'{path}' is a folder, not a file: give a file name");
        switch (KindOf(target))
        {
            case FileKind.Missing or FileKind.Regular or FileKind.Unknown: return target;
            case FileKind.CharacterDevice or FileKind.Pipe: inPlace = true; return target;
            default: throw new IOException($"'{path}' is not a regular file (a socket or a block device): give a file name");
        }
    }

    private enum FileKind { Missing, Regular, Directory, CharacterDevice, Pipe, Other, Unknown }

    /// <summary>The file's type from stat(2) on Linux; Unknown elsewhere (then it is treated as a regular file).</summary>
    private static FileKind KindOf(string path)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64 && RuntimeInformation.ProcessArchitecture != Architecture.Arm64)
            return File.Exists(path) ? FileKind.Unknown : FileKind.Missing;
        var buffer = new byte[256];
        if (Stat(path, buffer) != 0) return File.Exists(path) ? FileKind.Unknown : FileKind.Missing;
        // st_mode: offset 24 on x86-64 (after st_dev, st_ino, st_nlink), 16 on arm64 (st_dev, st_ino, then st_mode).
        var mode = BitConverter.ToUInt32(buffer, RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16);
        return (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x2000 => FileKind.CharacterDevice,
            0x1000 => FileKind.Pipe,
            _ => FileKind.Other,
        };
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    /// <summary>Removes .NAME.PID.*.tmp files of writers that no longer run (SIGKILL during a final write).</summary>
    private static void RemoveStaleTemporaries(string dir, string name)
    {
        foreach (var tmp in Directory.EnumerateFiles(dir, $".{name}.*.tmp"))
        {
            var parts = Path.GetFileName(tmp)[(name.Length + 2)..].Split('.');
            if (parts.Length != 3 || !int.TryParse(parts[0], out var pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
            try { File.Delete(tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
