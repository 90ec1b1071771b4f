# The pager's guards against an endpoint that would make it loop or stop silently: a NextMarker already
# followed, and IsTruncated without a NextMarker. Each ends the listing with an InvalidResult ErrorRecord
# after writing what came before, and without another request; for a distribution's listing, a distribution
# tenant's, and ListDistributions under -AllDistributions.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront
    $script:commandName = 'CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Get-CFInvalidationList paging guards' {
    BeforeEach {
        Clear-LocalRequestLog -Server $script:server
    }

    Context 'a distribution''s invalidations' {
        It 'a repeated NextMarker stops with InvalidResult without an extra request' {
            $expected = Get-ExpectedIds EREPEAT
            Set-FaultyDistribution EREPEAT @{ repeatMarkerAtPage = 2 }

            $run = Invoke-Listing EREPEAT

            $run.Requests.Count | Should -Be 2
            $run.Items.Id | Should -Be $expected[0..9]
            $run.Errors.Count | Should -Be 1
            $run.Errors[0].FullyQualifiedErrorId | Should -Be "RepeatedNextMarker,$commandName"
            $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $run.Errors[0].Exception | Should -BeOfType [CloudFrontInvalidations.Listing.InvalidListingException]
            $run.Errors[0].TargetObject | Should -Be 'EREPEAT'
            $run.Errors[0].ErrorDetails.Message | Should -Match "10 invalidations were written .* -Marker '$($expected[9])'"
        }

        It 'IsTruncated without NextMarker stops with InvalidResult without an extra request' {
            Set-FaultyDistribution ESTUCK @{ truncatedWithoutMarkerAtPage = 2 }

            $run = Invoke-Listing ESTUCK

            $run.Requests.Count | Should -Be 2
            $run.Items.Count | Should -Be 10
            $run.Errors[0].FullyQualifiedErrorId | Should -Be "TruncatedWithoutNextMarker,$commandName"
            $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        }
    }

    Context 'a distribution tenant''s invalidations' {
        It 'a repeated NextMarker stops with InvalidResult, naming the tenant and where to resume' {
            $tenant = 'dt_GUARDTENANT1'
            Set-LocalDistribution -Server $script:server -Tenant -Id $tenant -Count 12 -PageCap 5 | Out-Null
            $expected = @(Get-CFInvalidationList -DistributionTenantId $tenant -EndpointUrl $script:server.Url).Id
            Set-LocalDistribution -Server $script:server -Tenant -Id $tenant -Count 12 -PageCap 5 -Fault @{ repeatMarkerAtPage = 2 } | Out-Null
            Clear-LocalRequestLog -Server $script:server

            $failures = $null
            $items = @(Get-CFInvalidationList -DistributionTenantId $tenant -EndpointUrl $script:server.Url -ErrorVariable failures -ErrorAction SilentlyContinue)

            @(Get-RequestLog -TenantId $tenant -Operation ListInvalidationsForDistributionTenant).Count | Should -Be 2
            $items.Id | Should -Be $expected[0..9]
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be "RepeatedNextMarker,$commandName"
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $failures[0].TargetObject | Should -Be $tenant
            $failures[0].ErrorDetails.Message | Should -Match "10 invalidations were written .* -Marker '$($expected[9])'"
        }
    }

    Context 'the account''s distributions (-AllDistributions), one a ListDistributions page' {
        BeforeAll {
            foreach ($id in 'EGUARDA', 'EGUARDB', 'EGUARDC') { Set-LocalDistribution -Server $script:server -Id $id -Count 3 -PageCap 5 | Out-Null }
        }
        AfterAll {
            Set-LocalServerSettings -Server $script:server | Out-Null
        }

        It '<Name> on the second page lists the first two distributions, then stops with <ErrorId>' -ForEach @(
            @{ Name = 'a repeated NextMarker'; Fault = @{ repeatMarkerAtPage = 2 }; ErrorId = 'RepeatedNextMarker' }
            @{ Name = 'IsTruncated without NextMarker'; Fault = @{ truncatedWithoutMarkerAtPage = 2 }; ErrorId = 'TruncatedWithoutNextMarker' }
        ) {
            Set-LocalServerSettings -Server $script:server -DistributionPageCap 1 -DistributionListFault $Fault | Out-Null

            $failures = $null
            $items = @(Get-CFInvalidationList -AllDistributions -EndpointUrl $script:server.Url -ErrorVariable failures -ErrorAction SilentlyContinue)

            @(Get-RequestLog -Operation ListDistributions).Count | Should -Be 2
            @(Get-RequestLog -Operation ListInvalidations).distributionId | Sort-Object | Should -Be @('EGUARDA', 'EGUARDB')
            @($items.DistributionId | Select-Object -Unique) | Should -Be @('EGUARDA', 'EGUARDB')
            $items.Count | Should -Be 6
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be "$ErrorId,$commandName"
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $failures[0].TargetObject | Should -Be "the account's distributions"
            # The advice counts the invalidations written (not the two distributions listed) and offers no -Marker,
            # which takes an invalidation id, not a distribution id.
            $failures[0].ErrorDetails.Message | Should -Match "6 invalidations were written before the failure; no -Marker resumes a listing of the account's distributions"
            $failures[0].ErrorDetails.Message | Should -Not -Match "-Marker '"
            $failures[0].Exception.Data['ItemsWritten'] | Should -Be 6
            $failures[0].Exception.Data.Contains('ResumeMarker') | Should -BeFalse
        }

        It 'a repeated NextMarker while finding a distribution by its domain name is that input''s error, with no resume advice' {
            Set-LocalServerSettings -Server $script:server -DistributionPageCap 1 -DistributionListFault @{ repeatMarkerAtPage = 2 } | Out-Null

            $failures = $null
            $items = @(Get-CFInvalidationList cdn.example.com -EndpointUrl $script:server.Url -ErrorVariable failures -ErrorAction SilentlyContinue)

            $items.Count | Should -Be 0
            @(Get-RequestLog -Operation ListDistributions).Count | Should -Be 2
            @(Get-RequestLog -Operation ListInvalidations).Count | Should -Be 0
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be "RepeatedNextMarker,$commandName"
            $failures[0].TargetObject | Should -Be 'cdn.example.com'
            # One distribution was listed before the guard tripped; no invalidation was written, and -Marker takes no distribution id.
            $failures[0].ErrorDetails.Message | Should -Not -Match 'were written'
            $failures[0].ErrorDetails.Message | Should -Not -Match "-Marker '"
        }
    }
}
