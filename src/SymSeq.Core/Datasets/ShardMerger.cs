using System.Globalization;
using System.Text.RegularExpressions;

namespace SymSeq.Datasets;

/// <summary>The result of a merge: the files written and how many shards and distinct lines went in.</summary>
public sealed record MergeResult(string PrefixPath, string InfixPath, int Shards, long Lines, long Examples);

/// <summary>
/// `symseq merge`: combines the outputs of `generate --shard k --shards S` (k = 0..S-1) into TASK.prefix and
/// TASK.infix, identical to what the unsharded run writes: counts summed, duplicates merged, lines in order of
/// first occurrence (from each shard's .order sidecar). Refuses incomplete sets and shards of other settings;
/// writes atomically under the task's folder lock, so a concurrent generate or merge of the task cannot interleave.
/// </summary>
public static partial class ShardMerger
{
    [GeneratedRegex(@"^(?<task>.+)\.shard(?<k>\d+)of(?<s>\d+)\.prefix$")]
    private static partial Regex ShardFile();

    public static MergeResult Merge(string dir, string task)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"folder '{dir}' does not exist");
        var shards = Directory.EnumerateFiles(dir, $"{task}.shard*of*.prefix")
            .Select(f => (Path: f, M: ShardFile().Match(Path.GetFileName(f))))
            .Where(t => t.M.Success && t.M.Groups["task"].Value == task)
            .Select(t => (t.Path, K: int.Parse(t.M.Groups["k"].Value, CultureInfo.InvariantCulture), S: int.Parse(t.M.Groups["s"].Value, CultureInfo.InvariantCulture)))
            .OrderBy(t => t.K).ToList();
        if (shards.Count == 0) throw new FileNotFoundException($"no shards of '{task}' in {dir} (expected {task}.shardKofS.prefix from generate --shard K --shards S)");
        var counts = shards.Select(t => t.S).Distinct().ToList();
        if (counts.Count > 1) throw new InvalidDataException($"{dir} mixes shards of {string.Join(" and ", counts)}-way splits of '{task}'");
        var s = counts[0];
        var missing = Enumerable.Range(0, s).Except(shards.Select(t => t.K)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"shards {string.Join(", ", missing)} of {s} of '{task}' are missing in {dir}; run them (generate --shard K --shards {s}) first");

        using var folderLock = FolderLock.Acquire(Path.Combine(dir, ".chunks", task), $"symseq merge --task {task}");
        string? settings = null;
        var merged = new Dictionary<string, (long First, int Shard, long Position, long Count, string Infix)>();
        foreach (var (prefixPath, k, _) in shards)
        {
            var stem = prefixPath[..^".prefix".Length];
            var orderPath = stem + ".order";
            var infixPath = stem + ".infix";
            if (!File.Exists(orderPath) || !File.Exists(infixPath))
                throw new FileNotFoundException($"shard {k} has no {Path.GetFileName(File.Exists(orderPath) ? infixPath : orderPath)}; rerun that shard with this version of generate");
            using var order = new StreamReader(orderPath);
            var header = order.ReadLine() ?? "";
            if (settings is null) settings = header;
            else if (header != settings)
                throw new InvalidDataException($"shard {k} was made with other settings than shard {shards[0].K}:\n  {header.TrimStart('#', ' ')}\n  {settings.TrimStart('#', ' ')}");
            using var infix = new StreamReader(infixPath);
            long position = 0;
            foreach (var line in File.ReadLines(prefixPath))
            {
                var bar = line.IndexOf('|');
                var firstText = order.ReadLine();
                var infixLine = infix.ReadLine();
                if (bar <= 0 || !long.TryParse(line.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    || firstText is null || infixLine is null || !long.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
                    throw new InvalidDataException($"{prefixPath}:{position + 1}: damaged shard (count, order or infix line missing)");
                var pair = line[(bar + 1)..];
                merged[pair] = merged.TryGetValue(pair, out var had)
                    ? (had.First <= first ? had with { Count = had.Count + n } : (first, k, position, had.Count + n, infixLine))
                    : (first, k, position, n, infixLine);
                position++;
            }
            if (order.ReadLine() is not null || infix.ReadLine() is not null)
                throw new InvalidDataException($"{prefixPath}: its .order or .infix file has more lines than it; the shard is damaged");
        }
        var ordered = merged.OrderBy(kv => kv.Value.First).ThenBy(kv => kv.Value.Position).ToList();
        var prefixOut = Path.Combine(dir, task + ".prefix");
        var infixOut = Path.Combine(dir, task + ".infix");
        AtomicFile.WriteAll([(infixOut, AtomicFile.Lines(ordered.Select(kv => kv.Value.Infix))),
                             (prefixOut, AtomicFile.Lines(ordered.Select(kv => $"{kv.Value.Count}|{kv.Key}")))]);
        return new MergeResult(prefixOut, infixOut, s, ordered.Count, ordered.Sum(kv => kv.Value.Count));
    }
}
