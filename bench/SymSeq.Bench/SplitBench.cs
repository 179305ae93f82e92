using System.Diagnostics;
using SymSeq.Checkpoints;
using SymSeq.Model;
using SymSeq.Training;
using static TorchSharp.torch;

namespace SymSeq.Bench;

/// <summary>
/// One model for every task, or one per family as the paper's released checkpoints are split (integration; ODEs)?
/// Small models (emb 64, 2+2 layers) are trained through the trainer's own Run on generated pairs (max 6 operators):
/// an integration model on bwd+ibp and an ODE model on ode1+ode2, S steps each, against one model on all four for 2S
/// steps: the same compute as the pair and the same examples per task. Reported per task: the teacher-forced
/// validation loss and the share of greedy decodes that verify. Small models feel shared capacity more than the
/// shipped one does, so a win for the split here is an upper bound on its win at full size.
/// </summary>
public static class SplitBench
{
    private static readonly string[] Integration = ["bwd", "ibp"];
    private static readonly string[] Odes = ["ode1", "ode2"];

    public static void Run(int steps, int threads, int seeds, int perTask)
    {
        set_num_threads(threads);
        var dir = Directory.CreateTempSubdirectory("symseq-split-").FullName;
        try
        {
            var sw = Stopwatch.StartNew();
            var data = Integration.Concat(Odes).ToDictionary(t => t, t => LeversBench.Data(dir, perTask, 300, t));
            var valid = data.ToDictionary(d => d.Key, d => TrainingData.Read(d.Value.Valid, Vocabulary.Paper));
            Console.WriteLine($"split: small model (emb 64, 2+2 layers, 4 heads); {string.Join(", ", data.Select(d => $"{d.Key} {File.ReadLines(d.Value.Train).Count():N0}+{valid[d.Key].Count}"))} " +
                              $"train+valid pairs (max 6 operators, made in {sw.Elapsed.TotalSeconds:F0} s); 2,000-token batches, lr 1e-3, 50 warm-up steps; {seeds} seed(s), {threads} thread(s)");
            (string Name, string[] Tasks, int Steps)[] variants =
            [
                ("integration model (bwd+ibp)", Integration, steps),
                ("ODE model (ode1+ode2)", Odes, steps),
                ("one model (all four)", [.. Integration, .. Odes], 2 * steps),
            ];
            var loss = new Dictionary<(string Variant, string Task), List<double>>();
            var verified = new Dictionary<(string Variant, string Task), List<double>>();
            foreach (var (name, tasks, n) in variants)
                for (var seed = 0; seed < seeds; seed++)
                {
                    var o = new TrainOptions
                    {
                        TrainFiles = tasks.Select(t => data[t].Train).ToList(), ValidFiles = [], OutDir = Path.Combine(dir, $"run-{tasks.Length}-{tasks[0]}-{seed}"),
                        TokensPerBatch = 2000, LearningRate = 1e-3, WarmupSteps = 50, MaxSteps = n, EvalEvery = n, Seed = seed, Threads = threads,
                        Precision = PrecisionExtensions.Default(), Model = new ModelConfig { EmbDim = 64, EncoderLayers = 2, DecoderLayers = 2, Heads = 4 },
                    };
                    var t0 = Stopwatch.StartNew();
                    var r = new Trainer(o).Run(CancellationToken.None);
                    using var model = SymSeqCheckpoint.LoadModel(r.CheckpointPath);
                    foreach (var task in tasks)
                    {
                        Add(loss, (name, task), LeversBench.ValidationLoss(model, valid[task]));
                        Add(verified, (name, task), ValidationSets.Score(model, valid[task]).Count(s => s.Verified) / (double)valid[task].Count);
                    }
                    Console.WriteLine($"  {name}, seed {seed}: {n} steps in {t0.Elapsed.TotalSeconds:F0} s");
                }

            Console.WriteLine($"{"task",-6} {"valid loss: family model",25} {"one model",10} {"verified: family model",23} {"one model",10}");
            foreach (var task in Integration.Concat(Odes))
            {
                var family = variants.First(v => v.Tasks.Length == 2 && v.Tasks.Contains(task)).Name;
                var all = variants[^1].Name;
                Console.WriteLine($"{task,-6} {loss[(family, task)].Average(),25:F4} {loss[(all, task)].Average(),10:F4} " +
                                  $"{verified[(family, task)].Average(),23:P1} {verified[(all, task)].Average(),10:P1}");
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static void Add(Dictionary<(string, string), List<double>> d, (string, string) key, double value)
    {
        if (!d.TryGetValue(key, out var list)) d[key] = list = [];
        list.Add(value);
    }
}
