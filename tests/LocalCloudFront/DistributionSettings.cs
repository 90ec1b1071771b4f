using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalCloudFront;

/// <summary>
/// One distribution, or one distribution tenant, as configured by the seed file or the admin API: both
/// own an invalidation history generated the same way (a tenant ignores domainName, aliases and comment).
/// </summary>
public sealed record DistributionSettings
{
    /// <summary>In the seed file; the admin API takes it from its route instead.</summary>
    public string? Id { get; init; }
    public int Count { get; init; }
    public int PageCap { get; init; } = 100;
    public int InProgress { get; init; } = 2;

    /// <summary>
    /// Null: the InProgress ones never complete. Otherwise the oldest of them reports Completed this many
    /// milliseconds after the settings were applied, and each newer one <see cref="CompleteStaggerMs"/> later.
    /// </summary>
    public int? CompleteAfterMs { get; init; }
    public int CompleteStaggerMs { get; init; }

    /// <summary>Minutes between consecutive invalidations' CreateTime (so a history spans count × this).</summary>
    public double IntervalMinutes { get; init; } = 7;
    public string? DomainName { get; init; }
    /// <summary>Alternate domain names (CNAMEs), served as Aliases.Items in ListDistributions; none by default.</summary>
    public List<string>? Aliases { get; init; }
    public string? Comment { get; init; }
    public FaultSettings Faults { get; init; } = new();
    public CreationSettings Creation { get; init; } = new();

    /// <summary>
    /// The history as given instead of generated (then <see cref="Count"/> must be 0 and <see cref="InProgress"/>
    /// is unused): listed newest first by CreateTime whatever the order here.
    /// </summary>
    public List<InvalidationSettings>? Invalidations { get; init; }

    /// <summary>Returns a message describing the first invalid value, or null when all are valid.</summary>
    public string? Validate() =>
        Count < 0 ? "count must not be negative."
        : PageCap < 1 ? "pageCap must be at least 1."
        : InProgress < 0 ? "inProgress must not be negative."
        : CompleteAfterMs < 0 ? "completeAfterMs must not be negative."
        : CompleteStaggerMs < 0 ? "completeStaggerMs must not be negative."
        : !(IntervalMinutes > 0) ? "intervalMinutes must be positive."
        : Invalidations is not null && Count != 0 ? "count must be 0 when invalidations are given."
        : Invalidations?.Select(invalidation => invalidation.Validate()).FirstOrDefault(problem => problem is not null)
            ?? Faults.Validate() ?? Creation.Validate();
}

/// <summary>Which operations a fault setting applies to (and counts).</summary>
public enum FaultScope
{
    /// <summary>Every request about the distribution: its lists, its gets and its creates.</summary>
    All,

    /// <summary>ListInvalidations and ListInvalidationsForDistributionTenant (and ListDistributions).</summary>
    List,

    /// <summary>GetInvalidation and GetInvalidationForDistributionTenant.</summary>
    Get,

    /// <summary>CreateInvalidation and CreateInvalidationForDistributionTenant.</summary>
    Create,
}

/// <summary>Faults injected into one distribution's answers; every one is optional.</summary>
public sealed class FaultSettings
{
    public FaultScope Operations { get; init; } = FaultScope.All;
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

    // Hostile answers, for every request the plan applies to.

    /// <summary>Answers this 3xx status with <see cref="RedirectLocation"/> as its Location.</summary>
    public int? RedirectStatus { get; init; }
    public string? RedirectLocation { get; init; }

    /// <summary>Never answers: holds the connection until the client gives up.</summary>
    public bool Silent { get; init; }

    /// <summary>Sends the answer one byte every this many milliseconds.</summary>
    public int? TrickleMs { get; init; }

    /// <summary>Answers 200 with a list body that never ends (items repeated until the client hangs up).</summary>
    public bool EndlessBody { get; init; }

    /// <summary>
    /// Answers 400 with an error body that is AWS-shaped but hostile: "echoHeaders" (the message repeats the request's
    /// headers), "ansi" (terminal escapes in the message), "unparseable" (an error document cut short, echoing the headers).
    /// </summary>
    public string? HostileError { get; init; }

    /// <summary>Writes the first element of this name in a successful answer twice in a row ("Items", "Status", ...).</summary>
    public string? RepeatElement { get; init; }

    public string? Validate() =>
        ServerErrorStatus is not (500 or 503) ? "faults.serverErrorStatus must be 500 or 503."
        : DelayMs < 0 ? "faults.delayMs must not be negative."
        : ErrorAtRequest < 1 ? "faults.errorAtRequest must be at least 1."
        : RedirectStatus is not null and not (>= 300 and < 400) ? "faults.redirectStatus must be a 3xx status."
        : TrickleMs < 1 ? "faults.trickleMs must be at least 1."
        : HostileError is not null and not ("echoHeaders" or "ansi" or "unparseable") ? "faults.hostileError must be echoHeaders, ansi or unparseable."
        : RepeatElement is not null && (RepeatElement.Length == 0 || !RepeatElement.All(char.IsAsciiLetter)) ? "faults.repeatElement must be an element's name."
        : null;
}

/// <summary>The seed file given with --config.</summary>
public sealed class SeedFile
{
    public List<DistributionSettings> Distributions { get; init; } = [];
    public List<DistributionSettings> Tenants { get; init; } = [];
}

public static class SettingsJson
{
    /// <summary>camelCase like the admin API's answers; unknown members are rejected so that a
    /// misspelt fault name fails loudly instead of silently injecting nothing.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
