using System.Security.Cryptography;
using System.Text.Json;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>
/// What an import would change, decided from the file alone and the records already there: new, changed or
/// unchanged, by each record's content hash. No database, no side effect.
/// </summary>
internal static class ImportPlan
{
    private static readonly JsonSerializerOptions HashJson = new(ExchangeDocument.Json) { WriteIndented = false };

    internal sealed record Existing(Guid Id, string? Hash);

    internal sealed record Planned<T>(T Record, Guid Id, string Hash, bool IsNew, bool IsChanged);

    internal static List<Planned<T>> Plan<T>(List<T> records, string[] hashes, Func<T, string> externalId, Dictionary<string, Existing> existing) =>
        records.Select((record, index) =>
        {
            var hash = hashes[index];
            return existing.TryGetValue(externalId(record), out var found)
                ? new Planned<T>(record, found.Id, hash, IsNew: false, IsChanged: found.Hash != hash)
                : new Planned<T>(record, Guid.CreateVersion7(), hash, IsNew: true, IsChanged: false);
        }).ToList();

    internal static string Hash<T>(T record) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(record, HashJson)));
}
