# What Export-Csv and ConvertTo-Json keep of the objects the cmdlets write: the paths in the Paths cell, arrays in JSON.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront -Distribution @(@{ id = 'EEXPORT0001'; count = 6 })
    $script:got = @(Get-CFInvalidationList EEXPORT0001 -EndpointUrl $script:server.Url | Get-CFInvalidation -EndpointUrl $script:server.Url)
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Exports of Get-CFInvalidation' {
    It 'keeps every path, one a line, in the Paths cell of Export-Csv, read back by Import-Csv' {
        $file = Join-Path $TestDrive 'invalidations.csv'
        $script:got | Export-Csv -Path $file
        $rows = @(Import-Csv -Path $file)

        $rows.Count | Should -Be 6
        for ($i = 0; $i -lt 6; $i++) {
            $rows[$i].Id | Should -Be $script:got[$i].Id
            $rows[$i].Paths | Should -Not -Match 'System\.'
            @($rows[$i].Paths -split '\r?\n') | Should -Be @($script:got[$i].Paths)
        }
        # The listing serves paths with spaces and non-ASCII characters; they survive the round trip.
        @($rows.Paths -split '\r?\n') | Where-Object { $_ -like '/docs/read me *' } | Should -Not -BeNullOrEmpty
    }

    It 'keeps Paths an array in ConvertTo-Json' {
        $json = $script:got | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        for ($i = 0; $i -lt 6; $i++) {
            , $json[$i].Paths | Should -BeOfType [object[]]
            @($json[$i].Paths) | Should -Be @($script:got[$i].Paths)
        }
    }

    It 'keeps Paths a list to PowerShell: count, index, -contains and the pipeline' {
        $first = $script:got[0]
        $first.Paths.Count | Should -BeGreaterThan 0
        $first.Paths[0] | Should -BeOfType [string]
        $first.Paths -contains $first.Paths[-1] | Should -BeTrue
        @($first.Paths | ForEach-Object { $_ }).Count | Should -Be $first.Paths.Count
    }
}
