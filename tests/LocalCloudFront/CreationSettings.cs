namespace LocalCloudFront;

/// <summary>How a distribution (or tenant) answers CreateInvalidation: its in-progress limits, how long a created
/// invalidation stays InProgress, and a fault that commits a batch and then loses the answer.</summary>
public sealed record CreationSettings
{
    /// <summary>File paths (cache tags included) that may be in progress at once; CloudFront allows 3,000.</summary>
    public int MaxPathsInProgress { get; init; } = 3000;

    /// <summary>Wildcard paths that may be in progress at once; CloudFront allows 15.</summary>
    public int MaxWildcardsInProgress { get; init; } = 15;

    /// <summary>A created invalidation reports Completed this long after it was created; null: never.</summary>
    public int? CompleteAfterMs { get; init; } = 1000;

    /// <summary>The first this-many CreateInvalidation requests are carried out, then their answer is lost.</summary>
    public int? LoseAnswerFirst { get; init; }

    /// <summary>How an answer is lost: a 500 InternalError instead of it, or the connection reset before it.</summary>
    public LostAnswer LoseAnswerBy { get; init; } = LostAnswer.ServerError;

    /// <summary>
    /// How a caller reference already used with other paths is refused: InvalidArgument, as CloudFront has been seen to
    /// answer, or InvalidationBatchAlreadyExists, as its API reference documents.
    /// </summary>
    public string ReferenceConflictCode { get; init; } = "InvalidArgument";

    public string? Validate() =>
        MaxPathsInProgress < 1 ? "creation.maxPathsInProgress must be at least 1."
        : MaxWildcardsInProgress < 0 ? "creation.maxWildcardsInProgress must not be negative."
        : CompleteAfterMs < 0 ? "creation.completeAfterMs must not be negative."
        : LoseAnswerFirst < 0 ? "creation.loseAnswerFirst must not be negative."
        : ReferenceConflictCode is not ("InvalidArgument" or "InvalidationBatchAlreadyExists")
            ? "creation.referenceConflictCode must be InvalidArgument or InvalidationBatchAlreadyExists."
        : null;
}
