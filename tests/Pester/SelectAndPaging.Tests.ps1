# -Select (as in AWS.Tools) and SupportsPaging (-First, -Skip, -IncludeTotalCount), with request counts
# from the local endpoint's log.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront -Distribution @{ id = 'EPAGED'; count = 12; pageCap = 5 }
    $script:endpoint = $script:server.Url
    $script:invalidParameter = 'InvalidParameter,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Get-CFInvalidationList -Select and paging' {
    BeforeEach {
        Clear-LocalRequestLog -Server $script:server
    }

    Context '-Select' {
        It 'writes the items by default and for InvalidationList.Items' {
            $default = @(Get-CFInvalidationList EPAGED -EndpointUrl $endpoint)
            $explicit = @(Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -Select 'InvalidationList.Items')
            $default.Count | Should -Be 12
            $explicit.Id | Should -Be $default.Id
            $explicit[0].DistributionId | Should -Be 'EPAGED'
        }

        It "'*' writes each page's whole ListInvalidationsResponse, whose NextMarker pages by hand" {
            $pages = @(Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -Select '*')
            $pages.Count | Should -Be 3
            $pages[0].GetType().Name | Should -Be 'ListInvalidationsResponse'
            $pages[0].InvalidationList.IsTruncated | Should -BeTrue
            $pages[0].InvalidationList.Quantity | Should -Be 5
            $pages[2].InvalidationList.IsTruncated | Should -BeFalse

            $first = Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -Select '*' -NoAutoIteration
            $next = Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -Select '*' -Marker $first.InvalidationList.NextMarker
            $next.InvalidationList.Items.Id | Should -Be $pages[1].InvalidationList.Items.Id
        }

        It 'writes a property path of the response' {
            $marker = Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -Select 'InvalidationList.NextMarker' -NoAutoIteration
            $marker | Should -Be (Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -NoAutoIteration)[4].Id
        }

        It "'^DistributionId' writes that parameter's value once per input, after one request" {
            @('EPAGED' | Get-CFInvalidationList -EndpointUrl $endpoint -Select '^DistributionId') | Should -Be @('EPAGED')
            @(Get-RequestLog EPAGED).Count | Should -Be 1
        }

        It 'rejects an invalid -Select as InvalidParameter before any request' -TestCases @(
            @{ Select = 'Bogus' }, @{ Select = '^NoSuchParameter' }, @{ Select = 'InvalidationList.Nope' }
        ) {
            $failure = { Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -Select $Select } | Should -Throw -ErrorId $invalidParameter -PassThru
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            @(Get-RequestLog EPAGED).Count | Should -Be 0
        }
    }

    Context 'SupportsPaging' {
        It '-First stops fetching once that many items are written' {
            $all = @(Get-CFInvalidationList EPAGED -EndpointUrl $endpoint)
            Clear-LocalRequestLog -Server $server
            $items = @(Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -First 7)
            $items.Id | Should -Be $all[0..6].Id
            @(Get-RequestLog EPAGED).Count | Should -Be 2
        }

        It '-First 0 sends no request' {
            @(Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -First 0).Count | Should -Be 0
            @(Get-RequestLog EPAGED).Count | Should -Be 0
        }

        It '-Skip skips items (and -First counts after them)' {
            $all = @(Get-CFInvalidationList EPAGED -EndpointUrl $endpoint)
            (Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -Skip 10).Id | Should -Be $all[10..11].Id
            (Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -Skip 3 -First 2).Id | Should -Be $all[3..4].Id
        }

        It '-IncludeTotalCount is exact when the listing reached its end, with no extra request' {
            $output = @(Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -IncludeTotalCount -First 20)
            $total = $output[-1]
            [ulong]$total.psobject.BaseObject | Should -Be 12
            $total.ToString() | Should -Be 'Total count: 12'
            @(Get-RequestLog EPAGED).Count | Should -Be 3
        }

        It '-IncludeTotalCount says the total is unknown when -First stopped the listing early (lower bound kept)' {
            $output = @(Get-CFInvalidationList EPAGED -EndpointUrl $endpoint -IncludeTotalCount -First 2)
            $output.Count | Should -Be 3
            $output[-1].ToString() | Should -Be 'Unknown total count'
            [ulong]$output[-1].psobject.BaseObject | Should -Be 5
            @(Get-RequestLog EPAGED).Count | Should -Be 1
        }
    }
}
