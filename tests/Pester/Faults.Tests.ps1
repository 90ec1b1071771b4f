# Fault tolerance against the local endpoint's injected faults: SDK retries give complete listings,
# exhausted retries give the mapped ErrorRecord, partial listings say where to resume,
# timeouts and Ctrl+C return promptly. Retry budgets are kept small (AWS_MAX_ATTEMPTS) to keep backoff short.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront
    $script:endpoint = $script:server.Url
    $script:commandName = 'CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Get-CFInvalidationList fault tolerance' {
    BeforeEach {
        Clear-LocalRequestLog -Server $script:server
    }
    AfterEach {
        Reset-TestAwsEnvironment
    }

    Context 'bursts shorter than the SDK retry budget (standard mode, 3 attempts)' {
        It 'a <Name> yields every item exactly once, in order' -ForEach @(
            @{ Name = 'Throttling burst of 2'; Fault = @{ throttleFirst = 2 }; Logged = 'throttle'; FaultAt = 0, 1; Requests = 5 }
            @{ Name = '503 burst of 2'; Fault = @{ serverErrorFirst = 2; serverErrorStatus = 503 }; Logged = 'serverError'; FaultAt = 0, 1; Requests = 5 }
            @{ Name = '500 burst of 2'; Fault = @{ serverErrorFirst = 2; serverErrorStatus = 500 }; Logged = 'serverError'; FaultAt = 0, 1; Requests = 5 }
            @{ Name = 'connection reset on page 2'; Fault = @{ resetOnceAtRequest = 2 }; Logged = 'reset'; FaultAt = @(1); Requests = 4 }
            @{ Name = 'body cut short on page 2 (transient for the SDK)'; Fault = @{ malformedOnceAtRequest = 2 }; Logged = 'malformed'; FaultAt = @(1); Requests = 4 }
        ) {
            $expected = Get-ExpectedIds EBURST
            Set-FaultyDistribution EBURST $Fault

            $run = Invoke-Listing EBURST

            $run.Errors.Count | Should -Be 0
            $run.Items.Id | Should -Be $expected
            $run.Requests.Count | Should -Be $Requests
            $run.Requests[$FaultAt].fault | Should -Be (@($Logged) * $FaultAt.Count)
        }
    }

    Context 'retry settings come from the SDK configuration' {
        It 'AWS_MAX_ATTEMPTS=2: throttling that outlasts it is retried anyway, and every item is listed' {
            $env:AWS_MAX_ATTEMPTS = '2'
            Set-FaultyDistribution ETHROTTLED @{ throttleFirst = 3 }

            $run = Invoke-Listing ETHROTTLED

            $run.Errors.Count | Should -Be 0
            $run.Items.Id | Should -Be (Get-ExpectedIds ETHROTTLED)
            @($run.Requests | Where-Object fault -eq 'throttle').Count | Should -Be 3 -Because 'three throttles in a row, with two attempts allowed'
        }

        It 'AWS_MAX_ATTEMPTS=2: a 503 that outlasts it is ResourceUnavailable after exactly 2 requests' {
            $env:AWS_MAX_ATTEMPTS = '2'
            Set-FaultyDistribution EDOWN @{ serverErrorFirst = 3; serverErrorStatus = 503 }

            $run = Invoke-Listing EDOWN

            $run.Requests.Count | Should -Be 2
            $run.Errors[0].FullyQualifiedErrorId | Should -Be "ServiceUnavailable,$commandName"
            $run.Errors[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            $run.Errors[0].Exception.StatusCode | Should -Be 'ServiceUnavailable'
            $run.Errors[0].ErrorDetails.Message | Should -Match 'AWS request id: \S+'
        }

        It 'max_attempts in the profile (~/.aws/config) is honoured' {
            # AWSSDK.Core binds the config file's path at first use, so this runs in a fresh process.
            $config = Join-Path $TestCredentialsDir 'config-max-attempts'
            Set-Content -LiteralPath $config -Value "[default]`nmax_attempts = 1"
            Set-FaultyDistribution EPROFILE @{ serverErrorFirst = 1; serverErrorStatus = 503 }

            $run = Invoke-FreshPwsh -Environment @{ AWS_CONFIG_FILE = $config } -Script @"
Get-CFInvalidationList EPROFILE -EndpointUrl '$endpoint' -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
`$failures[0].FullyQualifiedErrorId
"@

            $run.Output[0] | Should -Be "ServiceUnavailable,$commandName"
            @(Get-RequestLog EPROFILE).Count | Should -Be 1
        }
    }

    Context 'a listing that fails part-way' {
        It 'keeps what was written, says how many and where to resume, and the advice yields exactly the rest' {
            $expected = Get-ExpectedIds EPARTIAL
            Set-FaultyDistribution EPARTIAL @{ errorCode = 'AccessDenied'; errorAtRequest = 2 }

            $run = Invoke-Listing EPARTIAL

            $run.Items.Id | Should -Be $expected[0..4]
            $run.Requests.Count | Should -Be 2
            $run.Errors.Count | Should -Be 1
            $failure = $run.Errors[0]
            $failure.FullyQualifiedErrorId | Should -Be "AccessDenied,$commandName"
            $failure.Exception | Should -BeOfType [CloudFrontInvalidations.CloudFront.AccessDeniedException]
            $failure.ErrorDetails.Message | Should -Match "5 invalidations were written before the failure; to list the rest, run again with -Marker '$($expected[4])' -NoAutoIteration:\`$false\."
            $failure.Exception.Data['ItemsWritten'] | Should -Be 5
            $failure.Exception.Data['ResumeMarker'] | Should -Be $expected[4]

            # Follow the advice once the fault is gone.
            Set-FaultyDistribution EPARTIAL @{}
            $resumeMarker = $failure.Exception.Data['ResumeMarker']
            $rest = @(Get-CFInvalidationList EPARTIAL -EndpointUrl $endpoint -Marker $resumeMarker -NoAutoIteration:$false)
            @($run.Items.Id) + @($rest.Id) | Should -Be $expected
        }
    }

    Context 'unreadable answers, refused connections and timeouts once retries are spent (AWS_MAX_ATTEMPTS=1)' {
        BeforeEach { $env:AWS_MAX_ATTEMPTS = '1' }

        It 'a body cut short is InvalidResult (UnreadableResponse) with the typed SDK exception' {
            Set-FaultyDistribution EMALFORMED @{ malformedOnceAtRequest = 1 }

            $run = Invoke-Listing EMALFORMED

            $run.Requests.Count | Should -Be 1
            $run.Errors[0].FullyQualifiedErrorId | Should -Be "UnreadableResponse,$commandName"
            $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $run.Errors[0].Exception.GetType().FullName | Should -Be 'Amazon.Runtime.AmazonUnmarshallingException' # type literals do not reach the module's load context
            $run.Errors[0].Exception.RequestId | Should -Not -BeNullOrEmpty
        }

        It 'a refused connection is ConnectionError (ConnectionFailed), with no stack trace in the message' {
            $closedPort = Get-UnusedLoopbackPort

            Get-CFInvalidationList ECLOSED -EndpointUrl "http://127.0.0.1:$closedPort" -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be "ConnectionFailed,$commandName"
            $failures[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            $failures[0].Exception | Should -BeOfType [System.Net.Http.HttpRequestException]
            $failures[0].ErrorDetails.Message | Should -Not -Match '\bat \S+\('
        }

        It 'no answer within -TimeoutSec is OperationTimeout (RequestTimeout), and the request is abandoned' {
            # The answer comes long after the timeout, so a loaded machine's slowness cannot pass for waiting for it;
            # the endpoint stops waiting as soon as the client abandons the request.
            Set-FaultyDistribution ESLOW @{ delayMs = 12000 }

            $watch = [Diagnostics.Stopwatch]::StartNew()
            $run = Invoke-Listing ESLOW @{ TimeoutSec = 1 }
            $watch.Stop()

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 7 -Because 'the answer comes after 12 s; the client gives up at 1 s'
            $run.Errors[0].FullyQualifiedErrorId | Should -Be "RequestTimeout,$commandName"
            $run.Errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $run.Errors[0].Exception | Should -BeOfType [TimeoutException]
            # One attempt (AWS_MAX_ATTEMPTS=1), one request: the abandoned connection is not taken for a stale one and resent.
            $run.Requests.Count | Should -Be 1
            $run.Requests.aborted | Should -Not -Contain $false -Because 'no request may run to its answer'
        }
    }

    Context 'Ctrl+C' {
        It 'StopProcessing during a slow request returns within half a second and leaves nothing running' {
            # The endpoint logs a request when it ends, so a fast distribution listed first tells when the
            # slow request has just been sent.
            Set-FaultyDistribution EBEFORE @{}
            Set-FaultyDistribution ECTRLC @{ delayMs = 8000 }
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript("Import-Module '$ModulePath'; 'EBEFORE', 'ECTRLC' | Get-CFInvalidationList -EndpointUrl '$endpoint'")
                $async = $shell.BeginInvoke()
                $deadline = [DateTime]::UtcNow.AddSeconds(20)
                while (@(Get-RequestLog EBEFORE).Count -lt 3 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                Start-Sleep -Milliseconds 300
                @(Get-RequestLog ECTRLC).Count | Should -Be 0 -Because 'the slow request is still in flight'

                $watch = [Diagnostics.Stopwatch]::StartNew()
                $shell.Stop()
                $watch.Stop()

                # Ctrl+C is promised within half a second (tens of ms when quiet); the margin is for a busy 2-core machine.
                $watch.Elapsed.TotalMilliseconds | Should -BeLessThan 1500 -Because "Ctrl+C works within half a second, with a margin for load (it took $([int]$watch.Elapsed.TotalMilliseconds) ms)"
                $async.IsCompleted | Should -BeTrue
                $shell.InvocationStateInfo.State | Should -Be 'Stopped'
                $shell.Streams.Error.Count | Should -Be 0
                # Aborted by the client, so the endpoint ends it long before its 8 s delay.
                $deadline = [DateTime]::UtcNow.AddSeconds(2)
                while (@(Get-RequestLog ECTRLC).Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                Start-Sleep -Milliseconds 300
                $logged = @(Get-RequestLog ECTRLC)
                $logged.Count | Should -Be 1
                $logged[0].aborted | Should -BeTrue
                $logged[0].status | Should -Be 0
            }
            finally {
                $shell.Dispose()
            }
        }
    }
}
