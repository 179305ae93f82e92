using SymSeq.Cli;

namespace SymSeq.Tests.Cli;

/// <summary>Runs `symseq` in-process and captures its exit code, standard output and standard error.</summary>
public static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Task.Run(() => CliApp.RunAsync(args, o, e)).Result;
        return (code, o.ToString(), e.ToString());
    }
}
