namespace LocalCloudFront;

/// <summary>The outcome of one CreateInvalidation: the invalidation (new or the one its caller reference made), or an error.</summary>
public readonly record struct CreateOutcome(CreatedInvalidation? Invalidation, CloudFrontError? Error);
