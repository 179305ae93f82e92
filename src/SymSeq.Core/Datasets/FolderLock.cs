namespace SymSeq.Datasets;

/// <summary>The folder is in use by another run; the message names the holder.</summary>
public sealed class FolderLockedException(string message) : IOException(message);

/// <summary>
/// An exclusive lock on a run folder (generate's output, train's run folder) or on a file a run appends to
/// (compare's outcomes): DIR/.lock (FILE.lock) held open with no
/// sharing for the whole run (.NET takes an flock for FileShare.None on Unix), so a second run into the same
/// folder fails at once instead of mixing its output with the first one's. The OS drops the lock when the
/// process dies, so a crash never leaves the folder locked. DIR/.lock.owner (pid, host, command) only serves
/// to name the holder in the error.
/// </summary>
public sealed class FolderLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly bool _removeOnRelease;
    public string Path { get; }

    private FolderLock(string path, FileStream stream, bool removeOnRelease) { Path = path; _stream = stream; _removeOnRelease = removeOnRelease; }

    public static FolderLock Acquire(string folder, string what)
    {
        Directory.CreateDirectory(folder);
        return Take(System.IO.Path.Combine(folder, ".lock"), folder, "folder", what, removeOnRelease: false);
    }

    /// <summary>
    /// The same lock for one file that a run appends to (compare's outcomes): FILE.lock beside it, removed again when
    /// the run ends, so that nothing is left beside the user's file. A folder given as the file is refused first.
    /// </summary>
    public static FolderLock ForFile(string file, string what)
    {
        if (Directory.Exists(file)) throw new IOException($"'{file}' is a folder, not a file: give a file name for the log");
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        return Take(file + ".lock", file, "file", what, removeOnRelease: true);
    }

    private static FolderLock Take(string path, string shown, string kind, string what, bool removeOnRelease)
    {
        var owner = path + ".owner";
        FileStream s;
        try { s = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException)
        {
            string holder;
            try { holder = File.ReadAllText(owner).Trim(); } catch (IOException) { holder = ""; }
            throw new FolderLockedException($"{shown} is in use by {(holder.Length > 0 ? holder : "another process")}; wait for it to finish or use another {kind}");
        }
        File.WriteAllText(owner, $"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTime.UtcNow:u} ({what})");
        return new FolderLock(path, s, removeOnRelease);
    }

    public void Dispose()
    {
        // Removed while still held: another run that opens the name afterwards makes a fresh lock, never shares this one.
        if (_removeOnRelease)
        {
            try { File.Delete(Path + ".owner"); File.Delete(Path); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        _stream.Dispose();
    }
}
