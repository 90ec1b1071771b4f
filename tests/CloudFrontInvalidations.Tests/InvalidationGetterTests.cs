using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Getting;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>Get-CFInvalidation's engine, against a scripted GetInvalidation.</summary>
    public sealed class InvalidationGetterTests
    {
        /// <summary>Answers after the id's number in milliseconds; "I0" has no Status, "IX" fails.</summary>
        private static async Task<GetInvalidationResponse> GetInvalidationAsync(GetInvalidationRequest request, CancellationToken token)
        {
            var target = request.Target;
            if (target.Id == "IX") throw new InvalidOperationException("refused");
            if (int.TryParse(target.Id.Substring(1), out var delay)) await Task.Delay(delay, token);
            var invalidation = Invalidation.Of(target.Owner);
            invalidation.Id = target.Id;
            invalidation.Status = target.Id == "I0" ? null : "Completed";
            return new GetInvalidationResponse { Invalidation = invalidation };
        }

        private static InvalidationTarget Target(string id) => new InvalidationTarget(InvalidationOwner.Distribution("E1"), id);

        private static List<GetEvent> GetAll(params string[] ids)
        {
            using var getter = new InvalidationGetter(GetInvalidationAsync, throttleLimit: 3, CancellationToken.None);
            return ids.SelectMany(id => getter.Get(Target(id)).ToList()).Concat(getter.End()).ToList();
        }

        [Fact]
        public void Answers_come_back_in_input_order_whatever_answers_first()
        {
            var events = GetAll("I300", "I5", "I100", "I1");

            Assert.Equal(new[] { "I300", "I5", "I100", "I1" }, events.Select(e => e.Invalidation!.Id));
            Assert.All(events, e => Assert.Null(e.Failure));
        }

        [Fact]
        public void A_failure_comes_in_its_input_s_place()
        {
            var events = GetAll("I50", "IX", "I1");

            Assert.Equal(new[] { "I50", "IX", "I1" }, events.Select(e => e.Target.Id));
            Assert.IsType<InvalidOperationException>(events[1].Failure);
            Assert.Null(events[1].Invalidation);
        }

        [Fact]
        public void An_answer_without_a_status_is_an_incomplete_response()
        {
            var failure = Assert.Single(GetAll("I0")).Failure;

            Assert.Contains("lacks the Invalidation element, its Id or its Status", Assert.IsType<IncompleteResponseException>(failure).Message);
        }
    }
}
