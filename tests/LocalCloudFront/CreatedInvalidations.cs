using System.Diagnostics;

namespace LocalCloudFront;

/// <summary>
/// The invalidations created on one distribution (or tenant), newest first, with CloudFront's rules: the same caller
/// reference with the same paths answers the earlier invalidation, with other paths is refused; a batch that would
/// take the paths or wildcards in progress past the limits is refused with TooManyInvalidationsInProgress.
/// </summary>
public sealed class CreatedInvalidations(uint distributionKey)
{
    private readonly Lock gate = new();
    private readonly List<CreatedInvalidation> newestFirst = [];
    private readonly Dictionary<string, CreatedInvalidation> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CreatedInvalidation> byCallerReference = new(StringComparer.Ordinal);
    private int requestCount;

    /// <summary>Counts one CreateInvalidation request and returns its 1-based number (for the lost-answer fault).</summary>
    public int CountRequest() => Interlocked.Increment(ref requestCount);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return newestFirst.Count;
            }
        }
    }

    /// <summary>Index 0 is the newest.</summary>
    public CreatedInvalidation this[int index]
    {
        get
        {
            lock (gate)
            {
                return newestFirst[index];
            }
        }
    }

    public int? IndexOf(string id)
    {
        lock (gate)
        {
            return byId.TryGetValue(id, out CreatedInvalidation? created) ? newestFirst.IndexOf(created) : null;
        }
    }

    public CreateOutcome Create(IReadOnlyList<string> paths, string callerReference, CreationSettings settings)
    {
        lock (gate)
        {
            if (byCallerReference.TryGetValue(callerReference, out CreatedInvalidation? earlier))
            {
                return earlier.Detail.Paths.SequenceEqual(paths, StringComparer.Ordinal)
                    ? new CreateOutcome(earlier, null)
                    : new CreateOutcome(null, settings.ReferenceConflictCode == "InvalidationBatchAlreadyExists"
                        ? CloudFrontError.InvalidationBatchAlreadyExists
                        : CloudFrontError.InvalidArgument(
                            "Your request contains a caller reference that was already used for a previous invalidation batch for the same distribution."));
            }

            int wildcards = paths.Count(IsWildcard);
            List<CreatedInvalidation> inProgress = newestFirst.Where(created => created.IsInProgress).ToList();
            int wildcardsInProgress = inProgress.Sum(created => created.Detail.Paths.Count(IsWildcard));
            int filesInProgress = inProgress.Sum(created => created.Detail.Paths.Count) - wildcardsInProgress;
            if (wildcards > 0 && wildcardsInProgress + wildcards > settings.MaxWildcardsInProgress)
            {
                return new CreateOutcome(null, CloudFrontError.TooManyInvalidationsInProgress(
                    "Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations."));
            }
            if (paths.Count - wildcards > 0 && filesInProgress + paths.Count - wildcards > settings.MaxPathsInProgress)
            {
                return new CreateOutcome(null, CloudFrontError.TooManyInvalidationsInProgress(
                    "Processing your request will cause you to exceed the maximum number of in-progress individual file invalidations."));
            }

            // Beyond any index a generated invalidation has, so the ids never collide with those.
            string id = InvalidationId.Encode(distributionKey, int.MaxValue - newestFirst.Count);
            DateTime now = DateTime.UtcNow;
            var detail = new InvalidationDetail(new InvalidationSummary(id, new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc), "InProgress"),
                paths.ToArray(), callerReference);
            long completesAt = settings.CompleteAfterMs is int afterMs
                ? Stopwatch.GetTimestamp() + afterMs * Stopwatch.Frequency / 1000
                : CreatedInvalidation.Never;
            var created = new CreatedInvalidation(detail, completesAt);
            newestFirst.Insert(0, created);
            byId[id] = created;
            byCallerReference[callerReference] = created;
            return new CreateOutcome(created, null);
        }
    }

    private static bool IsWildcard(string path) => path.EndsWith('*');
}
