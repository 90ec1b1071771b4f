# A distribution's alternate domain name (CNAME) or its *.cloudfront.net name wherever a distribution id is taken
# (list, get, wait, create): resolved through one ListDistributions listing per call, said in a verbose line; unknown and
# ambiguous names are typed errors before any invalidation request.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront -Distribution @(
        @{ id = 'EDOMAINWWW0001'; count = 3; inProgress = 1; completeAfterMs = 0; aliases = @('www.example.com', 'example.com') }
        @{ id = 'EDOMAINWILD002'; count = 2; inProgress = 0; aliases = @('*.static.example.com') }
        @{ id = 'EDOMAINDUPE003'; count = 1; aliases = @('shared.example.net') }
        @{ id = 'EDOMAINDUPE004'; count = 1; aliases = @('shared.example.net') }
    )
    $script:endpoint = $script:server.Url
    function Get-ListDistributionsCount { @(Get-RequestLog -Operation ListDistributions).Count }
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Domain names for -DistributionId' {
    BeforeEach {
        Clear-LocalRequestLog -Server $script:server
    }

    It 'Get-CFInvalidationList lists the distribution an alternate domain name, a wildcard alias or a cloudfront.net name names, with one ListDistributions for them all' {
        $verbose = @(Get-CFInvalidationList www.example.com, img.static.example.com, edomaindupe003.cloudfront.net -EndpointUrl $endpoint -Verbose 4>&1)
        $items = @($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })

        @($items.DistributionId | Select-Object -Unique) | Should -Be @('EDOMAINWWW0001', 'EDOMAINWILD002', 'EDOMAINDUPE003')
        $items.Count | Should -Be 6
        $messages = @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $messages | Should -Contain "Distribution 'www.example.com' is EDOMAINWWW0001 (found by ListDistributions)."
        $messages | Should -Contain "Distribution 'img.static.example.com' is EDOMAINWILD002 (found by ListDistributions)."
        Get-ListDistributionsCount | Should -Be 1
        @(Get-RequestLog -DistributionId EDOMAINWWW0001).Count | Should -Be 1
    }

    It 'Get-CFInvalidationList with an id sends no ListDistributions' {
        @(Get-CFInvalidationList EDOMAINWWW0001 -EndpointUrl $endpoint).Count | Should -Be 3
        Get-ListDistributionsCount | Should -Be 0
    }

    It 'Get-CFInvalidation takes a domain name, also from objects piped by property name, with one ListDistributions' {
        $ids = @(Get-CFInvalidationList EDOMAINWWW0001 -EndpointUrl $endpoint).Id
        Clear-LocalRequestLog -Server $script:server

        $got = @(Get-CFInvalidation -DistributionId WWW.Example.com -Id $ids -EndpointUrl $endpoint)
        $piped = @($ids | ForEach-Object { [pscustomobject]@{ DistributionId = 'example.com'; Id = $_ } } | Get-CFInvalidation -EndpointUrl $endpoint)

        $got.Id | Should -Be $ids
        $got.DistributionId | Should -Be (@('EDOMAINWWW0001') * 3)
        $piped.Id | Should -Be $ids
        Get-ListDistributionsCount | Should -Be 2 -Because 'one listing per command, whatever the number of inputs'
    }

    It 'Wait-CFInvalidation takes a domain name' {
        $id = @(Get-CFInvalidationList EDOMAINWWW0001 -EndpointUrl $endpoint)[0].Id

        $done = @(Wait-CFInvalidation -DistributionId www.example.com -Id $id -EndpointUrl $endpoint -PollIntervalSec 1 -TimeoutSec 60)

        $done.Id | Should -Be $id
        $done.DistributionId | Should -Be 'EDOMAINWWW0001'
    }

    It 'reports a name no distribution has as UnknownDistributionName, per input, and goes on with the next' {
        $items = @(Get-CFInvalidationList nosuch.example.org, EDOMAINWILD002 -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue)

        $items.DistributionId | Should -Be @('EDOMAINWILD002', 'EDOMAINWILD002')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'UnknownDistributionName,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'nosuch.example.org'
        $failures[0].Exception.Message | Should -BeLike "*'nosuch.example.org'*4 distribution(s) searched*"
    }

    It 'reports a name several distributions have as AmbiguousDistributionName, naming them, before any invalidation request' {
        $caught = $null
        try { Get-CFInvalidation -DistributionId shared.example.net -Id I1 -EndpointUrl $endpoint -ErrorAction Stop } catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -Be 'AmbiguousDistributionName,CloudFrontInvalidations.Commands.GetCFInvalidationCommand'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.Exception.DistributionIds | Should -Be @('EDOMAINDUPE003', 'EDOMAINDUPE004')
        @(Get-RequestLog | Where-Object operation -ne 'ListDistributions') | Should -BeNullOrEmpty
    }

    It 'New-CFInvalidation resolves a name before planning: -WhatIf names the id (one batch for two names of it), a real create goes to the id' {
        $run = Invoke-FreshPwsh -Environment @{ AWS_ACCESS_KEY_ID = 'AKIDDOMAINNAME'; AWS_SECRET_ACCESS_KEY = 'domain-secret' } -Script @"
New-CFInvalidation -DistributionId www.example.com, Example.com -Path '/a' -EndpointUrl '$endpoint' -WhatIf
"@
        $run.Error | Should -BeNullOrEmpty
        $text = $run.Output -join "`n"
        $text | Should -Match "What if: CreateInvalidation of 1 path \(0 wildcards, 0 cache tags\) for distribution 'EDOMAINWWW0001'"
        ([regex]::Matches($text, 'What if:')).Count | Should -Be 1
        $text | Should -Not -Match 'example\.com'
        Get-ListDistributionsCount | Should -Be 1
        @(Get-RequestLog -Operation CreateInvalidation) | Should -BeNullOrEmpty

        Clear-LocalRequestLog -Server $script:server
        $created = New-CFInvalidation -DistributionId WWW.example.com -Path '/domain-name' -EndpointUrl $endpoint -Force

        $created.DistributionId | Should -Be 'EDOMAINWWW0001'
        $creates = @(Get-RequestLog -Operation CreateInvalidation)
        $creates.Count | Should -Be 1
        $creates[0].path | Should -Be '/2020-05-31/distribution/EDOMAINWWW0001/invalidation'
        Get-ListDistributionsCount | Should -Be 1
    }

    It 'New-CFInvalidation reports an unknown name and creates on the other distributions; a bad path is refused before any request' {
        $created = @(New-CFInvalidation nosuch.example.org, EDOMAINWILD002 -Path '/b' -EndpointUrl $endpoint -Force -ErrorVariable failures -ErrorAction SilentlyContinue)

        $created.DistributionId | Should -Be @('EDOMAINWILD002')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'UnknownDistributionName,CloudFrontInvalidations.Commands.NewCFInvalidationCommand'
        $failures[0].TargetObject | Should -Be 'nosuch.example.org'
        @(Get-RequestLog -Operation CreateInvalidation).Count | Should -Be 1

        Clear-LocalRequestLog -Server $script:server
        New-CFInvalidation www.example.com -Path 'no-slash' -EndpointUrl $endpoint -Force -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPath,*'
        @(Get-RequestLog) | Should -BeNullOrEmpty
    }

    It 'still completes ids, not names' {
        $line = "Get-CFInvalidationList -EndpointUrl $endpoint -DistributionId EDOMAINW"
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Be @('EDOMAINWILD002', 'EDOMAINWWW0001')
    }
}
