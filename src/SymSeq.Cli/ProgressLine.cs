namespace SymSeq.Cli;

/// <summary>
/// Progress of a long command on stderr: one line rewritten in place on a terminal; when stderr is redirected
/// (a log file, CI), a plain line every ten seconds so logs stay readable.
/// </summary>
public sealed class ProgressLine(TextWriter stderr)
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private DateTime _last = DateTime.MinValue;
    private bool _wroteInPlace;

    public void Report(string line)
    {
        if (_interactive)
        {
            var width = Console.WindowWidth > 0 ? Math.Min(Console.WindowWidth - 1, 160) : 120;
            stderr.Write("\r" + line.PadRight(width));
            _wroteInPlace = true;
            return;
        }
        if (DateTime.UtcNow - _last < TimeSpan.FromSeconds(10)) return;
        _last = DateTime.UtcNow;
        stderr.WriteLine(line);
    }

    /// <summary>Ends the in-place line, so what follows starts on a fresh one.</summary>
    public void Finish()
    {
        if (_wroteInPlace) stderr.WriteLine();
        _wroteInPlace = false;
    }
}
