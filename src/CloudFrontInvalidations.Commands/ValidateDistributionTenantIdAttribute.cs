using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Commands
{
    internal sealed class ValidateDistributionTenantIdAttribute : ValidateCloudFrontIdAttribute
    {
        public ValidateDistributionTenantIdAttribute() : base(IdRule.Tenant) { }
    }
}
