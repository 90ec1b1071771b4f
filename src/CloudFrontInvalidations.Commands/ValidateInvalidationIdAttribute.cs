using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Commands
{
    internal sealed class ValidateInvalidationIdAttribute : ValidateCloudFrontIdAttribute
    {
        public ValidateInvalidationIdAttribute() : base(IdRule.Invalidation) { }
    }
}
