namespace Pipeline.Testing.RabbitMq;

/// <summary>
/// Where Debian's rabbitmq-server package keeps the real scripts. The /usr/sbin wrappers are not used: they
/// change to /var/lib/rabbitmq and send output to /var/log, which a private node must not touch.
/// </summary>
internal static class RabbitMqInstallation
{
    private const string ScriptsDirectory = "/usr/lib/rabbitmq/bin";

    public const string ServiceUser = "rabbitmq";

    public static string ServerScript => Path.Combine(ScriptsDirectory, "rabbitmq-server");

    public static string ControlScript => Path.Combine(ScriptsDirectory, "rabbitmqctl");

    /// <summary>Fails with a message that says how to fix it when the broker is not installed.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(ServerScript) || !File.Exists(ControlScript))
        {
            throw new InvalidOperationException(
                $"RabbitMQ is not installed: {ServerScript} was not found. Install Debian's package " +
                "(`apt-get install rabbitmq-server`; tests/run.sh does this for you), or set " +
                $"{RabbitMqServer.ExternalBrokerVariable} to the AMQP URI of a broker the tests may use instead.");
        }

        if (Environment.IsPrivilegedProcess && !UserExists(ServiceUser))
        {
            throw new InvalidOperationException(
                $"The '{ServiceUser}' user does not exist; reinstall Debian's rabbitmq-server package, which creates it.");
        }
    }

    private static bool UserExists(string userName) =>
        File.ReadLines("/etc/passwd").Any(line => line.StartsWith(userName + ":", StringComparison.Ordinal));
}
