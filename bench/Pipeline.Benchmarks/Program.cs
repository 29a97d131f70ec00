using BenchmarkDotNet.Running;
using Pipeline.Benchmarks.PageTimings;

if (args.Length > 0 && args[0] == PageTimingsCommand.Name)
    return PageTimingsCommand.Run(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
