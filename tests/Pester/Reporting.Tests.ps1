# Progress, verbose and debug output of Get-CFInvalidationList, captured from a [powershell] instance's
# streams, against the local endpoint.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront -Distribution @(
        @{ id = 'EREPORT3PAGES'; count = 250; pageCap = 100 }
        @{ id = 'EREPORT1PAGE'; count = 40 }
        @{ id = 'EREPORTRETRY'; count = 5 }
    )
    $sessionState = [initialsessionstate]::CreateDefault()
    $sessionState.ImportPSModule($script:ModulePath)
    $script:shell = [powershell]::Create($sessionState)

    # Runs a script in the shell (the endpoint URL is $endpoint there) and returns its streams.
    function Invoke-Captured([string] $Script) {
        $script:shell.Commands.Clear()
        $script:shell.Streams.ClearStreams()
        $output = $script:shell.AddScript("`$endpoint = '$($script:server.Url)'; $Script").Invoke()
        [pscustomobject]@{
            Output   = @($output)
            Progress = @($script:shell.Streams.Progress)
            Verbose  = @($script:shell.Streams.Verbose | ForEach-Object Message)
            Debug    = @($script:shell.Streams.Debug | ForEach-Object Message)
            Errors   = @($script:shell.Streams.Error)
        }
    }
}

AfterAll {
    $script:shell.Dispose()
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Get-CFInvalidationList progress' {
    It 'names the distribution, counts pages and invalidations while paging, and completes at the end' {
        $run = Invoke-Captured 'Get-CFInvalidationList EREPORT3PAGES -EndpointUrl $endpoint'

        $run.Output.Count | Should -Be 250
        $run.Progress.Activity | Sort-Object -Unique | Should -Be 'Listing invalidations of distribution EREPORT3PAGES'
        $run.Progress.StatusDescription | Should -Be @(
            '1 page(s), 100 invalidations so far', '2 page(s), 200 invalidations so far', '3 page(s), 250 invalidations so far', 'Done')
        $run.Progress[-1].RecordType | Should -Be 'Completed'
        @($run.Progress | Where-Object RecordType -eq 'Completed').Count | Should -Be 1
    }

    It 'writes none for a single page, or with -NoAutoIteration' {
        (Invoke-Captured 'Get-CFInvalidationList EREPORT1PAGE -EndpointUrl $endpoint').Progress | Should -BeNullOrEmpty
        $run = Invoke-Captured 'Get-CFInvalidationList EREPORT3PAGES -NoAutoIteration -EndpointUrl $endpoint'
        $run.Output.Count | Should -Be 100
        $run.Progress | Should -BeNullOrEmpty
    }

    It 'respects $ProgressPreference' {
        $run = Invoke-Captured '$ProgressPreference = "SilentlyContinue"; Get-CFInvalidationList EREPORT3PAGES -EndpointUrl $endpoint'
        $run.Output.Count | Should -Be 250
        $run.Progress | Should -BeNullOrEmpty
    }

    It 'leaves no progress text in the redirected output of a non-interactive pwsh' {
        $run = Invoke-FreshPwsh "Get-CFInvalidationList EREPORT3PAGES -EndpointUrl '$($script:server.Url)' | Measure-Object | ForEach-Object Count"
        ($run.Output -join "`n").Trim() | Should -Be '250'
        $run.Error | Should -Not -Match 'Listing invalidations'
    }
}

Describe 'Get-CFInvalidationList verbose and debug output' {
    It 'writes one verbose line per request with distribution, marker, page size, HTTP status, request id and time' {
        $run = Invoke-Captured 'Get-CFInvalidationList EREPORT3PAGES -MaxItem 100 -Verbose -EndpointUrl $endpoint'

        # First comes one line on the region and where the credentials came from, then one per request.
        $run.Verbose[0] | Should -Match '^Region us-east-1; credentials from '
        $run.Verbose = @($run.Verbose | Select-Object -Skip 1)
        $run.Verbose.Count | Should -Be 3
        $run.Verbose[0] | Should -Match '^ListInvalidations EREPORT3PAGES page 1: Marker \(none\), MaxItems 100 -> HTTP 200, 100 invalidations, AWS request id [0-9a-f-]{36}, \d+ ms$'
        $run.Verbose[1] | Should -Match "page 2: Marker $($run.Output[99].Id), MaxItems 100 -> HTTP 200, 100 invalidations"
        $run.Verbose[2] | Should -Match "page 3: Marker $($run.Output[199].Id), MaxItems 100 -> HTTP 200, 50 invalidations"
    }

    It 'writes a debug line for each failed attempt the SDK retried, and never a credential' {
        Set-LocalDistribution -Server $script:server -Id EREPORTRETRY -Count 5 -Fault @{ serverErrorFirst = 1; serverErrorStatus = 503 }

        $run = Invoke-Captured 'Get-CFInvalidationList EREPORTRETRY -Verbose -Debug -EndpointUrl $endpoint'

        $run.Output.Count | Should -Be 5
        $run.Errors | Should -BeNullOrEmpty
        $run.Debug.Count | Should -Be 1
        $run.Debug[0] | Should -Match '^ListInvalidations EREPORTRETRY attempt 1 failed after \d+ ms: HTTP 503 ServiceUnavailable \(AWS request id [0-9a-f-]{36}\)$'
        $allText = ($run.Verbose + $run.Debug) -join "`n"
        $allText | Should -Not -Match ([regex]::Escape($env:AWS_SECRET_ACCESS_KEY))
        $allText | Should -Not -Match ([regex]::Escape($env:AWS_ACCESS_KEY_ID))
    }

    It '<Command> writes a debug line for each failed attempt too' -ForEach @(
        @{ Command = 'Get-CFInvalidation'; Operations = 'get'; Operation = 'GetInvalidation'
            Script = 'Get-CFInvalidation -DistributionId EREPORTDEBUG -Id $id -Debug -EndpointUrl $endpoint' }
        @{ Command = 'Wait-CFInvalidation'; Operations = 'get'; Operation = 'GetInvalidation'
            Script = 'Wait-CFInvalidation -DistributionId EREPORTDEBUG -Id $id -Debug -EndpointUrl $endpoint' }
        @{ Command = 'Get-CFInvalidationUsage'; Operations = 'list'; Operation = 'ListInvalidations'
            Script = 'Get-CFInvalidationUsage -DistributionId EREPORTDEBUG -Summary -Debug -EndpointUrl $endpoint' }
    ) {
        Set-LocalDistribution -Server $script:server -Id EREPORTDEBUG -Count 3
        $id = @(Get-CFInvalidationList EREPORTDEBUG -EndpointUrl $script:server.Url | Where-Object Status -eq 'Completed')[0].Id
        Set-LocalDistribution -Server $script:server -Id EREPORTDEBUG -Count 3 -Fault @{ operations = $Operations; serverErrorFirst = 1; serverErrorStatus = 503 }

        $run = Invoke-Captured "`$id = '$id'; $Script"

        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -BeGreaterThan 0
        $run.Debug.Count | Should -Be 1
        $run.Debug[0] | Should -Match "^$Operation EREPORTDEBUG\b.* attempt 1 failed after \d+ ms: HTTP 503 ServiceUnavailable"
    }
}
