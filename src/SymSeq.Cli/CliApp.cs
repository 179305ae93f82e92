using SymSeq.Cli.Commands;
using SymSeq.Expressions;

namespace SymSeq.Cli;

/// <summary>Dispatches `symseq COMMAND ...` and turns errors into messages and exit codes.</summary>
public static class CliApp
{
    public interface ICommand
    {
        string Name { get; }
        string Summary { get; }
        string Usage { get; }
        /// <summary>Options that take no value.</summary>
        IReadOnlyList<string> Flags => [];
        Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel);
    }

    public static readonly ICommand[] Commands =
    [
        new IntegrateCommand(ode: false), new IntegrateCommand(ode: true), new GenerateCommand(), new SplitCommand(),
        new TrainCommand(), new EvaluateCommand(), new CompareCommand(), new ExportCommand(), new VerifyCommand(), new DiffCommand(), new SimplifyCommand(),
    ];

    public static async Task<int> RunAsync(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        if (argv.Length == 0 || argv[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine("symseq: symbolic mathematics with sequence-to-sequence models\n\nCommands:");
            foreach (var c in Commands) stdout.WriteLine($"  {c.Name,-10} {c.Summary}");
            stdout.WriteLine("\nRun 'symseq COMMAND --help' for a command's options.");
            return argv.Length == 0 ? 2 : 0;
        }
        var command = Commands.FirstOrDefault(c => c.Name == argv[0]);
        if (command is null)
        {
            stderr.WriteLine($"symseq: unknown command '{argv[0]}'. Commands: {string.Join(", ", Commands.Select(c => c.Name))}");
            return 2;
        }
        if (argv.Skip(1).Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine(command.Usage);
            return 0;
        }
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; cts.Cancel(); });
        try
        {
            return await command.RunAsync(new ArgReader(argv.Skip(1), command.Flags), stdout, stderr, cts.Token);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"symseq {command.Name}: {e.Message}\n\n{command.Usage}");
            return 2;
        }
        catch (Exception e) when (e is ExprParseException or FormatException or ArgumentException or FileNotFoundException or IOException)
        {
            stderr.WriteLine($"symseq {command.Name}: {e.Message}");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
