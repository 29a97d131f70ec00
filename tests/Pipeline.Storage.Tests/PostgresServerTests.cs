using Pipeline.Testing.Postgres;

namespace Pipeline.Storage.Tests;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task Missing_server_binaries_fail_with_a_message_that_says_what_to_install()
    {
        if (Environment.GetEnvironmentVariable(PostgresServer.ConnectionStringVariable) is { Length: > 0 })
            return; // An external server is used then, so no binaries are looked for.

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PostgresServer.StartAsync(new PostgresServerOptions { BinDirectory = "/nonexistent/postgresql/bin" }));

        Assert.Contains("/nonexistent/postgresql/bin/initdb", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install", error.Message, StringComparison.Ordinal);
    }
}
