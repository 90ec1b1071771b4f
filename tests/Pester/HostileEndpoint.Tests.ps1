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

    It '-Debug under -NonInteractive writes warnings too, without asking' {
        Set-LocalDistribution -Server $script:server -Id EDEBUGWARN -Count 3 | Out-Null

        # A month before the history CloudFront lists: Get-CFInvalidationUsage warns, then counts.
        $run = Invoke-FreshPwsh -Script "Get-CFInvalidationUsage -DistributionId EDEBUGWARN -Month '2025-01-15' -Summary -EndpointUrl '$script:endpoint' -Debug 3>&1 | ForEach-Object { if (`$_ -is [Management.Automation.WarningRecord]) { 'WARNING ' + `$_.Message } else { 'USAGE ' + `$_.Month } }"

        $run.Error | Should -Not -BeLike '*NonInteractive*'
        @($run.Output | Where-Object { $_ -like 'WARNING *older than the invalidation history*' }).Count | Should -Be 1
        @($run.Output | Where-Object { $_ -like 'USAGE *' }).Count | Should -Be 1
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

Describe 'Ids the service gives that no request may carry' {
    BeforeAll {
        # The previous UTC month: its boundaries are in the past whenever the tests run.
        $now = [DateTime]::UtcNow
        $script:monthStart = [DateTime]::new($now.Year, $now.Month, 1, 0, 0, 0, [DateTimeKind]::Utc).AddMonths(-1)
        $script:month = $script:monthStart.ToString('yyyy-MM', [cultureinfo]::InvariantCulture)
        $script:longId = 'A' * 200
        # Listed in id order: '..' first, then '0GOOD1', then the rest. The seed file carries ids no admin URL can.
        $script:badIds = @('..', $script:longId, "EBAD`nLINE", 'EBAD SPACE', 'EBAD/../x', 'EBAD?Marker=INJ')
        $seed = @{ distributions = @($script:badIds | ForEach-Object { @{ id = $_; count = 1 } }) }
        $seed.distributions[4].aliases = @('bad.example.com')
        $seedFile = Join-Path $TestDrive 'hostile-ids.json'
        $seed | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $seedFile -Encoding utf8
        $script:ids = Start-LocalCloudFront -SeedFile $seedFile
        Set-LocalDistribution -Server $script:ids -Id 0GOOD1 -Invalidation @(
            @{ CreateTime = $monthStart.AddDays(2); Paths = '/a' }
            @{ CreateTime = $monthStart.AddDays(1); Paths = '/b' }) | Out-Null
        Set-LocalDistribution -Server $script:ids -Id EGOOD2 -Comment "Shop`tfront`nsecond line" -Invalidation @(
            @{ Id = 'I1/../../x'; CreateTime = $monthStart.AddDays(3); Paths = '/c' }
            @{ CreateTime = $monthStart.AddDays(1); Paths = '/d' }) | Out-Null
        $script:shownBadIds = @('..', ('A' * 127 + '…'), 'EBAD LINE', 'EBAD SPACE', 'EBAD/../x', 'EBAD?Marker=INJ')

        # What a command wrote, in order: an item's distribution id, or 'error:' and the error's target.
        function Get-Written($Records) {
            @($Records | ForEach-Object { if ($_ -is [Management.Automation.ErrorRecord]) { "error:$($_.TargetObject)" } else { $_.DistributionId } })
        }
        function Assert-CleanFailure($Failure) {
            $Failure.FullyQualifiedErrorId | Should -BeLike 'InvalidIdInResponse,*'
            $Failure.CategoryInfo.Category | Should -Be 'InvalidResult'
            @($Failure.ErrorDetails.Message, $Failure.Exception.Message, "$($Failure.TargetObject)") -join ' ' |
                Should -Not -Match '[\x00-\x1f\x7f]' -Because 'control characters from the server never reach the screen'
            $Failure | Out-String | Should -Not -Match '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]'
            $Failure.ErrorDetails.Message | Should -BeLike '*no request was made with it*'
        }
    }
    AfterAll { Stop-LocalCloudFront -Server $script:ids }
    BeforeEach { Clear-LocalRequestLog -Server $script:ids }

    It '-AllDistributions writes each bad id as its own error in its place, lists every other distribution, and sends nothing with it' {
        $records = @(Get-CFInvalidationList -AllDistributions -EndpointUrl $script:ids.Url -ErrorAction Continue 2>&1)

        Get-Written $records | Should -Be (@('error:..', '0GOOD1', '0GOOD1') + @($script:shownBadIds[1..5] | ForEach-Object { "error:$_" }) + @('EGOOD2', 'EGOOD2'))
        $failures = @($records | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $failures | ForEach-Object { Assert-CleanFailure $_ }
        $failures[0].ErrorDetails.Message | Should -BeLike "Listing the account's distributions failed: ListDistributions gave the distribution id '..', which is not valid (an id is ASCII letters and digits*"
        $listed = @(Get-LocalRequestLog -Server $script:ids | Where-Object operation -ne 'ListDistributions')
        @($listed.distributionId | Sort-Object -Unique) | Should -Be @('0GOOD1', 'EGOOD2')
        $listed.operation | Should -Not -Contain $null -Because 'no request went to a path the API does not have'
    }

    It 'Get-CFInvalidationUsage over the account fails each bad id alone, and a distribution whose invalidation it could not get' {
        $usage = @(Get-CFInvalidationUsage -Month $script:month -EndpointUrl $script:ids.Url -ErrorVariable failures -ErrorAction SilentlyContinue)

        $usage.DistributionId | Should -Be @('0GOOD1')
        $usage[0].Paths | Should -Be 2
        @($failures.TargetObject) | Should -Be (@($script:shownBadIds) + 'EGOOD2')
        $failures | ForEach-Object { Assert-CleanFailure $_ }
        $failures[-1].ErrorDetails.Message | Should -BeLike "*distribution 'EGOOD2'*ListInvalidations gave the invalidation id 'I1/../../x'*"
        $gets = @(Get-LocalRequestLog -Server $script:ids -Operation GetInvalidation)
        @($gets.distributionId | Sort-Object -Unique) | Should -Be @('0GOOD1')
        @(Get-LocalRequestLog -Server $script:ids | Where-Object { $_.operation -eq 'ListInvalidations' }).distributionId | Sort-Object -Unique | Should -Be @('0GOOD1', 'EGOOD2')
    }

    It 'Get-CFInvalidation refuses a piped item with a bad invalidation id, and gets the others' {
        $records = @(Get-CFInvalidationList EGOOD2 -EndpointUrl $script:ids.Url | Get-CFInvalidation -EndpointUrl $script:ids.Url -ErrorAction Continue 2>&1)

        $records.Count | Should -Be 2
        Assert-CleanFailure $records[0]
        $records[0].TargetObject | Should -Be 'I1/../../x'
        $records[1].Paths | Should -Be @('/d')
        @(Get-LocalRequestLog -Server $script:ids -Operation GetInvalidation).Count | Should -Be 1
    }

    It 'a domain name that resolves to a distribution with a bad id is that error, with no listing of it' {
        Get-CFInvalidationList -DistributionId bad.example.com -EndpointUrl $script:ids.Url -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null

        $failures.Count | Should -Be 1
        Assert-CleanFailure $failures[0]
        $failures[0].TargetObject | Should -Be 'bad.example.com'
        @(Get-LocalRequestLog -Server $script:ids).operation | Should -Be @('ListDistributions')
    }

    It 'Wait-CFInvalidation -DistributionId refuses an in-progress invalidation with a bad id and waits for the others' {
        Set-LocalDistribution -Server $script:ids -Id EWAITIDS -Invalidation @(
            @{ Id = "../I1`n"; CreateTime = $monthStart.AddDays(2); Status = 'InProgress'; Paths = '/a' }
            @{ CreateTime = $monthStart.AddDays(1); Status = 'InProgress'; Paths = '/b' }) | Out-Null
        try {
            Wait-CFInvalidation -DistributionId EWAITIDS -TimeoutSec 2 -PollIntervalSec 1 -EndpointUrl $script:ids.Url -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        }
        finally { Remove-LocalDistribution -Server $script:ids -Id EWAITIDS }

        $failures.Count | Should -Be 2
        Assert-CleanFailure $failures[0]
        $failures[0].TargetObject | Should -Be '../I1'
        $failures[0].ErrorDetails.Message | Should -BeLike "Listing invalidations of distribution 'EWAITIDS' failed: ListInvalidations gave the invalidation id '../I1'*"
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'WaitTimedOut,*' -Because 'the other one stays in progress and is waited for'
        $gets = @(Get-LocalRequestLog -Server $script:ids -Operation GetInvalidation)
        $gets.Count | Should -BeGreaterThan 0
        $gets.invalidationId | Where-Object { $_ -notmatch '^[A-Z0-9]+$' } | Should -BeNullOrEmpty
    }

    It 'tab completion offers only plain ids, with the service''s text cleaned in the tooltip' {
        $line = "Get-CFInvalidationList -EndpointUrl $($script:ids.Url) -DistributionId "

        $completions = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)

        $completions.CompletionText | Should -Be @('0GOOD1', 'EGOOD2')
        $completions[1].ToolTip | Should -Be 'egood2.cloudfront.net - Shop front second line'
        @(Get-LocalRequestLog -Server $script:ids).operation | Should -Be @('ListDistributions')
    }
}
