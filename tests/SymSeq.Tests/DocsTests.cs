using System.Text.RegularExpressions;

namespace SymSeq.Tests;

/// <summary>The README, the docs and the model card name only paths that exist.</summary>
public partial class DocsTests
{
    public static TheoryData<string> Documents() =>
    [
        "README.md", "models/README.md", "tools/paper-reference/README.md",
        .. Directory.GetFiles(Path.Combine(TestPaths.Repo, "docs"), "*.md").Select(f => Path.GetRelativePath(TestPaths.Repo, f)),
    ];

    [GeneratedRegex(@"\]\(([^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`((?:src|tests|models|docs|samples|bench|deploy|tools)/[A-Za-z0-9_./+-]+)`")]
    private static partial Regex CodePath();

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_path_a_document_names_exists(string document)
    {
        var path = Path.Combine(TestPaths.Repo, document);
        var text = File.ReadAllText(path);
        var missing = new List<string>();
        foreach (Match m in Link().Matches(text))
        {
            var target = m.Groups[1].Value;
            if (target.Contains("://") || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
            var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target));
            if (!File.Exists(full) && !Directory.Exists(full)) missing.Add(target);
        }
        // The training log is history: it names files as they were then (models/next/..., since removed).
        foreach (var m in document.EndsWith("training-log.md", StringComparison.Ordinal) ? [] : CodePath().Matches(text).ToList())
        {
            var named = m.Groups[1].Value.TrimEnd('.', '/');
            if (named.Any(char.IsUpper) && Regex.IsMatch(named, @"\b[A-Z]{3,}\b")) continue;   // a placeholder: models/test/TASK.test
            var full = Path.Combine(TestPaths.Repo, named);
            // Code is named without its extension (src/SymSeq.Model/Solving/HybridSolver): a .cs file counts.
            if (!File.Exists(full) && !Directory.Exists(full) && !File.Exists(full + ".cs")) missing.Add(named);
        }
        Assert.True(missing.Count == 0, $"{document} names paths that do not exist: {string.Join(", ", missing.Distinct())}");
    }

    /// <summary>The decision list in docs/solver.md names every integration rule, in the order the engine tries them.</summary>
    [Fact]
    public void The_solver_doc_lists_every_rule_in_order()
    {
        var rows = File.ReadAllLines(Path.Combine(TestPaths.Repo, "docs", "solver.md"))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(c => c.Length > 3 && int.TryParse(c[1], out _))
            .Select(c => c[2]).ToList();
        Assert.Equal(IntegrationRules.All.Select(r => r.Name), rows);
    }
}
