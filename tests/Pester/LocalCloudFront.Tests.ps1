# Checks the local CloudFront-compatible endpoint itself, with plain HTTP requests.
# Needs the server built: dotnet build tests/LocalCloudFront/LocalCloudFront.csproj -c Release -o out/LocalCloudFront

BeforeAll {
    Import-Module "$PSScriptRoot/../LocalCloudFront/LocalCloudFront.psm1" -Force
    $script:server = Start-LocalCloudFront -Distribution @(
        @{ id = 'E1PAGING'; count = 250; pageCap = 100; inProgress = 2 }
        @{ id = 'E2EMPTY'; count = 0 }
        @{ id = 'E3SMALLCAP'; count = 30; pageCap = 10 }
    )

    # One ListInvalidations call: status, x-amz-request-id, raw body and, when it parses, the XML.
    function Invoke-ListInvalidations {
        param([string] $DistributionId, [string] $Marker, [string] $MaxItems, [hashtable] $Headers = @{})
        $query = @()
        if ($Marker) { $query += 'Marker=' + [uri]::EscapeDataString($Marker) }
        if ($MaxItems) { $query += 'MaxItems=' + $MaxItems }
        $uri = "$($script:server.Url)/2020-05-31/distribution/$DistributionId/invalidation"
        if ($query) { $uri += '?' + ($query -join '&') }
        $response = Invoke-WebRequest -Uri $uri -Headers $Headers -NoProxy -SkipHttpErrorCheck -SkipHeaderValidation
        [pscustomobject]@{
            Status    = [int] $response.StatusCode
            RequestId = "$($response.Headers['x-amz-request-id'])"
            Body      = "$($response.Content)"
            Xml       = $(try { [xml] $response.Content } catch { $null })
        }
    }
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'ListInvalidations paging' {
    It 'follows NextMarker across pages and reaches every invalidation exactly once, newest first' {
        $ids = [System.Collections.Generic.List[string]]::new()
        $times = [System.Collections.Generic.List[string]]::new()
        $marker = ''
        $pages = 0
        do {
            $page = (Invoke-ListInvalidations -DistributionId E1PAGING -Marker $marker -MaxItems 40).Xml.InvalidationList
            $pages++
            $page.Marker | Should -Be $marker
            foreach ($summary in $page.Items.InvalidationSummary) {
                $ids.Add($summary.Id)
                $times.Add($summary.CreateTime)
            }
            if ($page.IsTruncated -eq 'true') {
                $page.NextMarker | Should -Be $ids[-1]
                $marker = $page.NextMarker
            }
        } while ($page.IsTruncated -eq 'true' -and $pages -lt 20)

        $pages | Should -Be 7
        $page.PSObject.Properties.Name | Should -Not -Contain 'NextMarker'
        $ids.Count | Should -Be 250
        @($ids | Sort-Object -Unique).Count | Should -Be 250
        $ids | Where-Object { $_ -cnotmatch '^I[0-9A-Z]{13}$' } | Should -BeNullOrEmpty
        $times[0] | Should -Be '2026-11-01T00:00:00.000Z'
        [string[]] $times | Should -Be ([string[]] ($times | Sort-Object -Descending))
    }

    It 'marks only the newest invalidations InProgress' {
        $statuses = (Invoke-ListInvalidations -DistributionId E1PAGING -MaxItems 4).Xml.InvalidationList.Items.InvalidationSummary.Status
        $statuses | Should -Be @('InProgress', 'InProgress', 'Completed', 'Completed')
    }

    It 'omits Items when a page is empty' {
        $answer = Invoke-ListInvalidations -DistributionId E2EMPTY
        $answer.Status | Should -Be 200
        $answer.Body | Should -BeExactly '<?xml version="1.0" encoding="UTF-8"?><InvalidationList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>0</Quantity></InvalidationList>'
    }

    It 'caps MaxItems at the distribution page cap' {
        $page = (Invoke-ListInvalidations -DistributionId E3SMALLCAP -MaxItems 50).Xml.InvalidationList
        $page.MaxItems | Should -Be '10'
        $page.Quantity | Should -Be '10'
        @($page.Items.InvalidationSummary).Count | Should -Be 10
    }

    It 'rejects MaxItems <MaxItems> with 400 InvalidArgument' -TestCases @(
        @{ MaxItems = '0' }, @{ MaxItems = '-3' }, @{ MaxItems = 'ten' }
    ) {
        $answer = Invoke-ListInvalidations -DistributionId E1PAGING -MaxItems $MaxItems
        $answer.Status | Should -Be 400
        $answer.Xml.ErrorResponse.Error.Code | Should -Be 'InvalidArgument'
    }

    It 'rejects a marker that is not one of the distribution''s invalidations' {
        $otherId = (Invoke-ListInvalidations -DistributionId E3SMALLCAP -MaxItems 1).Xml.InvalidationList.Items.InvalidationSummary.Id
        $answer = Invoke-ListInvalidations -DistributionId E1PAGING -Marker $otherId
        $answer.Status | Should -Be 400
        $answer.Xml.ErrorResponse.Error.Code | Should -Be 'InvalidArgument'
    }
}

Describe 'Errors' {
    It 'answers an unknown distribution with 404 NoSuchDistribution' {
        $answer = Invoke-ListInvalidations -DistributionId ENOSUCH
        $answer.Status | Should -Be 404
        $answer.RequestId | Should -Match '^[0-9a-f-]{36}$'
        $answer.Body | Should -BeExactly ('<?xml version="1.0"?><ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type><Code>NoSuchDistribution</Code><Message>The specified distribution does not exist.</Message></Error><RequestId>' + $answer.RequestId + '</RequestId></ErrorResponse>')
    }

    It 'answers any other path with 404 NotFound' {
        $response = Invoke-WebRequest -Uri "$($script:server.Url)/2020-05-31/nothing-here" -NoProxy -SkipHttpErrorCheck
        $response.StatusCode | Should -Be 404
        ([xml] $response.Content).ErrorResponse.Error.Code | Should -Be 'NotFound'
    }
}

Describe 'ListDistributions' {
    It 'lists the configured distributions with their default domain names' {
        $response = Invoke-WebRequest -Uri "$($script:server.Url)/2020-05-31/distribution" -NoProxy
        $summaries = ([xml] $response.Content).DistributionList.Items.DistributionSummary
        $summaries.Id | Should -Contain 'E1PAGING'
        ($summaries | Where-Object Id -EQ 'E1PAGING').DomainName | Should -Be 'e1paging.cloudfront.net'
    }
}

Describe 'Request log' {
    BeforeEach { Clear-LocalRequestLog -Server $script:server }

    It 'records the marker, MaxItems and SigV4 credential scope, but no secret' {
        $marker = (Invoke-ListInvalidations -DistributionId E1PAGING -MaxItems 1).Xml.InvalidationList.NextMarker
        $headers = @{
            Authorization          = 'AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST/20261128/us-east-1/cloudfront/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef'
            'X-Amz-Security-Token' = 'session-token-value'
        }
        Invoke-ListInvalidations -DistributionId E1PAGING -Marker $marker -MaxItems 5 -Headers $headers | Out-Null

        $entry = @(Get-LocalRequestLog -Server $script:server -DistributionId E1PAGING)[-1]
        $entry.marker | Should -Be $marker
        $entry.maxItems | Should -Be '5'
        $entry.status | Should -Be 200
        $entry.accessKeyId | Should -Be 'AKIDLOCALTEST'
        $entry.credentialDate | Should -Be '20261128'
        $entry.credentialRegion | Should -Be 'us-east-1'
        $entry.credentialService | Should -Be 'cloudfront'
        $entry.securityTokenPresent | Should -BeTrue
        $logJson = Invoke-WebRequest -Uri "$($script:server.Url)/_admin/requests" -NoProxy
        $logJson.Content | Should -Not -Match 'session-token-value|0123456789abcdef'
    }
}

Describe 'Fault injection' {
    BeforeEach { Clear-LocalRequestLog -Server $script:server }

    It 'throttles the first K requests, then answers' {
        Set-LocalDistribution -Server $script:server -Id EFTHROTTLE -Count 5 -Fault @{ throttleFirst = 2 }
        $answers = 1..3 | ForEach-Object { Invoke-ListInvalidations -DistributionId EFTHROTTLE }
        $answers.Status | Should -Be @(400, 400, 200)
        $answers[0].Xml.ErrorResponse.Error.Code | Should -Be 'Throttling'
        $answers[0].Xml.ErrorResponse.Error.Message | Should -Be 'Rate exceeded'
        (Get-LocalRequestLog -Server $script:server -DistributionId EFTHROTTLE).fault | Should -Be @('throttle', 'throttle', $null)
    }

    It 'answers server errors with the configured status' {
        Set-LocalDistribution -Server $script:server -Id EFSERVER -Count 5 -Fault @{ serverErrorFirst = 1; serverErrorStatus = 500 }
        $answer = Invoke-ListInvalidations -DistributionId EFSERVER
        $answer.Status | Should -Be 500
        $answer.Xml.ErrorResponse.Error.Type | Should -Be 'Receiver'
        $answer.Xml.ErrorResponse.Error.Code | Should -Be 'InternalError'
    }

    It 'fails every request from errorAtRequest on with the configured error code' {
        Set-LocalDistribution -Server $script:server -Id EFEXPIRED -Count 5 -Fault @{ errorCode = 'ExpiredToken'; errorAtRequest = 2 }
        $answers = 1..3 | ForEach-Object { Invoke-ListInvalidations -DistributionId EFEXPIRED }
        $answers.Status | Should -Be @(200, 400, 400)
        $answers[2].Xml.ErrorResponse.Error.Code | Should -Be 'ExpiredToken'
    }

    It 'repeats the previous NextMarker from the configured page on' {
        Set-LocalDistribution -Server $script:server -Id EFLOOP -Count 50 -PageCap 10 -Fault @{ repeatMarkerAtPage = 2 }
        $first = (Invoke-ListInvalidations -DistributionId EFLOOP).Xml.InvalidationList
        $second = (Invoke-ListInvalidations -DistributionId EFLOOP -Marker $first.NextMarker).Xml.InvalidationList
        $second.IsTruncated | Should -Be 'true'
        $second.NextMarker | Should -Be $first.NextMarker
    }

    It 'says IsTruncated without a NextMarker on the configured page' {
        Set-LocalDistribution -Server $script:server -Id EFNOMARKER -Count 50 -PageCap 10 -Fault @{ truncatedWithoutMarkerAtPage = 1 }
        $page = (Invoke-ListInvalidations -DistributionId EFNOMARKER).Xml.InvalidationList
        $page.IsTruncated | Should -Be 'true'
        $page.PSObject.Properties.Name | Should -Not -Contain 'NextMarker'
    }

    It 'drops the connection mid-body once, on the configured request' {
        Set-LocalDistribution -Server $script:server -Id EFRESET -Count 5 -Fault @{ resetOnceAtRequest = 1 }
        { Invoke-ListInvalidations -DistributionId EFRESET } | Should -Throw
        (Invoke-ListInvalidations -DistributionId EFRESET).Status | Should -Be 200
        (Get-LocalRequestLog -Server $script:server -DistributionId EFRESET)[0].fault | Should -Be 'reset'
    }

    It 'answers malformed XML once, on the configured request' {
        Set-LocalDistribution -Server $script:server -Id EFMALFORMED -Count 5 -Fault @{ malformedOnceAtRequest = 2 }
        $answers = 1..3 | ForEach-Object { Invoke-ListInvalidations -DistributionId EFMALFORMED }
        $answers.Status | Should -Be @(200, 200, 200)
        $answers[1].Xml | Should -BeNullOrEmpty
        $answers[2].Xml.InvalidationList.Quantity | Should -Be '5'
    }

    It 'frees a delayed request when the client gives up' {
        Set-LocalDistribution -Server $script:server -Id EFSLOW -Count 5 -Fault @{ delayMs = 10000 }
        $elapsed = Measure-Command {
            { Invoke-WebRequest -Uri "$($script:server.Url)/2020-05-31/distribution/EFSLOW/invalidation" -NoProxy -TimeoutSec 1 } |
                Should -Throw
        }
        $elapsed.TotalSeconds | Should -BeLessThan 5
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        while (-not (Get-LocalRequestLog -Server $script:server -DistributionId EFSLOW) -and [DateTime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 100
        }
        $entry = Get-LocalRequestLog -Server $script:server -DistributionId EFSLOW
        $entry.fault | Should -Be 'delay'
        $entry.aborted | Should -BeTrue
        $entry.status | Should -Be 0
    }
}
