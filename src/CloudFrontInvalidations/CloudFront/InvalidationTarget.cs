namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>One invalidation: its owner (a distribution or a distribution tenant) and its id.</summary>
    internal sealed record InvalidationTarget(InvalidationOwner Owner, string Id)
    {
        /// <summary>"invalidation I1 of distribution 'E1'", as error messages name it.</summary>
        public override string ToString() => $"invalidation {IdRule.Invalidation.Shown(Id)} of {Owner}";
    }
}
