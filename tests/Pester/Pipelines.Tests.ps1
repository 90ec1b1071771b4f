# Every cmdlet's output piped into every other where it makes sense, for a distribution and a distribution tenant
# alike: list -> get, list -> wait, get -> wait. And the arrays the parameters take, handled in input order.

BeforeDiscovery {
    $script:forms = @(
        @{ Form = 'distribution'; Owner = 'EPIPELINE0001'; Property = 'DistributionId'; Arguments = @{ DistributionId = 'EPIPELINE0001' } }
        @{ Form = 'distribution tenant'; Owner = 'dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB'; Property = 'DistributionTenantId'; Arguments = @{ DistributionTenantId = 'dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB' } }
    )
}

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    # Every in-progress invalidation reports Completed from the start: a wait ends at its first poll.
    $script:server = Start-LocalCloudFront -Distribution @(
        @{ id = 'EPIPELINE0001'; count = 4; inProgress = 2; completeAfterMs = 0 }
        @{ id = 'EPIPELINE0002'; count = 3; inProgress = 1; completeAfterMs = 0 }
        @{ id = 'EPIPELINE0003'; count = 2; inProgress = 1 }
    ) -Tenant @(@{ id = 'dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB'; count = 4; inProgress = 2; completeAfterMs = 0 })
    $script:endpoint = $script:server.Url
    $script:wait = @{ EndpointUrl = $script:endpoint; PollIntervalSec = 1; TimeoutSec = 60 }
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Pipelines of the <Form> form' -ForEach $script:forms {
    BeforeAll {
        $script:listed = @(Get-CFInvalidationList @Arguments -EndpointUrl $endpoint)
        $script:expectedType = if ($Property -eq 'DistributionId') { 'DistributionInvalidation' } else { 'DistributionTenantInvalidation' }
    }

    It 'list -> get: each listed invalidation, of its owner, in list order' {
        $got = @($listed | Get-CFInvalidation -EndpointUrl $endpoint -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        $got.Id | Should -Be $listed.Id
        $got | ForEach-Object { $_.GetType().Name | Should -Be $expectedType; $_.$Property | Should -Be $Owner }
    }

    It 'list -> get, the list given as -InputObject' {
        @(Get-CFInvalidation -InputObject $listed -EndpointUrl $endpoint).Id | Should -Be $listed.Id
    }

    It 'list -> wait: every listed invalidation, of its owner' {
        $done = @($listed | Wait-CFInvalidation @wait -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        @($done.Id | Sort-Object) | Should -Be @($listed.Id | Sort-Object)
        $done | ForEach-Object { $_.$Property | Should -Be $Owner; $_.Status | Should -Be 'Completed' }
    }

    It 'get -> wait: every invalidation got, of its owner' {
        $got = @($listed | Get-CFInvalidation -EndpointUrl $endpoint)
        $done = @($got | Wait-CFInvalidation @wait -ErrorVariable failures)
        $failures | Should -BeNullOrEmpty
        @($done.Id | Sort-Object) | Should -Be @($got.Id | Sort-Object)
        $done | ForEach-Object { $_.$Property | Should -Be $Owner }
    }

    It 'get -Id takes several ids and writes them in the order given' {
        $ids = @($listed.Id)
        [array]::Reverse($ids)
        @(Get-CFInvalidation @Arguments -Id $ids -EndpointUrl $endpoint).Id | Should -Be $ids
    }
}

Describe '-InputObject' {
    It 'stops with InvalidParameter, before any request, on an item that names no owner' {
        $item = [CloudFrontInvalidations.CloudFront.InvalidationSummary]::new()
        $item.Id = 'I2J0I21PCUYOIK'
        Clear-LocalRequestLog -Server $script:server
        $caught = $null

        try { Get-CFInvalidation -InputObject $item -EndpointUrl $endpoint } catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -Be 'InvalidParameter,CloudFrontInvalidations.Commands.GetCFInvalidationCommand'
        $caught.Exception.ParameterName | Should -Be 'InputObject'
        Get-RequestLog | Should -BeNullOrEmpty
    }
}

Describe 'Several distributions for Wait-CFInvalidation' {
    BeforeEach {
        # In progress when listed, completed about two seconds later.
        foreach ($id in 'EPIPELINE0002', 'EPIPELINE0003') {
            Set-LocalDistribution -Server $script:server -Id $id -Count 3 -InProgress (1 + ($id -eq 'EPIPELINE0003')) -CompleteAfterMs 2000 | Out-Null
        }
        $script:inProgress = @(Get-CFInvalidationList EPIPELINE0002, EPIPELINE0003 -EndpointUrl $endpoint | Where-Object Status -eq 'InProgress' |
            ForEach-Object { "$($_.DistributionId)/$($_.Id)" })
    }

    It 'waits for what is in progress on each -DistributionId given' {
        $script:inProgress.Count | Should -Be 3

        $done = @(Wait-CFInvalidation -DistributionId EPIPELINE0002, EPIPELINE0003 @wait)

        @($done | ForEach-Object { "$($_.DistributionId)/$($_.Id)" } | Sort-Object) | Should -Be @($script:inProgress | Sort-Object)
    }

    It 'takes distribution ids from the pipeline by value' {
        $done = @('EPIPELINE0002', 'EPIPELINE0003' | Wait-CFInvalidation @wait)

        @($done | ForEach-Object { "$($_.DistributionId)/$($_.Id)" } | Sort-Object) | Should -Be @($script:inProgress | Sort-Object)
    }
}
