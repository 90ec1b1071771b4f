namespace LocalCloudFront;

public readonly record struct InvalidationSummary(string Id, DateTime CreateTime, string Status);

/// <summary>
/// A configured distribution and its fault counter. Invalidations are computed from their index on
/// demand, so a distribution with 100,000 of them costs nothing until a page is asked for.
/// Replacing a distribution creates a new instance, which resets its counter.
/// </summary>
public sealed class Distribution(DistributionSettings settings)
{
    /// <summary>The newest invalidation's time; each older one is <see cref="Spacing"/> earlier.</summary>
    private static readonly DateTime NewestCreateTime = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Spacing = TimeSpan.FromMinutes(7);

    private readonly uint key = InvalidationId.KeyOf(settings.Id!);
    private int listRequestCount;

    public string Id { get; } = settings.Id!;
    public DistributionSettings Settings { get; } = settings;
    public FaultSettings Faults => Settings.Faults;
    public DateTime LastModifiedTime => NewestCreateTime;

    /// <summary>Counts one ListInvalidations request and returns its 1-based number.</summary>
    public int CountListRequest() => Interlocked.Increment(ref listRequestCount);

    /// <summary>Index 0 is the newest, as CloudFront lists them.</summary>
    public InvalidationSummary GetInvalidation(int index) => new(
        InvalidationId.Encode(key, index),
        NewestCreateTime - index * Spacing,
        index < Settings.InProgress ? "InProgress" : "Completed");

    /// <summary>The index of this distribution's invalidation with that id, or null.</summary>
    public int? IndexOf(string invalidationId) =>
        InvalidationId.TryDecode(invalidationId, out uint decodedKey, out int index)
        && decodedKey == key && index < Settings.Count
            ? index
            : null;
}
