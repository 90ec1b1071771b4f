namespace CloudFrontInvalidations.Commands
{
    internal sealed class ValidateInvalidationIdAttribute : ValidateCloudFrontIdAttribute
    {
        public ValidateInvalidationIdAttribute()
            : base("invalidation id", @"\A[A-Za-z0-9]+\z", "an id is 1 to 128 ASCII letters and digits, such as I2J0I21PCUYOIK") { }
    }
}
