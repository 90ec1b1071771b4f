namespace LocalCloudFront;

/// <summary>Fault settings with their request counter, which counts only the requests they apply to.</summary>
public sealed class FaultPlan(FaultSettings settings)
{
    private int requestCount;

    public FaultSettings Settings { get; } = settings;

    public bool AppliesTo(FaultScope operation) => Settings.Operations == FaultScope.All || Settings.Operations == operation;

    /// <summary>Counts one request and returns its 1-based number.</summary>
    public int CountRequest() => Interlocked.Increment(ref requestCount);
}
