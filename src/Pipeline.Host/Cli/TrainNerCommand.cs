using System.CommandLine;
using System.Diagnostics;
using Pipeline.Ner.Training;

namespace Pipeline.Host.Cli;

/// <summary>
/// <c>pipeline train-ner --train FILE... --out PATH [--epochs N] [--seed N]</c>: rebuilds the Indonesian entity
/// model from CoNLL files. Training is deterministic: the same files and settings give the same bytes.
/// </summary>
internal static class TrainNerCommand
{
    public static Command Create()
    {
        var train = new Option<string[]>("--train") { Description = "CoNLL training files (token [POS] IOB-tag, or token TAB tag).", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the model file.", Required = true };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the data per run (default 12)." };
        var seed = new Option<ulong?>("--seed") { Description = "Shuffling seed (default fixed)." };
        var command = new Command("train-ner", "Train the entity tagger's model from CoNLL files.") { train, output, epochs, seed };
        command.SetAction(parse =>
        {
            var options = new TrainOptions();
            if (parse.GetValue(epochs) is { } e) options = options with { Epochs = e };
            if (parse.GetValue(seed) is { } s) options = options with { Seed = s };
            var path = parse.GetRequiredValue(output);
            var clock = Stopwatch.StartNew();
            var model = NerTrainer.TrainFromConllFiles(parse.GetRequiredValue(train), options,
                new Progress<EpochReport>(r => Console.WriteLine($"run {r.Run} epoch {r.Epoch}: {r.SentencesWrong}/{r.Sentences} sentences wrong")));
            model.Save(path);
            Console.WriteLine($"Saved {path} ({new FileInfo(path).Length} bytes) in {clock.Elapsed.TotalSeconds:F1} s.");
            return PipelineCommandLine.Success;
        });
        return command;
    }
}
