using Microsoft.Data.Sqlite;

namespace Pipeline.Ingest.Ledger;

/// <summary>
/// The ledger writer's own connection, kept open, and one command per statement text kept with it. SQLite compiles
/// a statement when a command first runs and Microsoft.Data.Sqlite keeps that compiled form only as long as the
/// command lives; with a command per write, every write parsed and planned its SQL again (the claims upsert is
/// long), and that was most of the ingest worker's SQLite time.
/// </summary>
internal sealed class LedgerSession : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;
    private bool? _synced;

    private LedgerSession(SqliteConnection connection) => _connection = connection;

    public static async Task<LedgerSession> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            await using var pragma = connection.CreateCommand();
            // BEGIN IMMEDIATE (the provider's default) takes the write lock at once, so a replica sharing the file
            // waits in SQLite's busy handler for up to the connection's Default Timeout instead of failing halfway.
            pragma.CommandText = $"PRAGMA busy_timeout = {connection.DefaultTimeout * 1000}";
            await pragma.ExecuteNonQueryAsync();
            return new LedgerSession(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a transaction; <paramref name="synced"/> commits with synchronous=FULL (see <see cref="LedgerWriter"/>).</summary>
    public async Task BeginAsync(bool synced)
    {
        if (_synced != synced)
        {
            await using var pragma = _connection.CreateCommand();
            pragma.CommandText = $"PRAGMA synchronous = {(synced ? "FULL" : "NORMAL")}";
            await pragma.ExecuteNonQueryAsync();
            _synced = synced;
        }

        _transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
    }

    public async Task CommitAsync()
    {
        await _transaction!.CommitAsync();
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    /// <summary>The command for <paramref name="sql"/>, compiled on first use, with no parameters, in the open transaction.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        command.Transaction = _transaction;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
            await command.DisposeAsync();
        if (_transaction is not null)
            await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
