# Account-scale listing against the local endpoint: time windows with early stop, several distributions at once
# (order, bound, failures, throttling, cancellation, -First), -AllDistributions and distribution tenants.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    # 250 invalidations one hour apart: index i was created i hours before 2026-11-01T00:00Z.
    $script:Newest = [datetime]::new(2026, 11, 1, 0, 0, 0, [DateTimeKind]::Utc)
    $script:Ids = 1..6 | ForEach-Object { 'ESCALE{0:D2}' -f $_ }
    $script:server = Start-LocalCloudFront -Distribution @(
        $script:Ids | ForEach-Object { @{ id = $_; count = 250; intervalMinutes = 60 } }
    ) -Tenant @(@{ id = 'dt_SCALE1'; count = 230; pageCap = 100; intervalMinutes = 60 }) -DistributionPageCap 4
    $script:url = $script:server.Url
}

AfterAll { Stop-LocalCloudFront -Server $script:server }

Describe 'Get-CFInvalidationList at account scale' {
    BeforeEach {
        Set-LocalServerSettings -Server $script:server -DistributionPageCap 4
        Clear-LocalRequestLog -Server $script:server
    }

    Describe 'Get-CFInvalidationList -CreatedAfter / -CreatedBefore' {
        It 'requests exactly the pages up to the one holding the first older item' {
            # 150.5 hours: items 0..150 are inside, item 151 (page 2 at 100 per page) is the first older one.
            $items = Get-CFInvalidationList ESCALE01 -CreatedAfter $script:Newest.AddHours(-150.5) -EndpointUrl $script:url
            $items.Count | Should -Be 151
            $items[-1].CreateTime.UtcDateTime | Should -Be $script:Newest.AddHours(-150)
            $requests = @(Get-RequestLog -Operation ListInvalidations)
            $requests.Count | Should -Be 2
            $requests[1].marker | Should -Be $items[99].Id
        }

        It 'stops after the first page when the older item is on it, and writes nothing outside the window' {
            $items = Get-CFInvalidationList ESCALE01 -CreatedAfter $script:Newest.AddHours(-10.5) -CreatedBefore $script:Newest.AddHours(-1.5) -EndpointUrl $script:url
            $items.CreateTime.UtcDateTime | Should -Be (2..10 | ForEach-Object { $script:Newest.AddHours(-$_) })
            (Get-RequestLog -Operation ListInvalidations).Count | Should -Be 1
        }

        It 'treats a Local and a Utc DateTime as the same instant' {
            $utc = @(Get-CFInvalidationList ESCALE01 -CreatedAfter $script:Newest.AddHours(-5) -EndpointUrl $script:url).Id
            $local = @(Get-CFInvalidationList ESCALE01 -CreatedAfter $script:Newest.AddHours(-5).ToLocalTime() -EndpointUrl $script:url).Id
            $unspecified = [datetime]::SpecifyKind($script:Newest.AddHours(-5).ToLocalTime(), 'Unspecified')
            $local | Should -Be $utc
            @(Get-CFInvalidationList ESCALE01 -CreatedAfter $unspecified -EndpointUrl $script:url).Id | Should -Be $utc
            $utc.Count | Should -Be 6
        }

        It 'rejects an empty or inverted window before any request' -TestCases @(@{ Hours = 0 }, @{ Hours = -1 }) {
            param($Hours)
            $caught = $null
            try { Get-CFInvalidationList ESCALE01 -CreatedAfter $script:Newest -CreatedBefore $script:Newest.AddHours($Hours) -EndpointUrl $script:url }
            catch { $caught = $_ }
            $caught.FullyQualifiedErrorId | Should -Be 'InvalidTimeWindow,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
            $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
            Get-RequestLog | Should -BeNullOrEmpty
        }

        It 'counts a window-cut listing as complete for -IncludeTotalCount, and -First counts items inside the window' {
            $output = Get-CFInvalidationList ESCALE01, ESCALE02 -CreatedAfter $script:Newest.AddHours(-120.5) -IncludeTotalCount -EndpointUrl $script:url
            $output[-1].ToString() | Should -Be 'Total count: 242'
            $first = Get-CFInvalidationList ESCALE01 -CreatedAfter $script:Newest.AddHours(-120.5) -CreatedBefore $script:Newest.AddHours(-99.5) -First 3 -EndpointUrl $script:url
            $first.CreateTime.UtcDateTime | Should -Be (100..102 | ForEach-Object { $script:Newest.AddHours(-$_) })
        }

        It "writes each fetched page narrowed to the window with -Select '*', and one page with -NoAutoIteration" {
            $pages = Get-CFInvalidationList ESCALE01 -CreatedAfter $script:Newest.AddHours(-150.5) -Select '*' -EndpointUrl $script:url
            $pages.Count | Should -Be 2
            $pages[1].InvalidationList.Items.Count | Should -Be 51
            $pages[1].InvalidationList.Quantity | Should -Be 51
            $pages[1].InvalidationList.IsTruncated | Should -BeTrue  # as the service said; the window ended there
            Clear-LocalRequestLog -Server $script:server
            (Get-CFInvalidationList ESCALE01 -CreatedAfter $script:Newest.AddHours(-150.5) -CreatedBefore $script:Newest.AddHours(-95.5) -NoAutoIteration -EndpointUrl $script:url).Count | Should -Be 4
            (Get-RequestLog -Operation ListInvalidations).Count | Should -Be 1
        }
    }

    Describe 'Get-CFInvalidationList over several distributions' {
        It 'takes an array, the pipeline and objects with an Id, and writes the sequential order whatever -ThrottleLimit' {
            $sequential = @(Get-CFInvalidationList $script:Ids -ThrottleLimit 1 -MaxItem 50 -EndpointUrl $script:url | ForEach-Object { "$($_.DistributionId)/$($_.Id)" })
            $sequential.Count | Should -Be 1500
            Clear-LocalRequestLog -Server $script:server
            Set-LocalServerSettings -Server $script:server -LatencyMs 20 -DistributionPageCap 4
            @(Get-CFInvalidationList $script:Ids -ThrottleLimit 3 -MaxItem 50 -EndpointUrl $script:url | ForEach-Object { "$($_.DistributionId)/$($_.Id)" }) | Should -Be $sequential
            $peak = Get-LocalPeakConcurrency -Server $script:server
            $peak | Should -BeLessOrEqual 3
            $peak | Should -BeGreaterThan 1
            @($script:Ids | Get-CFInvalidationList -MaxItem 50 -EndpointUrl $script:url | ForEach-Object { "$($_.DistributionId)/$($_.Id)" }) | Should -Be $sequential
            @($script:Ids | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Get-CFInvalidationList -MaxItem 50 -EndpointUrl $script:url).Count | Should -Be 1500
        }

        It 'reports a failing distribution in its place, non-terminating, and lists the others' {
            Set-LocalDistribution -Server $script:server -Id EFAILING -Count 10 -Fault @{ errorCode = 'AccessDenied' }
            try { $stream = @(Get-CFInvalidationList ESCALE01, EFAILING, ESCALE02 -CreatedAfter $script:Newest.AddHours(-1.5) -ThrottleLimit 3 -EndpointUrl $script:url -ErrorAction Continue 2>&1) }
            finally { Remove-LocalDistribution -Server $script:server -Id EFAILING }
            $stream.Count | Should -Be 5
            @($stream[0..1].DistributionId) | Should -Be @('ESCALE01', 'ESCALE01')
            $stream[2].FullyQualifiedErrorId | Should -Be 'AccessDenied,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
            $stream[2].TargetObject | Should -Be 'EFAILING'
            @($stream[3..4].DistributionId) | Should -Be @('ESCALE02', 'ESCALE02')
        }

        It 'survives an endpoint that throttles every request beyond 4 in flight, with -ThrottleLimit 16 over 30 distributions' {
            $many = 1..30 | ForEach-Object { 'ETHROTTLE{0:D2}' -f $_ }
            foreach ($id in $many) { Set-LocalDistribution -Server $script:server -Id $id -Count 120 -PageCap 50 }
            Set-LocalServerSettings -Server $script:server -LatencyMs 30 -MaxConcurrent 4
            try {
                $items = Get-CFInvalidationList $many -ThrottleLimit 16 -EndpointUrl $script:url -ErrorVariable failures
            }
            finally { Set-LocalServerSettings -Server $script:server -DistributionPageCap 4 }
            $failures | Should -BeNullOrEmpty
            $items.Count | Should -Be 3600
            @($items | ForEach-Object { "$($_.DistributionId)/$($_.Id)" } | Sort-Object -Unique).Count | Should -Be 3600
            @($items.DistributionId | Select-Object -Unique) | Should -Be $many
            @(Get-RequestLog | Where-Object fault -like '*concurrencyThrottle*').Count | Should -BeGreaterThan 0 -Because 'the endpoint did throttle'
            Get-LocalPeakConcurrency -Server $script:server -ExcludeThrottled | Should -BeLessOrEqual 4
            foreach ($id in $many) { Remove-LocalDistribution -Server $script:server -Id $id }
        }

        It 'starts no request after the N-th object is written with -First, and abandons what is in flight' {
            Set-LocalServerSettings -Server $script:server -LatencyMs 50 -DistributionPageCap 4
            $items = Get-CFInvalidationList $script:Ids -MaxItem 10 -First 25 -ThrottleLimit 4 -EndpointUrl $script:url |
                ForEach-Object { $_; $script:writtenAt = [datetime]::UtcNow }
            $items.Count | Should -Be 25
            Start-Sleep -Milliseconds 300 # anything not abandoned would have started by now
            @(Get-RequestLog -Operation ListInvalidations | Where-Object { [datetime]$_.startUtc -gt $script:writtenAt }) | Should -BeNullOrEmpty
            # -First fetches nothing ahead: three pages of the first distribution, one of each other one started.
            (Get-RequestLog -Operation ListInvalidations).Count | Should -BeLessOrEqual 6
        }

        It 'stops every listing once Select-Object -First has its objects: later requests were abandoned, none starts after' {
            Set-LocalServerSettings -Server $script:server -LatencyMs 50 -DistributionPageCap 4
            # The stop reaches the command only after Select-Object has the N-th object: requests the workers
            # started in that gap (fetching ahead) are abandoned at once.
            $items = Get-CFInvalidationList $script:Ids -MaxItem 10 -ThrottleLimit 4 -EndpointUrl $script:url |
                ForEach-Object { $script:writtenAt = [datetime]::UtcNow; $_ } | Select-Object -First 25
            $returnedAt = [datetime]::UtcNow
            $items.Count | Should -Be 25
            Start-Sleep -Milliseconds 300
            $requests = @(Get-RequestLog -Operation ListInvalidations)
            # The endpoint stamps a request when it takes it in, a little after the client sent it (2 cores shared by
            # both): a request sent just before the return can carry a later time. 100 ms is far below the 300 ms waited.
            @($requests | Where-Object { [datetime]$_.startUtc -gt $returnedAt.AddMilliseconds(100) }) | Should -BeNullOrEmpty
            @($requests | Where-Object { [datetime]$_.startUtc -gt $script:writtenAt -and -not $_.aborted }) | Should -BeNullOrEmpty
        }

        It 'stops within 0.5 s on Ctrl+C and starts no request afterwards' {
            Set-LocalServerSettings -Server $script:server -LatencyMs 400 -DistributionPageCap 4
            $sessionState = [initialsessionstate]::CreateDefault()
            $sessionState.ImportPSModule($script:ModulePath)
            $shell = [powershell]::Create($sessionState)
            try {
                $null = $shell.AddCommand('Get-CFInvalidationList').AddParameter('DistributionId', [string[]]$script:Ids).
                    AddParameter('MaxItem', 10).AddParameter('EndpointUrl', $script:url)
                $running = $shell.BeginInvoke()
                Start-Sleep -Milliseconds 900
                $stopWatch = [Diagnostics.Stopwatch]::StartNew()
                $shell.Stop()
                $stoppedAt = [datetime]::UtcNow
                $stopWatch.ElapsedMilliseconds | Should -BeLessThan 500
                $running.IsCompleted | Should -BeTrue
                Start-Sleep -Milliseconds 600
                $requests = @(Get-RequestLog -Operation ListInvalidations)
                $requests.Count | Should -BeGreaterThan 0
                @($requests | Where-Object { [datetime]$_.startUtc -gt $stoppedAt }) | Should -BeNullOrEmpty
            }
            finally { $shell.Dispose() }
        }
    }

    Describe 'Get-CFInvalidationList -AllDistributions' {
        It 'lists every distribution in ListDistributions order, over several ListDistributions pages' {
            $items = Get-CFInvalidationList -AllDistributions -CreatedAfter $script:Newest.AddHours(-0.5) -EndpointUrl $script:url
            $items.DistributionId | Should -Be $script:Ids
            (Get-RequestLog -Operation ListDistributions).Count | Should -Be 2
            (Get-RequestLog -Operation ListInvalidations).Count | Should -Be 6
        }

        It 'reports a failure of ListDistributions after the distributions listed before it' {
            Set-LocalServerSettings -Server $script:server -DistributionPageCap 4 -DistributionListFault @{ errorCode = 'AccessDenied'; errorAtRequest = 2 }
            $stream = @(Get-CFInvalidationList -AllDistributions -CreatedAfter $script:Newest.AddHours(-0.5) -EndpointUrl $script:url -ErrorAction Continue 2>&1)
            @($stream[0..3].DistributionId) | Should -Be $script:Ids[0..3]
            $stream[4].FullyQualifiedErrorId | Should -Be 'AccessDenied,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
            $stream[4].ToString() | Should -BeLike "Listing the account's distributions failed:*"
            $stream.Count | Should -Be 5
        }

        It 'lets a distribution''s failure under -ErrorAction Stop, and Select-Object -First, end the command as they are, not as a ListDistributions failure' {
            Set-LocalDistribution -Server $script:server -Id EFAILING -Count 10 -Fault @{ errorCode = 'AccessDenied' } | Out-Null
            try {
                # One at a time: the failing distribution (listed first) is written while the account is still being listed.
                $caught = $null
                try { Get-CFInvalidationList -AllDistributions -ThrottleLimit 1 -EndpointUrl $script:url -ErrorAction Stop | Out-Null }
                catch { $caught = $_ }
                $caught.FullyQualifiedErrorId | Should -Be 'AccessDenied,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
                $caught.TargetObject | Should -Be 'EFAILING'

                $errorsBefore = $Error.Count
                $items = @(Get-CFInvalidationList -AllDistributions -ThrottleLimit 1 -MaxItem 10 -EndpointUrl $script:url -ErrorAction SilentlyContinue |
                    Where-Object DistributionId -ne 'EFAILING' | Select-Object -First 15)
                $items.Count | Should -Be 15
                @($Error | Select-Object -First ($Error.Count - $errorsBefore) | Where-Object { $_.TargetObject -eq "the account's distributions" }) | Should -BeNullOrEmpty
            }
            finally { Remove-LocalDistribution -Server $script:server -Id EFAILING }
        }
    }

    Describe 'Get-CFInvalidationList -DistributionTenantId' {
        It 'pages a tenant, windows it, and stamps DistributionTenantId' {
            $items = Get-CFInvalidationList -DistributionTenantId dt_SCALE1 -EndpointUrl $script:url
            $items.Count | Should -Be 230
            @($items.DistributionTenantId | Select-Object -Unique) | Should -Be 'dt_SCALE1'
            @($items.DistributionId | Where-Object { $_ }) | Should -BeNullOrEmpty
            (Get-RequestLog -Operation ListInvalidationsForDistributionTenant).Count | Should -Be 3
            Clear-LocalRequestLog -Server $script:server
            (Get-CFInvalidationList -DistributionTenantId dt_SCALE1 -CreatedAfter $script:Newest.AddHours(-50.5) -EndpointUrl $script:url).Count | Should -Be 51
            (Get-RequestLog -Operation ListInvalidationsForDistributionTenant).Count | Should -Be 1
        }

        It 'reports an unknown tenant as EntityNotFound and lists the others' {
            $stream = @(Get-CFInvalidationList -DistributionTenantId dt_MISSING, dt_SCALE1 -CreatedAfter $script:Newest.AddHours(-1.5) -EndpointUrl $script:url -ErrorAction Continue 2>&1)
            $stream[0].FullyQualifiedErrorId | Should -Be 'EntityNotFound,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
            $stream[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $stream[0].TargetObject | Should -Be 'dt_MISSING'
            $stream[0].ToString() | Should -BeLike "Listing invalidations of distribution tenant 'dt_MISSING' failed:*"
            @($stream[1..2].DistributionTenantId) | Should -Be @('dt_SCALE1', 'dt_SCALE1')
        }

        It 'rejects a tenant id that is not one before any request' {
            { Get-CFInvalidationList -DistributionTenantId 'dt_1/../x' -EndpointUrl $script:url } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
            Get-RequestLog | Should -BeNullOrEmpty
        }
    }
}
