# New-CFInvalidation in real pwsh against the local endpoint: what is sent (the request log and the invalidations the
# endpoint stored), what is written, retries that never duplicate, the wait for capacity and every typed error.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront -Tenant @(@{ id = 'dt_newtenant'; count = 1 })
    $script:endpoint = $script:server.Url
    $script:commandName = 'CloudFrontInvalidations.Commands.NewCFInvalidationCommand'

    # A distribution with a short history and no created invalidation; its log cleared.
    function Reset-Distribution([string] $Id, [hashtable] $Creation = @{}, [hashtable] $Fault = @{}) {
        Set-LocalDistribution -Server $script:server -Id $Id -Count 2 -InProgress 0 -Creation $Creation -Fault $Fault | Out-Null
        Clear-LocalRequestLog -Server $script:server
    }
    function Get-Creates([string] $DistributionId) { @(Get-RequestLog $DistributionId -Operation CreateInvalidation) }
    # The invalidations the endpoint holds for a distribution, newest first (the two generated ones left out).
    function Get-Created([string] $DistributionId) {
        @(Get-CFInvalidationList $DistributionId -EndpointUrl $script:endpoint | Where-Object CreateTime -gt ([datetime] '2026-11-02') |
            Get-CFInvalidation -EndpointUrl $script:endpoint)
    }
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'New-CFInvalidation' {
    It 'sends one CreateInvalidation and writes what Get-CFInvalidation writes, plus Location and AWS.Tools'' member paths' {
        Reset-Distribution ENEW

        $created = New-CFInvalidation -DistributionId ENEW -Path '/index.html', '/img/*' -EndpointUrl $endpoint

        $requests = Get-Creates ENEW
        $requests.Count | Should -Be 1
        $requests[0].method | Should -Be 'POST'
        $requests[0].path | Should -Be '/2020-05-31/distribution/ENEW/invalidation'
        $created | Should -BeOfType ([CloudFrontInvalidations.CloudFront.DistributionInvalidation])
        $created.DistributionId | Should -Be 'ENEW'
        $created.Status | Should -Be 'InProgress'
        $created.Paths | Should -Be @('/index.html', '/img/*')
        $created.CallerReference | Should -Match '^New-CFInvalidation-\d{8}T\d{6}Z-[0-9a-f]{32}$'
        ([DateTimeOffset] $created.CreateTime).UtcDateTime | Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(-5))
        $created.Location | Should -Be "$endpoint/2020-05-31/distribution/ENEW/invalidation/$($created.Id)"
        $created.Invalidation.Id | Should -Be $created.Id
        $created.Invalidation.Status | Should -Be 'InProgress'
        # The member AWS.Tools' scripts read repeats the invalidation once, not without end.
        $json = $created | ConvertTo-Json -Depth 5 -WarningAction Stop | ConvertFrom-Json
        $json.Invalidation.Id | Should -Be $created.Id
        $json.Invalidation.Invalidation | Should -BeNullOrEmpty
        ($created | Format-List | Out-String -Width 500) | Should -Match "Location\s*: $([regex]::Escape($created.Location))"
        $got = Get-Created ENEW
        $got.Id | Should -Be $created.Id
        $got.CallerReference | Should -Be $created.CallerReference
    }

    It 'pipes into Get-CFInvalidation and Wait-CFInvalidation' {
        Reset-Distribution EPIPE -Creation @{ completeAfterMs = 1000 }

        $created = New-CFInvalidation EPIPE '/a' -EndpointUrl $endpoint
        $got = $created | Get-CFInvalidation -EndpointUrl $endpoint
        $waited = $created | Wait-CFInvalidation -EndpointUrl $endpoint -PollIntervalSec 1 -TimeoutSec 60

        $got.Id | Should -Be $created.Id
        $waited.Id | Should -Be $created.Id
        $waited.Status | Should -Be 'Completed'
    }

    It 'gathers paths from the pipeline into as few batches as the limits allow, never one per path' {
        # Room for both batches at once: this is about batching, not about waiting for capacity.
        Reset-Distribution EGATHER -Creation @{ maxPathsInProgress = 6000 }
        $file = Join-Path $TestDrive 'changed.txt'
        Set-Content $file -Value (1..3005 | ForEach-Object { "/assets/file-$_.js" })

        $created = @(Get-Content $file | New-CFInvalidation -DistributionId EGATHER -EndpointUrl $endpoint)

        (Get-Creates EGATHER).Count | Should -Be 2
        $created.Count | Should -Be 2
        $created[0].Paths.Count | Should -Be 3000
        $created[1].Paths | Should -Be @('/assets/file-3001.js', '/assets/file-3002.js', '/assets/file-3003.js', '/assets/file-3004.js', '/assets/file-3005.js')
        $created.CallerReference | Select-Object -Unique | Should -HaveCount 2
    }

    It 'sends the same paths to each of several distributions' {
        Reset-Distribution EMANY1
        Reset-Distribution EMANY2

        $created = @(New-CFInvalidation -DistributionId EMANY1, EMANY2 -Path '/a', '/b' -EndpointUrl $endpoint)

        $created.DistributionId | Should -Be @('EMANY1', 'EMANY2')
        (Get-Creates EMANY1).Count | Should -Be 1
        (Get-Creates EMANY2).Count | Should -Be 1
        (Get-Created EMANY2).Paths | Should -Be @('/a', '/b')
    }

    It 'creates for a distribution tenant with CreateInvalidationForDistributionTenant' {
        Clear-LocalRequestLog -Server $server

        $created = New-CFInvalidation -DistributionTenantId dt_newtenant -Path '/t' -EndpointUrl $endpoint

        $created | Should -BeOfType ([CloudFrontInvalidations.CloudFront.DistributionTenantInvalidation])
        $created.DistributionTenantId | Should -Be 'dt_newtenant'
        $created.Location | Should -BeLike '*/distribution-tenant/dt_newtenant/invalidation/*'
        (Get-RequestLog -Operation CreateInvalidationForDistributionTenant).tenantId | Should -Be 'dt_newtenant'
        ($created | Get-CFInvalidation -EndpointUrl $endpoint).Paths | Should -Be @('/t')
        # The tenant's invalidation reaches Wait-CFInvalidation's tenant form through the pipeline, as the list's items do.
        $waited = $created | Wait-CFInvalidation -EndpointUrl $endpoint -PollIntervalSec 1 -TimeoutSec 60
        $waited.Id | Should -Be $created.Id
        $waited.DistributionTenantId | Should -Be 'dt_newtenant'
        $waited.Status | Should -Be 'Completed'
        (Get-RequestLog -Operation GetInvalidationForDistributionTenant).tenantId | Should -Contain 'dt_newtenant'
    }

    It 'encodes paths as CloudFront asks and shows them as sent in the output, -Verbose and the endpoint''s record' {
        Reset-Distribution EENCODE
        $given = '/docs/read me.txt', '/café/ménu.html', '/a#b', '/x[1]{2}|^`"<>\', '/already%20done', '/100% sure', '/img/*'
        $sent = '/docs/read%20me.txt', '/caf%C3%A9/m%C3%A9nu.html', '/a%23b', '/x%5B1%5D%7B2%7D%7C%5E%60%22%3C%3E%5C', '/already%20done', '/100%25%20sure', '/img/*'

        $created = New-CFInvalidation EENCODE -Path $given -EndpointUrl $endpoint -Verbose 4>&1
        $verbose = ($created | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n"
        $invalidation = $created | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }

        $invalidation.Paths | Should -Be $sent
        (Get-Created EENCODE).Paths | Should -Be $sent
        $verbose | Should -Match ([regex]::Escape('/docs/read%20me.txt, /caf%C3%A9/m%C3%A9nu.html'))
    }

    It 'refuses each invalid path by name before any request, sending nothing' {
        Reset-Distribution EINVALID

        $out = New-CFInvalidation EINVALID -Path '/fine', 'no-slash', '/~user', '#bad,tag' -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $failures.Count | Should -Be 3
        $failures.FullyQualifiedErrorId | Should -Be (@("InvalidPath,$commandName") * 3)
        $failures.CategoryInfo.Category | Should -Be (@('InvalidArgument') * 3)
        $failures.TargetObject | Should -Be @('no-slash', '/~user', '#bad,tag')
        $failures[0].Exception.Path | Should -Be 'no-slash'
        $failures[1].ErrorDetails.Message | Should -Match "'/~user' contains '~'"
        @(Get-RequestLog).Count | Should -Be 0
    }

    It 'refuses an empty list and a -Paths_Quantity that does not match, before any request' {
        Reset-Distribution EEMPTY

        { @() | New-CFInvalidation -DistributionId EEMPTY -EndpointUrl $endpoint -ErrorAction Stop } |
            Should -Throw -ErrorId "InvalidParameter,$commandName"
        { New-CFInvalidation EEMPTY -Paths_Item '/a', '/b' -Paths_Quantity 3 -EndpointUrl $endpoint -ErrorAction Stop } |
            Should -Throw -ErrorId "InvalidParameter,$commandName" -ExpectedMessage '*-Paths_Quantity is 3 but 2 path(s)*'
        @(Get-RequestLog).Count | Should -Be 0
    }

    It 'warns about a * that is not last and sends a repeated path once' {
        Reset-Distribution EWARN

        $created = New-CFInvalidation EWARN -Path '/img/*.png', '/a', '/a', '/a' -EndpointUrl $endpoint -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match "'/img/\*\.png'.*literal"
        $created.Paths | Should -Be @('/img/*.png', '/a')
    }

    It 'with -WhatIf sends nothing and says per batch what it would send and what it costs' {
        Reset-Distribution EWHATIF
        $run = Invoke-FreshPwsh -Environment @{ AWS_ACCESS_KEY_ID = 'AKIDWHATIF'; AWS_SECRET_ACCESS_KEY = 'whatif-secret' } -Script @"
New-CFInvalidation -DistributionId EWHATIF -Path '/read me.html', '/img/*', '#product-1', '/b', '/c', '/d', '/e' -EndpointUrl '$endpoint' -WhatIf
New-CFInvalidation -DistributionId EWHATIF -Path '/given' -CallerReference 'deploy-9' -EndpointUrl '$endpoint' -WhatIf
'output:' + @(New-CFInvalidation -DistributionId EWHATIF -Path '/x' -EndpointUrl '$endpoint' -WhatIf).Count
"@

        $run.Error | Should -BeNullOrEmpty
        $text = $run.Output -join "`n"
        $text | Should -Match "What if: CreateInvalidation of 7 paths \(1 wildcard, 1 cache tag\) for distribution 'EWHATIF' with a new CallerReference \(New-CFInvalidation-<UTC time>-<random>\):"
        $text | Should -Match "What if: CreateInvalidation of 1 path .* with CallerReference 'deploy-9': /given\."
        $text | Should -Not -Match "CallerReference 'New-CFInvalidation-" -Because 'a real run would make another reference than the one -WhatIf would name'
        
        $text | Should -Match ([regex]::Escape("/read%20me.html, /img/*, #product-1, /b, /c, ... (2 more)"))
        $text | Should -Match '1,000 free invalidation paths a month'
        $text | Should -Match 'output:0'
        @(Get-RequestLog).Count | Should -Be 0
    }

    It 'is SupportsShouldProcess with ConfirmImpact Medium; -Force creates where $ConfirmPreference would ask' {
        Reset-Distribution EFORCE
        $metadata = [System.Management.Automation.CommandMetadata]::new((Get-Command New-CFInvalidation))
        $metadata.SupportsShouldProcess | Should -BeTrue
        $metadata.ConfirmImpact | Should -Be 'Medium'

        $run = Invoke-FreshPwsh -Script @"
`$ConfirmPreference = 'Medium'
try { New-CFInvalidation EFORCE '/asked' -EndpointUrl '$endpoint' -ErrorAction Stop } catch { 'asked:' + `$_.Exception.GetType().Name }
(New-CFInvalidation EFORCE '/forced' -EndpointUrl '$endpoint' -Force).Paths
"@

        $run.Output | Should -Contain '/forced'
        ($run.Output -like 'asked:*') | Should -Not -BeNullOrEmpty
        (Get-Creates EFORCE).Count | Should -Be 1
    }

    It 'creates exactly one invalidation when CloudFront carries the request out and the answer is lost (<By>)' -ForEach @(
        @{ By = 'serverError' }
        @{ By = 'reset' }
    ) {
        Reset-Distribution ELOST -Creation @{ loseAnswerFirst = 1; loseAnswerBy = $By }

        $output = & { $DebugPreference = 'Continue'; New-CFInvalidation ELOST -Path '/once' -EndpointUrl $endpoint } 5>&1
        $created = $output | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] }
        $debug = @($output | Where-Object { $_ -is [System.Management.Automation.DebugRecord] })

        $requests = Wait-SettledRequestLog -DistributionId ELOST | Where-Object operation -eq CreateInvalidation
        @($requests).Count | Should -Be 2
        $requests[0].fault | Should -Be "loseAnswer:$By"
        $stored = @(Get-Created ELOST)
        $stored.Count | Should -Be 1
        $stored[0].Id | Should -Be $created.Id
        $stored[0].CallerReference | Should -Be $created.CallerReference
        $debug.Count | Should -Be 1
        "$($debug[0])" | Should -Match '^CreateInvalidation ELOST attempt 1 failed after \d+ ms: '
    }

    It 'lets the SDK retry throttling and server errors with the same CallerReference, creating one invalidation' {
        Reset-Distribution ERETRY -Fault @{ operations = 'create'; throttleFirst = 1; serverErrorFirst = 2 }

        $created = New-CFInvalidation ERETRY -Path '/retried' -EndpointUrl $endpoint

        (Get-Creates ERETRY).status | Should -Be @(400, 503, 201)
        (Get-Creates ERETRY).fault | Should -Be @('throttle', 'serverError', $null)
        $stored = @(Get-Created ERETRY)
        $stored.Count | Should -Be 1
        $stored[0].Id | Should -Be $created.Id
    }

    It 'reports a create whose answers were all lost with its CallerReference and paths; a re-run with that reference creates nothing more' {
        Reset-Distribution EUNKNOWN -Creation @{ loseAnswerFirst = 10 }

        $lost = New-CFInvalidation EUNKNOWN -Path '/lost', '/lost 2' -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

        $lost | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "ServiceUnavailable,$commandName"
        $reference = $failures[0].Exception.Data['CallerReference']
        $reference | Should -Match '^New-CFInvalidation-'
        $failures[0].Exception.Data['Paths'] | Should -Be @('/lost', '/lost%202')
        $failures[0].ErrorDetails.Message | Should -BeLike "*may have been created (CallerReference '$reference', paths /lost, /lost%202): run again with -CallerReference '$reference' and the same paths*"
        @(Get-Created EUNKNOWN).Count | Should -Be 1 -Because 'CloudFront carried the batch out before the answer was lost'

        Set-LocalDistribution -Server $script:server -Id EUNKNOWN -Count 2 -InProgress 0 -Creation @{} | Out-Null
        $again = New-CFInvalidation EUNKNOWN -Path '/lost', '/lost 2' -CallerReference $reference -EndpointUrl $endpoint

        $stored = @(Get-Created EUNKNOWN)
        $stored.Count | Should -Be 1
        $again.Id | Should -Be $stored[0].Id
    }

    It '-TimeoutSec bounds a create that stays throttled: the call returns within seconds and says the outcome is unknown' {
        Reset-Distribution ETHROTTLED -Fault @{ operations = 'create'; throttleFirst = 1000 }
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()

        $created = New-CFInvalidation ETHROTTLED -Path '/a' -TimeoutSec 1 -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

        $stopwatch.Stop()
        $created | Should -BeNullOrEmpty
        $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because '-TimeoutSec 1 and a 3 s grace for the attempt at the timeout, with a margin for a busy machine'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "RequestTimeout,$commandName"
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $reference = $failures[0].Exception.Data['CallerReference']
        $failures[0].ErrorDetails.Message | Should -BeLike "*-TimeoutSec (1 s) passed while CreateInvalidation for distribution 'ETHROTTLED' had no answer*run again with -CallerReference '$reference' and the same paths*"
        $requests = @(Wait-SettledRequestLog -DistributionId ETHROTTLED | Where-Object operation -eq CreateInvalidation)
        $requests.fault | Should -Be (@('throttle') * $requests.Count)
        Start-Sleep -Seconds 2
        @(Get-Creates ETHROTTLED).Count | Should -Be $requests.Count -Because 'no attempt is made once the call has returned'
    }

    It 'answers a re-run with the same -CallerReference and paths with the same invalidation; other paths are a typed error' {
        Reset-Distribution EREF

        $first = New-CFInvalidation EREF -Path '/a' -CallerReference 'deploy-42' -EndpointUrl $endpoint
        $again = New-CFInvalidation EREF -Path '/a' -InvalidationBatch_CallerReference 'deploy-42' -EndpointUrl $endpoint
        $other = New-CFInvalidation EREF -Path '/b' -CallerReference 'deploy-42' -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

        $again.Id | Should -Be $first.Id
        $other | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be "CallerReferenceConflict,$commandName"
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.CallerReference | Should -Be 'deploy-42'
        $failures[0].ErrorDetails.Message | Should -Match 'caller reference that was already used'
        @(Get-Created EREF).Count | Should -Be 1
    }

    It 'reports the documented InvalidationBatchAlreadyExists as CallerReferenceConflict too' {
        Reset-Distribution EREFCODE -Creation @{ referenceConflictCode = 'InvalidationBatchAlreadyExists' }

        $first = New-CFInvalidation EREFCODE -Path '/a' -CallerReference 'deploy-43' -EndpointUrl $endpoint
        $other = New-CFInvalidation EREFCODE -Path '/b' -CallerReference 'deploy-43' -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

        $first | Should -Not -BeNullOrEmpty
        $other | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be "CallerReferenceConflict,$commandName"
        $failures[0].Exception.InnerException.ErrorCode | Should -Be 'InvalidationBatchAlreadyExists'
        @(Get-Created EREFCODE).Count | Should -Be 1
    }

    It 'waits for capacity when too many invalidations are in progress, and submits once the batch fits' {
        Reset-Distribution ECAPACITY -Creation @{ maxWildcardsInProgress = 1; completeAfterMs = 2500 }
        $first = New-CFInvalidation ECAPACITY -Path '/a/*' -EndpointUrl $endpoint
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()

        $output = New-CFInvalidation ECAPACITY -Path '/b/*' -EndpointUrl $endpoint -Verbose 4>&1
        $second = $output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $verbose = ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n"

        $second.Paths | Should -Be @('/b/*')
        $second.Id | Should -Not -Be $first.Id
        $verbose | Should -Match "Waiting for in-progress invalidations on distribution 'ECAPACITY' to complete"
        $creates = Get-Creates ECAPACITY
        $creates.status | Should -Be @(201, 400, 201)
        # The first retry comes after the first back-off (5 s), not at once and not blindly.
        $stopwatch.Elapsed.TotalSeconds | Should -BeGreaterThan 4.5
        ([datetime] $creates[2].startUtc - [datetime] $creates[1].startUtc).TotalSeconds | Should -BeGreaterThan 4.5
    }

    It 'past -TimeoutSec writes one TooManyInvalidationsInProgress error naming the distribution and the paths not sent' {
        Reset-Distribution EFULL -Creation @{ maxPathsInProgress = 1; completeAfterMs = $null }
        New-CFInvalidation EFULL -Path '/taken' -EndpointUrl $endpoint | Out-Null

        $out = New-CFInvalidation EFULL -Path '/x y', '/z' -TimeoutSec 2 -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "TooManyInvalidationsInProgress,$commandName"
        $failures[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $failures[0].TargetObject | Should -Be 'EFULL'
        $failures[0].Exception.UnsentPaths | Should -Be @('/x%20y', '/z')
        $failures[0].ErrorDetails.Message | Should -Match "distribution 'EFULL'.*2 paths were not sent: /x%20y, /z"
        (Get-Creates EFULL).Count | Should -Be 3
    }

    It 'with -Wait writes the invalidations once completed, still with Location; its timeout is WaitTimedOut' {
        Reset-Distribution EWAITNEW -Creation @{ completeAfterMs = 1500 }
        $done = New-CFInvalidation EWAITNEW -Path '/a', '/b/*' -Wait -PollIntervalSec 1 -EndpointUrl $endpoint
        $polls = @(Get-RequestLog EWAITNEW -Operation GetInvalidation)
        Reset-Distribution ENEVER -Creation @{ completeAfterMs = $null }
        $never = New-CFInvalidation ENEVER -Path '/a' -Wait -PollIntervalSec 1 -TimeoutSec 2 -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

        $done.Status | Should -Be 'Completed'
        $done.Paths | Should -Be @('/a', '/b/*')
        $done.Location | Should -BeLike '*/distribution/EWAITNEW/invalidation/*'
        $polls.Count | Should -BeGreaterThan 0
        $never | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be "WaitTimedOut,$commandName"
    }

    It 'reports CloudFront''s refusal as <ErrorId> (<Category>)' -ForEach @(
        @{ Fault = @{}; Distribution = 'ENOSUCHDIST'; ErrorId = 'NoSuchDistribution'; Category = 'ObjectNotFound' }
        @{ Fault = @{ operations = 'create'; errorCode = 'AccessDenied' }; Distribution = 'EREFUSED'; ErrorId = 'AccessDenied'; Category = 'PermissionDenied' }
        @{ Fault = @{ operations = 'create'; errorCode = 'InvalidArgument' }; Distribution = 'EREFUSED'; ErrorId = 'InvalidArgument'; Category = 'InvalidArgument' }
        @{ Fault = @{ operations = 'create'; errorCode = 'BatchTooLarge' }; Distribution = 'EREFUSED'; ErrorId = 'BatchTooLarge'; Category = 'LimitsExceeded' }
        @{ Fault = @{ operations = 'create'; errorCode = 'InconsistentQuantities' }; Distribution = 'EREFUSED'; ErrorId = 'InconsistentQuantities'; Category = 'ProtocolError' }
        @{ Fault = @{ operations = 'create'; errorCode = 'MissingBody' }; Distribution = 'EREFUSED'; ErrorId = 'MissingBody'; Category = 'ProtocolError' }
    ) {
        Reset-Distribution EREFUSED -Fault $Fault
        $distribution = $Distribution

        $out = New-CFInvalidation $distribution -Path '/a' -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "$ErrorId,$commandName"
        $failures[0].CategoryInfo.Category | Should -Be $Category
        $failures[0].TargetObject | Should -Be $distribution
    }

    It 'reports an unknown distribution tenant as EntityNotFound' {
        $out = New-CFInvalidation -DistributionTenantId dt_nosuch -Path '/a' -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be "EntityNotFound,$commandName"
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'runs AWS.Tools scripts unchanged: <Select>' -ForEach @(
        @{ Select = 'Invalidation.Id'; Expected = { param($c) $c -match '^I' } }
        @{ Select = 'Location'; Expected = { param($c) $c -like '*/distribution/ECOMPAT/invalidation/I*' } }
        @{ Select = '^DistributionId'; Expected = { param($c) $c -eq 'ECOMPAT' } }
    ) {
        Reset-Distribution ECOMPAT

        $selected = New-CFInvalidation -DistributionId ECOMPAT -InvalidationBatch_Paths_Items '/a', '/b' -Paths_Quantity 2 `
            -InvalidationBatch_CallerReference "compat-$Select" -Select $Select -Force -EndpointUrl $endpoint

        @($selected).Count | Should -Be 1
        & $Expected $selected | Should -BeTrue
        (Get-Created ECOMPAT).Paths | Should -Be @('/a', '/b')
    }

    It 'refuses a -Select that names nothing before any request' {
        Reset-Distribution ESELECT

        { New-CFInvalidation ESELECT '/a' -Select 'Nope' -EndpointUrl $endpoint -ErrorAction Stop } | Should -Throw -ErrorId "InvalidParameter,$commandName"
        @(Get-RequestLog).Count | Should -Be 0
    }
}
