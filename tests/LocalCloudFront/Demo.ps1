<#
.SYNOPSIS
    The main jobs, end to end on this machine: starts the local CloudFront-compatible endpoint with
    two distributions (a few hundred invalidations over several pages), imports the built module, lists
    them, asks an account-wide question, shows the paths of two invalidations, waits for one to
    complete, creates an invalidation (first with -WhatIf) and waits for it, then stops the endpoint.
#>
param([Parameter(Mandatory)][string] $ModulePath)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'CloudFrontInvalidations.psd1') -Force
Import-Module (Join-Path $PSScriptRoot 'LocalCloudFront.psm1') -Force

# Demo credentials for the local endpoint only; real runs use whatever the AWS CLI would find.
$env:AWS_ACCESS_KEY_ID = 'AKIDLOCALDEMO'
$env:AWS_SECRET_ACCESS_KEY = 'local-demo-secret'

$server = Start-LocalCloudFront -Distribution @(
    @{ id = 'E1WEBSITE0001'; count = 340; pageCap = 100; inProgress = 3; domainName = 'd111111abcdef8.cloudfront.net'; comment = 'www' }
    # Its invalidation in progress completes four seconds after the start, so the demo can wait for it for real.
    @{ id = 'E2ASSETS00002'; count = 125; pageCap = 100; inProgress = 1; completeAfterMs = 4000; domainName = 'd222222abcdef8.cloudfront.net'; comment = 'assets' }
)
try {
    $endpoint = $server.Url
    # Runs one command as typed, then says how many requests it sent (from the endpoint's log).
    function Show([string] $Title, [string] $Command) {
        Write-Host "`nPS> $Command" -ForegroundColor Yellow
        Write-Host "# $Title" -ForegroundColor DarkGray
        $before = @(Get-LocalRequestLog -Server $server).Count
        Invoke-Expression $Command | Out-Host
        $sent = @(Get-LocalRequestLog -Server $server).Count - $before
        Write-Host "# $sent request$(if ($sent -ne 1) { 's' }) sent" -ForegroundColor DarkGray
    }
    Write-Host "Local CloudFront endpoint: $endpoint (two distributions: 340 and 125 invalidations, 100 per page)"

    Show 'The five newest invalidations of one distribution: Select-Object -First 5 stops the listing after its first page' `
        "Get-CFInvalidationList -DistributionId E1WEBSITE0001 -EndpointUrl $endpoint | Select-Object -First 5"
    Show 'Count them: every page is followed (340 invalidations, 100 per page)' `
        "(Get-CFInvalidationList E1WEBSITE0001 -EndpointUrl $endpoint | Measure-Object).Count"
    Show 'Only what is still in progress, across both distributions from the pipeline' `
        "'E1WEBSITE0001', 'E2ASSETS00002' | Get-CFInvalidationList -EndpointUrl $endpoint | Where-Object Status -eq 'InProgress'"
    Show 'One page only, 10 items, with -NoAutoIteration' `
        "Get-CFInvalidationList E2ASSETS00002 -MaxItem 10 -NoAutoIteration -EndpointUrl $endpoint | Format-Table Id, Status, CreateTime"
    Show 'Paging by hand: -Select * returns the page itself, with the marker to continue from' `
        "(Get-CFInvalidationList E2ASSETS00002 -MaxItem 10 -NoAutoIteration -Select '*' -EndpointUrl $endpoint).InvalidationList | Format-List Marker, NextMarker, IsTruncated, Quantity"
    Show 'The account question: what was invalidated in the last two hours of the demo data (it ends at 2026-11-01 00:00 UTC), on every distribution; paging stops at the first older item' `
        "Get-CFInvalidationList -AllDistributions -CreatedAfter ([datetime]'2026-10-31T22:00:00Z') -EndpointUrl $endpoint | Measure-Object | ForEach-Object Count"
    Show 'Which paths did the two newest invalidations flush? (GetInvalidation for each, concurrently, in input order)' `
        "Get-CFInvalidationList E1WEBSITE0001 -First 2 -EndpointUrl $endpoint | Get-CFInvalidation -EndpointUrl $endpoint | Format-List DistributionId, Id, Status, Paths"
    Show 'Wait until everything in progress on a distribution is done (one listing, then one GetInvalidation a second until it completes, a few seconds here)' `
        "Wait-CFInvalidation E2ASSETS00002 -PollIntervalSec 1 -TimeoutSec 60 -EndpointUrl $endpoint"
    Show 'After a deploy: what would be sent (paths encoded, counted, and the cost note), sending nothing' `
        "New-CFInvalidation E2ASSETS00002 '/index.html', '/img/*', '/docs/read me.html' -WhatIf -EndpointUrl $endpoint"
    Show 'Create it and wait until it is completed (the local endpoint completes it after a second)' `
        "New-CFInvalidation E2ASSETS00002 '/index.html', '/img/*', '/docs/read me.html' -Wait -PollIntervalSec 1 -Force -EndpointUrl $endpoint | Format-List DistributionId, Id, Status, Paths, Location"
    Show 'An unknown distribution is a typed, non-terminating error' `
        "Get-CFInvalidationList EDOESNOTEXIST -EndpointUrl $endpoint -ErrorAction Continue 2>&1 | ForEach-Object { `$_.FullyQualifiedErrorId + ' / ' + `$_.CategoryInfo.Category }"

    $requests = @(Get-LocalRequestLog -Server $server)
    Write-Host "`nThe endpoint served $($requests.Count) requests, all signed for $($requests[0].credentialRegion)/$($requests[0].credentialService)."
}
finally {
    Stop-LocalCloudFront -Server $server
}
