namespace Pipeline.Deploy.Tests;

public sealed class ComposeValidationTests
{
    [Fact]
    public async Task Docker_compose_accepts_the_file_with_the_example_env_file()
    {
        var result = await DockerCompose.ConfigAsync(RepositoryFiles.PathOf(".env.example"));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("amqp://pipeline:change-me-rabbitmq@rabbitmq:5672/", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_compose_refuses_the_file_without_credentials()
    {
        var emptyEnvFile = Path.GetTempFileName();
        try
        {
            var result = await DockerCompose.ConfigAsync(emptyEnvFile);

            Assert.False(result.Succeeded, "compose must not fall back to built-in credentials");
            Assert.Contains("in .env", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(emptyEnvFile);
        }
    }
}
