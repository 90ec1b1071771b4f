namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>How CloudFront counts an invalidation path against its in-progress limits (<see cref="InvalidationLimits.KindOf"/>).</summary>
    internal enum PathKind
    {
        /// <summary>One object: "/index.html".</summary>
        File,
        /// <summary>Ends in '*': "/images/*". At most 15 in progress per distribution.</summary>
        Wildcard,
        /// <summary>A cache tag: "#product-42". Counts as a file path.</summary>
        Tag,
    }
}
