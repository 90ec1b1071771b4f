using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CloudFrontInvalidations.Concurrency
{
    /// <summary>
    /// Runs one unit of work per input (list one distribution, get one invalidation), at most
    /// <c>throttleLimit</c> at once, and hands their results back in input order: all of the first unit's
    /// results, then the next unit's, exactly as a sequential run would. The unit at the head streams while
    /// the following ones fetch ahead into bounded buffers; a full buffer stops its unit (back-pressure), so
    /// memory does not grow with the length of a listing. Knows neither PowerShell nor HTTP.
    /// </summary>
    /// <remarks>
    /// A unit is a lazy sequence whose every step may block on a request; it runs on a thread of its own, so
    /// at most throttleLimit requests are in flight. Its first result is fetched eagerly, its second only once
    /// the consumer has taken the first and asks for more (a consumer that stops within the first result,
    /// such as <c>Select-Object -First 5</c>, costs each unit one request), the rest up to the buffer's bound.
    /// Every result is handed back on the caller's thread, where PowerShell wants its output written.
    /// </remarks>
    internal sealed class OrderedFanOut<TInput, TResult> : IDisposable
    {
        private readonly SemaphoreSlim _slots;
        private readonly int _bufferCapacity;
        private readonly bool _fetchAhead;
        private readonly CancellationTokenSource _stopping;
        private readonly Queue<Unit> _units = new Queue<Unit>();
        private readonly List<Task> _workers = new List<Task>();
        private int _resultsDelivered;
        private bool _aheadAllowed;

        /// <param name="throttleLimit">Units running at once, and so requests in flight.</param>
        /// <param name="bufferCapacity">Results a unit may hold ahead of the consumer.</param>
        /// <param name="fetchAhead">
        /// Once the consumer has asked for more than its first result, every unit fetches ahead up to its buffer's
        /// bound. Without it a unit fetches a result beyond its first only when the consumer asks for it (-First:
        /// no request the count then has no use for).
        /// </param>
        /// <param name="cancellationToken">Stops every unit (Ctrl+C).</param>
        internal OrderedFanOut(int throttleLimit, int bufferCapacity, bool fetchAhead, CancellationToken cancellationToken)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit));
            if (bufferCapacity < 1) throw new ArgumentOutOfRangeException(nameof(bufferCapacity));
            _bufferCapacity = bufferCapacity;
            _fetchAhead = fetchAhead;
            _slots = new SemaphoreSlim(throttleLimit);
            _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>Inputs added and not yet handed back whole.</summary>
        internal int Pending => _units.Count;

        /// <summary>Queues a unit; it starts, in input order, as soon as fewer than throttleLimit units are running.</summary>
        /// <param name="work">The unit's results, produced lazily; it must honour the token it is given.</param>
        internal void Add(TInput input, Func<CancellationToken, IEnumerable<TResult>> work)
        {
            _stopping.Token.ThrowIfCancellationRequested();
            var unit = new Unit(input, _bufferCapacity);
            if (_aheadAllowed) unit.AllowAhead();
            _units.Enqueue(unit);
            _workers.Add(StartWhenSlotFree(unit, work));
        }

        /// <summary>Queues a unit whose work is one blocking step with one result (a get, a poll).</summary>
        internal void AddOne(TInput input, Func<CancellationToken, TResult> work) => Add(input, token => One(work, token));

        private static IEnumerable<TResult> One(Func<CancellationToken, TResult> work, CancellationToken token)
        {
            yield return work(token);
        }

        /// <summary>
        /// Hands back, in input order, what is ready: <see cref="DeliveryKind.Started"/>, the results, then
        /// <see cref="DeliveryKind.Completed"/> or <see cref="DeliveryKind.Failed"/> per unit. Waits for the head
        /// unit while more than <paramref name="maxPending"/> units are pending; 0 waits for all.
        /// </summary>
        /// <exception cref="OperationCanceledException">The token given at construction was cancelled.</exception>
        internal IEnumerable<Delivery<TInput, TResult>> Drain(int maxPending)
        {
            while (_units.Count > 0)
            {
                var unit = _units.Peek();
                var wait = _units.Count > maxPending;
                if (!unit.StartDelivered)
                {
                    unit.StartDelivered = true;
                    yield return Delivery<TInput, TResult>.Started(unit.Input);
                }
                while (true)
                {
                    AskForMore(unit);
                    if (!wait && unit.Buffer.Count == 0 && !unit.Buffer.IsCompleted) yield break;
                    if (!unit.Buffer.TryTake(out var result, Timeout.Infinite, _stopping.Token)) break; // the unit is done
                    unit.Delivered++;
                    _resultsDelivered++;
                    yield return Delivery<TInput, TResult>.Of(unit.Input, result);
                }
                _units.Dequeue();
                yield return unit.Failure is Exception failure
                    ? Delivery<TInput, TResult>.Failed(unit.Input, failure)
                    : Delivery<TInput, TResult>.Completed(unit.Input);
            }
        }

        /// <summary>
        /// Stops every unit: requests in flight are abandoned and no new one starts. Called when the consumer has
        /// what it needs (-First) or the pipeline ends early; the units' threads end on their own.
        /// </summary>
        public void Dispose()
        {
            if (_stopping.IsCancellationRequested) return;
            _stopping.Cancel();
            // Nobody reads the workers' outcome any more: observe it so no failure goes unobserved.
            foreach (var worker in _workers) _ = worker.ContinueWith(done => _ = done.Exception, TaskScheduler.Default);
        }

        // Coming back for more after a result is the consumer's demand: the head unit may fetch one more, and
        // with fetch-ahead every unit may fill its buffer from now on.
        private void AskForMore(Unit head)
        {
            if (head.Delivered == 0) return;
            if (_fetchAhead && !_aheadAllowed)
            {
                _aheadAllowed = true;
                foreach (var unit in _units) unit.AllowAhead();
            }
            head.Demand(head.Delivered + 1);
        }

        private async Task StartWhenSlotFree(Unit unit, Func<CancellationToken, IEnumerable<TResult>> work)
        {
            var token = _stopping.Token;
            try
            {
                // Async waiters are served first come, first served: units start in input order, so the head
                // always runs and a full buffer behind it can never hold the slot it needs.
                await _slots.WaitAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                unit.Buffer.CompleteAdding();
                return;
            }
            // A thread of its own: each step of the unit blocks on a request.
            await Task.Factory.StartNew(() => Run(unit, work, token), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }

        private void Run(Unit unit, Func<CancellationToken, IEnumerable<TResult>> work, CancellationToken token)
        {
            try
            {
                using var results = work(token).GetEnumerator();
                for (var produced = 0; ; produced++)
                {
                    if (produced > 0) unit.WaitForDemand(produced + 1, token);
                    if (!results.MoveNext()) break;
                    unit.Buffer.Add(results.Current, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Stopped: nobody reads this unit any more.
            }
            catch (Exception failure)
            {
                unit.Failure = failure;
            }
            finally
            {
                _slots.Release();
                unit.Buffer.CompleteAdding();
            }
        }

        private sealed class Unit
        {
            private readonly object _gate = new object();
            private int _demanded = 1; // the first result is always fetched
            private bool _ahead;

            internal Unit(TInput input, int bufferCapacity)
            {
                Input = input;
                Buffer = new BlockingCollection<TResult>(new ConcurrentQueue<TResult>(), bufferCapacity);
            }

            internal TInput Input { get; }
            internal BlockingCollection<TResult> Buffer { get; }
            /// <summary>Set by the unit's thread before it completes the buffer, read by the consumer after.</summary>
            internal Exception? Failure { get; set; }
            internal bool StartDelivered { get; set; }
            internal int Delivered { get; set; }

            /// <summary>The consumer wants results up to this count.</summary>
            internal void Demand(int count)
            {
                lock (_gate)
                {
                    if (count <= _demanded) return;
                    _demanded = count;
                    Monitor.PulseAll(_gate);
                }
            }

            /// <summary>From now on the buffer's bound alone limits the unit.</summary>
            internal void AllowAhead()
            {
                lock (_gate)
                {
                    _ahead = true;
                    Monitor.PulseAll(_gate);
                }
            }

            internal void WaitForDemand(int count, CancellationToken token)
            {
                using var wake = token.Register(() => { lock (_gate) Monitor.PulseAll(_gate); });
                lock (_gate)
                {
                    while (!_ahead && _demanded < count)
                    {
                        token.ThrowIfCancellationRequested();
                        Monitor.Wait(_gate);
                    }
                }
                token.ThrowIfCancellationRequested();
            }
        }
    }
}
