using Pipeline.Host.Cli;

return await PipelineCommandLine.InvokeAsync(args);
