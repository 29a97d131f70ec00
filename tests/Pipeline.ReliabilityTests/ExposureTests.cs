using Pipeline.Host.Errors;

namespace Pipeline.ReliabilityTests;

/// <summary>Which listening addresses make replay require the API key.</summary>
public sealed class ExposureTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://[::1]:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5081", false)]
    [InlineData("http://0.0.0.0:5080", true)]
    [InlineData("http://*:5080", true)]
    [InlineData("http://+:5080", true)]
    [InlineData("http://192.168.1.20:5080", true)]
    [InlineData("http://127.0.0.1:5080;http://0.0.0.0:5081", true)]
    public void Replay_needs_the_key_only_when_the_host_listens_beyond_loopback(string urls, bool exposed) =>
        Assert.Equal(exposed, ErrorsApi.IsExposed(urls));
}
