namespace LocalCloudFront;

/// <summary>Settings of the whole server, from the command line or PUT /_admin/settings.</summary>
public sealed record ServerSettings
{
    /// <summary>Every CloudFront request waits this long before it is answered, unless its distribution's
    /// faults.delayMs applies instead.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Null: unlimited. Otherwise a CloudFront request arriving while this many are in flight is
    /// answered 400 Throttling at once.</summary>
    public int? MaxConcurrent { get; init; }

    /// <summary>The most distributions one ListDistributions page holds.</summary>
    public int DistributionPageCap { get; init; } = 100;

    /// <summary>Faults of ListDistributions, counted per ListDistributions request (operations is ignored).</summary>
    public FaultSettings DistributionListFaults { get; init; } = new();

    public string? Validate() =>
        LatencyMs < 0 ? "latencyMs must not be negative."
        : MaxConcurrent < 1 ? "maxConcurrent must be at least 1."
        : DistributionPageCap < 1 ? "distributionPageCap must be at least 1."
        : DistributionListFaults.Validate();
}

/// <summary>The current server settings, ListDistributions' fault counter and the in-flight count.</summary>
public sealed class ServerState(ServerSettings settings)
{
    private volatile Applied applied = new(settings, new FaultPlan(settings.DistributionListFaults));
    private int inFlight;

    public ServerSettings Settings => applied.Settings;
    public FaultPlan DistributionListFaults => applied.DistributionListFaults;

    /// <summary>Replaces the settings; resets ListDistributions' fault counter.</summary>
    public void Apply(ServerSettings settings) =>
        applied = new Applied(settings, new FaultPlan(settings.DistributionListFaults));

    /// <summary>Admits a request unless maxConcurrent are already in flight; pair with <see cref="Leave"/>.</summary>
    public bool TryEnter()
    {
        int? limit = Settings.MaxConcurrent;
        if (Interlocked.Increment(ref inFlight) > (limit ?? int.MaxValue))
        {
            Interlocked.Decrement(ref inFlight);
            return false;
        }
        return true;
    }

    public void Leave() => Interlocked.Decrement(ref inFlight);

    // One reference, so a reader never sees new settings with the old counter.
    private sealed record Applied(ServerSettings Settings, FaultPlan DistributionListFaults);
}
