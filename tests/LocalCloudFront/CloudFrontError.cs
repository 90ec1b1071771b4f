namespace LocalCloudFront;

/// <summary>An error answer in CloudFront's wire terms.</summary>
public sealed record CloudFrontError(int Status, string Type, string Code, string Message)
{
    public static readonly CloudFrontError NoSuchDistribution =
        new(404, "Sender", "NoSuchDistribution", "The specified distribution does not exist.");

    public static readonly CloudFrontError NoSuchInvalidation =
        new(404, "Sender", "NoSuchInvalidation", "The specified invalidation does not exist.");

    /// <summary>An unknown distribution tenant.</summary>
    public static readonly CloudFrontError EntityNotFound =
        new(404, "Sender", "EntityNotFound", "The specified distribution tenant does not exist.");

    public static readonly CloudFrontError NotFound =
        new(404, "Sender", "NotFound", "The requested resource does not exist.");

    public static readonly CloudFrontError Throttling = new(400, "Sender", "Throttling", "Rate exceeded");

    public static CloudFrontError InvalidArgument(string message) => new(400, "Sender", "InvalidArgument", message);

    public static CloudFrontError TooManyInvalidationsInProgress(string message) =>
        new(400, "Sender", "TooManyInvalidationsInProgress", message);

    /// <summary>The API reference's code for a caller reference already used with other paths (its status is not documented: 409 here).</summary>
    public static readonly CloudFrontError InvalidationBatchAlreadyExists =
        new(409, "Sender", "InvalidationBatchAlreadyExists", "The CallerReference you sent was already used for an invalidation batch with other paths.");

    public static readonly CloudFrontError BatchTooLarge =
        new(413, "Sender", "BatchTooLarge", "Invalidation batch specified is too large.");

    public static readonly CloudFrontError InconsistentQuantities =
        new(400, "Sender", "InconsistentQuantities", "The value of Quantity and the size of Items don't match.");

    public static readonly CloudFrontError MissingBody =
        new(400, "Sender", "MissingBody", "This operation requires a body. Ensure that the body is present and the Content-Type header is set.");

    public static CloudFrontError ServerError(int status) => status == 500
        ? new(500, "Receiver", "InternalError", "We encountered an internal error. Please try again.")
        : new(503, "Receiver", "ServiceUnavailable", "The service is unavailable. Please try again later.");

    /// <summary>The error a distribution's errorCode fault answers with; unknown codes get 400.</summary>
    public static CloudFrontError Injected(string code) => new(
        code switch
        {
            "AccessDenied" or "SignatureDoesNotMatch" or "InvalidClientTokenId" => 403,
            "NoSuchDistribution" or "NoSuchInvalidation" or "EntityNotFound" => 404,
            "BatchTooLarge" => 413,
            _ => 400,
        },
        "Sender",
        code,
        $"Injected {code} fault.");
}
