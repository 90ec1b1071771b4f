namespace CloudFrontInvalidations.Concurrency
{
    internal enum DeliveryKind
    {
        Started,
        Result,
        Completed,
        Failed,
    }
}
