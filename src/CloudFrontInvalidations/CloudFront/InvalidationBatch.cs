namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>What was invalidated, and the creator's unique reference for it.</summary>
    public sealed class InvalidationBatch
    {
        public Paths? Paths { get; set; }
        public string? CallerReference { get; set; }
    }
}
