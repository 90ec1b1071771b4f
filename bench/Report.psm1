# The benchmark's reporting half: turns the measured results (Invoke-Benchmark.ps1) into the table, the cold
# start breakdown and the verdicts, and writes bench/results.md. Measures nothing.
Set-StrictMode -Version Latest

$script:Invariant = [cultureinfo]::InvariantCulture

function Get-Median([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    $middle = [Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Get-Stat($Contestant) { @{ Min = ($Contestant.Samples | Measure-Object -Minimum).Minimum; Median = Get-Median $Contestant.Samples.ToArray() } }

# Peak working set of the large listing minus that of the small one (medians, MB).
function Get-MemoryGrowth($Pair) { (Get-Stat $Pair[1]).Median - (Get-Stat $Pair[0]).Median }

function Format-Number([double] $Value) {
    if ($Value -ge 100) { $Value.ToString('N0', $script:Invariant) } else { $Value.ToString('0.0#', $script:Invariant) }
}

function Format-Ratio([double] $Value) { $Value.ToString('0.00', $script:Invariant) + '×' }

# The verdicts use the ratio of medians; the ratio of minimums is what noise cannot inflate.
function Get-Ratio($Numerator, $Denominator) {
    $top, $bottom = (Get-Stat $Numerator), (Get-Stat $Denominator)
    @{ Median = $top.Median / $bottom.Median; Min = $top.Min / $bottom.Min }
}

function Format-RatioPair($Ratio) { "**$(Format-Ratio $Ratio.Median)** (mins: $(Format-Ratio $Ratio.Min))" }

function Format-Comparison([string] $Label, $Numerator, $Denominator) { "$Label = $(Format-RatioPair (Get-Ratio $Numerator $Denominator))" }

function Format-Row($Contestant, [string] $Unit, [string] $Ratios) {
    $stat = Get-Stat $Contestant
    $traffic = if ($Contestant.ContainsKey('Traffic') -and $Unit -eq 'ms') { $Contestant.Traffic } else { $null }
    '| {0} | {1} | {2} {6} | {3} {6} | {4} | {5} |' -f $Contestant.Name, $Contestant.Samples.Count, (Format-Number $stat.Min), (Format-Number $stat.Median),
        $(if ($traffic) { "$($traffic.Requests) / $($traffic.Connections)" } else { '' }), $Ratios, $Unit
}

# A time target is judged on the ratio of medians and on that of minimums; when they disagree, noise decides,
# and the verdict says so rather than claim either.
function Format-Verdict($Target) {
    if ($null -eq $Target.Met) { 'not measured' }
    elseif ($Target.ContainsKey('MetOnMins') -and $Target.Met -ne $Target.MetOnMins) { '**borderline**: medians and minimums disagree' }
    elseif ($Target.Met) { 'met' } else { '**NOT MET**' }
}

function Complete-RatioTarget([hashtable] $Target, $Ratio, [double] $Limit, [string] $Missing = 'not measured') {
    if ($null -eq $Ratio) { return $Target + @{ Measured = $Missing; Met = $null } }
    $Target + @{ Measured = Format-RatioPair $Ratio; Met = $Ratio.Median -le $Limit; MetOnMins = $Ratio.Min -le $Limit }
}

$script:PhaseLabels = [ordered]@{
    PwshStart    = 'pwsh''s own start: process start → first script line'
    ImportModule = '`Import-Module`'
    FirstHttpGet = 'first GET from a bare `HttpClient` (.NET''s HTTP stack on first use)'
    FirstPage    = 'first page through `Get-CFInvalidationList -MaxItem 100 -NoAutoIteration`: credentials, client, AWSSDK.Core''s pipeline, signing, parsing'
    WholeListing = 'then the whole listing `\| Measure-Object`, all pages'
}

# Median per phase over the rounds of one variant: { Milliseconds; JitMethods; JitMilliseconds }.
function Get-PhaseMedians($Variant, [string] $Phase) {
    $samples = @($Variant.Rounds | ForEach-Object { $_ | Where-Object Name -eq $Phase })
    @{ Milliseconds = Get-Median $samples.Milliseconds; JitMethods = Get-Median $samples.JitMethods; JitMilliseconds = Get-Median $samples.JitMilliseconds }
}

function Format-Phase($Phase) { "**$(Format-Number $Phase.Milliseconds)** ms, $(Format-Number $Phase.JitMethods) methods, $(Format-Number $Phase.JitMilliseconds) ms JIT" }

function Get-BreakdownTable([object[]] $Breakdown) {
    '| phase (medians: wall ms, methods JIT-compiled, JIT ms) | ' + (($Breakdown | ForEach-Object Name) -join ' | ') + ' |'
    '|---|' + ('---|' * $Breakdown.Count)
    $totals = @{}
    foreach ($variant in $Breakdown) { $totals[$variant.Name] = @{ Milliseconds = 0.0; JitMethods = 0.0; JitMilliseconds = 0.0 } }
    foreach ($phase in $script:PhaseLabels.Keys) {
        $cells = foreach ($variant in $Breakdown) {
            $median = Get-PhaseMedians $variant $phase
            foreach ($key in @($median.Keys)) { $totals[$variant.Name][$key] += $median[$key] }
            Format-Phase $median
        }
        "| $($script:PhaseLabels[$phase]) | $($cells -join ' | ') |"
    }
    $totalCells = foreach ($variant in $Breakdown) { Format-Phase $totals[$variant.Name] }
    "| sum of the phases | $($totalCells -join ' | ') |"
}

function Get-AwsCliV1($Results) { @($Results.Peers | Where-Object { $_.ContainsKey('Cli') -and $_.Cli.Major -eq 1 }) | Select-Object -First 1 }

function Get-Targets($Results) {
    $floor = if ($Results.FloorCurl) { $Results.FloorCurl } else { $Results.FloorDotnet }
    $floorName = if ($Results.FloorCurl) { 'curl' } else { '.NET HttpClient (curl not installed)' }
    $clis = @($Results.Peers | Where-Object { $_.ContainsKey('Cli') })
    $memoryGrowth = Get-MemoryGrowth $Results.Memory
    @{ Target = "warm ≤ 1.5× the floor ($floorName)"; Limit = 1.5; Ratio = Get-Ratio $Results.Warm $floor
        Why = ('The floor sends bare GETs; ours signs, parses and writes. A perf profile at steady state (this machine, 170 listings after the runtime stopped compiling) put our process at about 30 ms of CPU per listing. ' +
              'About 20 ms of it is on the request path, which is the critical one (a page''s request needs the previous page''s NextMarker): XmlReader over each page''s 100 items about 4.5 ms, GC about 3.7 ms, the kernel (sockets, thread hand-offs) about 3.4 ms, AWSSDK.Core''s SigV4 signing about 1.9 ms, .NET''s HTTP about 1.6 ms, the rest of the SDK pipeline about 2.5 ms. ' +
              'PowerShell passing the 10,000 objects to Measure-Object (about 7 ms) runs meanwhile on the pipeline thread. No single part is large enough to close the gap; signing and the SDK pipeline are what the module must not replace, and the endpoint shares the 2 cores with both.') }
    foreach ($major in 1, 2) {
        $limit = if ($major -ge 2) { 1.0 } else { 1.2 }
        $peersOfMajor = @($clis | Where-Object { $_.Cli.Major -eq $major })
        $worst = if ($peersOfMajor) {
            $ratios = @($peersOfMajor | ForEach-Object { Get-Ratio $Results.Cold $_ })
            @{ Median = ($ratios.Median | Measure-Object -Maximum).Maximum; Min = ($ratios.Min | Measure-Object -Maximum).Maximum }
        }
        @{ Target = "cold ≤ $(Format-Ratio $limit) awscli v$major cold (each prints only the count)"; Limit = $limit; Ratio = $worst; Missing = "no awscli v$major installed"
            Why = 'See "Cold start: where the time goes" below: with the dotnet tool''s pwsh, whose own assemblies are not precompiled, pwsh''s start and the JIT of its import and pipeline code take most of the cold run; they are not ours to precompile. bench/experiments/HostStartup.ps1 measures pwsh alone (no module, no request) and pwsh precompiled as its packages ship it.' }
    }
    @{ Target = 'Import-Module adds ≤ 40% to bare pwsh start (pwsh + import ÷ bare ≤ 1.4)'; Limit = 1.4; Ratio = Get-Ratio $Results.Import $Results.Bare
        Why = 'Import-Module reads the manifest and the format file, imports the loader (nested module) and the cmdlet assembly, and loads CloudFrontInvalidations.dll and AWSSDK.Core into the module''s load context; what remains is mostly pwsh JIT-compiling its own module-import code (see the JIT columns of the breakdown).' }
    $fixedGrowth = Get-MemoryGrowth $Results.MemoryFixedGen0
    @{ Target = "peak memory for $($Results.Large.Count) within 20 MB of $($Results.Small.Count), GC gen0 budget fixed (what the module keeps)"; Measured = "$(Format-Number $fixedGrowth) MB"; Met = $fixedGrowth -le 20
        Why = 'Items are written as each page arrives and nothing keeps them (buffers hold at most 4 pages per listing); growth with the GC''s budget fixed would be retention.' }
    @{ Target = "peak memory for $($Results.Large.Count) within 20 MB of $($Results.Small.Count), GC as it comes"; Measured = "$(Format-Number $memoryGrowth) MB"; Met = $memoryGrowth -le 20
        Why = "Not retention: the GC lets its gen0 budget grow with a steady allocation rate, so a longer run peaks higher; with that budget fixed the same runs grew $(Format-Number $fixedGrowth) MB (the row above). The module cannot set the budget: the runtime reads it once, at process start." }
    @{ Target = 'first object before the second request'; Measured = "$($Results.RequestsAtFirstObject) request(s) sent"; Met = $Results.RequestsAtFirstObject -eq 1
        Why = 'Each page is written before the next request is sent.' }
    @{ Target = '`-First 5` = one request'; Measured = "$($Results.FirstParameterRequests) request(s)"; Met = $Results.FirstParameterRequests -eq 1
        Why = '`-First` stops fetching once five objects are written.' }
}

function Get-ResultRows($Results) {
    $warm, $cold = $Results.Warm, $Results.Cold
    '| measurement | n | min | median | requests / connections | ratio (medians) |'
    '|---|---|---|---|---|---|'
    Format-Row $warm 'ms' ''
    Format-Row $Results.WarmNoProgress 'ms' (Format-Comparison 'warm ÷ this' $warm $Results.WarmNoProgress)
    if ($Results.FloorCurl) { Format-Row $Results.FloorCurl 'ms' (Format-Comparison 'warm ÷ floor' $warm $Results.FloorCurl) }
    Format-Row $Results.FloorDotnet 'ms' (Format-Comparison 'warm ÷ this' $warm $Results.FloorDotnet)
    foreach ($peer in $Results.Peers) {
        Format-Row $peer 'ms' "$(Format-Comparison 'warm ÷ this' $warm $peer); $(Format-Comparison 'cold ÷ this' $cold $peer)"
    }
    Format-Row $cold 'ms' ''
    if ($Results.ColdIl) { Format-Row $Results.ColdIl 'ms' (Format-Comparison 'cold ÷ this' $cold $Results.ColdIl) }
    "| ours, cold, minus the bare pwsh start (medians): Import-Module, first request, listing | | | $(Format-Number ((Get-Stat $cold).Median - (Get-Stat $Results.Bare).Median)) ms | | |"
    Format-Row $Results.Bare 'ms' ''
    Format-Row $Results.Import 'ms' (Format-Comparison 'this ÷ bare start' $Results.Import $Results.Bare)
    Format-Row $Results.Memory[0] 'MB' ''
    $growth = Get-MemoryGrowth $Results.Memory
    Format-Row $Results.Memory[1] 'MB' "growth for $(Format-Number ($Results.Large.Count / $Results.Small.Count))× the items = **$(Format-Number $growth) MB**"
    Format-Row $Results.MemoryFixedGen0[0] 'MB' ''
    $fixedGrowth = Get-MemoryGrowth $Results.MemoryFixedGen0
    Format-Row $Results.MemoryFixedGen0[1] 'MB' "growth for $(Format-Number ($Results.Large.Count / $Results.Small.Count))× the items = **$(Format-Number $fixedGrowth) MB**"
    Format-Row $Results.FirstObject 'ms' "first ÷ whole = $(Format-Ratio ((Get-Median $Results.FirstObject.Samples.ToArray()) / (Get-Median $Results.WholeListing.Samples.ToArray())))"
    Format-Row $Results.WholeListing 'ms' ''
    "| requests sent when the first object reached the pipeline | 1 | $($Results.RequestsAtFirstObject) | | | |"
    "| requests for ``… \| Select-Object -First 5`` | 1 | $($Results.SelectFirstRequests) | | | |"
    "| requests for ``-First 5`` | 1 | $($Results.FirstParameterRequests) | | | |"
}

# How much of the 1.2× awscli v1 budget is left once pwsh has started, against what import and listing take.
function Get-Headroom($Results) {
    $v1 = Get-AwsCliV1 $Results
    if (-not $v1) { return 'No awscli v1 installed: no headroom to compute.' }
    $budget = 1.2 * (Get-Stat $v1).Median
    $bare = (Get-Stat $Results.Bare).Median
    "Headroom (medians): 1.2 × awscli $($v1.Cli.Version) = $(Format-Number $budget) ms; a bare pwsh start takes $(Format-Number $bare) ms, which leaves " +
        "$(Format-Number ($budget - $bare)) ms for Import-Module and the whole listing; they take $(Format-Number ((Get-Stat $Results.Cold).Median - $bare)) ms (cold − bare start)."
}

function Write-BenchmarkReport($Results, [string] $OutputPath) {
    $targets = @(Get-Targets $Results | ForEach-Object {
            if ($_.ContainsKey('Limit')) { Complete-RatioTarget -Target $_ -Ratio $_.Ratio -Limit $_.Limit -Missing $(if ($_.ContainsKey('Missing')) { $_.Missing } else { 'not measured' }) } else { $_ }
        })
    $report = [Collections.Generic.List[string]]::new()
    $report.Add('# Benchmark results')
    $report.Add('')
    $report.Add("Produced by ``bench/Invoke-Benchmark.ps1`` ($(if ($Results.Quick) { 'QUICK smoke run: tiny data, one round, numbers meaningless' } else { 'full run' })) on $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $script:Invariant)) UTC. " +
        "Local endpoint on 127.0.0.1 (tests/LocalCloudFront), $($Results.PageSize) items per page, so $($Results.Pages) requests per listing of $($Results.Small.Count). " +
        'Like for like: every contestant lists the same distribution and prints only the count (ours `(Get-CFInvalidationList … | Measure-Object).Count`, awscli `--query ''length(InvalidationList.Items)'' --output json`, which awscli applies to the merged pages, boto3 its paginator summing the items). ' +
        'Rounds are interleaved; a ratio divides medians of the same run (verdicts use these), with the ratio of minimums, which noise cannot inflate, beside it. ' +
        'Times in ms are wall-clock, process start included for every `new process` row.')
    $report.Add('')
    foreach ($row in Get-ResultRows $Results) { $report.Add($row) }
    $report.Add('')
    $report.Add('## Targets')
    $report.Add('')
    $report.Add('| target | measured | verdict |')
    $report.Add('|---|---|---|')
    foreach ($target in $targets) { $report.Add("| $($target.Target) | $($target.Measured) | $(Format-Verdict $target) |") }
    $unmet = @($targets | Where-Object { $_.Met -eq $false -or ($_.ContainsKey('MetOnMins') -and $_.MetOnMins -eq $false) })
    if ($unmet) {
        $report.Add('')
        $report.Add('Why the unmet and borderline targets are not clearly met, and what would close them:')
        $report.Add('')
        foreach ($target in $unmet) { $report.Add("- **$($target.Target)**: $($target.Why)") }
    }
    $report.Add('')
    $report.Add('## Cold start: where the time goes')
    $report.Add('')
    $report.Add("Each column is a fresh pwsh running ``bench/ColdBreakdown.ps1`` ($($Results.Breakdown[0].Rounds.Count) round(s), interleaved): Stopwatch checkpoints and ``[System.Runtime.JitInfo]`` between phases, listing $($Results.Small.Count) items. " +
        'JIT ms are summed over threads (background recompilation included), so they can exceed the wall time.')
    $report.Add('')
    foreach ($row in Get-BreakdownTable $Results.Breakdown) { $report.Add($row) }
    $report.Add('')
    $report.Add((Get-Headroom $Results))
    $report.Add('')
    $report.Add("Assemblies ``Import-Module`` loads into a bare pwsh: $(if ($Results.LoadedAtImport) { $Results.LoadedAtImport } else { 'none' }). ReadyToRun images in the module: $($Results.ReadyToRunImages).")
    $report.Add('')
    $report.Add('## Machine')
    $report.Add('')
    foreach ($key in $Results.Machine.Keys) { $report.Add("- ${key}: $($Results.Machine[$key])") }
    foreach ($peer in @($Results.Peers | Where-Object { $_.ContainsKey('Cli') })) { $report.Add("- awscli $($peer.Cli.Version): $($peer.Cli.Path)") }
    $report.Add('- Peers: every `aws` on PATH and /usr/bin/aws, one row per version (awscli v1 comes from pip in the image; v2 is Debian''s package, installed by hand with `apt-get update && apt-get install awscli`, never by Bench), and boto3 if python3 imports it.')
    $report.Add("- Load average (1/5/15 min) at start: $($Results.LoadAtStart); at end: $($Results.LoadAtEnd) — the machine is shared with other builds and tests, so absolute times are noisy and only same-run ratios are targets.")

    $text = $report -join [Environment]::NewLine
    Set-Content -LiteralPath $OutputPath -Value $text -Encoding utf8NoBOM
    Write-Host $text
    Write-Host "`nWritten to $OutputPath"
}

Export-ModuleMember -Function Write-BenchmarkReport, Get-Median, Format-Ratio, Format-Row, Get-BreakdownTable
