using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pipeline.Host.Hosting;
using Pipeline.Testing.Processes;

namespace Pipeline.Host.Tests;

/// <summary>
/// The host is built on ASP.NET Core's slim builder, which leaves HTTPS out unless asked for. An https address in
/// Pipeline:Urls, with a certificate in the Kestrel section, must still serve the API over TLS.
/// </summary>
[Collection(ConsoleTests.Name)]
public sealed class HttpsEndpointTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("pipeline-https-").FullName;

    [Fact]
    public async Task An_https_address_with_a_configured_certificate_serves_the_api_over_tls()
    {
        var certificatePath = Path.Combine(_data, "server.pfx");
        using (var certificate = SelfSigned("127.0.0.1"))
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "secret"));
        var port = FreePorts.Take(1)[0];
        await using var app = PipelineApplication.Build(StageSet.None, new Dictionary<string, string?>
        {
            ["Pipeline:DataDirectory"] = _data,
            ["Pipeline:Urls"] = $"https://127.0.0.1:{port}",
            ["Kestrel:Certificates:Default:Path"] = certificatePath,
            ["Kestrel:Certificates:Default:Password"] = "secret",
        });
        await app.StartAsync();

        string? served = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
            {
                served = presented?.Subject;
                return true;
            },
        };
        using var client = new HttpClient(handler);
        using var response = await client.GetAsync(new Uri($"https://127.0.0.1:{port}/health/live"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CN=127.0.0.1", served);
        await app.StopAsync();
    }

    private static X509Certificate2 SelfSigned(string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Parse(host));
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
