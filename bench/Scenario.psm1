# What the realistic-network scenarios (AccountScale.ps1, UsageScale.ps1) share: rounds of contestants with their
# traffic, the verdict rows, and their own marked section of bench/results.md.
Set-StrictMode -Version Latest

$script:Invariant = [cultureinfo]::InvariantCulture

# A scenario script's start: the bench's modules, the local endpoint's and the module under test, and an AWS
# environment of the process's own (local fake keys, no profile files, nothing from the user's). Returns the work
# folder the script removes when it ends.
function Enter-BenchScenario([string] $Name, [string] $Manifest) {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
    foreach ($module in (Join-Path $PSScriptRoot 'Measure.psm1'), (Join-Path $PSScriptRoot 'Report.psm1'),
        (Join-Path $repoRoot 'tests/LocalCloudFront/LocalCloudFront.psm1'), (Resolve-Path -LiteralPath $Manifest).Path) {
        Import-Module $module -Global -Force
    }
    $workDir = Join-Path ([IO.Path]::GetTempPath()) "cfi-bench-$Name-$PID"
    Set-LocalAwsEnvironment $workDir
    $workDir
}

# Runs each contestant (Name, Rounds, Run: a block returning one sample in ms) its rounds; adds Samples, Median, and the
# Requests and Peak in flight the endpoint saw in its first round.
function Measure-ScenarioContestants([Collections.IDictionary] $Contestants, [psobject] $Server, [string] $Scenario) {
    foreach ($contestant in $Contestants.Values) {
        $contestant.Samples = [Collections.Generic.List[double]]::new()
        for ($round = 1; $round -le $contestant.Rounds; $round++) {
            Write-Host "  $Scenario, round $round/$($contestant.Rounds): $($contestant.Name)"
            Clear-LocalRequestLog -Server $Server
            $contestant.Samples.Add((& $contestant.Run))
            if ($round -eq 1) {
                $contestant.Requests = @(Get-LocalRequestLog -Server $Server).Count
                $contestant.Peak = Get-LocalPeakConcurrency -Server $Server
            }
        }
        $contestant.Median = Get-Median $contestant.Samples.ToArray()
    }
}

function Format-Ms([double] $Value) { $Value.ToString('N0', $script:Invariant) + ' ms' }

function Format-Target([string] $Target, [double] $Ratio, [double] $Limit, [switch] $AtLeast) {
    $met = if ($AtLeast) { $Ratio -ge $Limit } else { $Ratio -le $Limit }
    "| $Target | $(Format-Ratio $Ratio) | $(if ($met) { 'met' } else { '**NOT MET**' }) |"
}

# Writes the lines between '<!-- $Marker: ... -->' and '<!-- /$Marker -->' (the first line must open it), replacing
# that section of the file or appending it; the rest of the file stays. Prints the section.
function Set-ResultsSection([string] $OutputPath, [string] $Marker, [string[]] $Lines) {
    $text = if (Test-Path -LiteralPath $OutputPath) { Get-Content -Raw -LiteralPath $OutputPath } else { '' }
    $pattern = "(?s)<!-- $([regex]::Escape($Marker)):.*?<!-- /$([regex]::Escape($Marker)) -->"
    $block = (@($Lines) + "<!-- /$Marker -->") -join [Environment]::NewLine
    $text = if ($text -match $pattern) { [regex]::Replace($text, $pattern, { $block }) } else { $text.TrimEnd() + [Environment]::NewLine + [Environment]::NewLine + $block }
    Set-Content -LiteralPath $OutputPath -Value $text.TrimEnd() -Encoding utf8NoBOM
    Write-Host $block
}

Export-ModuleMember -Function Enter-BenchScenario, Measure-ScenarioContestants, Format-Ms, Format-Target, Set-ResultsSection
