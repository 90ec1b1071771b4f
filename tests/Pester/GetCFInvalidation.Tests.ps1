# Get-CFInvalidation in real pwsh against the local endpoint: pipeline binding, paths, order, typed errors.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront -Distribution @(
        @{ id = 'EGET'; count = 12; inProgress = 2 }
        @{ id = 'EDENIED'; count = 3; faults = @{ errorCode = 'AccessDenied'; operations = 'get' } }
    ) -Tenant @(@{ id = 'dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB'; count = 3 })
    $script:endpoint = $script:server.Url
    $script:listed = @(Get-CFInvalidationList EGET -EndpointUrl $script:endpoint)
    $script:commandName = 'CloudFrontInvalidations.Commands.GetCFInvalidationCommand'
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Get-CFInvalidation' {
    BeforeEach {
        Clear-LocalRequestLog -Server $script:server
    }

    It 'takes the list''s output from the pipeline and writes each invalidation with its paths, in input order' {
        $got = @($script:listed | Get-CFInvalidation -EndpointUrl $endpoint -ThrottleLimit 4)

        $got.Count | Should -Be 12
        $got.Id | Should -Be $script:listed.Id
        $got.DistributionId | Should -Be (@('EGET') * 12)
        $got.Status | Should -Be $script:listed.Status
        $got.CreateTime | Should -Be $script:listed.CreateTime
        $got | ForEach-Object { $_.CreateTime | Should -BeOfType [DateTimeOffset] }
        $got | ForEach-Object { $_.Paths.Count | Should -BeGreaterThan 0; $_.CallerReference | Should -Match '^local-\d{14}-\d+$' }
        # AWS.Tools' member paths read the same values.
        $got | ForEach-Object { $_.InvalidationBatch.Paths.Items | Should -Be $_.Paths }
        $got[0].InvalidationBatch.CallerReference | Should -Be $got[0].CallerReference
        $requests = @(Get-RequestLog EGET)
        $requests.operation | Sort-Object -Unique | Should -Be 'GetInvalidation'
        @($requests.invalidationId | Sort-Object) | Should -Be @($script:listed.Id | Sort-Object)
    }

    It 'reads paths with spaces, wildcards, fragments, non-ASCII and XML-escaped characters as sent' {
        $paths = @($script:listed | Get-CFInvalidation -EndpointUrl $endpoint).Paths
        foreach ($expected in '/*', '/images/*', '/docs/guide.html#install', '/café/ménu.html', '/search?q=a&b=<c>&d="e"''f''') {
            $paths | Should -Contain $expected
        }
        $paths | Where-Object { $_ -like '/docs/read me *.txt' } | Should -Not -BeNullOrEmpty
        $paths | Where-Object { $_ -like '/日本語/ページ*.html' } | Should -Not -BeNullOrEmpty
    }

    It 'runs several requests at once and still writes in input order' {
        Set-LocalServerSettings -Server $server -LatencyMs 150
        try {
            $got = @($script:listed | Get-CFInvalidation -EndpointUrl $endpoint -ThrottleLimit 4)
        }
        finally { Set-LocalServerSettings -Server $server }
        $got.Id | Should -Be $script:listed.Id
        Get-LocalPeakConcurrency -Server $server -Operation GetInvalidation | Should -Be 4
    }

    It 'binds ids from AWS.Tools-like objects and strings with -DistributionId on the command line' {
        $ids = $script:listed[0..1].Id
        @($ids | ForEach-Object { [pscustomobject]@{ Id = $_; Status = 'InProgress' } } | Get-CFInvalidation -DistributionId EGET -EndpointUrl $endpoint).Id | Should -Be $ids
        @($ids | Get-CFInvalidation -DistributionId EGET -EndpointUrl $endpoint).Id | Should -Be $ids
    }

    It 'gets a distribution tenant''s invalidation, which carries only the tenant id' {
        $tenant = 'dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB'
        $id = (Invoke-RestMethod "$endpoint/2020-05-31/distribution-tenant/$tenant/invalidation" -NoProxy).InvalidationList.Items.InvalidationSummary[0].Id

        $got = Get-CFInvalidation -DistributionTenantId $tenant -Id $id -EndpointUrl $endpoint

        $got | Should -BeOfType ([CloudFrontInvalidations.CloudFront.DistributionTenantInvalidation])
        $got.DistributionTenantId | Should -Be $tenant
        $got.PSObject.Properties['DistributionId'] | Should -BeNullOrEmpty
        (Get-RequestLog -Operation GetInvalidationForDistributionTenant).invalidationId | Should -Be $id
        # Piped on, it binds the tenant parameter set by property name.
        ($got | Get-CFInvalidation -EndpointUrl $endpoint).DistributionTenantId | Should -Be $tenant
    }

    It 'writes a typed, non-terminating error per failed invalidation and goes on with the next' -ForEach @(
        @{ Arguments = @{ DistributionId = 'EGET'; Id = 'INOSUCH0000001' }; ErrorId = 'NoSuchInvalidation'; Category = 'ObjectNotFound' }
        @{ Arguments = @{ DistributionId = 'ENOSUCH'; Id = 'INOSUCH0000001' }; ErrorId = 'NoSuchDistribution'; Category = 'ObjectNotFound' }
        @{ Arguments = @{ DistributionTenantId = 'dt_nosuch'; Id = 'INOSUCH0000001' }; ErrorId = 'EntityNotFound'; Category = 'ObjectNotFound' }
        @{ Arguments = @{ DistributionId = 'EDENIED'; Id = 'INOSUCH0000001' }; ErrorId = 'AccessDenied'; Category = 'PermissionDenied' }
    ) {
        $failing = [pscustomobject]$Arguments
        $good = $script:listed[0]

        $got = @($failing, $good | Get-CFInvalidation -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue)

        $got.Id | Should -Be $good.Id
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "$ErrorId,$script:commandName"
        $failures[0].CategoryInfo.Category | Should -Be $Category
        $failures[0].TargetObject | Should -Be 'INOSUCH0000001'
        $failures[0].ErrorDetails.Message | Should -BeLike 'Getting invalidation INOSUCH0000001 of distribution*'
    }

    It 'rejects an id that is not an invalidation id before any request' {
        { Get-CFInvalidation -DistributionId EGET -Id '../EGET' -EndpointUrl $endpoint -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,CloudFrontInvalidations.Commands.GetCFInvalidationCommand'
        @(Get-RequestLog).Count | Should -Be 0
    }

    It 'shows the first paths and their count in the default table' {
        $many = @($script:listed | Get-CFInvalidation -EndpointUrl $endpoint) | Where-Object { $_.Paths.Count -gt 3 } | Select-Object -First 1
        $table = $many | Format-Table | Out-String -Width 300
        $table | Should -Match ([regex]::Escape("($($many.Paths.Count)) $($many.Paths[0])"))
        ($many | Format-List | Out-String -Width 300) | Should -Match ([regex]::Escape($many.Paths[-1]))
    }
}
