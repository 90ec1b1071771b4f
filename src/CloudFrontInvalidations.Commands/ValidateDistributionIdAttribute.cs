namespace CloudFrontInvalidations.Commands
{
    internal sealed class ValidateDistributionIdAttribute : ValidateCloudFrontIdAttribute
    {
        public ValidateDistributionIdAttribute()
            : base("distribution id", @"\A[A-Za-z0-9]+\z", "ASCII letters and digits, such as E2QWRUHAPOMQZL") { }
    }
}
