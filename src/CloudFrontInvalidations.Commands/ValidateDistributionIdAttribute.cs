using System.Text.RegularExpressions;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// A distribution id, or a domain name of the distribution (an alternate domain name or its *.cloudfront.net name,
    /// resolved by DistributionNameResolver): DNS labels of letters, digits and '-', at least two, at most 253 characters.
    /// </summary>
    internal sealed class ValidateDistributionIdAttribute : ValidateCloudFrontIdAttribute
    {
        private const string Label = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
        private const int MaxDomainNameLength = 253;
        private static readonly Regex DomainName = new Regex($@"\A(?:{Label}\.)+{Label}\.?\z", RegexOptions.CultureInvariant);

        public ValidateDistributionIdAttribute() : base(IdRule.Distribution) { }

        private protected override string Kind => base.Kind + " or domain name";

        private protected override string Wording =>
            base.Wording + "; a domain name of the distribution is such as www.example.com or d111111abcdef8.cloudfront.net";

        private protected override bool Accepts(string id) =>
            base.Accepts(id) || (id.Length <= MaxDomainNameLength && DomainName.IsMatch(id));
    }
}
