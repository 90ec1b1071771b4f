# The cmdlets against endpoints that redirect, never answer, trickle, never end, answer hostile error bodies or
# throttle for long: each ends with its typed error within its timeouts, memory stays flat, nothing of the request's
# credentials comes back, and throttling slows a listing down without failing it.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront
    $script:elsewhere = Start-LocalCloudFront -Distribution @(@{ id = 'EHOSTILE'; count = 3 })
    $script:endpoint = $script:server.Url
    $script:listCommand = 'CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
    $script:getCommand = 'CloudFrontInvalidations.Commands.GetCFInvalidationCommand'

    function Set-Hostile([string] $Id, [hashtable] $Fault, [int] $Count = 3) {
        Set-LocalDistribution -Server $script:server -Id $Id -Count $Count -Fault $Fault | Out-Null
    }
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
    Stop-LocalCloudFront -Server $script:elsewhere
}

Describe 'Hostile and broken endpoints' {
    BeforeEach {
        Clear-LocalRequestLog -Server $script:server
        Clear-LocalRequestLog -Server $script:elsewhere
        $env:AWS_SESSION_TOKEN = 'pester-session-token-never-sent-elsewhere'
    }
    AfterEach { Reset-TestAwsEnvironment }

    It 'never follows a <Status> redirect: RedirectRefused names the status and the Location, and nothing reaches it' -ForEach @(
        301..308 | ForEach-Object { @{ Status = $_ } }
    ) {
        $location = "$($script:elsewhere.Url)/2020-05-31/distribution/EHOSTILE/invalidation"
        Set-Hostile EREDIRECT @{ redirectStatus = $Status; redirectLocation = $location }

        Get-CFInvalidationList EREDIRECT -EndpointUrl $script:endpoint -ErrorVariable listFailures -ErrorAction SilentlyContinue | Out-Null
        Get-CFInvalidation -DistributionId EREDIRECT -Id I1 -EndpointUrl $script:endpoint -ErrorVariable getFailures -ErrorAction SilentlyContinue | Out-Null

        $listFailures.Count | Should -Be 1
        $listFailures[0].FullyQualifiedErrorId | Should -Be "RedirectRefused,$script:listCommand"
        $listFailures[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $listFailures[0].ErrorDetails.Message | Should -BeLike "*HTTP $Status*'$location'*"
        $listFailures[0].Exception.Location | Should -Be $location
        $getFailures.Count | Should -Be 1
        $getFailures[0].FullyQualifiedErrorId | Should -Be "RedirectRefused,$script:getCommand"
        @(Get-LocalRequestLog -Server $script:elsewhere).Count | Should -Be 0
        @(Get-RequestLog -DistributionId EREDIRECT).Count | Should -Be 2 -Because 'a redirect is not retried either'
    }

    It '-TimeoutSec bounds each attempt against a silent endpoint, and RequestTimeout names it' {
        $env:AWS_MAX_ATTEMPTS = '2'
        Set-Hostile ESILENT @{ silent = $true }
        $clock = [Diagnostics.Stopwatch]::StartNew()

        Get-CFInvalidationList ESILENT -TimeoutSec 2 -EndpointUrl $script:endpoint -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null

        # Two attempts of 2 s and a back-off of at most 1 s; the margin is for a busy machine.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 20
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "RequestTimeout,$script:listCommand"
        $failures[0].ErrorDetails.Message | Should -BeLike '*request timeout of 2 s*'
        # Two attempts, two requests: an attempt cut by its deadline is not resent as if its connection had gone stale.
        @(Wait-SettledRequestLog ESILENT).Count | Should -Be 2
    }

    It '-TimeoutSec bounds a body that trickles one byte at a time' {
        $env:AWS_MAX_ATTEMPTS = '1'
        Set-Hostile ETRICKLE @{ trickleMs = 250 }
        $clock = [Diagnostics.Stopwatch]::StartNew()

        Get-CFInvalidationList ETRICKLE -TimeoutSec 2 -EndpointUrl $script:endpoint -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15 -Because 'the whole body would take 40 s'
        $failures[0].FullyQualifiedErrorId | Should -Be "RequestTimeout,$script:listCommand"
    }

    It 'Wait-CFInvalidation -TimeoutSec returns within seconds of it while its request is in flight' {
        Set-Hostile EWAITSILENT @{ silent = $true; operations = 'get' }
        $clock = [Diagnostics.Stopwatch]::StartNew()

        Wait-CFInvalidation -DistributionId EWAITSILENT -Id I1 -TimeoutSec 3 -EndpointUrl $script:endpoint -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'the attempt timeout alone is 60 s'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimedOut,*'
        $failures[0].ErrorDetails.Message | Should -BeLike "*timeout (-TimeoutSec) of 3 s expired*"
    }

    It 'refuses a body that never ends as UnreadableResponse, with memory flat' {
        $env:AWS_MAX_ATTEMPTS = '1'
        Set-Hostile EENDLESS @{ endlessBody = $true }
        [GC]::Collect()
        $before = [GC]::GetTotalMemory($true)

        Get-CFInvalidationList EENDLESS -EndpointUrl $script:endpoint -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "UnreadableResponse,$script:listCommand"
        $failures[0].ErrorDetails.Message | Should -BeLike '*longer than 1024 KiB*'
        ([GC]::GetTotalMemory($true) - $before) / 1MB | Should -BeLessThan 64
    }

    It 'never echoes a <Kind> error body: no credential, no control character, a sane length' -ForEach @(
        @{ Kind = 'echoHeaders' }, @{ Kind = 'ansi' }, @{ Kind = 'unparseable' }
    ) {
        Set-Hostile EHOSTILEERROR @{ hostileError = $Kind }

        Get-CFInvalidationList EHOSTILEERROR -EndpointUrl $script:endpoint -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "InvalidArgument,$script:listCommand"
        $text = @($failures[0].ErrorDetails.Message, $failures[0].Exception.Message, ($failures[0] | Out-String)) -join "`n"
        $text | Should -Not -BeLike "*$env:AWS_SESSION_TOKEN*"
        $text | Should -Not -BeLike "*$env:AWS_SECRET_ACCESS_KEY*"
        $text | Should -Not -Match '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]'
        $failures[0].ErrorDetails.Message.Length | Should -BeLessThan 1200
        $failures[0].ErrorDetails.Message | Should -BeLike '*HTTP 400*'
    }

    It 'lists every item of 64 distributions with long throttling, three requests admitted at a time and 503s, without an error' {
        $env:AWS_MAX_ATTEMPTS = '2'
        $distributions = 1..64 | ForEach-Object {
            $id = 'ETHROTTLE{0:D2}' -f $_
            $fault = if ($id -match '(0|5)$') { @{ serverErrorFirst = 1; serverErrorStatus = 503 } } else { @{ throttleFirst = 2 } }
            @{ id = $id; count = 2; faults = $fault }
        }
        $busy = Start-LocalCloudFront -Distribution $distributions -MaxConcurrent 3 -DistributionPageCap 10
        try {
            Set-LocalServerSettings -Server $busy -MaxConcurrent 3 -DistributionPageCap 10 -DistributionListFault @{ throttleFirst = 6 } | Out-Null
            $items = @(Get-CFInvalidationList -AllDistributions -ThrottleLimit 8 -EndpointUrl $busy.Url -ErrorVariable failures -ErrorAction SilentlyContinue)
            $throttled = @(Get-LocalRequestLog -Server $busy | Where-Object fault -like '*hrottle*').Count
        }
        finally { Stop-LocalCloudFront -Server $busy }

        $failures | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.ErrorDetails.Message)" } | Should -BeNullOrEmpty
        $items.Count | Should -Be 128
        @($items.DistributionId | Select-Object -Unique).Count | Should -Be 64
        $throttled | Should -BeGreaterThan 64 -Because 'every distribution was throttled, beyond AWS_MAX_ATTEMPTS'
    }
}

Describe 'Runbook safety' {
    It '-Debug under -NonInteractive writes its debug lines and lists, without asking' {
        Set-LocalDistribution -Server $script:server -Id EDEBUG -Count 3 -Fault @{ throttleFirst = 1 } | Out-Null

        $run = Invoke-FreshPwsh -Script "Get-CFInvalidationList EDEBUG -EndpointUrl '$script:endpoint' -Debug 5>&1 4>&1 | ForEach-Object { if (`$_ -is [Management.Automation.DebugRecord]) { 'DEBUG ' + `$_.Message } elseif (`$_.Id) { 'ITEM ' + `$_.Id } }"

        $run.Error | Should -Not -BeLike '*NonInteractive*'
        @($run.Output | Where-Object { $_ -like 'ITEM *' }).Count | Should -Be 3
        @($run.Output | Where-Object { $_ -like 'DEBUG *Throttling*' }).Count | Should -Be 1
    }

    It 'warns when signed requests would travel over plain http to a host that is not the loopback' {
        # 192.0.2.1 (TEST-NET-1) is never routed: the warning comes before the request, which then fails fast.
        Get-CFInvalidationList EANY -EndpointUrl 'http://192.0.2.1:9' -TimeoutSec 1 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Out-Null
        Get-CFInvalidationList EANY -EndpointUrl $script:endpoint -WarningVariable loopbackWarnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Out-Null

        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike '*http://192.0.2.1:9*plain http*'
        @($loopbackWarnings).Count | Should -Be 0
    }
}

Describe 'A NextMarker chain that does not end' {
    It 'is reported with a warning every 1000 pages while the listing goes on' {
        Set-LocalDistribution -Server $script:server -Id ELONGCHAIN -Count 1001 -PageCap 1 | Out-Null

        $items = @(Get-CFInvalidationList ELONGCHAIN -EndpointUrl $script:endpoint -WarningVariable warnings -WarningAction SilentlyContinue)

        $items.Count | Should -Be 1001
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*distribution 'ELONGCHAIN'*1000 pages*still sends a NextMarker*"
    }
}
