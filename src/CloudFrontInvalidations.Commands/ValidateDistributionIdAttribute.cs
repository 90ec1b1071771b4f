namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// A distribution id, or a domain name of the distribution (an alternate domain name or its *.cloudfront.net name,
    /// resolved by DistributionNameResolver): DNS labels of letters, digits and '-', at least two, at most 253 characters.
    /// </summary>
    internal sealed class ValidateDistributionIdAttribute : ValidateCloudFrontIdAttribute
    {
        private const string Label = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";

        public ValidateDistributionIdAttribute()
            : base("distribution id or domain name", $@"\A(?:[A-Za-z0-9]+|(?:{Label}\.)+{Label}\.?)\z",
                "an id is ASCII letters and digits, such as E2QWRUHAPOMQZL; a domain name of the distribution is such as www.example.com or d111111abcdef8.cloudfront.net",
                maxLength: 253) { }
    }
}
