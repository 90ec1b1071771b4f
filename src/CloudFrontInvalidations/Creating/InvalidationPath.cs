namespace CloudFrontInvalidations.Creating
{
    /// <summary>One path of a batch: as given, and as it is sent (encoded).</summary>
    internal sealed class InvalidationPath
    {
        internal InvalidationPath(string given, string sent, PathKind kind)
        {
            Given = given;
            Sent = sent;
            Kind = kind;
        }

        internal string Given { get; }
        internal string Sent { get; }
        internal PathKind Kind { get; }

        public override string ToString() => Sent;
    }
}
