using System;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>A domain name given for a distribution that no distribution of the account has.</summary>
    public sealed class UnknownDistributionNameException : Exception
    {
        internal UnknownDistributionNameException(string name, int distributionsSearched)
            : base($"No distribution of the account has '{name}' as an alternate domain name (CNAME) or as its CloudFront " +
                   $"domain name ({distributionsSearched} distribution(s) searched).")
        {
            Name = name;
        }

        /// <summary>The name as given.</summary>
        public string Name { get; }
    }
}
