namespace Pipeline.Monitoring.Broker;

/// <summary>
/// Where the broker's management API is, from the <c>RabbitMq</c> section the bus also reads
/// (keys ManagementUri, ManagementUserName, ManagementPassword, VirtualHost). Credentials come from
/// configuration: the explicit keys, else the user info of ManagementUri, else that of the AMQP Uri.
/// </summary>
public sealed class RabbitMqManagementOptions
{
    public const string SectionName = "RabbitMq";

    /// <summary>The AMQP URI the bus uses; its host and credentials are the fallback for the management API.</summary>
    public Uri Uri { get; set; } = new("amqp://localhost:5672/");

    /// <summary>http://host:15672/ of the management plugin; defaults to port 15672 on the AMQP host.</summary>
    public Uri? ManagementUri { get; set; }

    public string? ManagementUserName { get; set; }

    public string? ManagementPassword { get; set; }

    /// <summary>The virtual host whose queues are read; when not set, the one the AMQP <see cref="Uri"/> names.</summary>
    public string? VirtualHost { get; set; }

    /// <summary>Time allowed for one call to the management API; two retries follow a failed call.</summary>
    public TimeSpan ManagementTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public Uri ResolveManagementUri() =>
        ManagementUri ?? new UriBuilder(Uri.UriSchemeHttp, Uri.Host, 15672).Uri;

    /// <summary>The management URI without credentials: safe to show in reports and logs.</summary>
    public string DisplayUri() => new UriBuilder(ResolveManagementUri()) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();

    /// <summary>
    /// <see cref="VirtualHost"/>, else the AMQP URI's path decoded, as the RabbitMQ client reads it
    /// (<c>amqp://host/sales</c> is "sales", <c>amqp://host/%2Fsales</c> is "/sales"), else the default "/".
    /// </summary>
    public string ResolveVirtualHost()
    {
        if (!string.IsNullOrEmpty(VirtualHost)) return VirtualHost;
        var path = Uri.AbsolutePath.TrimStart('/');
        return path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
    }

    public (string User, string Password)? ResolveCredentials()
    {
        if (!string.IsNullOrEmpty(ManagementUserName))
            return (ManagementUserName, ManagementPassword ?? string.Empty);
        return FromUserInfo(ManagementUri) ?? FromUserInfo(Uri);
    }

    private static (string, string)? FromUserInfo(Uri? uri)
    {
        if (uri is null || string.IsNullOrEmpty(uri.UserInfo)) return null;
        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
    }
}
