using System.Collections.Frozen;
using MassTransit;

namespace Pipeline.Messaging.Serialization;

/// <summary>The message types read straight into their records, found by the URNs an envelope lists.</summary>
public sealed class KnownMessageTypes(IEnumerable<Type> types)
{
    private readonly FrozenDictionary<string, Type> _byUrn = types.ToFrozenDictionary(MessageUrn.ForTypeString, StringComparer.Ordinal);

    /// <summary>The first listed type that is known (MassTransit lists the message's own type first), or null.</summary>
    public Type? Find(string[]? urns)
    {
        if (urns is null) return null;
        foreach (var urn in urns)
        {
            if (_byUrn.TryGetValue(urn, out var type))
                return type;
        }

        return null;
    }
}
