# The shipped help (built from docs/en-US by docs/ConvertTo-MamlHelp.ps1) against the cmdlet as it is.

BeforeAll {
    . "$PSScriptRoot/common.ps1"

    # The "-Name" tokens of a syntax line, in order.
    function Get-SyntaxParameter([string] $Syntax) { @([regex]::Matches($Syntax, '(?<=\[|\s)-(\w+)') | ForEach-Object { $_.Groups[1].Value }) }
}

Describe 'The help ships for the module' {
    It 'is committed in en-US/ exactly as docs/en-US converts (the build regenerates it; a stale commit shows here)' {
        $fresh = Join-Path $TestDrive 'en-US'
        & "$RepoRoot/docs/ConvertTo-MamlHelp.ps1" -DocsPath "$RepoRoot/docs/en-US" -OutputPath $fresh
        foreach ($file in Get-ChildItem $fresh) {
            Get-Content -Raw (Join-Path $RepoRoot "en-US/$($file.Name)") | Should -BeExactly (Get-Content -Raw $file.FullName)
            if (Get-Command git -ErrorAction SilentlyContinue) {
                git -C $RepoRoot diff --quiet HEAD -- "en-US/$($file.Name)"
                $LASTEXITCODE | Should -Be 0 -Because "en-US/$($file.Name) must be committed as generated from docs/en-US"
            }
        }
    }

    It 'has a help page for every exported cmdlet, each checked below' {
        foreach ($name in (Get-Module CloudFrontInvalidations).ExportedCmdlets.Keys) {
            Join-Path $RepoRoot "docs/en-US/$name.md" | Should -Exist
            $name | Should -BeIn @('Get-CFInvalidationList', 'Get-CFInvalidation', 'Get-CFInvalidationUsage', 'New-CFInvalidation', 'Wait-CFInvalidation') -Because 'the -ForEach list below must name it'
        }
    }

    It 'has an about topic that names every cmdlet' {
        $about = Get-Help about_CloudFrontInvalidations | Out-String
        $about | Should -Match 'SHORT DESCRIPTION'
        foreach ($name in (Get-Module CloudFrontInvalidations).ExportedCmdlets.Keys) { $about | Should -Match $name }
    }
}

Describe '<Name> help' -ForEach @(
    @{ Name = 'Get-CFInvalidationList'; Synopsis = 'Lists the invalidation batches*'; ErrorId = 'NoSuchDistribution' }
    @{ Name = 'Get-CFInvalidation'; Synopsis = 'Gets Amazon CloudFront invalidation batches*'; ErrorId = 'NoSuchInvalidation' }
    @{ Name = 'Wait-CFInvalidation'; Synopsis = 'Waits until Amazon CloudFront invalidation batches*'; ErrorId = 'WaitTimedOut' }
    @{ Name = 'Get-CFInvalidationUsage'; Synopsis = 'Counts a month''s Amazon CloudFront invalidation paths*'; ErrorId = 'InvalidUsageMonth' }
    @{ Name = 'New-CFInvalidation'; Synopsis = 'Creates Amazon CloudFront invalidations*'; ErrorId = 'InvalidPath' }
) {
    BeforeAll {
        $script:markdownPath = Join-Path $script:RepoRoot "docs/en-US/$Name.md"
        $script:markdown = Get-Content -Raw $script:markdownPath
        $script:command = Get-Command $Name -Module CloudFrontInvalidations
        $script:help = Get-Help $Name -Full

        $commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $script:cmdletParameters = @($script:command.Parameters.Keys | Where-Object { $_ -notin $commonParameters } | Sort-Object)
        $script:helpParameters = @($script:help.parameters.parameter.name | Sort-Object)
    }

    It 'is read from the MAML file the module ships, not generated from the bare syntax' {
        $helpFile = Join-Path (Split-Path $script:ModulePath) 'en-US/CloudFrontInvalidations.Commands.dll-Help.xml'
        $helpFile | Should -Exist
        $script:help.Synopsis | Should -BeLike $Synopsis
    }

    It 'documents every cmdlet parameter and no parameter that does not exist' {
        $missing = @($script:cmdletParameters | Where-Object { $_ -notin $script:helpParameters })
        $unknown = @($script:helpParameters | Where-Object { $_ -notin $script:cmdletParameters })
        $missing | Should -BeNullOrEmpty -Because "every parameter needs a '### -Name' section in docs/en-US/$Name.md"
        $unknown | Should -BeNullOrEmpty -Because 'the help must not describe parameters the cmdlet no longer has'
    }

    It 'documents each parameter''s aliases, position and pipeline input as the cmdlet declares them' {
        foreach ($parameter in $script:help.parameters.parameter) {
            $metadata = $script:command.Parameters[$parameter.name]
            $declared = @($metadata.ParameterSets.Values)
            $expectedAliases = if ($metadata.Aliases.Count) { ($metadata.Aliases | Sort-Object) -join ', ' } else { 'none' }
            (($parameter.aliases -split ',\s*' | Sort-Object) -join ', ') | Should -Be $expectedAliases -Because "aliases of -$($parameter.name)"
            $positions = @($declared.Position | Where-Object { $_ -ge 0 })
            $parameter.position | Should -Be $(if ($positions.Count) { "$($positions[0])" } else { 'named' }) -Because "-$($parameter.name) position"
            $parameter.required | Should -Be ([string]($declared.IsMandatory -contains $true)).ToLower() -Because "-$($parameter.name) required"
            $byValue = $declared.ValueFromPipeline -contains $true
            $byName = $declared.ValueFromPipelineByPropertyName -contains $true
            ($parameter.pipelineInput -like '*ByValue*') | Should -Be $byValue -Because "-$($parameter.name) by value"
            ($parameter.pipelineInput -like '*ByPropertyName*') | Should -Be $byName -Because "-$($parameter.name) by property name"
        }
    }

    It 'has a SYNTAX block that names the parameters of Get-Command -Syntax in the same order' {
        # One code block per parameter set, in Get-Command's order.
        $syntaxSection = [regex]::Match($script:markdown, '(?s)## SYNTAX(.*?)\n## ').Groups[1].Value
        $syntaxBlocks = @([regex]::Matches($syntaxSection, '(?s)```\r?\n(.*?)```') | ForEach-Object { $_.Groups[1].Value }) -join "`n"
        Get-SyntaxParameter $syntaxBlocks | Should -Be (Get-SyntaxParameter (Get-Command $script:command.Name -Syntax | Out-String))
    }

    It 'shows the synopsis, every parameter with its description and every example in a fresh pwsh' {
        $exampleTitles = @([regex]::Matches($script:markdown, '(?m)^### (Example \d+:.*?)\s*$') | ForEach-Object { $_.Groups[1].Value })
        $exampleTitles.Count | Should -BeGreaterOrEqual 6

        $run = Invoke-FreshPwsh "Get-Help $Name -Full | Out-String -Width 250"
        $text = $run.Output -join "`n"

        $run.ExitCode | Should -Be 0
        $text | Should -Match ([regex]::Escape($script:help.Synopsis))
        foreach ($parameter in $script:help.parameters.parameter) {
            $firstWords = ($parameter.description[0].Text -split '\s+' | Select-Object -First 6) -join ' '
            $text | Should -Match "(?s)-$($parameter.name)\b[^\n]*\n\s+$([regex]::Escape($firstWords))" -Because "-$($parameter.name) needs a description"
        }
        foreach ($title in $exampleTitles) { $text | Should -Match ([regex]::Escape($title)) }
        $text | Should -Match "ErrorId: $ErrorId"
    }

    It 'has no online version yet: -Online says so instead of opening another page' {
        # -Online opens the first related link that has a URI; none must, as none is this command's help.
        @($script:help.relatedLinks.navigationLink.uri | Where-Object { $_ }) | Should -BeNullOrEmpty
        $script:help.relatedLinks.navigationLink.linkText | Should -Contain 'about_CloudFrontInvalidations'

        { Get-Help $script:command.Name -Online -ErrorAction Stop } |
            Should -Throw -ExceptionType ([System.Management.Automation.PSInvalidOperationException]) -ExpectedMessage '*(URI)*not specified*'
    }
}
