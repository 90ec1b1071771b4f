using System.Diagnostics;

namespace LocalCloudFront;

public readonly record struct InvalidationSummary(string Id, DateTime CreateTime, string Status);

/// <summary>What GetInvalidation adds to a summary: the batch as it was submitted.</summary>
public sealed record InvalidationDetail(InvalidationSummary Summary, IReadOnlyList<string> Paths, string CallerReference);

/// <summary>
/// A configured distribution (or distribution tenant) and its fault counter. Invalidations are computed
/// from their index on demand, so one with 100,000 of them costs nothing until a page is asked for; those
/// made by CreateInvalidation come first (newest). Replacing a distribution creates a new instance, which
/// resets its counter, its completion clock and its created invalidations.
/// </summary>
public sealed class Distribution(DistributionSettings settings)
{
    /// <summary>The newest invalidation's time; each older one is the settings' intervalMinutes earlier.</summary>
    private static readonly DateTime NewestCreateTime = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly uint key = InvalidationId.KeyOf(settings.Id!);
    private readonly long appliedTimestamp = Stopwatch.GetTimestamp();
    private readonly FaultPlan faults = new(settings.Faults);
    private readonly TimeSpan spacing = TimeSpan.FromMinutes(settings.IntervalMinutes);
    private readonly InvalidationSettings[]? given = settings.Invalidations?.OrderByDescending(i => i.CreateTimeUtc).ToArray();

    public string Id { get; } = settings.Id!;
    public CreatedInvalidations Created { get; } = new(InvalidationId.KeyOf(settings.Id!));
    public DistributionSettings Settings { get; } = settings;
    public DateTime LastModifiedTime => NewestCreateTime;

    /// <summary>How many invalidations it had before any CreateInvalidation: those given, or the generated count.</summary>
    private int StoredCount => given?.Length ?? Settings.Count;

    /// <summary>The fault plan when it applies to <paramref name="operation"/>, else null.</summary>
    public FaultPlan? FaultsFor(FaultScope operation) => faults.AppliesTo(operation) ? faults : null;

    /// <summary>The created invalidations, then the given or generated ones.</summary>
    public int Count => Created.Count + StoredCount;

    /// <summary>Index 0 is the newest, as CloudFront lists them.</summary>
    public InvalidationSummary GetInvalidation(int index) =>
        index < Created.Count ? Created[index].Current.Summary : GetGenerated(index - Created.Count);

    private InvalidationSummary GetGenerated(int index)
    {
        if (given is not null)
        {
            return new(given[index].Id ?? InvalidationId.Encode(key, index), given[index].CreateTimeUtc, given[index].Status);
        }
        DateTime createTime = NewestCreateTime - index * spacing;
        return new(InvalidationId.Encode(key, index), createTime, IsInProgress(index) ? "InProgress" : "Completed");
    }

    public InvalidationDetail GetInvalidationDetail(int index)
    {
        if (index < Created.Count)
        {
            return Created[index].Current;
        }
        index -= Created.Count;
        InvalidationSummary summary = GetGenerated(index);
        return new(
            summary,
            given is not null ? given[index].Paths : InvalidationPaths.For(key, index),
            $"local-{summary.CreateTime:yyyyMMddHHmmss}-{index}");
    }

    /// <summary>The index of this distribution's invalidation with that id, or null.</summary>
    public int? IndexOf(string invalidationId) =>
        Created.IndexOf(invalidationId)
        ?? GivenIndexOf(invalidationId)
        ?? (InvalidationId.TryDecode(invalidationId, out uint decodedKey, out int index)
            && decodedKey == key && index < StoredCount && given?[index].Id is null
                ? Created.Count + index
                : null);

    /// <summary>The index of a given invalidation listed under the id its settings give, or null.</summary>
    private int? GivenIndexOf(string invalidationId) =>
        given is null ? null : Array.FindIndex(given, invalidation => invalidation.Id == invalidationId) is int found and >= 0 ? Created.Count + found : null;

    /// <summary>The newest inProgress are pending; with completeAfterMs they complete oldest first.</summary>
    private bool IsInProgress(int index)
    {
        if (index >= Settings.InProgress)
        {
            return false;
        }
        if (Settings.CompleteAfterMs is not int completeAfterMs)
        {
            return true;
        }
        long dueMs = completeAfterMs + (long)(Settings.InProgress - 1 - index) * Settings.CompleteStaggerMs;
        return Stopwatch.GetElapsedTime(appliedTimestamp).TotalMilliseconds < dueMs;
    }
}
