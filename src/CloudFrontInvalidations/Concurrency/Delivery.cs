using System;

namespace CloudFrontInvalidations.Concurrency
{
    /// <summary>One thing <see cref="OrderedFanOut{TInput,TResult}.Drain"/> hands back.</summary>
    /// <param name="Result">Set for <see cref="DeliveryKind.Result"/>.</param>
    /// <param name="Failure">Set for <see cref="DeliveryKind.Failed"/>: the unit's failure, after the results it delivered.</param>
    internal readonly record struct Delivery<TInput, TResult>(DeliveryKind Kind, TInput Input, TResult Result, Exception? Failure)
    {
        internal static Delivery<TInput, TResult> Started(TInput input) => new Delivery<TInput, TResult>(DeliveryKind.Started, input, default!, null);
        internal static Delivery<TInput, TResult> Of(TInput input, TResult result) => new Delivery<TInput, TResult>(DeliveryKind.Result, input, result, null);
        internal static Delivery<TInput, TResult> Completed(TInput input) => new Delivery<TInput, TResult>(DeliveryKind.Completed, input, default!, null);
        internal static Delivery<TInput, TResult> Failed(TInput input, Exception failure) => new Delivery<TInput, TResult>(DeliveryKind.Failed, input, default!, failure);
    }
}
