namespace LocalCloudFront;

/// <summary>
/// One invalidation given as it is (a distribution's or tenant's <c>invalidations</c>) instead of generated:
/// for tests that need known CreateTimes, paths and statuses, such as a billing month's exact count.
/// </summary>
public sealed record InvalidationSettings
{
    /// <summary>
    /// The id it is listed under; null: generated like the others. Any text is served as it is, so a test can list an id that
    /// no request may carry ('..', '/', '?', a newline); a Marker or GetInvalidation finds it by that text.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>UTC (a value without an offset is taken as UTC).</summary>
    public DateTime CreateTime { get; init; }
    public string Status { get; init; } = "Completed";
    public List<string> Paths { get; init; } = [];

    public string? Validate() =>
        Status is not ("Completed" or "InProgress") ? "invalidations[].status must be Completed or InProgress."
        : Paths.Count == 0 ? "invalidations[].paths must not be empty."
        : null;

    public DateTime CreateTimeUtc => CreateTime.Kind == DateTimeKind.Unspecified
        ? DateTime.SpecifyKind(CreateTime, DateTimeKind.Utc)
        : CreateTime.ToUniversalTime();
}
