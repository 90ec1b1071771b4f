# Wait-CFInvalidation in real pwsh against the local endpoint, whose invalidations really complete while it waits.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront
    $script:endpoint = $script:server.Url
    $script:commandName = 'CloudFrontInvalidations.Commands.WaitCFInvalidationCommand'

    # A distribution whose in-progress invalidations complete oldest first, from now on.
    function Reset-Distribution([string] $Id, [int] $InProgress, $CompleteAfterMs, [int] $CompleteStaggerMs = 0, [hashtable] $Fault) {
        $settings = @{ Server = $script:server; Id = $Id; Count = 6; InProgress = $InProgress; CompleteStaggerMs = $CompleteStaggerMs }
        if ($null -ne $CompleteAfterMs) { $settings.CompleteAfterMs = $CompleteAfterMs }
        if ($Fault) { $settings.Fault = $Fault }
        Set-LocalDistribution @settings | Out-Null
        Clear-LocalRequestLog -Server $script:server
    }
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Wait-CFInvalidation' {
    It 'waits for everything in progress on a distribution, writing each as it completes and polling only pending ones' {
        # Two seconds apart with a poll every second: each completion is seen in a round of its own, even on a loaded machine.
        # The first completes five seconds from now, so the listing below (seconds on a loaded machine) still sees all three
        # in progress and the wait starts before any completes.
        Reset-Distribution EWAIT -InProgress 3 -CompleteAfterMs 5000 -CompleteStaggerMs 2000
        $inProgress = @(Get-CFInvalidationList EWAIT -EndpointUrl $endpoint | Where-Object Status -eq 'InProgress')
        Wait-SettledRequestLog -DistributionId EWAIT | Out-Null # a request is logged once answered: let it land before clearing
        Clear-LocalRequestLog -Server $server
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()

        $written = @(Wait-CFInvalidation EWAIT -EndpointUrl $endpoint -PollIntervalSec 1 |
            ForEach-Object { [pscustomobject]@{ Invalidation = $_; AtSeconds = $stopwatch.Elapsed.TotalSeconds } })

        # Oldest first: the order they complete in, each written in the round it is seen Completed.
        $written.Invalidation.Id | Should -Be @($inProgress.Id[2], $inProgress.Id[1], $inProgress.Id[0])
        $written.Invalidation.Status | Should -Be (@('Completed') * 3)
        $written.Invalidation | ForEach-Object { $_.Paths.Count | Should -BeGreaterThan 0 }
        $written[0].AtSeconds | Should -BeLessThan ($written[2].AtSeconds - 1)
        $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 13 -Because 'the last completes 9 s after the reset, and the wait polls every second'
        (Get-RequestLog EWAIT -Operation ListInvalidations).Count | Should -Be 1
        $polls = @(Get-RequestLog EWAIT -Operation GetInvalidation)
        # Only the in-progress ones are polled, and none once it is seen Completed.
        @($polls.invalidationId | Sort-Object -Unique) | Should -Be @($inProgress.Id | Sort-Object)
        foreach ($id in $inProgress.Id) {
            $mine = @($polls | Where-Object invalidationId -eq $id)
            $completedAt = ($written | Where-Object { $_.Invalidation.Id -eq $id }).AtSeconds
            $mine.Count | Should -BeLessOrEqual ([math]::Ceiling($completedAt) + 1)
        }
    }

    It 'composes list -> get -> wait: completed inputs cost one request each and are written at once' {
        Reset-Distribution ECOMPOSE -InProgress 2 -CompleteAfterMs 1500 -CompleteStaggerMs 0
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        $firstAt = $null

        $written = @(Get-CFInvalidationList ECOMPOSE -EndpointUrl $endpoint | Get-CFInvalidation -EndpointUrl $endpoint |
            Wait-CFInvalidation -EndpointUrl $endpoint -PollIntervalSec 1 | ForEach-Object { if ($null -eq $firstAt) { $firstAt = $stopwatch.Elapsed.TotalSeconds }; $_ })

        $written.Count | Should -Be 6
        $written.Status | Sort-Object -Unique | Should -Be 'Completed'
        # The four already completed come from the first round, before the in-progress ones complete.
        $firstAt | Should -BeLessThan 1.4
        $completedIds = $written.Id[0..3]
        $waitPolls = @(Get-RequestLog ECOMPOSE -Operation GetInvalidation | Select-Object -Skip 6) # the first six are Get-CFInvalidation's
        foreach ($id in $completedIds) { @($waitPolls | Where-Object invalidationId -eq $id).Count | Should -Be 1 }
    }

    It 'costs one request and returns at once for an already completed invalidation' {
        Reset-Distribution EDONE -InProgress 0 -CompleteAfterMs $null
        $done = Get-CFInvalidationList EDONE -EndpointUrl $endpoint | Select-Object -First 1
        Wait-SettledRequestLog -DistributionId EDONE | Out-Null
        Clear-LocalRequestLog -Server $server
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()

        $written = Wait-CFInvalidation -DistributionId EDONE -Id $done.Id -EndpointUrl $endpoint

        $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 1
        $written.Id | Should -Be $done.Id
        (Get-RequestLog EDONE -Operation GetInvalidation).Count | Should -Be 1
    }

    It 'writes one WaitTimedOut error per invalidation still in progress at the timeout, with it as TargetObject' {
        Reset-Distribution ESTUCK -InProgress 2 -CompleteAfterMs $null
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()

        $written = @(Wait-CFInvalidation ESTUCK -EndpointUrl $endpoint -PollIntervalSec 1 -TimeoutSec 2 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $stopwatch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 2
        $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 4
        $written.Count | Should -Be 0
        $failures.Count | Should -Be 2
        foreach ($failure in $failures) {
            $failure.FullyQualifiedErrorId | Should -Be "WaitTimedOut,$script:commandName"
            $failure.CategoryInfo.Category | Should -Be 'OperationTimeout'
            $failure.Exception | Should -BeOfType ([CloudFrontInvalidations.Waiting.WaitTimeoutException])
            $failure.TargetObject | Should -BeOfType ([CloudFrontInvalidations.CloudFront.DistributionInvalidation])
            $failure.TargetObject.Status | Should -Be 'InProgress'
            $failure.ErrorDetails.Message | Should -BeLike "Waiting for invalidation $($failure.TargetObject.Id) of distribution 'ESTUCK' failed: Still InProgress when the wait's timeout (-TimeoutSec) of 2 s expired.*"
        }
        # Polled at 0, 1 and 2 s: three rounds of two.
        (Get-RequestLog ESTUCK -Operation GetInvalidation).Count | Should -Be 6
    }

    It 'turns the timeout into a catchable failure with -ErrorAction Stop' {
        Reset-Distribution ESTUCK -InProgress 1 -CompleteAfterMs $null
        $caught = $null
        try { Wait-CFInvalidation ESTUCK -EndpointUrl $endpoint -PollIntervalSec 1 -TimeoutSec 1 -ErrorAction Stop }
        catch [CloudFrontInvalidations.Waiting.WaitTimeoutException] { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be "WaitTimedOut,$script:commandName"
    }

    It 'fails a missing invalidation alone and keeps waiting for the others' {
        Reset-Distribution EMISSING -InProgress 1 -CompleteAfterMs 1500
        $pending = (Get-CFInvalidationList EMISSING -EndpointUrl $endpoint | Select-Object -First 1).Id

        $written = @(Wait-CFInvalidation EMISSING -Id 'INOSUCH0000001', $pending -EndpointUrl $endpoint -PollIntervalSec 1 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $written.Id | Should -Be $pending
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "NoSuchInvalidation,$script:commandName"
        $failures[0].TargetObject | Should -Be 'INOSUCH0000001'
        @(Get-RequestLog EMISSING -Operation GetInvalidation | Where-Object invalidationId -eq 'INOSUCH0000001').Count | Should -Be 1
    }

    It 'keeps waiting through throttling that outlasts the SDK''s attempts: the request itself is retried until admitted' {
        Reset-Distribution ETHROTTLED -InProgress 1 -CompleteAfterMs 0 -Fault @{ throttleFirst = 3; operations = 'get' }
        $pending = (Get-CFInvalidationList ETHROTTLED -EndpointUrl $endpoint | Select-Object -First 1).Id

        $written = @(Wait-CFInvalidation ETHROTTLED -Id $pending -EndpointUrl $endpoint -PollIntervalSec 1 -ErrorVariable failures -ErrorAction SilentlyContinue -Verbose 4>&1)

        $failures.Count | Should -Be 0
        @($written | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Polling*trying again next round*' }).Count | Should -Be 0
        ($written | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -and $_.Id -eq $pending }).Status | Should -Be 'Completed'
        (Get-RequestLog ETHROTTLED -Operation GetInvalidation).Count | Should -Be 4
    }

    It 'stops within half a second on Ctrl+C' {
        Reset-Distribution ECTRLC -InProgress 2 -CompleteAfterMs $null
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$ModulePath'; Wait-CFInvalidation ECTRLC -EndpointUrl '$endpoint' -PollIntervalSec 60")
            $async = $shell.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(10)
            while (@(Get-RequestLog ECTRLC -Operation GetInvalidation).Count -lt 2 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 200 # into the sleep between rounds
            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 0.5
            $async.IsCompleted | Should -BeTrue
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $shell.Dispose() }
    }

    It 'waits for everything in progress on a distribution tenant, listing it once' {
        Set-LocalDistribution -Server $server -Tenant -Id dt_WAITTENANT1 -Count 5 -InProgress 2 -CompleteAfterMs 300 -CompleteStaggerMs 300 | Out-Null
        Clear-LocalRequestLog -Server $server

        $written = @(Wait-CFInvalidation -DistributionTenantId dt_WAITTENANT1 -EndpointUrl $endpoint -PollIntervalSec 1)

        $written.Count | Should -Be 2
        $written.Status | Should -Be @('Completed', 'Completed')
        $written.DistributionTenantId | Should -Be @('dt_WAITTENANT1', 'dt_WAITTENANT1')
        @(Get-RequestLog -TenantId dt_WAITTENANT1 -Operation ListInvalidationsForDistributionTenant).Count | Should -Be 1
        @(Get-RequestLog -TenantId dt_WAITTENANT1 -Operation GetInvalidationForDistributionTenant).Count | Should -BeGreaterOrEqual 2
    }
}
