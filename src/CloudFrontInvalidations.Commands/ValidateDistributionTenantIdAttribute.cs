namespace CloudFrontInvalidations.Commands
{
    /// <summary>CloudFront's model gives tenant ids no pattern; the ids it issues are dt_ + letters and digits.</summary>
    internal sealed class ValidateDistributionTenantIdAttribute : ValidateCloudFrontIdAttribute
    {
        public ValidateDistributionTenantIdAttribute()
            : base("distribution tenant id", @"\A[A-Za-z0-9_-]+\z", "an id is 1 to 128 ASCII letters, digits, '_' and '-', such as dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB") { }
    }
}
