#:project ../Pipeline.Ner.csproj
// Trains and scores the Indonesian entity model from the command line while the host's
// `pipeline train-ner` is not at hand:
//   dotnet run src/Pipeline.Ner/Tools/ner-tool.cs -- train --train A.txt B.txt --out M.bin [--epochs N] [--hash-bits B]
//   dotnet run src/Pipeline.Ner/Tools/ner-tool.cs -- eval --model M.bin --conll DEV.txt [DEV2.txt ...]
using System.Diagnostics;
using Pipeline.Ner;
using Pipeline.Ner.Conll;
using Pipeline.Ner.Evaluation;
using Pipeline.Ner.Model;
using Pipeline.Ner.Training;

var command = args.Length > 0 ? args[0] : "";
var options = ParseOptions(args.Skip(1).ToArray());
switch (command)
{
    case "train":
        var train = Required(options, "train");
        var output = Required(options, "out")[0];
        var trainOptions = new TrainOptions();
        if (options.TryGetValue("epochs", out var epochs))
        {
            trainOptions = trainOptions with { Epochs = int.Parse(epochs[0], System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (options.TryGetValue("hash-bits", out var bits))
        {
            trainOptions = trainOptions with { HashBits = int.Parse(bits[0], System.Globalization.CultureInfo.InvariantCulture) };
        }

        var clock = Stopwatch.StartNew();
        var model = NerTrainer.TrainFromConllFiles(train, trainOptions,
            new Progress(r => Console.WriteLine($"epoch {r.Epoch}: {r.SentencesWrong}/{r.Sentences} sentences wrong")));
        model.Save(output);
        Console.WriteLine($"saved {output} ({new FileInfo(output).Length} bytes, {model.GazetteerNames} gazetteer names) in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    case "eval":
        var tagger = new PerceptronTagger(options.TryGetValue("model", out var path) ? NerModel.Load(path[0]) : NerModel.LoadShipped());
        foreach (var file in Required(options, "conll"))
        {
            Console.WriteLine($"{file}: {NerScorer.Score(tagger, ConllReader.ReadFile(file))}");
        }

        return 0;
    default:
        Console.Error.WriteLine("usage: ner-tool train --train FILE... --out PATH [--epochs N] [--hash-bits B] | eval [--model PATH] --conll FILE...");
        return 2;
}

static Dictionary<string, List<string>> ParseOptions(string[] args)
{
    var result = new Dictionary<string, List<string>>();
    List<string>? current = null;
    foreach (var arg in args)
    {
        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            current = result[arg[2..]] = [];
        }
        else
        {
            current?.Add(arg);
        }
    }

    return result;
}

static List<string> Required(Dictionary<string, List<string>> options, string name) =>
    options.TryGetValue(name, out var values) && values.Count > 0
        ? values
        : throw new ArgumentException($"--{name} is required");

sealed class Progress(Action<EpochReport> report) : IProgress<EpochReport>
{
    public void Report(EpochReport value) => report(value);
}
