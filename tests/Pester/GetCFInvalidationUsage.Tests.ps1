# Get-CFInvalidationUsage in real pwsh against the local endpoint: per-distribution counts against a given history with
# known counts on both sides of the month's UTC boundaries, the requests it takes, -Summary, failures, time zones.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:commandName = 'CloudFrontInvalidations.Commands.GetCFInvalidationUsageCommand'
    # The month counted is the previous UTC month: both of its boundaries are in the past, whenever the tests run.
    $now = [DateTime]::UtcNow
    $script:monthEnd = [DateTime]::new($now.Year, $now.Month, 1, 0, 0, 0, [DateTimeKind]::Utc)
    $script:monthStart = $script:monthEnd.AddMonths(-1)
    $script:month = $script:monthStart.ToString('yyyy-MM', [cultureinfo]::InvariantCulture)
    $script:server = Start-LocalCloudFront
    $endpoint = $script:server.Url

    # Newest first; 2 a page, so the first item older than the month (page 3) ends the listing before page 4.
    Set-LocalDistribution -Server $server -Id EUSAGE1 -PageCap 2 -Invalidation @(
        @{ CreateTime = $monthEnd; Status = 'InProgress'; Paths = '/new/*', '/new.html' }         # after the month, in progress: load only
        @{ CreateTime = $monthEnd.AddMilliseconds(-1); Paths = '/*', '#Product-1', '#product-2', '/a*b.html' }
        @{ CreateTime = $monthStart.AddDays(14); Status = 'InProgress'; Paths = '/images/*', '/docs/index.html', '#tag' }
        @{ CreateTime = $monthStart; Paths = '/first.html', '/first.html' }                         # the same path twice counts twice
        @{ CreateTime = $monthStart.AddMilliseconds(-1); Paths = '/older.html' }
        @{ CreateTime = $monthStart.AddDays(-3); Paths = '/much-older.html' }
        @{ CreateTime = $monthStart.AddDays(-4); Paths = '/never-listed.html' }
    )
    Set-LocalDistribution -Server $server -Id EUSAGE2 -Aliases 'usage.example.com' -Invalidation @(
        @{ CreateTime = $monthStart.AddDays(20); Paths = '/x.html' }
        @{ CreateTime = $monthStart.AddDays(2); Paths = '/y/*' }
    )
    Set-LocalDistribution -Server $server -Id EUSAGE3 -Invalidation @(@{ CreateTime = $monthStart.AddDays(-1); Paths = '/z.html' })
    Set-LocalDistribution -Server $server -Tenant -Id dt_USAGETENANT0000000000000001 -Invalidation @(
        @{ CreateTime = $monthStart.AddDays(5); Paths = '#tenant-tag', '/t.html' })
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Get-CFInvalidationUsage' {
    BeforeEach {
        Clear-LocalRequestLog -Server $script:server
    }

    It 'writes one object per distribution with invalidations in the month, in ListDistributions order, with its counts and load' {
        $usage = @(Get-CFInvalidationUsage -Month $month -EndpointUrl $endpoint)

        $usage.DistributionId | Should -Be @('EUSAGE1', 'EUSAGE2')
        $usage | ForEach-Object { $_ | Should -BeOfType ([CloudFrontInvalidations.Usage.InvalidationUsage]) }
        $first = $usage[0]
        $first.Month | Should -Be $month
        $first.Invalidations | Should -Be 3
        $first.Paths | Should -Be 9
        $first.WildcardPaths | Should -Be 2 -Because "'/*' and '/images/*' are wildcards, '/a*b.html' is not"
        $first.TagItems | Should -Be 3
        $first.InProgressInvalidations | Should -Be 2
        $first.InProgressPaths | Should -Be 3 -Because "'/new.html', '/docs/index.html' and '#tag' are in progress"
        $first.InProgressWildcardPaths | Should -Be 2
        $first.InProgressPathLimit | Should -Be 3000
        $first.InProgressWildcardPathLimit | Should -Be 15
        ($usage[1].Invalidations, $usage[1].Paths, $usage[1].WildcardPaths, $usage[1].TagItems, $usage[1].InProgressPaths) | Should -Be @(2, 2, 1, 0, 0)
    }

    It 'lists each distribution only down to the month''s start and gets each invalidation of the month, or in progress, once' {
        $null = Get-CFInvalidationUsage -Month $month -EndpointUrl $endpoint

        $log = @(Get-RequestLog)
        @($log | Where-Object operation -eq 'ListDistributions').Count | Should -Be 1
        @($log | Where-Object { $_.operation -eq 'ListInvalidations' -and $_.distributionId -eq 'EUSAGE1' }).Count | Should -Be 3
        $gets = @($log | Where-Object operation -eq 'GetInvalidation')
        $listed = @(Get-CFInvalidationList EUSAGE1 -EndpointUrl $endpoint)
        # The one in progress after the month, and the three of the month; none twice, none older.
        @($gets | Where-Object distributionId -eq 'EUSAGE1' | ForEach-Object invalidationId | Sort-Object) | Should -Be @($listed[0..3].Id | Sort-Object)
        @($gets | Where-Object distributionId -eq 'EUSAGE2').Count | Should -Be 2
        @($gets | Where-Object distributionId -eq 'EUSAGE3').Count | Should -Be 0
        @($gets.invalidationId | Select-Object -Unique).Count | Should -Be $gets.Count
        $log.status | Sort-Object -Unique | Should -Be 200
    }

    It 'counts the UTC month whatever the time zone, from a month or any date in it' -ForEach @(
        @{ Zone = 'Pacific/Kiritimati' }, @{ Zone = 'Pacific/Pago_Pago' }
    ) {
        $lastHour = $monthEnd.AddHours(-1).ToString('yyyy-MM-ddTHH:mm:ss', [cultureinfo]::InvariantCulture)
        $run = Invoke-FreshPwsh -Environment @{ TZ = $Zone } -Script @"
[TimeZoneInfo]::Local.BaseUtcOffset.TotalHours
(Get-CFInvalidationUsage EUSAGE1 -Month '$month' -EndpointUrl '$endpoint').Paths
(Get-CFInvalidationUsage EUSAGE1 -Month ([datetime]'$lastHour') -EndpointUrl '$endpoint').Paths
(Get-CFInvalidationUsage EUSAGE1 -Month ([datetime]::new($($monthStart.Year), $($monthStart.Month), 1, 0, 0, 0, [DateTimeKind]::Utc).ToLocalTime()) -EndpointUrl '$endpoint').Month
"@
        $run.Error | Should -BeNullOrEmpty
        [math]::Abs([double]$run.Output[0]) | Should -BeGreaterThan 10 -Because "$Zone is far from UTC"
        $run.Output[1..3] | Should -Be @('9', '9', $month)
    }

    It 'takes a point in time, as Get-Date gives it, by its UTC month, even where the local date is already the next month' {
        # The month's last UTC hour, as a local time (Kind Local, like Get-Date's) at UTC+14: the 1st of the next month there.
        $lastHour = $monthEnd.AddHours(-1).ToString('o', [cultureinfo]::InvariantCulture)
        $run = Invoke-FreshPwsh -Environment @{ TZ = 'Pacific/Kiritimati' } -Script @"
`$lastHour = [datetime]::Parse('$lastHour', [cultureinfo]::InvariantCulture, 'AdjustToUniversal').ToLocalTime()
`$lastHour.Kind
`$lastHour.ToString('yyyy-MM', [cultureinfo]::InvariantCulture)
(Get-CFInvalidationUsage EUSAGE1 -Month `$lastHour -EndpointUrl '$endpoint').Month
(Get-CFInvalidationUsage EUSAGE1 -Month (Get-Date) -EndpointUrl '$endpoint' -ErrorAction Stop).Month
"@
        $run.Error | Should -BeNullOrEmpty
        $run.Output[0..1] | Should -Be @('Local', $monthEnd.ToString('yyyy-MM', [cultureinfo]::InvariantCulture)) -Because 'the local date is already the next month'
        $run.Output[2] | Should -Be $month
        $run.Output[3] | Should -Be $monthEnd.ToString('yyyy-MM', [cultureinfo]::InvariantCulture) -Because 'Get-Date names the UTC month being billed'
    }

    It 'takes a distribution''s domain names as the other cmdlets do, with one ListDistributions; a name that is not found leaves the summary incomplete' {
        $verbose = @(Get-CFInvalidationUsage usage.example.com, eusage1.cloudfront.net, EUSAGE2 -Month $month -EndpointUrl $endpoint -Verbose 4>&1)
        $usage = @($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $messages = @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message

        $usage.DistributionId | Should -Be @('EUSAGE2', 'EUSAGE1') -Because 'a distribution given by name and by id is counted once'
        $usage.Paths | Should -Be @(2, 9)
        $messages | Should -Contain "Distribution 'usage.example.com' is EUSAGE2 (found by ListDistributions)."
        $messages | Should -Contain "Distribution 'eusage1.cloudfront.net' is EUSAGE1 (found by ListDistributions)."
        @(Get-RequestLog | Where-Object operation -eq 'ListDistributions').Count | Should -Be 1

        Clear-LocalRequestLog -Server $script:server
        $summary = Get-CFInvalidationUsage nosuch.example.org, usage.example.com -Summary -Month $month -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "UnknownDistributionName,$commandName"
        $failures[0].TargetObject | Should -Be 'nosuch.example.org'
        ($summary.Distributions, $summary.Paths) | Should -Be @(1, 2)
        $summary.IsComplete | Should -BeFalse
        $summary.FailedDistributions | Should -Be 'nosuch.example.org'
        @(Get-RequestLog | Where-Object operation -eq 'ListDistributions').Count | Should -Be 1
    }

    It 'takes several distributions, from the command line or the pipeline, in the order given, each once' {
        (Get-CFInvalidationUsage EUSAGE2, EUSAGE1, EUSAGE2 -Month $month -EndpointUrl $endpoint).DistributionId | Should -Be @('EUSAGE2', 'EUSAGE1')
        ('EUSAGE2', 'EUSAGE3', 'EUSAGE1' | Get-CFInvalidationUsage -Month $month -EndpointUrl $endpoint).DistributionId | Should -Be @('EUSAGE2', 'EUSAGE1')
        # The list's items bind by property name: one object for the distribution, however many items.
        $fromList = @(Get-CFInvalidationList EUSAGE1 -EndpointUrl $endpoint | Get-CFInvalidationUsage -Month $month -EndpointUrl $endpoint)
        $fromList.DistributionId | Should -Be 'EUSAGE1'
        @(Get-RequestLog | Where-Object operation -eq 'ListDistributions').Count | Should -Be 0
        # Pipeline input that binds nothing counts nothing: it never widens to the whole account.
        @([pscustomobject]@{ Name = 'x' } | Get-CFInvalidationUsage -Month $month -EndpointUrl $endpoint -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'counts a distribution tenant''s invalidations with -DistributionTenantId and shows its id in the table' {
        $usage = Get-CFInvalidationUsage -DistributionTenantId dt_USAGETENANT0000000000000001 -Month $month -EndpointUrl $endpoint

        $usage.DistributionTenantId | Should -Be 'dt_USAGETENANT0000000000000001'
        $usage.DistributionId | Should -BeNullOrEmpty
        ($usage.Paths, $usage.TagItems) | Should -Be @(2, 1)
        @(Get-RequestLog).operation | Should -Be @('ListInvalidationsForDistributionTenant', 'GetInvalidationForDistributionTenant')
        $lines = @(($usage | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^DistributionTenantId\s+Invalidations\s+Paths\s+WildcardPaths\s+TagItems\s+InProgressPaths\s+InProgressWildcardPaths$'
        $lines[2] | Should -Match "^dt_USAGETENANT0000000000000001\s+1\s+2\s+0\s+1\s+0/3000\s+0/15$"
    }

    It 'shows a table that reads at a glance, the in-progress load next to its limit' {
        $lines = @((Get-CFInvalidationUsage -Month $month -EndpointUrl $endpoint | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })

        $lines[0] | Should -Match '^DistributionId\s+Month\s+Invalidations\s+Paths\s+WildcardPaths\s+TagItems\s+InProgressPaths\s+InProgressWildcardPaths$'
        $lines[2] | Should -Match "^EUSAGE1\s+$month\s+3\s+9\s+2\s+3\s+3/3000\s+2/15$"
        $lines[3] | Should -Match "^EUSAGE2\s+$month\s+2\s+2\s+1\s+0\s+0/3000\s+0/15$"
    }

    It '-Summary writes one object for the account: paths beyond the free thousand and their cost' {
        Set-LocalDistribution -Server $server -Id EUSAGEBIG -Invalidation @(
            @{ CreateTime = $monthStart.AddDays(9); Paths = @(1..1200 | ForEach-Object { "/big/$_.html" }) })
        try {
            $summary = Get-CFInvalidationUsage -Summary -Month $month -PricePerPath 0.01 -EndpointUrl $endpoint
        }
        finally { Remove-LocalDistribution -Server $server -Id EUSAGEBIG }

        $summary | Should -BeOfType ([CloudFrontInvalidations.Usage.UsageSummary])
        $summary.Month | Should -Be $month
        $summary.Distributions | Should -Be 4
        $summary.Invalidations | Should -Be 6
        $summary.Paths | Should -Be 1211
        $summary.WildcardPaths | Should -Be 3
        $summary.TagItems | Should -Be 3
        $summary.FreePaths | Should -Be 1000
        $summary.BillablePaths | Should -Be 211
        $summary.EstimatedCost | Should -Be 2.11
        $summary.Currency | Should -Be 'USD'
        $summary.IsComplete | Should -BeTrue -Because 'every listing and get of the scope succeeded'
        $summary.IsAccountWide | Should -BeTrue
        # The tenant's two paths of the month are not in the 1211, and no tenant was asked about: the note says so.
        @(Get-RequestLog | Where-Object operation -like '*DistributionTenant').Count | Should -Be 0
        $summary.Note | Should -Be ("Distribution tenants are not in the account's scope: ListDistributions lists distributions only, " +
            "and a tenant's invalidations are counted only when it is given with -DistributionTenantId.")
        $shown = $summary | Out-String -Width 200
        $shown | Should -Match 'EstimatedCost\s*: 2\.11 USD \(0\.01 a path\)'
        $shown | Should -Match "Scope\s*: the account's distributions"
        $shown | Should -Match 'Note\s*: Distribution tenants are not in the account''s scope'
    }

    It '-Summary of a distribution tenant counts it among Distributions and has no note about tenants left out' {
        $summary = Get-CFInvalidationUsage -DistributionTenantId dt_USAGETENANT0000000000000001 -Summary -Month $month -EndpointUrl $endpoint

        ($summary.Distributions, $summary.Paths, $summary.TagItems) | Should -Be @(1, 2, 1)
        $summary.IsAccountWide | Should -BeFalse
        $summary.IsComplete | Should -BeTrue
        $summary.Note | Should -Match 'shared by every distribution of the account'
        $summary.Note | Should -Not -Match 'tenant'
        ($summary | Out-String -Width 200) | Should -Match 'Scope\s*: the distributions or tenants given'
    }

    It '-Summary over the distributions given says the free allowance is shared account-wide, at 0.005 USD a path by default' {
        $summary = Get-CFInvalidationUsage EUSAGE2 -Summary -Month $month -EndpointUrl $endpoint

        ($summary.Distributions, $summary.Paths, $summary.BillablePaths, $summary.PricePerPath) | Should -Be @(1, 2, 0, 0.005)
        $summary.IsAccountWide | Should -BeFalse
        $summary.Note | Should -Match 'shared by every distribution of the account'
    }

    It 'writes a typed error naming a distribution that fails, counts the others, and says the summary is incomplete' {
        Set-LocalDistribution -Server $server -Id EUSAGEDENIED -Count 3 -Fault @{ errorCode = 'AccessDenied' }
        try {
            $summary = Get-CFInvalidationUsage -Summary -Month $month -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue
            $usage = @(Get-CFInvalidationUsage -Month $month -EndpointUrl $endpoint -ErrorAction SilentlyContinue)
        }
        finally { Remove-LocalDistribution -Server $server -Id EUSAGEDENIED }

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "AccessDenied,$commandName"
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[0].TargetObject | Should -Be 'EUSAGEDENIED'
        $failures[0].ErrorDetails.Message | Should -Match "distribution 'EUSAGEDENIED'"
        $failures[0].ErrorDetails.Message | Should -Not -Match 'Marker'
        $summary.IsComplete | Should -BeFalse
        $summary.FailedDistributions | Should -Be @('EUSAGEDENIED')
        $summary.Paths | Should -Be 11
        $summary.Note | Should -Match 'EUSAGEDENIED'
        $usage.DistributionId | Should -Be @('EUSAGE1', 'EUSAGE2')
    }

    It 'reports a listing that fails after its first page as the distribution''s failure, without a resume marker' {
        Set-LocalDistribution -Server $server -Id EUSAGEHALF -PageCap 1 -Fault @{ operations = 'list'; errorCode = 'AccessDenied'; errorAtRequest = 2 } -Invalidation @(
            @{ CreateTime = $monthStart.AddDays(3); Paths = '/a' }, @{ CreateTime = $monthStart.AddDays(2); Paths = '/b' })
        try { $usage = @(Get-CFInvalidationUsage EUSAGEHALF, EUSAGE2 -Month $month -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue) }
        finally { Remove-LocalDistribution -Server $server -Id EUSAGEHALF }

        $usage.DistributionId | Should -Be 'EUSAGE2'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "AccessDenied,$commandName"
        $failures[0].TargetObject | Should -Be 'EUSAGEHALF'
        $failures[0].ErrorDetails.Message | Should -Not -Match 'Marker|written before'
    }

    It 'reports a listing whose paging breaks after some pages with its ErrorId, without a resume marker' {
        Set-LocalDistribution -Server $server -Id EUSAGELOOP -PageCap 1 -Fault @{ operations = 'list'; repeatMarkerAtPage = 2 } -Invalidation @(
            1..3 | ForEach-Object { @{ CreateTime = $monthStart.AddDays($_); Paths = "/$_" } })
        try { $null = Get-CFInvalidationUsage EUSAGELOOP -Month $month -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue }
        finally { Remove-LocalDistribution -Server $server -Id EUSAGELOOP }

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "RepeatedNextMarker,$commandName"
        $failures[0].TargetObject | Should -Be 'EUSAGELOOP'
        $failures[0].ErrorDetails.Message | Should -Not -Match 'written before'
    }

    It 'reports an invalidation whose answer repeats its Items as UnreadableResponse naming it, and counts none of its paths' {
        Set-LocalDistribution -Server $server -Id EUSAGEREPEAT -Fault @{ operations = 'get'; repeatElement = 'Items' } -Invalidation @(
            @{ CreateTime = $monthStart.AddDays(3); Paths = '/a', '/b' })
        try { $summary = Get-CFInvalidationUsage EUSAGEREPEAT, EUSAGE2 -Summary -Month $month -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue }
        finally { Remove-LocalDistribution -Server $server -Id EUSAGEREPEAT }

        @(Get-RequestLog EUSAGEREPEAT -Operation GetInvalidation).fault | Sort-Object -Unique | Should -Be 'repeatElement:Items'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "UnreadableResponse,$commandName"
        $failures[0].TargetObject | Should -Be 'EUSAGEREPEAT'
        $failures[0].ErrorDetails.Message | Should -Match 'Items: the element appears more than once'
        ($summary.Paths, $summary.IsComplete) | Should -Be @(2, $false) -Because "only EUSAGE2's paths are counted"
        $summary.FailedDistributions | Should -Be 'EUSAGEREPEAT'
    }

    It 'counts through throttling: a throttled request is retried until admitted, nothing is lost or counted twice' {
        Set-LocalDistribution -Server $server -Id EUSAGETHROTTLED -Fault @{ throttleFirst = 2 } -Invalidation @(
            @{ CreateTime = $monthStart.AddDays(3); Paths = '/a', '/b/*' }, @{ CreateTime = $monthStart.AddDays(2); Paths = '#t' })
        try { $usage = Get-CFInvalidationUsage EUSAGETHROTTLED -Month $month -EndpointUrl $endpoint -ErrorAction Stop }
        finally { Remove-LocalDistribution -Server $server -Id EUSAGETHROTTLED }

        ($usage.Invalidations, $usage.Paths, $usage.WildcardPaths, $usage.TagItems) | Should -Be @(2, 3, 1, 1)
        @(Get-RequestLog EUSAGETHROTTLED | Where-Object fault -eq 'throttle').Count | Should -Be 2
        @(Get-RequestLog EUSAGETHROTTLED | Where-Object { $_.operation -eq 'GetInvalidation' -and $_.status -eq 200 }).Count | Should -Be 2
    }

    It 'refuses a month that has not begun, before any request' {
        { Get-CFInvalidationUsage -Month $monthEnd.AddMonths(1) -EndpointUrl $endpoint -ErrorAction Stop } |
            Should -Throw -ErrorId "InvalidUsageMonth,$commandName"
        @(Get-RequestLog).Count | Should -Be 0
    }

    It 'warns that a month older than the history CloudFront lists may be undercounted' {
        $summary = Get-CFInvalidationUsage -Summary -Month $monthStart.AddMonths(-1) -EndpointUrl $endpoint -WarningVariable warned -WarningAction SilentlyContinue

        $warned.Count | Should -Be 1
        $warned[0].Message | Should -Match 'older than the invalidation history'
        $summary.IsComplete | Should -BeFalse
    }

    It 'counts the current UTC month by default' {
        $usage = @(Get-CFInvalidationUsage EUSAGE1 -EndpointUrl $endpoint)
        # EUSAGE1's newest invalidation is at the current month's first instant.
        $usage.Month | Should -Be $monthEnd.ToString('yyyy-MM', [cultureinfo]::InvariantCulture)
        ($usage.Invalidations, $usage.Paths) | Should -Be @(1, 2)
    }

    It 'keeps -ThrottleLimit requests in flight at most, listings and gets together' {
        Set-LocalServerSettings -Server $server -LatencyMs 100
        try { $null = Get-CFInvalidationUsage -Month $month -EndpointUrl $endpoint -ThrottleLimit 2 }
        finally { Set-LocalServerSettings -Server $server }

        Get-LocalPeakConcurrency -Server $server | Should -Be 2
    }

    It 'stops within half a second on Ctrl+C' {
        # The endpoint logs a request when it ends. One request at a time, EUSAGE2's listing comes first and
        # EUSAGESLOW's slow one next: EUSAGE2's in the log says the slow request has just been sent.
        Set-LocalDistribution -Server $server -Id EUSAGESLOW -Fault @{ delayMs = 8000 } -Invalidation @(@{ CreateTime = $monthStart.AddDays(1); Paths = '/slow' })
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$ModulePath'; Get-CFInvalidationUsage EUSAGE2, EUSAGESLOW -ThrottleLimit 1 -Month '$month' -EndpointUrl '$endpoint'")
            $async = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (@(Get-RequestLog EUSAGE2 -Operation ListInvalidations).Count -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 300
            @(Get-RequestLog EUSAGE2 -Operation ListInvalidations).Count | Should -Be 1 -Because 'the count has begun'
            @(Get-RequestLog EUSAGESLOW).Count | Should -Be 0 -Because 'the slow request is still in flight'

            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $stopwatch.Stop()

            # Ctrl+C is promised within half a second (tens of ms when quiet); the margin is for a busy 2-core machine.
            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 1.5 -Because "Ctrl+C works within half a second, with a margin for load (it took $([int]$stopwatch.Elapsed.TotalMilliseconds) ms)"
            $async.IsCompleted | Should -BeTrue
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $shell.Streams.Error.Count | Should -Be 0
        }
        finally {
            $shell.Dispose()
            Remove-LocalDistribution -Server $server -Id EUSAGESLOW
        }
    }
}

Describe 'LocalCloudFront''s given history' {
    It 'lists the invalidations given newest first with their times and statuses, and answers their paths' {
        $listed = @(Get-CFInvalidationList EUSAGE1 -EndpointUrl $script:server.Url)

        $listed.CreateTime.UtcDateTime | Should -Be @($monthEnd, $monthEnd.AddMilliseconds(-1), $monthStart.AddDays(14), $monthStart,
            $monthStart.AddMilliseconds(-1), $monthStart.AddDays(-3), $monthStart.AddDays(-4))
        $listed.Status | Should -Be @('InProgress', 'Completed', 'InProgress', 'Completed', 'Completed', 'Completed', 'Completed')
        (Get-CFInvalidation EUSAGE1 $listed[1].Id -EndpointUrl $script:server.Url).Paths | Should -Be @('/*', '#Product-1', '#product-2', '/a*b.html')
    }

    It 'refuses a given invalidation without paths, and a count beside the invalidations given' {
        $noPaths = { Set-LocalDistribution -Server $script:server -Id EBADGIVEN -Invalidation @{ CreateTime = $monthStart; Paths = @() } } |
            Should -Throw -PassThru
        "$noPaths" | Should -Match 'paths must not be empty'
        $withCount = { Invoke-RestMethod -Method Put -Uri "$($script:server.Url)/_admin/distributions/EBADGIVEN" -ContentType 'application/json' -NoProxy `
            -Body '{"count":2,"invalidations":[{"createTime":"2026-01-01T00:00:00Z","paths":["/a"]}]}' } | Should -Throw -PassThru
        "$withCount" | Should -Match 'count must be 0'
    }
}
