using System.Diagnostics;

namespace LocalCloudFront;

/// <summary>One invalidation made by CreateInvalidation, with the time it completes (null: never).</summary>
public sealed record CreatedInvalidation(InvalidationDetail Detail, long CompletesAtTimestamp)
{
    public const long Never = long.MaxValue;

    public bool IsInProgress => Stopwatch.GetTimestamp() < CompletesAtTimestamp;

    /// <summary>The detail with its status as of now.</summary>
    public InvalidationDetail Current => Detail with
    {
        Summary = Detail.Summary with { Status = IsInProgress ? "InProgress" : "Completed" },
    };
}
