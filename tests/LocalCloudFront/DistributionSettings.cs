using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalCloudFront;

/// <summary>One distribution as configured by the seed file or the admin API.</summary>
public sealed record DistributionSettings
{
    /// <summary>In the seed file; the admin API takes it from its route instead.</summary>
    public string? Id { get; init; }
    public int Count { get; init; }
    public int PageCap { get; init; } = 100;
    public int InProgress { get; init; } = 2;
    public string? DomainName { get; init; }
    public string? Comment { get; init; }
    public FaultSettings Faults { get; init; } = new();

    /// <summary>Returns a message describing the first invalid value, or null when all are valid.</summary>
    public string? Validate() =>
        Count < 0 ? "count must not be negative."
        : PageCap < 1 ? "pageCap must be at least 1."
        : InProgress < 0 ? "inProgress must not be negative."
        : Faults.Validate();
}

/// <summary>Faults injected into one distribution's ListInvalidations answers; every one is optional.</summary>
public sealed class FaultSettings
{
    public int? ThrottleFirst { get; init; }
    public int? ServerErrorFirst { get; init; }
    public int ServerErrorStatus { get; init; } = 503;
    public int? DelayMs { get; init; }
    public int? ResetOnceAtRequest { get; init; }
    public int? MalformedOnceAtRequest { get; init; }
    public int? RepeatMarkerAtPage { get; init; }
    public int? TruncatedWithoutMarkerAtPage { get; init; }
    public string? ErrorCode { get; init; }
    public int ErrorAtRequest { get; init; } = 1;

    public string? Validate() =>
        ServerErrorStatus is not (500 or 503) ? "faults.serverErrorStatus must be 500 or 503."
        : DelayMs < 0 ? "faults.delayMs must not be negative."
        : ErrorAtRequest < 1 ? "faults.errorAtRequest must be at least 1."
        : null;
}

/// <summary>The seed file given with --config.</summary>
public sealed class SeedFile
{
    public List<DistributionSettings> Distributions { get; init; } = [];
}

public static class SettingsJson
{
    /// <summary>camelCase like the admin API's answers; unknown members are rejected so that a
    /// misspelt fault name fails loudly instead of silently injecting nothing.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
