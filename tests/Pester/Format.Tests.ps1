# The default table view, the list view and Format-List * of the objects the cmdlets write. Each view test
# asserts what only the module's format and types files produce (the column set and widths, CreateTime as ISO 8601
# with the local offset), so a module that ships without them fails here.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    # A UTC time as the module writes it: ISO 8601 in this process's zone, with the offset.
    function Format-LocalIso([datetime] $Utc) { ([DateTimeOffset]$Utc).ToLocalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", [cultureinfo]::InvariantCulture) }
    $script:server = Start-LocalCloudFront -Distribution @(
        @{ id = 'EFORMATONE0001'; count = 3; inProgress = 1 }
        @{ id = 'EFORMATTWO0002'; count = 2; inProgress = 0 }
    ) -Tenant @(@{ id = 'dt_FORMATTENANT01'; count = 2; inProgress = 1 })
    $script:items = @('EFORMATONE0001', 'EFORMATTWO0002' | Get-CFInvalidationList -EndpointUrl $script:server.Url)
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'InvalidationSummary views' {
    It 'are the format data the module loads for the output type (a table view, then a list view)' {
        $formatData = @(Get-FormatData -TypeName $script:items[0].GetType().FullName)

        $formatData.Count | Should -Be 1
        $formatData[0].FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name } | Should -Be @('TableControl', 'ListControl')
        (Get-Module CloudFrontInvalidations).ExportedFormatFiles | Split-Path -Leaf | Should -Be 'CloudFrontInvalidations.format.ps1xml'
    }

    It 'shows a table of DistributionId, Id, Status and CreateTime (ISO 8601, local offset) by default' {
        $lines = @(($script:items | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })

        $lines[0] | Should -Match '^DistributionId\s+Id\s+Status\s+CreateTime\s*$'
        $rows = @($lines | Select-Object -Skip 2)
        $rows.Count | Should -Be 5
        $newest = Format-LocalIso ([datetime]::new(2026, 11, 1, 0, 0, 0, [DateTimeKind]::Utc))
        $oldest = Format-LocalIso ([datetime]::new(2026, 10, 31, 23, 53, 0, [DateTimeKind]::Utc))
        $rows[0] | Should -Match "^EFORMATONE0001\s+$($script:items[0].Id)\s+InProgress\s+$([regex]::Escape($newest))\s*$"
        $rows[4] | Should -Match "^EFORMATTWO0002\s+$($script:items[4].Id)\s+Completed\s+$([regex]::Escape($oldest))\s*$"
    }

    It 'shows the table view through Format-Table too' {
        $table = $script:items | Format-Table | Out-String
        $table | Should -Match 'CreateTime'
        $table | Should -BeExactly ($script:items | Out-String)
    }

    It 'has a list view with the time in ISO 8601 with the local offset' {
        $text = $script:items[0] | Format-List | Out-String
        $text | Should -Match 'DistributionId\s*: EFORMATONE0001'
        $text | Should -Match "Id\s*: $($script:items[0].Id)"
        $text | Should -Match 'Status\s*: InProgress'
        $text | Should -Match "CreateTime\s*: $([regex]::Escape((Format-LocalIso ([datetime]::new(2026, 11, 1, 0, 0, 0, [DateTimeKind]::Utc)))))"
    }

    It 'still shows every property with Format-List *, the time as the views show it' {
        $text = $script:items[0] | Format-List * | Out-String
        foreach ($property in $script:items[0].PSObject.Properties.Name) { $text | Should -Match "(?m)^$property\s*:" }
        $text | Should -Match "CreateTime\s*: $([regex]::Escape((Format-LocalIso ([datetime]::new(2026, 11, 1, 0, 0, 0, [DateTimeKind]::Utc)))))"
    }

    Context 'an item whose response had no CreateTime' {
        BeforeAll {
            $script:timeless = $script:items[0].GetType()::new()
            $script:timeless.DistributionId = 'EFORMATONE0001'
            $script:timeless.Id = 'INOCREATETIME01'
            $script:timeless.Status = 'Completed'
        }

        It 'has a null CreateTime, shown as an empty cell in the table and list views' {
            $script:timeless.CreateTime | Should -BeNullOrEmpty
            $row = @(($script:timeless | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })[2]
            $row | Should -Match '^EFORMATONE0001\s+INOCREATETIME01\s+Completed\s*$'
            ($script:timeless | Format-List | Out-String) | Should -Match '(?m)^CreateTime\s*:\s*$'
        }

        It 'sorts first and is left out by a time filter, beside items that have one' {
            $mixed = @($script:items) + $script:timeless
            @($mixed | Sort-Object CreateTime)[0].Id | Should -Be 'INOCREATETIME01'
            $since = [datetime]::new(2026, 10, 31, 23, 55, 0, [DateTimeKind]::Utc)
            @($mixed | Where-Object CreateTime -ge $since).Id | Should -Be @($script:items | Where-Object CreateTime -ge $since).Id
            @($mixed | Where-Object CreateTime -ge $since).Count | Should -Be 2
        }
    }
}

Describe 'Tenant invalidation views' {
    BeforeAll {
        $script:tenantItems = @(Get-CFInvalidationList -DistributionTenantId dt_FORMATTENANT01 -EndpointUrl $script:server.Url)
    }

    It 'shows the distribution tenant, not an empty distribution, in the table' {
        $lines = @(($script:tenantItems | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^DistributionTenantId\s+Id\s+Status\s+CreateTime\s*$'
        $lines[2] | Should -Match "^dt_FORMATTENANT01\s+$($script:tenantItems[0].Id)\s+InProgress\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d\s*$"
    }

    It 'shows the distribution tenant in the list view, and the item is still an InvalidationSummary' {
        $script:tenantItems[0] | Should -BeOfType [CloudFrontInvalidations.CloudFront.InvalidationSummary]
        ($script:tenantItems[0] | Format-List | Out-String) | Should -Match 'DistributionTenantId\s*: dt_FORMATTENANT01'
    }
}
