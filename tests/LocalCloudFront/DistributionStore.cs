using System.Collections.Concurrent;
using System.Text.Json;

namespace LocalCloudFront;

/// <summary>Distributions or distribution tenants by id, shared by the CloudFront handlers and the admin API.</summary>
public sealed class DistributionCollection
{
    private readonly ConcurrentDictionary<string, Distribution> items = new(StringComparer.Ordinal);

    public Distribution? Find(string id) => items.TryGetValue(id, out Distribution? item) ? item : null;

    public Distribution Put(string id, DistributionSettings settings) =>
        items[id] = new Distribution(settings with { Id = id });

    public void Remove(string id) => items.TryRemove(id, out _);

    /// <summary>Ordered by id, so list pages have a stable order.</summary>
    public List<Distribution> SnapshotById() =>
        items.Values.OrderBy(item => item.Id, StringComparer.Ordinal).ToList();
}

/// <summary>The configured distributions and distribution tenants.</summary>
public sealed class DistributionStore
{
    public DistributionCollection Distributions { get; } = new();
    public DistributionCollection Tenants { get; } = new();

    /// <summary>Loads the seed file; throws with a readable message when it is unusable.</summary>
    public void LoadSeed(string path)
    {
        SeedFile seed;
        try
        {
            seed = JsonSerializer.Deserialize<SeedFile>(File.ReadAllText(path), SettingsJson.Options)
                ?? throw new InvalidDataException("the file is JSON null.");
        }
        catch (Exception error) when (error is JsonException or IOException or InvalidDataException)
        {
            throw new InvalidDataException($"Cannot read seed file '{path}': {error.Message}", error);
        }
        Load(path, "distribution", seed.Distributions, Distributions);
        Load(path, "tenant", seed.Tenants, Tenants);
    }

    private static void Load(string path, string kind, List<DistributionSettings> seeded, DistributionCollection into)
    {
        foreach (DistributionSettings settings in seeded)
        {
            string? problem = string.IsNullOrEmpty(settings.Id) ? "id is required." : settings.Validate();
            if (problem is not null)
            {
                throw new InvalidDataException($"Seed file '{path}', {kind} '{settings.Id}': {problem}");
            }
            into.Put(settings.Id!, settings);
        }
    }
}
