using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Completion;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// The common AWS parameters with AWS.Tools' names and aliases, and the one client they resolve to.
    /// Credential precedence: -AccessKey/-SecretKey, -Credential, -ProfileName, what AWS.Tools' Set-AWSCredential stored
    /// in the session, environment keys, AWS_PROFILE, the default profile, then container/instance credentials
    /// (CredentialResolver has the details); the region likewise (RegionResolver).
    /// Resolved once in BeginProcessing, so these parameters do not bind from the pipeline. Session/SessionParameters
    /// reads them by name: a parameter added here is added there too (a test compares the two).
    /// </summary>
    public abstract class AwsSessionCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        /// <summary>The invocation's one resolver (one ListDistributions at most, on the first name), made with its client.</summary>
        private DistributionNameResolver? _distributionNames;
        // The client's failed attempts, told on SDK threads; each is a debug line written from the pipeline thread before
        // the next event (WriteEvents), so every command writes them and none is written from another thread.
        private readonly ConcurrentQueue<RequestAttempt> _failedAttempts = new ConcurrentQueue<RequestAttempt>();

        [Parameter]
        [Alias("RegionToCall")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        [Parameter]
        [Alias("AK")]
        public string? AccessKey { get; set; }

        [Parameter]
        [Alias("SK", "SecretAccessKey")]
        public string? SecretKey { get; set; }

        [Parameter]
        [Alias("ST")]
        public string? SessionToken { get; set; }

        [Parameter]
        [Alias("StoredCredentials", "AWSProfileName")]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get; set; }

        [Parameter]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        [ValidateNotNullOrEmpty]
        public string? ProfileLocation { get; set; }

        /// <summary>An Amazon.Runtime.AWSCredentials object, also one of AWS.Tools' (typed object: see CredentialArgument).</summary>
        [Parameter]
        public object? Credential { get; set; }

        /// <summary>A string as AWS.Tools takes it, converted (and checked) by PowerShell while binding.</summary>
        [Parameter]
        public EndpointUrl? EndpointUrl { get; set; }

        /// <summary>Cancelled by StopProcessing (Ctrl+C, or a pipeline that stops early): every request and wait of the invocation ends with it.</summary>
        private protected CancellationToken StoppingToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Called by PowerShell when the invocation ends, however it ends.</summary>
        public void Dispose()
        {
            DisposeInvocation();
            _stopping.Dispose();
        }

        /// <summary>Before the cmdlet's own <see cref="Begin"/>, so that nothing it writes asks under -Debug.</summary>
        protected sealed override void BeginProcessing()
        {
            DebugWithoutPrompt();
            if (EndpointUrl?.Refusal is string refusal)
                ThrowTerminatingError(ErrorMap.ToErrorRecord(new InvalidParameterException(nameof(EndpointUrl), refusal), Activity, null));
            Begin();
        }

        /// <summary>The cmdlet's BeginProcessing: checks what it was given, connects, builds its engine.</summary>
        private protected abstract void Begin();

        /// <summary>Releases what the invocation holds from BeginProcessing on (client, fan-out).</summary>
        private protected abstract void DisposeInvocation();

        /// <summary>What the command does, as its failures' messages begin ("Listing invalidations").</summary>
        private protected abstract string Activity { get; }

        /// <summary>
        /// Writes one input's failure as a non-terminating error, or ends the command with it when every input would
        /// fail the same way (<see cref="ErrorMap.StopsCommand"/>: credentials missing or rejected).
        /// </summary>
        internal void WriteFailure(Exception failure, ErrorRecord record)
        {
            if (ErrorMap.StopsCommand(failure)) ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>
        /// What <paramref name="make"/> makes of the parameters, before any request: a parameter that cannot work
        /// (<see cref="InvalidParameterException"/>) ends the command with its one error.
        /// </summary>
        private protected T CheckParameters<T>(Func<T> make)
        {
            try
            {
                return make();
            }
            catch (InvalidParameterException invalid)
            {
                ThrowTerminatingError(ErrorMap.ToErrorRecord(invalid, Activity, null));
                throw; // not reached: ThrowTerminatingError always throws
            }
        }

        /// <summary>
        /// Writes an engine's events, in order, with <paramref name="write"/>. Ctrl+C ends it quietly (PowerShell is
        /// already stopping the pipeline); anything the writing throws (the pipeline takes no more: Select-Object
        /// -First stops its upstream from inside WriteObject, -ErrorAction Stop) first stops the engine's requests.
        /// </summary>
        private protected void WriteEvents<TEvent>(IEnumerable<TEvent> events, Action<TEvent> write, IDisposable? engine = null)
        {
            try
            {
                foreach (var engineEvent in events)
                {
                    WriteFailedAttempts();
                    write(engineEvent);
                }
                WriteFailedAttempts();
            }
            catch (OperationCanceledException) when (StoppingToken.IsCancellationRequested)
            {
            }
            catch
            {
                engine?.Dispose();
                throw;
            }
        }

        private void WriteFailedAttempts()
        {
            while (_failedAttempts.TryDequeue(out var attempt)) WriteDebug(attempt.ToString());
        }

        /// <summary>
        /// The distribution id <paramref name="idOrName"/> names: an id as it is, a domain name resolved through the
        /// account's distributions (said in a verbose line). Null once the failure is written as this input's error.
        /// Only after <see cref="Connect"/>.
        /// </summary>
        private protected string? ResolveDistributionId(string idOrName)
        {
            string? id;
            Exception? failed = null;
            try
            {
                id = _distributionNames!.Resolve(idOrName, StoppingToken);
            }
            catch (OperationCanceledException) when (StoppingToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception failure)
            {
                failed = failure;
                id = null;
            }
            // The lookup's failed attempts come before what it ends in, whether or not an engine's events follow.
            WriteFailedAttempts();
            if (failed != null)
            {
                // Distributions, not invalidations, were listed: no invalidation was written for this input, and no -Marker resumes.
                var reported = DistributionLister.AsCommandFailure(failed, invalidationsWritten: 0);
                WriteFailure(reported, ErrorMap.ToErrorRecord(reported, $"Finding the distribution named '{idOrName}'", idOrName));
                return null;
            }
            if (!ReferenceEquals(id, idOrName)) WriteVerbose($"Distribution '{idOrName}' is {id} (found by ListDistributions).");
            return id;
        }

        /// <summary>
        /// The invalidation an item of Get-CFInvalidationList names (-InputObject): of its distribution tenant, or else
        /// of its distribution. An item that names neither, or no invalidation, stops the command.
        /// </summary>
        private protected InvalidationTarget ListedTarget(InvalidationSummary item)
        {
            var owner = !string.IsNullOrEmpty(item.DistributionTenantId) ? InvalidationOwner.Tenant(item.DistributionTenantId!)
                : !string.IsNullOrEmpty(item.DistributionId) ? InvalidationOwner.Distribution(item.DistributionId!)
                : null;
            if (owner != null && !string.IsNullOrEmpty(item.Id)) return new InvalidationTarget(owner, item.Id!);
            var invalid = new InvalidParameterException("InputObject",
                $"The item '{item}' names no DistributionId or DistributionTenantId, or no Id: give items of Get-CFInvalidationList, or -DistributionId and -Id.");
            ThrowTerminatingError(ErrorMap.ToErrorRecord(invalid, "Reading -InputObject", item));
            throw invalid; // not reached: ThrowTerminatingError always throws
        }

        /// <summary>
        /// -Debug on a compiled cmdlet makes each debug, verbose and warning line ask "Continue?", which a runbook
        /// (-NonInteractive, no console) cannot answer: the first line then ends the command with an error. These lines are information for a person
        /// reading them later, never a breakpoint, so -Debug writes them and goes on, as $DebugPreference = 'Continue' does.
        /// PowerShell keeps these preferences on its command runtime without a public setter: when the runtime has no such
        /// property, -Debug keeps PowerShell's own behaviour.
        /// </summary>
        private void DebugWithoutPrompt()
        {
            if (!MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) || !(debug is SwitchParameter { IsPresent: true })) return;
            const System.Reflection.BindingFlags Members = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public;
            var runtime = CommandRuntime;
            var type = runtime?.GetType();
            var debugPreference = type?.GetProperty("DebugPreference", Members);
            if (debugPreference?.PropertyType == typeof(ActionPreference) && debugPreference.CanWrite)
                debugPreference.SetValue(runtime, ActionPreference.Continue);
            // Verbose lines ask too under -Debug, unless -Verbose was given: -Debug's verbose lines are written, as -Verbose does.
            var verboseGiven = type?.GetProperty("IsVerboseFlagSet", Members);
            var verbose = type?.GetProperty("Verbose", Members);
            if (verboseGiven?.GetValue(runtime) is false && verbose?.PropertyType == typeof(bool) && verbose.CanWrite)
                verbose.SetValue(runtime, true);
            // Warnings too, unless -WarningAction was given.
            var warningGiven = type?.GetProperty("IsWarningActionSet", Members);
            var warningPreference = type?.GetProperty("WarningPreference", Members);
            if (warningGiven?.GetValue(runtime) is false && warningPreference?.PropertyType == typeof(ActionPreference) && warningPreference.CanWrite)
                warningPreference.SetValue(runtime, ActionPreference.Continue);
        }

        /// <summary>Resolves region and credentials; any failure ends the command with one terminating error.</summary>
        /// <param name="attemptTimeoutSec">Per HTTP attempt (-TimeoutSec of the get and list cmdlets); null: 60 s (CloudFrontConfig.DefaultAttemptTimeout).</param>
        private protected CloudFrontClient Connect(int? attemptTimeoutSec)
        {
            var timeout = attemptTimeoutSec.HasValue ? TimeSpan.FromSeconds(attemptTimeoutSec.Value) : (TimeSpan?)null;
            var parameters = SessionParameters.FromBound(MyInvocation.BoundParameters, GetUnresolvedProviderPathFromPSPath);
            CloudFrontClient client;
            string description;
            try
            {
                client = ClientFactory.Connect(parameters, timeout, Environment.GetEnvironmentVariable, out description,
                    shell: AwsToolsShellDefaults.Read(SessionState.PSVariable.GetValue));
                client.AttemptFailed = _failedAttempts.Enqueue;
                _distributionNames = new DistributionNameResolver(new DistributionLister(client.ListDistributionsAsync));
            }
            catch (Exception failure)
            {
                ThrowTerminatingError(ErrorMap.ToErrorRecord(failure, Activity, null));
                throw; // not reached: ThrowTerminatingError always throws
            }
            // Outside the try: a pipeline stopped while this is written (Select-Object -First 1 on the verbose
            // stream) is not a failure to connect.
            try
            {
                WriteVerbose(description);
                if (ClientFactory.PlainHttpWarning(parameters, Environment.GetEnvironmentVariable) is string warning) WriteWarning(warning);
            }
            catch
            {
                client.Dispose();
                throw;
            }
            return client;
        }
    }
}
