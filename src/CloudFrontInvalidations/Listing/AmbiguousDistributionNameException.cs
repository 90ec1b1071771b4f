using System;
using System.Collections.Generic;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>A domain name given for a distribution that several distributions of the account have.</summary>
    public sealed class AmbiguousDistributionNameException : Exception
    {
        internal AmbiguousDistributionNameException(string name, IReadOnlyList<string> distributionIds)
            : base($"'{name}' names {distributionIds.Count} distributions ({string.Join(", ", distributionIds)}): give the distribution id.")
        {
            Name = name;
            DistributionIds = distributionIds;
        }

        /// <summary>The name as given.</summary>
        public string Name { get; }

        /// <summary>The ids of the distributions that have it, in ListDistributions order.</summary>
        public IReadOnlyList<string> DistributionIds { get; }
    }
}
