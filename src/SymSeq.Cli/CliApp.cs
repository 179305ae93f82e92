using System.CommandLine;
using SymSeq.Cli.Commands;
using SymSeq.Expressions;

namespace SymSeq.Cli;

/// <summary>
/// Parses `symseq COMMAND ...` with System.CommandLine (standard help, response files with @file, tab completion
/// through the [suggest] directive; a misspelt option or a stray argument is an error), then runs the command on a
/// large-stack thread with Ctrl-C/SIGTERM handling, and turns every failure into one line and an exit code.
/// </summary>
public static class CliApp
{
    public interface ICommand
    {
        string Name { get; }
        string Summary { get; }
        /// <summary>The command's options and arguments, with its description (the help's text).</summary>
        Command Build();
        /// <summary>Runs the parsed command; the options are the fields Build() added.</summary>
        Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel);
    }

    public static readonly ICommand[] Commands =
    [
        new IntegrateCommand(ode: false), new IntegrateCommand(ode: true), new GenerateCommand(), new SplitCommand(),
        new TrainCommand(), new EvaluateCommand(), new BreakdownCommand(), new CompareCommand(), new ExportCommand(), new VerifyCommand(), new ImportCommand(),
        new MergeCommand(), new ServeCommand(), new RobustnessCommand(), new SelectCommand(), new DiffCommand(), new SimplifyCommand(), new StatsCommand(),
    ];

    private static readonly Lazy<(RootCommand Root, Dictionary<Command, ICommand> Map)> Parser = new(() =>
    {
        var root = new RootCommand("symseq: symbolic mathematics with sequence-to-sequence models");
        var map = new Dictionary<Command, ICommand>();
        foreach (var c in Commands)
        {
            var built = c.Build();
            root.Add(built);
            map[built] = c;
        }
        return (root, map);
    });

    /// <summary>The help of a command (or of symseq), as --help prints it.</summary>
    public static string Help(string? command = null)
    {
        var text = new StringWriter();
        Parser.Value.Root.Parse(command is null ? ["--help"] : [command, "--help"]).Invoke(new InvocationConfiguration { Output = text, Error = text });
        return text.ToString().TrimEnd();
    }

    public static async Task<int> RunAsync(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var (root, map) = Parser.Value;
        if (argv.Length == 0)
        {
            stdout.WriteLine(Help());
            return 2;
        }
        var parse = root.Parse(argv);
        map.TryGetValue(parse.CommandResult.Command, out var command);
        if (parse.Errors.Count > 0)
        {
            if (command is null)
            {
                stderr.WriteLine($"symseq: unknown command '{argv[0]}'. Commands: {string.Join(", ", Commands.Select(c => c.Name))}");
                return 2;
            }
            stderr.WriteLine($"symseq {command.Name}: {string.Join(" ", parse.Errors.Select(e => e.Message).Distinct())}\n\n{Help(command.Name)}");
            return 2;
        }
        if (parse.Action is not null || command is null) // --help, [suggest] for completion, or bare `symseq`
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        using var cts = new CancellationTokenSource();
        var signal = 0;
        void Interrupt(int code)
        {
            if (Interlocked.CompareExchange(ref signal, code, 0) != 0) return;
            cts.Cancel();
            // Every long loop observes the token; whatever does not (a symbolic step deep in a huge expression)
            // is ended by the grace period, so a signal always ends the command. Files are written atomically and
            // run folders unlocked by the OS, so nothing is left half-written.
            // serve answers its in-flight requests first (each has a budget of twice --time-limit).
            var grace = command.Name switch { "train" => TimeSpan.FromSeconds(20), "serve" => TimeSpan.FromSeconds(30), _ => TimeSpan.FromSeconds(2) };
            new Thread(() =>
            {
                Thread.Sleep(grace);
                stderr.WriteLine($"symseq {command.Name}: interrupted");
                stderr.Flush();
                // _exit, not Environment.Exit: libtorch's worker threads may still be running, and tearing the
                // runtime down under them crashes (exit 139) instead of ending with the signal's code.
                ExitNow(code);
            }) { IsBackground = true }.Start();
        }
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; Interrupt(130); };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; Interrupt(143); });
        try
        {
            // A thread with a large stack: expressions may be 20,000 terms deep (a long sum parsed left to right),
            // and every traversal recurses.
            var code = 0;
            Exception? failure = null;
            var worker = new Thread(() =>
            {
                try { code = command.RunAsync(parse, stdout, stderr, cts.Token).GetAwaiter().GetResult(); }
                catch (Exception e) { failure = e; }
            }, 1 << 30);
            worker.Start();
            worker.Join();
            if (failure is not null) return Report(command, failure, signal, stderr);
            return signal != 0 && code == 0 ? signal : code;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>One line naming what went wrong, never a stack trace; the exit code says what kind of failure.</summary>
    private static int Report(ICommand command, Exception e, int signal, TextWriter stderr)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } a) e = a.InnerExceptions[0];
        if (e is AggregateException agg) e = agg.InnerExceptions[0];
        var name = $"symseq {command.Name}";
        switch (e)
        {
            case UsageException u:
                stderr.WriteLine($"{name}: {u.Message}\n\n{Help(command.Name)}");
                return 2;
            case OperationCanceledException:
                stderr.WriteLine($"{name}: interrupted");
                return signal != 0 ? signal : 130;
            case UndefinedExpressionException u:
                stderr.WriteLine($"{name}: the expression is undefined: {u.Message}");
                return 1;
            case SymbolicTimeoutException t:
                stderr.WriteLine($"{name}: {t.Message} (the expression is too large or too hard for this step's time budget)");
                return 1;
            case InsufficientExecutionStackException or StackOverflowException:
                stderr.WriteLine($"{name}: the expression is nested too deeply");
                return 1;
            case OutOfMemoryException:
                stderr.WriteLine($"{name}: out of memory (the input or the job is too large)");
                return 1;
            case IOException io when IsDiskFull(io):
                stderr.WriteLine($"{name}: the disk is full: {io.Message}; finished work is kept, free space and run the same command again");
                return 1;
            case System.Text.Json.JsonException or InvalidDataException or EndOfStreamException:
                stderr.WriteLine($"{name}: {e.Message}");
                return 1;
            case ExprParseException or FormatException or ArgumentException or FileNotFoundException or DirectoryNotFoundException
                or IOException or UnauthorizedAccessException or ArithmeticException or NotSupportedException or TimeoutException
                or InvalidOperationException:
                stderr.WriteLine($"{name}: {e.Message}");
                return 1;
            default:
                stderr.WriteLine($"{name}: internal error ({e.GetType().Name}): {e.Message}");
                return 70;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "_exit")]
    private static extern void ExitNow(int status);

    /// <summary>ENOSPC (28) or EDQUOT (122) behind an IOException.</summary>
    private static bool IsDiskFull(IOException e) => (e.HResult & 0xFFFF) is 28 or 122 || e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase);
}
