using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>One path of a batch: as given, and as it is sent (encoded).</summary>
    internal sealed record InvalidationPath(string Given, string Sent, PathKind Kind)
    {
        public override string ToString() => Sent;
    }
}
