# Checks what the local endpoint serves: GetInvalidation, the distribution-tenant
# operations, ListDistributions paging, completion over time, latency, the concurrency cap and the request
# log's timing, with plain HTTP and, where it proves the wire format, the real AWS CLI.
# Needs the server built: dotnet build tests/LocalCloudFront/LocalCloudFront.csproj -c Release -o out/LocalCloudFront

BeforeAll {
    Import-Module "$PSScriptRoot/../LocalCloudFront/LocalCloudFront.psm1" -Force
    . "$PSScriptRoot/OutsideTools.ps1"
    # Skips the running test, with the reason, unless the AWS CLI here can run each of these operations.
    function Assert-AwsCliCan([string[]] $Operation) {
        foreach ($name in $Operation) {
            $reason = Get-AwsCliSkipReason $name
            if ($reason) { Set-ItResult -Skipped -Because $reason; return }
        }
    }
    $script:tenantId = 'dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB'
    $script:server = Start-LocalCloudFront -Distribution @(
        @{ id = 'EAPIGET'; count = 40; inProgress = 1 }
        @{ id = 'EAPIOTHER'; count = 3 }
    ) -Tenant @(
        @{ id = $script:tenantId; count = 7; pageCap = 3; inProgress = 2 }
    )
    $script:http = [System.Net.Http.HttpClient]::new()

    # One GET: status, raw body and, when it parses, the XML.
    function Invoke-CloudFront([string] $Path) {
        $response = Invoke-WebRequest -Uri "$($script:server.Url)/2020-05-31/$Path" -NoProxy -SkipHttpErrorCheck
        [pscustomobject]@{
            Status = [int] $response.StatusCode
            Body   = "$($response.Content)"
            Xml    = $(try { [xml] $response.Content } catch { $null })
        }
    }

    # Follows Marker/NextMarker by hand and writes every page (the list element) in order.
    function Get-ListPages([string] $Path, [string] $List, [int] $MaxItems = 10) {
        $marker = ''
        do {
            $page = (Invoke-CloudFront "$($Path)?MaxItems=$MaxItems&Marker=$marker").Xml.$List
            $page
            $marker = if ($page.IsTruncated -eq 'true') { $page.NextMarker } else { '' }
        } while ($marker)
    }
    function Get-TenantPages { Get-ListPages "distribution-tenant/$script:tenantId/invalidation" InvalidationList }

    function Get-InvalidationIds([string] $Path) {
        @((Invoke-CloudFront $Path).Xml.InvalidationList.Items.InvalidationSummary.Id)
    }
    . "$PSScriptRoot/AwsCli.ps1"
}

AfterAll {
    $script:http.Dispose()
    Stop-LocalCloudFront -Server $script:server
}

Describe 'GetInvalidation' {
    It 'answers every listed invalidation with the list''s Id, Status and CreateTime, 1 to 5 paths and its own CallerReference' {
        $summaries = (Invoke-CloudFront 'distribution/EAPIGET/invalidation').Xml.InvalidationList.Items.InvalidationSummary
        $references = foreach ($summary in $summaries) {
            $answer = Invoke-CloudFront "distribution/EAPIGET/invalidation/$($summary.Id)"
            $answer.Status | Should -Be 200
            $invalidation = $answer.Xml.Invalidation
            $invalidation.NamespaceURI | Should -Be 'http://cloudfront.amazonaws.com/doc/2020-05-31/'
            @($invalidation.ChildNodes.LocalName) | Should -Be @('Id', 'Status', 'CreateTime', 'InvalidationBatch')
            $invalidation.Id | Should -Be $summary.Id
            $invalidation.Status | Should -Be $summary.Status
            $invalidation.CreateTime | Should -Be $summary.CreateTime
            $paths = @($invalidation.InvalidationBatch.Paths.Items.Path)
            $paths.Count | Should -BeIn (1..5)
            $invalidation.InvalidationBatch.Paths.Quantity | Should -Be "$($paths.Count)"
            $paths | Where-Object { -not $_.StartsWith('/') } | Should -BeNullOrEmpty
            $invalidation.InvalidationBatch.CallerReference
        }
        @($references | Sort-Object -Unique).Count | Should -Be 40
    }

    It 'serves the same paths on every request, and different ones across invalidations' {
        $ids = Get-InvalidationIds 'distribution/EAPIGET/invalidation?MaxItems=10'
        $first = foreach ($id in $ids) { (Invoke-CloudFront "distribution/EAPIGET/invalidation/$id").Body }
        $second = foreach ($id in $ids) { (Invoke-CloudFront "distribution/EAPIGET/invalidation/$id").Body }
        $second | Should -Be $first
        $pathSets = $first | ForEach-Object { ([xml] $_).Invalidation.InvalidationBatch.Paths.Items.Path -join '|' }
        @($pathSets | Sort-Object -Unique).Count | Should -BeGreaterThan 5
    }

    It 'covers wildcards, spaces, XML special characters and non-ASCII, escaped in the body' {
        $bodies = foreach ($id in Get-InvalidationIds 'distribution/EAPIGET/invalidation') {
            (Invoke-CloudFront "distribution/EAPIGET/invalidation/$id").Body
        }
        $paths = $bodies | ForEach-Object { ([xml] $_).Invalidation.InvalidationBatch.Paths.Items.Path }
        $paths | Where-Object { $_.EndsWith('/*') } | Should -Not -BeNullOrEmpty
        $paths | Where-Object { $_.Contains(' ') } | Should -Not -BeNullOrEmpty
        $paths | Where-Object { $_ -match '[^\x00-\x7F]' } | Should -Not -BeNullOrEmpty
        $special = @($paths | Where-Object { $_.Contains('&') -and $_.Contains('<') })
        $special | Should -Not -BeNullOrEmpty
        $raw = $bodies | Where-Object { $_.Contains('&amp;') }
        $raw | Should -Not -BeNullOrEmpty
        $raw | Where-Object { $_ -match '<Path>[^<]*&(?!amp;|lt;|gt;|quot;|apos;)' } | Should -BeNullOrEmpty
    }

    It 'is parsed by the AWS CLI into the same paths, in order' {
        Assert-AwsCliCan get-invalidation
        $ids = Get-InvalidationIds 'distribution/EAPIGET/invalidation'
        # The invalidations whose paths hold non-ASCII or XML special characters: the hardest to read.
        $hard = @($ids | Where-Object { (Invoke-CloudFront "distribution/EAPIGET/invalidation/$_").Body -match '&amp;|[^\x00-\x7F]' } | Select-Object -First 3)
        $hard | Should -Not -BeNullOrEmpty
        foreach ($id in $hard) {
            $expected = (Invoke-CloudFront "distribution/EAPIGET/invalidation/$id").Xml.Invalidation
            $cli = Invoke-AwsCli get-invalidation --distribution-id EAPIGET --id $id
            $cli.ExitCode | Should -Be 0 -Because $cli.Error
            $cli.Result.Invalidation.Id | Should -Be $id
            $cli.Result.Invalidation.Status | Should -Be $expected.Status
            $cli.Result.Invalidation.InvalidationBatch.CallerReference | Should -Be $expected.InvalidationBatch.CallerReference
            [string[]] $cli.Result.Invalidation.InvalidationBatch.Paths.Items | Should -BeExactly ([string[]] $expected.InvalidationBatch.Paths.Items.Path)
        }
    }

    It 'answers <Case> with <Status> <Code>' -TestCases @(
        @{ Case = 'an unknown invalidation id'; Path = 'distribution/EAPIGET/invalidation/INOSUCHINVALIDA'; Status = 404; Code = 'NoSuchInvalidation' }
        @{ Case = 'an unknown distribution'; Path = 'distribution/ENOSUCH/invalidation/INOSUCHINVALIDA'; Status = 404; Code = 'NoSuchDistribution' }
        @{ Case = 'an unknown tenant'; Path = 'distribution-tenant/dt_nosuchtenant/invalidation/INOSUCHINVALIDA'; Status = 404; Code = 'EntityNotFound' }
    ) {
        $answer = Invoke-CloudFront $Path
        $answer.Status | Should -Be $Status
        $answer.Xml.ErrorResponse.Error.Code | Should -Be $Code
        $answer.Xml.ErrorResponse.Error.Type | Should -Be 'Sender'
    }

    It 'does not find another distribution''s or a tenant''s invalidation' {
        $otherId = Get-InvalidationIds 'distribution/EAPIOTHER/invalidation?MaxItems=1'
        (Invoke-CloudFront "distribution/EAPIGET/invalidation/$otherId").Xml.ErrorResponse.Error.Code | Should -Be 'NoSuchInvalidation'
        (Invoke-CloudFront "distribution-tenant/$script:tenantId/invalidation/$otherId").Xml.ErrorResponse.Error.Code | Should -Be 'NoSuchInvalidation'
    }

    It 'injects faults into gets only when faults.operations is get' {
        Set-LocalDistribution -Server $script:server -Id EAPIDENIED -Count 3 -Fault @{ operations = 'get'; errorCode = 'AccessDenied' }
        $id = Get-InvalidationIds 'distribution/EAPIDENIED/invalidation?MaxItems=1'
        $id | Should -Not -BeNullOrEmpty
        $answer = Invoke-CloudFront "distribution/EAPIDENIED/invalidation/$id"
        $answer.Status | Should -Be 403
        $answer.Xml.ErrorResponse.Error.Code | Should -Be 'AccessDenied'
    }

    It 'counts gets and lists together when faults.operations is all (the default)' {
        Set-LocalDistribution -Server $script:server -Id EAPITHROTTLE -Count 3 -Fault @{ throttleFirst = 2 }
        $list = Invoke-CloudFront 'distribution/EAPITHROTTLE/invalidation'
        $get = Invoke-CloudFront 'distribution/EAPITHROTTLE/invalidation/INOSUCHINVALIDA'
        @($list.Status, $get.Status) | Should -Be @(400, 400)
        $get.Xml.ErrorResponse.Error.Code | Should -Be 'Throttling'
        (Invoke-CloudFront 'distribution/EAPITHROTTLE/invalidation').Status | Should -Be 200
    }
}

Describe 'Distribution tenants' {
    It 'pages a tenant''s invalidations with Marker and NextMarker, newest first' {
        $pages = @(Get-TenantPages)
        $pages.Count | Should -Be 3
        $pages.MaxItems | Should -Be @('3', '3', '3')
        $pages[0].Marker | Should -Be ''
        foreach ($i in 0..1) {
            $pages[$i].NextMarker | Should -Be @($pages[$i].Items.InvalidationSummary.Id)[-1]
            $pages[$i + 1].Marker | Should -Be $pages[$i].NextMarker
        }
        $pages[2].PSObject.Properties.Name | Should -Not -Contain 'NextMarker'
        $ids = @($pages.Items.InvalidationSummary.Id)
        $ids.Count | Should -Be 7
        @($ids | Sort-Object -Unique).Count | Should -Be 7
        $ids | Where-Object { $_ -cnotmatch '^I[0-9A-Z]{13}$' } | Should -BeNullOrEmpty
    }

    It 'answers GetInvalidationForDistributionTenant like GetInvalidation' {
        $id = Get-InvalidationIds "distribution-tenant/$script:tenantId/invalidation?MaxItems=1"
        $invalidation = (Invoke-CloudFront "distribution-tenant/$script:tenantId/invalidation/$id").Xml.Invalidation
        $invalidation.Id | Should -Be $id
        $invalidation.Status | Should -Be 'InProgress'
        @($invalidation.InvalidationBatch.Paths.Items.Path).Count | Should -BeIn (1..5)
    }

    It 'answers an unknown tenant, or a distribution id, with 404 EntityNotFound' {
        foreach ($path in 'distribution-tenant/dt_nosuchtenant/invalidation', 'distribution-tenant/EAPIGET/invalidation') {
            $answer = Invoke-CloudFront $path
            $answer.Status | Should -Be 404
            $answer.Xml.ErrorResponse.Error.Code | Should -Be 'EntityNotFound'
        }
    }

    It 'is paged to the end by the AWS CLI, and its errors are read by it' {
        Assert-AwsCliCan list-invalidations-for-distribution-tenant, get-invalidation-for-distribution-tenant
        Clear-LocalRequestLog -Server $script:server
        $cli = Invoke-AwsCli list-invalidations-for-distribution-tenant --id $script:tenantId
        $cli.ExitCode | Should -Be 0 -Because $cli.Error
        [string[]] $cli.Result.InvalidationList.Items.Id | Should -Be ([string[]] (Get-TenantPages).Items.InvalidationSummary.Id)
        $requests = @(Get-LocalRequestLog -Server $script:server -Operation ListInvalidationsForDistributionTenant -TenantId $script:tenantId)
        $requests.Count | Should -Be 6 # 3 by the CLI, 3 by the expectation above
        $requests[0].accessKeyId | Should -Be 'AKIDLOCALAWSCLI'

        $missing = Invoke-AwsCli get-invalidation-for-distribution-tenant --distribution-tenant-id dt_nosuchtenant --id INOSUCHINVALIDA
        $missing.ExitCode | Should -Not -Be 0
        $missing.Error | Should -Match 'EntityNotFound'
    }

    It 'is created, replaced and removed with Set-LocalDistribution -Tenant and Remove-LocalDistribution -Tenant' {
        Set-LocalDistribution -Server $script:server -Tenant -Id dt_temporary -Count 4
        @(Get-InvalidationIds 'distribution-tenant/dt_temporary/invalidation').Count | Should -Be 4
        (Invoke-CloudFront 'distribution/dt_temporary/invalidation').Status | Should -Be 404
        Remove-LocalDistribution -Server $script:server -Tenant -Id dt_temporary
        (Invoke-CloudFront 'distribution-tenant/dt_temporary/invalidation').Xml.ErrorResponse.Error.Code | Should -Be 'EntityNotFound'
    }
}

Describe 'Completion over time' {
    It 'completes the InProgress invalidations one by one, oldest first, at completeAfterMs + k * completeStaggerMs' {
        Set-LocalDistribution -Server $script:server -Id EAPIWAIT -Count 5 -InProgress 3 -CompleteAfterMs 1000 -CompleteStaggerMs 1000
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $ids = Get-InvalidationIds 'distribution/EAPIWAIT/invalidation'
        $pending = [ordered]@{}
        foreach ($id in $ids[0..2]) { $pending[$id] = $true }
        $completedAt = @{}
        while ($pending.Count -gt 0 -and $clock.Elapsed.TotalSeconds -lt 10) {
            foreach ($id in @($pending.Keys)) {
                if ((Invoke-CloudFront "distribution/EAPIWAIT/invalidation/$id").Xml.Invalidation.Status -eq 'Completed') {
                    $completedAt[$id] = $clock.Elapsed.TotalSeconds
                    $pending.Remove($id)
                }
            }
            Start-Sleep -Milliseconds 50
        }
        $pending.Count | Should -Be 0
        # Oldest (index 2) at ~1 s, then index 1 at ~2 s, the newest at ~3 s.
        foreach ($step in 0..2) {
            $seconds = $completedAt[$ids[2 - $step]]
            $seconds | Should -BeGreaterOrEqual (1 + $step - 0.05)
            $seconds | Should -BeLessThan (1.9 + $step)
        }
        (Invoke-CloudFront 'distribution/EAPIWAIT/invalidation').Xml.InvalidationList.Items.InvalidationSummary.Status |
            Should -Be (@('Completed') * 5)
    }

    It 'keeps them InProgress without completeAfterMs' {
        $statuses = (Invoke-CloudFront 'distribution-tenant/dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB/invalidation').Xml.InvalidationList.Items.InvalidationSummary.Status
        $statuses[0..1] | Should -Be @('InProgress', 'InProgress')
    }
}

Describe 'Server settings' {
    AfterEach { Set-LocalServerSettings -Server $script:server | Out-Null }

    It 'delays every operation by latencyMs, and a distribution''s delayMs replaces it' {
        Set-LocalServerSettings -Server $script:server -LatencyMs 300 | Out-Null
        Set-LocalDistribution -Server $script:server -Id EAPISLOW -Count 2 -Fault @{ delayMs = 700 }
        Clear-LocalRequestLog -Server $script:server
        $id = Get-InvalidationIds 'distribution/EAPIGET/invalidation?MaxItems=1'
        $paths = 'distribution', "distribution/EAPIGET/invalidation/$id", "distribution-tenant/$script:tenantId/invalidation",
            'distribution/ENOSUCH/invalidation', 'distribution/EAPISLOW/invalidation'
        # 295, as for the log below: the endpoint's timer may fire a fraction of a millisecond early (seen: 299.87 ms).
        foreach ($path in $paths) { (Measure-Command { Invoke-CloudFront $path }).TotalMilliseconds | Should -BeGreaterOrEqual 295 }

        $log = @(Get-LocalRequestLog -Server $script:server)
        $log.Count | Should -Be 6
        foreach ($entry in $log) { ($entry.endUtc - $entry.startUtc).TotalMilliseconds | Should -BeGreaterOrEqual 295 }
        $slow = $log | Where-Object distributionId -EQ EAPISLOW
        ($slow.endUtc - $slow.startUtc).TotalMilliseconds | Should -BeGreaterOrEqual 695
        $slow.fault | Should -Be 'delay'
        ($log | Where-Object distributionId -NE EAPISLOW).fault | Where-Object { $_ } | Should -BeNullOrEmpty
    }

    It 'answers Throttling at once beyond maxConcurrent requests in flight, and admits no more than that' {
        Set-LocalServerSettings -Server $script:server -LatencyMs 1500 -MaxConcurrent 3 | Out-Null
        Clear-LocalRequestLog -Server $script:server
        $tasks = 1..5 | ForEach-Object { $script:http.GetAsync("$($script:server.Url)/2020-05-31/distribution/EAPIGET/invalidation?MaxItems=$_") }
        [Threading.Tasks.Task]::WaitAll($tasks)
        $statuses = $tasks | ForEach-Object { [int] $_.Result.StatusCode }
        @($statuses | Where-Object { $_ -eq 200 }).Count | Should -Be 3
        $throttled = @($tasks | Where-Object { $_.Result.StatusCode -eq 400 })
        $throttled.Count | Should -Be 2
        $throttling = ([xml] $throttled[0].Result.Content.ReadAsStringAsync().Result).ErrorResponse.Error
        $throttling.Code | Should -Be 'Throttling'
        $throttling.Message | Should -Be 'Rate exceeded'

        $log = @(Get-LocalRequestLog -Server $script:server -Operation ListInvalidations)
        $log.Count | Should -Be 5
        $turnedAway = @($log | Where-Object fault -EQ 'concurrencyThrottle')
        $turnedAway.Count | Should -Be 2
        $turnedAway | ForEach-Object { ($_.endUtc - $_.startUtc).TotalMilliseconds | Should -BeLessThan 500 }
        Get-LocalPeakConcurrency -Server $script:server -ExcludeThrottled | Should -Be 3
        Get-LocalPeakConcurrency -Server $script:server | Should -BeGreaterOrEqual 4
    }

    It 'pages ListDistributions at distributionPageCap, to the end for the AWS CLI' {
        Assert-AwsCliCan list-distributions
        Set-LocalServerSettings -Server $script:server -DistributionPageCap 2 | Out-Null
        Clear-LocalRequestLog -Server $script:server
        $cli = Invoke-AwsCli list-distributions
        $cli.ExitCode | Should -Be 0 -Because $cli.Error
        $expected = @((Get-ListPages distribution DistributionList).Items.DistributionSummary.Id)
        $expected.Count | Should -BeGreaterOrEqual 3
        [string[]] $cli.Result.DistributionList.Items.Id | Should -Be ([string[]] $expected)
        $cliRequests = @(Get-LocalRequestLog -Server $script:server -Operation ListDistributions | Where-Object accessKeyId -EQ AKIDLOCALAWSCLI)
        $cliRequests.Count | Should -Be ([Math]::Ceiling($expected.Count / 2))
        $cliRequests[1].marker | Should -Be $expected[1]
    }

    It 'pages ListDistributions with MaxItems, Marker and NextMarker' {
        Set-LocalServerSettings -Server $script:server -DistributionPageCap 2 | Out-Null
        $all = @((Invoke-CloudFront 'distribution').Xml.DistributionList)
        $all.MaxItems | Should -Be '2'
        $all.IsTruncated | Should -Be 'true'
        $pages = @(Get-ListPages distribution DistributionList -MaxItems 1)
        $pages.Quantity | Where-Object { $_ -ne '1' } | Should -BeNullOrEmpty
        $ids = @($pages.Items.DistributionSummary.Id)
        foreach ($i in 0..($pages.Count - 2)) { $pages[$i].NextMarker | Should -Be $ids[$i] }
        [string[]] $ids | Should -Be ([string[]] ($ids | Sort-Object -CaseSensitive))
        @($ids | Sort-Object -Unique).Count | Should -Be $pages.Count
        $ids | Should -Contain 'EAPIGET'
        $ids | Should -Not -Contain $script:tenantId
    }

    It 'injects distributionListFaults into ListDistributions' {
        Set-LocalServerSettings -Server $script:server -DistributionListFault @{ throttleFirst = 1 } | Out-Null
        Clear-LocalRequestLog -Server $script:server
        (Invoke-CloudFront 'distribution').Xml.ErrorResponse.Error.Code | Should -Be 'Throttling'
        (Invoke-CloudFront 'distribution').Status | Should -Be 200
        (Get-LocalRequestLog -Server $script:server -Operation ListDistributions).fault | Should -Be @('throttle', $null)
    }

    It 'takes its initial settings from the command line' {
        $other = Start-LocalCloudFront -LatencyMs 25 -MaxConcurrent 2 -DistributionPageCap 7
        try {
            $settings = Get-LocalServerSettings -Server $other
            $settings.latencyMs | Should -Be 25
            $settings.maxConcurrent | Should -Be 2
            $settings.distributionPageCap | Should -Be 7
        }
        finally { Stop-LocalCloudFront -Server $other }
    }

    It 'rejects an invalid setting with 400' {
        $response = Invoke-WebRequest -Uri "$($script:server.Url)/_admin/settings" -Method Put -Body '{"maxConcurrent":0}' -ContentType application/json -NoProxy -SkipHttpErrorCheck
        $response.StatusCode | Should -Be 400
        $response.Content | Should -Match 'maxConcurrent'
    }
}

Describe 'Request log' {
    BeforeEach { Clear-LocalRequestLog -Server $script:server }

    It 'records the operation, the tenant or distribution, the invalidation id and precise start and end times' {
        $id = Get-InvalidationIds 'distribution/EAPIGET/invalidation?MaxItems=1'
        $tenantInvalidation = Get-InvalidationIds "distribution-tenant/$script:tenantId/invalidation?MaxItems=1"
        Invoke-CloudFront "distribution/EAPIGET/invalidation/$id" | Out-Null
        Invoke-CloudFront "distribution-tenant/$script:tenantId/invalidation/$tenantInvalidation" | Out-Null
        Invoke-CloudFront 'distribution' | Out-Null

        $log = @(Get-LocalRequestLog -Server $script:server)
        $log.operation | Should -Be @('ListInvalidations', 'ListInvalidationsForDistributionTenant', 'GetInvalidation',
            'GetInvalidationForDistributionTenant', 'ListDistributions')
        $log.distributionId | Should -Be @('EAPIGET', $null, 'EAPIGET', $null, $null)
        $log.tenantId | Should -Be @($null, $script:tenantId, $null, $script:tenantId, $null)
        $log.invalidationId | Should -Be @($null, $null, $id, $tenantInvalidation, $null)
        foreach ($entry in $log) {
            $entry.startUtc | Should -BeOfType [datetime]
            $entry.startUtc.Kind | Should -Be 'Utc'
            $entry.timeUtc | Should -Be $entry.startUtc
            $entry.endUtc | Should -BeGreaterOrEqual $entry.startUtc
        }
        for ($i = 1; $i -lt $log.Count; $i++) { $log[$i].startUtc | Should -BeGreaterOrEqual $log[$i - 1].endUtc }
        Get-LocalPeakConcurrency -Server $script:server | Should -Be 1
    }

    It 'filters by operation' {
        Invoke-CloudFront 'distribution' | Out-Null
        Invoke-CloudFront 'distribution/EAPIGET/invalidation' | Out-Null
        Invoke-CloudFront "distribution-tenant/$script:tenantId/invalidation" | Out-Null
        @(Get-LocalRequestLog -Server $script:server -Operation ListDistributions).path | Should -Be '/2020-05-31/distribution'
        @(Get-LocalRequestLog -Server $script:server -Operation ListInvalidations, ListInvalidationsForDistributionTenant).Count | Should -Be 2
    }

    It 'computes the peak of overlapping intervals, back-to-back ones not overlapping' {
        $at = { param($second) [datetime]::new(2026, 1, 1, 0, 0, $second, [DateTimeKind]::Utc) }
        $entries = @(
            @{ startUtc = & $at 0; endUtc = & $at 10; fault = $null }
            @{ startUtc = & $at 5; endUtc = & $at 15; fault = $null }
            @{ startUtc = & $at 10; endUtc = & $at 20; fault = $null }
            @{ startUtc = & $at 12; endUtc = & $at 13; fault = 'concurrencyThrottle' }
        ) | ForEach-Object { [pscustomobject] $_ }
        $entries | Get-LocalPeakConcurrency | Should -Be 3
        $entries | Get-LocalPeakConcurrency -ExcludeThrottled | Should -Be 2
    }
}
