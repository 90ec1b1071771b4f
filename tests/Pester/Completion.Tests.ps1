# Tab completion of -DistributionId (ListDistributions against the local endpoint, cached) and -Region.
# The completion cache lives as long as the process and is keyed by endpoint, region and credentials: each
# test completes under a key of its own, so none depends on what an earlier one cached.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront -Distribution @(
        @{ id = 'ECOMPLETEALPHA'; count = 1; domainName = 'alpha.cloudfront.net'; comment = 'Alpha site' }
        @{ id = 'ECOMPLETEBETA'; count = 1; domainName = 'beta.cloudfront.net' }
        @{ id = 'EOTHER0000001'; count = 1 }
    )
    $script:endpoint = $script:server.Url

    function Get-Completion([string] $InputScript) {
        @((TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches)
    }
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe '-DistributionId completion' {
    It 'offers the distributions of the endpoint typed on the command line, with domain name and comment as tooltip' {
        Clear-LocalRequestLog -Server $script:server

        $completions = Get-Completion "Get-CFInvalidationList -EndpointUrl $endpoint -DistributionId "

        $completions.CompletionText | Should -Be @('ECOMPLETEALPHA', 'ECOMPLETEBETA', 'EOTHER0000001')
        $completions[0].ToolTip | Should -Be 'alpha.cloudfront.net - Alpha site'
        $completions[1].ToolTip | Should -Be 'beta.cloudfront.net'
        $completions[0].ResultType | Should -Be 'ParameterValue'
        @(Get-RequestLog -Operation ListDistributions).Count | Should -Be 1
    }

    It 'filters by what is typed and answers from the cache without a new ListDistributions request' {
        Clear-LocalRequestLog -Server $script:server
        $line = "Get-CFInvalidationList -EndpointUrl $endpoint -Region eu-central-1 -DistributionId "
        @(Get-Completion $line).Count | Should -Be 3
        @(Get-RequestLog -Operation ListDistributions).Count | Should -Be 1 -Because 'no earlier test cached this endpoint and region'
        Clear-LocalRequestLog -Server $script:server

        $completions = Get-Completion "${line}ecompl"

        $completions.CompletionText | Should -Be @('ECOMPLETEALPHA', 'ECOMPLETEBETA')
        Get-RequestLog -Operation ListDistributions | Should -BeNullOrEmpty
    }

    It 'asks with the credentials typed on the command line, as the command itself would sign' {
        Clear-LocalRequestLog -Server $script:server

        $completions = Get-Completion "Get-CFInvalidationList -EndpointUrl $endpoint -AccessKey AKIDCOMPLETION01 -SecretKey completion-secret -DistributionId EOTH"

        $completions.CompletionText | Should -Be 'EOTHER0000001'
        $request = @(Get-RequestLog -Operation ListDistributions)
        $request.Count | Should -Be 1
        $request[0].accessKeyId | Should -Be 'AKIDCOMPLETION01'
        $request[0].credentialRegion | Should -Be 'us-east-1'
    }

    It 'completes the positional distribution id too' {
        (Get-Completion "Get-CFInvalidationList -EndpointUrl $endpoint -Region eu-west-1 EOTH").CompletionText | Should -Be 'EOTHER0000001'
    }

    It 'retries a throttled ListDistributions page within its time budget' {
        Clear-LocalRequestLog -Server $script:server
        Set-LocalServerSettings -Server $script:server -DistributionListFault @{ throttleFirst = 1 }
        try {
            $completions = Get-Completion "Get-CFInvalidationList -EndpointUrl $endpoint -Region ap-south-1 -DistributionId "
        }
        finally { Set-LocalServerSettings -Server $script:server }

        $completions.CompletionText | Should -Be @('ECOMPLETEALPHA', 'ECOMPLETEBETA', 'EOTHER0000001')
        $requests = @(Get-RequestLog -Operation ListDistributions)
        $requests.Count | Should -Be 2
        $requests[0].status | Should -Be 400
        $requests[1].status | Should -Be 200
    }

    It 'keeps no failure: after a listing that stays throttled, the next Tab press asks again and offers the ids' {
        $line = "Get-CFInvalidationList -EndpointUrl $endpoint -Region ap-northeast-1 -DistributionId "
        Set-LocalServerSettings -Server $script:server -DistributionListFault @{ throttleFirst = 1000 }
        try {
            $elapsed = Measure-Command { $script:throttledMatches = Get-Completion $line }
        }
        finally { Set-LocalServerSettings -Server $script:server }
        $script:throttledMatches | Should -BeNullOrEmpty
        $elapsed.TotalSeconds | Should -BeLessThan 3
        Clear-LocalRequestLog -Server $script:server

        (Get-Completion $line).CompletionText | Should -Be @('ECOMPLETEALPHA', 'ECOMPLETEBETA', 'EOTHER0000001')
        @(Get-RequestLog -Operation ListDistributions).Count | Should -Be 1
    }

    It 'offers nothing, quickly, when the endpoint does not answer' {
        $deadPort = Get-UnusedLoopbackPort

        $elapsed = Measure-Command {
            $script:deadMatches = Get-Completion "Get-CFInvalidationList -EndpointUrl http://127.0.0.1:$deadPort -DistributionId "
        }

        $script:deadMatches | Should -BeNullOrEmpty
        $elapsed.TotalSeconds | Should -BeLessThan 3
    }
}

Describe '-Region completion' {
    It 'offers the region names AWSSDK.Core knows, with their display name' {
        $completions = Get-Completion 'Get-CFInvalidationList E1 -Region eu-west-'
        $completions.CompletionText | Should -Contain 'eu-west-1'
        $completions.CompletionText | Should -Contain 'eu-west-3'
        $completions.CompletionText | ForEach-Object { $_ | Should -BeLike 'eu-west-*' }
        ($completions | Where-Object CompletionText -eq 'eu-west-1').ToolTip | Should -Match 'Ireland'
    }
}
