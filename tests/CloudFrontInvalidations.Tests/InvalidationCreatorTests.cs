using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Creating;
using CloudFrontInvalidations.Waiting;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>The create loop against a scripted clock and a scripted CloudFront: what is sent when, and what is reported.</summary>
    public sealed class InvalidationCreatorTests
    {
        private readonly ScriptedClock _clock = new ScriptedClock();
        private readonly List<(PlannedBatch Batch, double AtSeconds)> _requests = new List<(PlannedBatch, double)>();
        /// <summary>Per owner id: CloudFront's answer to the n-th request for it (null: created).</summary>
        private readonly Dictionary<string, Func<int, Exception?>> _answers = new Dictionary<string, Func<int, Exception?>>();

        private static CloudFrontServiceException ServiceError(string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest) =>
            CloudFrontServiceException.FromErrorResponse(new ErrorResponse
            {
                Code = code, Message = message, RequestId = "req-1", StatusCode = status, Type = ErrorType.Sender,
            });

        private static readonly CloudFrontServiceException TooMany =
            ServiceError("TooManyInvalidationsInProgress", "Processing your request would cause you to exceed the maximum number of in-progress wildcard invalidations.");

        private static PlannedBatch Batch(string owner, string reference, params string[] paths) =>
            new PlannedBatch(InvalidationOwner.Distribution(owner), PathPreparation.Prepare(paths).Paths, reference);

        /// <summary>As ErrorMap.MayPass says of the failures these tests script: a timeout may pass, an error answer does not.</summary>
        private static bool MayPass(Exception failure) => failure is TimeoutException;

        private Invalidation Create(PlannedBatch batch, CancellationToken token)
        {
            token.ThrowIfCancellationRequested();
            _requests.Add((batch, _clock.Elapsed.TotalSeconds));
            var number = _requests.Count(r => r.Batch.Owner.Equals(batch.Owner));
            if (_answers.TryGetValue(batch.Owner.Id, out var answer) && answer(number) is Exception failure) throw failure;
            return new DistributionInvalidation
            {
                DistributionId = batch.Owner.Id,
                Id = "I" + batch.CallerReference,
                Status = "InProgress",
                Location = $"https://cloudfront.example/2020-05-31/distribution/{batch.Owner.Id}/invalidation/I{batch.CallerReference}",
                InvalidationBatch = new InvalidationBatch
                {
                    CallerReference = batch.CallerReference,
                    Paths = new Paths { Quantity = batch.Paths.Count, Items = batch.SentPaths.ToList() },
                },
            };
        }

        /// <summary>Per invalidation id: when GetInvalidation first answers Completed (absent: never).</summary>
        private readonly Dictionary<string, double> _completesAtSeconds = new Dictionary<string, double>();
        private readonly List<(string Id, double AtSeconds)> _polls = new List<(string, double)>();

        /// <summary>GetInvalidation as CloudFront answers it: without a Location.</summary>
        private Invalidation Get(InvalidationTarget target, CancellationToken token)
        {
            var at = _clock.Elapsed.TotalSeconds;
            lock (_polls) _polls.Add((target.Id, at));
            return new DistributionInvalidation
            {
                DistributionId = target.Owner.Id,
                Id = target.Id,
                Status = _completesAtSeconds.TryGetValue(target.Id, out var completesAt) && at >= completesAt ? "Completed" : "InProgress",
            };
        }

        private List<CreateEvent> RunAndWait(TimeSpan timeout, params PlannedBatch[] batches) =>
            new InvalidationCreator(Create, MayPass, _clock).CreateAndWait(batches, new CreateOptions(timeout), Get,
                new WaitOptions(TimeSpan.FromSeconds(20), timeout, ThrottleLimit: 2), CancellationToken.None).ToList();

        private List<CreateEvent> Run(TimeSpan timeout, params PlannedBatch[] batches) =>
            new InvalidationCreator(Create, MayPass, _clock).Create(batches, new CreateOptions(timeout), CancellationToken.None).ToList();

        [Fact]
        public void Sends_each_batch_once_in_order_and_reports_what_CloudFront_created()
        {
            var events = Run(TimeSpan.FromMinutes(30), Batch("E1", "r1", "/a"), Batch("E1", "r2", "/b/*"), Batch("E2", "r3", "/c"));

            Assert.Equal(new[] { "r1", "r2", "r3" }, _requests.Select(r => r.Batch.CallerReference));
            Assert.All(events, e => Assert.Equal(CreateEventKind.Created, e.Kind));
            Assert.Equal(new[] { "Ir1", "Ir2", "Ir3" }, events.Select(e => e.Invalidation!.Id));
            Assert.Equal(new[] { "/b/*" }, events[1].Invalidation!.Paths);
            Assert.Empty(_clock.Delays);
        }

        [Fact]
        public void Waits_for_capacity_with_a_doubling_back_off_and_sends_the_same_batch_again()
        {
            _answers["E1"] = n => n <= 3 ? TooMany : null;

            var events = Run(TimeSpan.FromMinutes(30), Batch("E1", "r1", "/img/*"));

            Assert.Equal(new[] { 0.0, 5.0, 15.0, 35.0 }, _requests.Select(r => r.AtSeconds));
            Assert.All(_requests, r => Assert.Equal("r1", r.Batch.CallerReference));
            var waits = events.Where(e => e.Kind == CreateEventKind.WaitingForCapacity).ToList();
            Assert.Equal(new[] { 1, 2, 3 }, waits.Select(e => e.Refusals));
            Assert.Equal(new[] { 5.0, 10.0, 20.0 }, waits.Select(e => e.RetryIn.TotalSeconds));
            Assert.All(waits, e => Assert.Same(TooMany, e.Failure));
            Assert.Equal(CreateEventKind.Created, events.Last().Kind);
            Assert.Equal(35.0, events.Last().Elapsed.TotalSeconds);
        }

        [Fact]
        public void The_back_off_stops_growing_at_a_minute()
        {
            _answers["E1"] = n => n <= 7 ? TooMany : null;

            Run(TimeSpan.FromMinutes(30), Batch("E1", "r1", "/a"));

            Assert.Equal(new[] { 5.0, 10.0, 20.0, 40.0, 60.0, 60.0, 60.0 }, _clock.Delays.Select(d => d.TotalSeconds));
        }

        [Fact]
        public void Past_the_timeout_one_error_names_the_distribution_and_every_path_not_sent()
        {
            _answers["E1"] = n => TooMany;

            var events = Run(TimeSpan.FromSeconds(30), Batch("E1", "r1", "/a", "/b c"), Batch("E1", "r2", "/d/*"));

            // The last attempt is at the timeout itself, never after it.
            Assert.Equal(new[] { 0.0, 5.0, 15.0, 30.0 }, _requests.Select(r => r.AtSeconds));
            Assert.All(_requests, r => Assert.Equal("r1", r.Batch.CallerReference));
            var timedOut = Assert.Single(events, e => e.Kind == CreateEventKind.TimedOut);
            Assert.Same(events.Last(), timedOut);
            Assert.Equal(new[] { "r1", "r2" }, timedOut.Batches.Select(b => b.CallerReference));
            var failure = Assert.IsType<InvalidationCapacityTimeoutException>(timedOut.Failure);
            Assert.Equal("E1", failure.OwnerId);
            Assert.Equal(new[] { "/a", "/b%20c", "/d/*" }, failure.UnsentPaths);
            Assert.Same(TooMany, failure.InnerException);
            Assert.Contains("distribution 'E1' after 30 s", failure.Message);
            Assert.Contains("3 paths were not sent: /a, /b%20c, /d/*.", failure.Message);
            Assert.Equal(3, events.Count(e => e.Kind == CreateEventKind.WaitingForCapacity));
        }

        [Fact]
        public void Other_distributions_go_on_while_one_waits_for_capacity()
        {
            _answers["E1"] = n => _clock.Elapsed < TimeSpan.FromSeconds(20) ? TooMany : null;

            var events = Run(TimeSpan.FromMinutes(30), Batch("E1", "r1", "/a"), Batch("E1", "r2", "/b"), Batch("E2", "r3", "/c"));

            Assert.Equal(new[] { ("r1", 0.0), ("r3", 0.0), ("r1", 5.0), ("r1", 15.0), ("r1", 35.0), ("r2", 35.0) },
                _requests.Select(r => (r.Batch.CallerReference, r.AtSeconds)));
            Assert.Equal(new[] { "r3", "r1", "r2" },
                events.Where(e => e.Kind == CreateEventKind.Created).Select(e => e.Batch.CallerReference));
        }

        [Fact]
        public void A_refused_caller_reference_is_its_own_failure_and_the_next_batch_is_still_sent()
        {
            var conflict = ServiceError("InvalidArgument",
                "Your request contains a caller reference that was already used for a previous invalidation batch for the same distribution.");
            var badPath = ServiceError("InvalidArgument", "Your request contains one or more invalid invalidation paths.");
            _answers["E1"] = n => n == 1 ? conflict : n == 2 ? badPath : null;

            var events = Run(TimeSpan.FromMinutes(30), Batch("E1", "deploy-7", "/a"), Batch("E1", "r2", "/b"), Batch("E1", "r3", "/c"));

            Assert.Equal(new[] { CreateEventKind.Failed, CreateEventKind.Failed, CreateEventKind.Created }, events.Select(e => e.Kind));
            var refused = Assert.IsType<CallerReferenceConflictException>(events[0].Failure);
            Assert.Equal("deploy-7", refused.CallerReference);
            Assert.Equal("E1", refused.OwnerId);
            Assert.Same(conflict, refused.InnerException);
            Assert.Contains("'deploy-7' was already used on distribution 'E1'", refused.Message);
            Assert.Same(badPath, events[1].Failure);
        }

        [Fact]
        public void The_documented_InvalidationBatchAlreadyExists_is_a_conflict_and_an_InvalidArgument_that_only_names_the_reference_is_not()
        {
            var exists = ServiceError("InvalidationBatchAlreadyExists", "The CallerReference you sent is already in use with other paths.");
            var tooLong = ServiceError("InvalidArgument", "The CallerReference must be at most 128 characters long.");
            _answers["E1"] = n => n == 1 ? exists : tooLong;

            var events = Run(TimeSpan.FromMinutes(30), Batch("E1", "deploy-7", "/a"), Batch("E1", "r2", "/b"));

            var refused = Assert.IsType<CallerReferenceConflictException>(events[0].Failure);
            Assert.Same(exists, refused.InnerException);
            Assert.Equal("deploy-7", refused.CallerReference);
            Assert.Same(tooLong, events[1].Failure);
        }

        [Fact]
        public void A_failure_that_leaves_the_outcome_unknown_is_reported_with_the_batchs_reference_and_paths_and_not_sent_again()
        {
            var lost = new TimeoutException("No answer within 60 s.");
            var incomplete = new IncompleteResponseException("The answer lacks the Invalidation element, its Id or its Status.");
            var unreadable = new Amazon.Runtime.AmazonUnmarshallingException("req-1", "/Invalidation/InvalidationBatch/Paths/Items",
                new System.Xml.XmlException("Items appears twice"), System.Net.HttpStatusCode.Created);
            _answers["E1"] = n => n == 1 ? lost : n == 2 ? incomplete : unreadable;

            var events = Run(TimeSpan.FromMinutes(30), Batch("E1", "r1", "/a", "/b c"), Batch("E1", "r2", "/d"), Batch("E1", "r3", "/e"));

            Assert.Equal(new[] { "r1", "r2", "r3" }, _requests.Select(r => r.Batch.CallerReference));
            Assert.Equal(new[] { CreateEventKind.Failed, CreateEventKind.Failed, CreateEventKind.Failed }, events.Select(e => e.Kind));
            // Answered 201 but unreadable: created, most likely.
            Assert.Equal("r3", Assert.IsType<UnknownCreateOutcomeException>(events[2].Failure).CallerReference);
            var first = Assert.IsType<UnknownCreateOutcomeException>(events[0].Failure);
            Assert.Same(lost, first.InnerException);
            Assert.Equal("r1", first.CallerReference);
            Assert.Equal(new[] { "/a", "/b%20c" }, first.Paths);
            Assert.Contains("run again with -CallerReference 'r1' and the same paths", first.Advice);
            var second = Assert.IsType<UnknownCreateOutcomeException>(events[1].Failure);
            Assert.Same(incomplete, second.InnerException);
            Assert.Equal("r2", second.CallerReference);
        }

        [Fact]
        public void The_timeout_cuts_a_request_in_flight_reports_it_with_its_reference_and_sends_no_batch_after_it()
        {
            // A create retried on and on (throttling) or never answered: only the deadline's token ends it.
            Invalidation Hang(PlannedBatch batch, CancellationToken token)
            {
                _requests.Add((batch, _clock.Elapsed.TotalSeconds));
                _clock.Advance(TimeSpan.FromSeconds(30));
                token.ThrowIfCancellationRequested();
                throw new InvalidOperationException("The request outlived -TimeoutSec and its grace.");
            }

            var events = new InvalidationCreator(Hang, failure => false, _clock)
                .Create(new[] { Batch("E1", "r1", "/a"), Batch("E2", "r2", "/b") }, new CreateOptions(TimeSpan.FromSeconds(1)), CancellationToken.None).ToList();

            Assert.Equal(new[] { "r1" }, _requests.Select(r => r.Batch.CallerReference));
            Assert.Equal(new[] { CreateEventKind.Failed, CreateEventKind.Failed }, events.Select(e => e.Kind));
            var cut = Assert.IsType<UnknownCreateOutcomeException>(events[0].Failure);
            Assert.Equal("r1", cut.CallerReference);
            Assert.Contains("-TimeoutSec (1 s) passed while CreateInvalidation for distribution 'E1' had no answer",
                Assert.IsType<TimeoutException>(cut.InnerException).Message);
            var unsent = Assert.IsType<TimeoutException>(events[1].Failure);
            Assert.Equal("r2", events[1].Batch.CallerReference);
            Assert.Contains("nothing was sent for it", unsent.Message);
        }

        [Fact]
        public void The_attempt_made_at_the_timeout_has_a_grace_to_be_answered()
        {
            _answers["E1"] = n => { _clock.Advance(TimeSpan.FromSeconds(2)); return n == 1 ? TooMany : null; };

            var events = Run(TimeSpan.FromSeconds(4), Batch("E1", "r1", "/a"));

            Assert.Equal(new[] { 0.0, 4.0 }, _requests.Select(r => r.AtSeconds));
            Assert.Equal(CreateEventKind.Created, events.Last().Kind);
        }

        [Fact]
        public void Any_other_failure_is_reported_for_its_batch_without_waiting()
        {
            var missing = ServiceError("NoSuchDistribution", "The specified distribution does not exist.", HttpStatusCode.NotFound);
            _answers["E1"] = n => missing;

            var events = Run(TimeSpan.FromMinutes(30), Batch("E1", "r1", "/a"));

            Assert.Same(missing, Assert.Single(events).Failure);
            Assert.Empty(_clock.Delays);
        }

        [Fact]
        public void Cancelling_ends_a_wait_for_capacity_with_OperationCanceledException()
        {
            _answers["E1"] = n => TooMany;
            using var cancellation = new CancellationTokenSource();
            var creator = new InvalidationCreator(Create, MayPass, _clock);

            Assert.Throws<OperationCanceledException>(() =>
            {
                foreach (var e in creator.Create(new[] { Batch("E1", "r1", "/a") }, new CreateOptions(TimeSpan.FromMinutes(30)), cancellation.Token))
                    if (e.Kind == CreateEventKind.WaitingForCapacity) cancellation.Cancel();
            });
            Assert.Single(_requests);
        }
    

        [Fact]
        public void With_a_wait_each_invalidation_created_is_waited_for_after_every_batch_was_sent_and_keeps_its_Location()
        {
            _completesAtSeconds["Ir1"] = 0;
            _completesAtSeconds["Ir3"] = 20;
            var refused = ServiceError("AccessDenied", "User is not authorized to perform: cloudfront:CreateInvalidation", HttpStatusCode.Forbidden);
            _answers["E2"] = n => n == 2 ? refused : null;

            var events = RunAndWait(TimeSpan.FromMinutes(30), Batch("E1", "r1", "/a"), Batch("E2", "r3", "/c"), Batch("E2", "r4", "/d"));

            Assert.Equal(new[] { CreateEventKind.Created, CreateEventKind.Created, CreateEventKind.Failed },
                events.TakeWhile(e => e.Kind != CreateEventKind.Waited).Select(e => e.Kind));
            var waited = events.SkipWhile(e => e.Kind != CreateEventKind.Waited).ToList();
            Assert.All(waited, e => Assert.Equal(CreateEventKind.Waited, e.Kind));
            // Only what was created is polled: not the refused batch.
            Assert.Equal(new[] { ("Ir1", 0.0), ("Ir3", 0.0), ("Ir3", 20.0) }, _polls.OrderBy(p => p.Id).ThenBy(p => p.AtSeconds));
            var completed = waited.Where(e => e.WaitEvent!.Kind == WaitEventKind.Completed).Select(e => e.WaitEvent!).ToList();
            Assert.Equal(new[] { "Ir1", "Ir3" }, completed.Select(e => e.Invalidation!.Id));
            Assert.Equal(new[] { "Completed", "Completed" }, completed.Select(e => e.Invalidation!.Status));
            Assert.Equal(new[] { "https://cloudfront.example/2020-05-31/distribution/E1/invalidation/Ir1",
                "https://cloudfront.example/2020-05-31/distribution/E2/invalidation/Ir3" }, completed.Select(e => e.Invalidation!.Location));
            Assert.Equal(new[] { "E1", "E2" }, waited.Where(e => e.WaitEvent!.Kind == WaitEventKind.Completed).Select(e => e.Owner!.Id));
        }

        [Fact]
        public void With_a_wait_one_timeout_counts_from_the_creations_start()
        {
            _answers["E1"] = n => n <= 3 ? TooMany : null;

            var events = RunAndWait(TimeSpan.FromSeconds(60), Batch("E1", "r1", "/img/*"));

            // Created at 35 s (after 5, 10 and 20 s of back-off), then polled every 20 s until the same 60 s are up.
            Assert.Equal(35.0, events.Single(e => e.Kind == CreateEventKind.Created).Elapsed.TotalSeconds);
            Assert.Equal(new[] { 35.0, 55.0, 60.0 }, _polls.Select(p => p.AtSeconds));
            var timedOut = events.Last();
            Assert.Equal(WaitEventKind.TimedOut, timedOut.WaitEvent!.Kind);
            Assert.IsType<WaitTimeoutException>(timedOut.Failure);
            Assert.Equal(60.0, timedOut.Elapsed.TotalSeconds);
        }

        [Fact]
        public void With_a_wait_nothing_created_is_nothing_to_wait_for()
        {
            _answers["E1"] = n => TooMany;

            var events = RunAndWait(TimeSpan.FromSeconds(30), Batch("E1", "r1", "/a"));

            Assert.Equal(CreateEventKind.TimedOut, events.Last().Kind);
            Assert.DoesNotContain(events, e => e.Kind == CreateEventKind.Waited);
            Assert.Empty(_polls);
        }

        [Fact]
        public void Cancelling_once_every_batch_was_sent_starts_no_wait()
        {
            using var cancellation = new CancellationTokenSource();
            var creator = new InvalidationCreator(Create, MayPass, _clock);
            var events = creator.CreateAndWait(new[] { Batch("E1", "r1", "/a") }, new CreateOptions(TimeSpan.FromMinutes(30)), Get,
                new WaitOptions(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(30), ThrottleLimit: 2), cancellation.Token);

            Assert.Throws<OperationCanceledException>(() =>
            {
                foreach (var e in events)
                    if (e.Kind == CreateEventKind.Created) cancellation.Cancel();
            });
            Assert.Single(_requests);
            Assert.Empty(_polls);
        }
    }
}
