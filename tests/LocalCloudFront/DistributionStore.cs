using System.Collections.Concurrent;
using System.Text.Json;

namespace LocalCloudFront;

/// <summary>The configured distributions, shared by the CloudFront handlers and the admin API.</summary>
public sealed class DistributionStore
{
    private readonly ConcurrentDictionary<string, Distribution> distributions = new(StringComparer.Ordinal);

    public bool TryGet(string id, out Distribution distribution) =>
        distributions.TryGetValue(id, out distribution!);

    public Distribution Put(string id, DistributionSettings settings) =>
        distributions[id] = new Distribution(settings with { Id = id });

    public void Remove(string id) => distributions.TryRemove(id, out _);

    /// <summary>Ordered by id, so ListDistributions pages have a stable order.</summary>
    public List<Distribution> SnapshotById() =>
        distributions.Values.OrderBy(distribution => distribution.Id, StringComparer.Ordinal).ToList();

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
        foreach (DistributionSettings settings in seed.Distributions)
        {
            string? problem = string.IsNullOrEmpty(settings.Id) ? "id is required." : settings.Validate();
            if (problem is not null)
            {
                throw new InvalidDataException($"Seed file '{path}', distribution '{settings.Id}': {problem}");
            }
            Put(settings.Id!, settings);
        }
    }
}
