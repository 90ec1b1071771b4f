#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Converts platyPS-schema markdown (schema 2.0.0) into the help files that ship with the module.
.DESCRIPTION
    A small stand-in for platyPS' New-ExternalHelp, which the build cannot download:
    - every command page (front matter with "external help file") becomes a command:command in that
      MAML file, its syntax generated from the parameters' yaml blocks as platyPS does;
    - every about_*.md becomes about_*.help.txt, plain text wrapped at 80 columns.
    Apart from its include markers, the markdown is valid platyPS input.

    Shared text is written once, in docs/en-US/shared/, and a page takes it in with a marker line of its own,
    which the converter replaces with that text before reading the page:
        <!-- include shared/Parameters.md -->
            every '### ' section of the file, in the file's order (the AWS parameters and CommonParameters:
            put it at the end of ## PARAMETERS);
        <!-- include shared/Parameters.md -Region -SecretKey -->
            only the named sections, in the marker's order (for a page that orders its parameters otherwise,
            or that has its own text for one of them);
        <!-- include shared/Errors.md -->
            the error table (in ## NOTES): the rows whose last cell, Commands, is "All" or names this page's
            command, without that column. A new ErrorId is one row there (and its ErrorMap entry); a new
            command is named in the Commands cell of each row it raises that is not "All".
.EXAMPLE
    ./docs/ConvertTo-MamlHelp.ps1 -DocsPath docs/en-US -OutputPath en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$TextWidth = 80

# ---- markdown structure ----------------------------------------------------------------------------

# Splits lines at headings of one level ('## ' or '### ') into ordered Title → lines; text before the
# first heading is kept under ''.
function Split-Heading([string[]] $Lines, [string] $Marker) {
    $sections = [ordered]@{ '' = [Collections.Generic.List[string]]::new() }
    $current = ''
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line -match '^(```|~~~)') { $inCode = -not $inCode }
        if (-not $inCode -and $line.StartsWith($Marker)) {
            $current = $line.Substring($Marker.Length).Trim()
            $sections[$current] = [Collections.Generic.List[string]]::new()
        }
        else { $sections[$current].Add($line) }
    }
    $sections
}

function Read-FrontMatter([string[]] $Lines) {
    $values = @{}
    if ($Lines.Count -gt 0 -and $Lines[0] -eq '---') {
        $end = [Array]::IndexOf($Lines, '---', 1)
        foreach ($line in $Lines[1..($end - 1)]) {
            if ($line -match '^([^:]+):\s*(.*)$') { $values[$Matches[1].Trim()] = $Matches[2].Trim() }
        }
        $Lines = $Lines[($end + 1)..($Lines.Count - 1)]
    }
    @{ Values = $values; Body = $Lines }
}

# ---- includes --------------------------------------------------------------------------------------

$IncludeMarker = '^<!--\s*include\s+(?<file>\S+)(?<sections>(\s+(?!-->)\S+)*)\s*-->\s*$'

# The page's lines with each include marker replaced by the shared text it names (see the DESCRIPTION).
function Expand-Include([string[]] $Lines, [string] $CommandName) {
    foreach ($line in $Lines) {
        if ($line -notmatch $IncludeMarker) { $line; continue }
        $file = $Matches['file']
        $names = @(-split $Matches['sections'])
        $path = Join-Path $DocsPath $file
        if (-not (Test-Path -LiteralPath $path)) { throw "The include marker names $file, which is not in $DocsPath." }
        $shared = [IO.File]::ReadAllLines($path)
        $sections = Split-Heading $shared '### '
        if (-not $names -and $sections.Count -gt 1) { $names = @($sections.Keys | Where-Object { $_ }) }
        if (-not $names) { Select-CommandRow $shared $CommandName; continue }
        foreach ($name in $names) {
            if (-not $sections.Contains($name)) { throw "$file has no '### $name' section." }
            "### $name"
            $sections[$name]
        }
    }
}

# A table whose last column is Commands keeps the rows for this command ("All", or a comma-separated list
# of command names) and loses that column; other lines pass unchanged.
function Select-CommandRow([string[]] $Lines, [string] $CommandName) {
    $filtering = $false
    foreach ($line in $Lines) {
        $trimmed = $line.Trim()
        if (-not $trimmed.StartsWith('|')) { $filtering = $false; $line; continue }
        $cells = @($trimmed.Trim('|').Split('|') | ForEach-Object { $_.Trim() })
        $isHeader = -not $filtering -and $cells[-1] -eq 'Commands'
        if ($isHeader) { $filtering = $true }
        if (-not $filtering) { $line; continue }
        $commands = @($cells[-1] -split ',\s*')
        $keep = $isHeader -or $trimmed -match '^\|[\s:|-]+\|$' -or $commands -contains 'All' -or $commands -contains $CommandName
        if ($keep) { '| ' + ($cells[0..($cells.Count - 2)] -join ' | ') + ' |' }
    }
}

# The fenced code blocks of a section, each as one string.
function Get-CodeBlock([string[]] $Lines, [string] $Language) {
    $block = $null
    foreach ($line in $Lines) {
        if ($null -eq $block -and $line -match '^```(\w*)\s*$' -and (-not $Language -or $Matches[1] -eq $Language)) {
            $block = [Collections.Generic.List[string]]::new()
        }
        elseif ($null -ne $block -and $line -match '^```\s*$') { $block -join "`n"; $block = $null }
        elseif ($null -ne $block) { $block.Add($line) }
    }
}

# Prose without its fenced code blocks.
function Get-Prose([string[]] $Lines) {
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') { $inCode = -not $inCode; continue }
        if (-not $inCode) { $line }
    }
}

# Inline markdown → plain text: `code` → code, [text](url) → text, \x → x.
function ConvertTo-PlainText([string] $Text) {
    $Text = $Text -replace '\[([^\]]+)\]\([^)]*\)', '$1'
    $Text = $Text -replace '`([^`]*)`', '$1'
    $Text -replace '\\([\\`*_{}\[\]()#+\-.!|$<>])', '$1'
}

# Paragraphs: blank-line separated, lines joined; a table becomes one paragraph per row of
# "Header: value" lines, which reads well at any console width.
function ConvertTo-Paragraph([string[]] $Lines) {
    $paragraph = [Collections.Generic.List[string]]::new()
    $headers = $null
    foreach ($line in @($Lines) + '') {
        $trimmed = $line.Trim()
        if ($trimmed.StartsWith('|')) {
            $cells = @($trimmed.Trim('|').Split('|') | ForEach-Object { ConvertTo-PlainText $_.Trim() })
            if ($null -eq $headers) { $headers = $cells }
            elseif (-not ($trimmed -match '^\|[\s:|-]+\|$')) {
                (0..($cells.Count - 1) | ForEach-Object { '{0}: {1}' -f $headers[$_], $cells[$_] }) -join "`n"
            }
            continue
        }
        $headers = $null
        if ($trimmed) { $paragraph.Add((ConvertTo-PlainText $trimmed)); continue }
        if ($paragraph.Count) { $paragraph -join ' '; $paragraph.Clear() }
    }
}

# ---- MAML ------------------------------------------------------------------------------------------

function Protect-Xml([string] $Text) { [Security.SecurityElement]::Escape($Text) }

# An empty trailing paragraph (as in example remarks) keeps a blank line before what follows.
function Format-Para([string[]] $Paragraphs) {
    ($Paragraphs | ForEach-Object { "<maml:para>$(Protect-Xml $_)</maml:para>" }) -join ''
}

function Read-ParameterMetadata([string] $Name, [string[]] $Lines) {
    $yaml = @{}
    foreach ($line in ((Get-CodeBlock $Lines 'yaml') -split "`n")) {
        if ($line -match '^([^:]+):\s*(.*)$') { $yaml[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    $sets = if ($yaml['Parameter Sets'] -and $yaml['Parameter Sets'] -ne '(All)') { @($yaml['Parameter Sets'] -split ',\s*') } else { @() }
    [pscustomobject]@{
        Name          = $Name
        Description   = @(ConvertTo-Paragraph (Get-Prose $Lines))
        Type          = $yaml['Type']
        Sets          = $sets
        Aliases       = if ($yaml['Aliases']) { $yaml['Aliases'] } else { 'none' }
        Required      = $yaml['Required'] -eq 'True'
        Position      = if ($yaml['Position'] -match '^\d+$') { $yaml['Position'] } else { 'named' }
        DefaultValue  = $yaml['Default value']
        PipelineInput = $yaml['Accept pipeline input']
        Globbing      = $yaml['Accept wildcard characters'] -eq 'True'
    }
}

function Format-Parameter($Parameter) {
    $isSwitch = $Parameter.Type -eq 'SwitchParameter'
    $value = if ($isSwitch) { '' } else { "<command:parameterValue required=`"true`" variableLength=`"false`">$($Parameter.Type)</command:parameterValue>" }
    @"
<command:parameter required="$($Parameter.Required.ToString().ToLower())" variableLength="true" globbing="$($Parameter.Globbing.ToString().ToLower())" pipelineInput="$($Parameter.PipelineInput)" position="$($Parameter.Position)" aliases="$(Protect-Xml $Parameter.Aliases)">
<maml:name>$($Parameter.Name)</maml:name>
<maml:description>$(Format-Para $Parameter.Description)</maml:description>
$value
<dev:type><maml:name>$($Parameter.Type)</maml:name><maml:uri /></dev:type>
<dev:defaultValue>$(Protect-Xml $Parameter.DefaultValue)</dev:defaultValue>
</command:parameter>
"@
}

# One syntax item per parameter set (platyPS ignores the SYNTAX code blocks and does the same):
# positional parameters first, in position order, then the named ones in document order.
function Format-Syntax([string] $CommandName, [object[]] $Parameters) {
    $setNames = @($Parameters | ForEach-Object { $_.Sets } | Sort-Object -Unique)
    if (-not $setNames) { $setNames = @('(All)') }
    foreach ($set in $setNames) {
        $inSet = $Parameters | Where-Object { -not $_.Sets -or $set -in $_.Sets } |
            Sort-Object { if ($_.Position -eq 'named') { [int]::MaxValue } else { [int] $_.Position } }, { [array]::IndexOf($Parameters, $_) }
        "<command:syntaxItem><maml:name>$CommandName</maml:name>$(($inSet | ForEach-Object { Format-Parameter $_ }) -join '')</command:syntaxItem>"
    }
}

function Format-TypeList([string] $Container, [string] $Item, $Subsections) {
    $entries = foreach ($title in @($Subsections.Keys | Where-Object { $_ })) {
        "<command:$Item><dev:type><maml:name>$(Protect-Xml $title)</maml:name></dev:type><maml:description>$(Format-Para @(ConvertTo-Paragraph $Subsections[$title]))</maml:description></command:$Item>"
    }
    "<command:$Container>$($entries -join '')</command:$Container>"
}

function Format-Example($Subsections) {
    $examples = foreach ($title in @($Subsections.Keys | Where-Object { $_ })) {
        $lines = $Subsections[$title]
        @"
<command:example>
<maml:title>--------- $(Protect-Xml $title) ---------</maml:title>
<dev:code>$(Protect-Xml ((Get-CodeBlock $lines) -join "`n`n"))</dev:code>
<dev:remarks>$(Format-Para (@(ConvertTo-Paragraph (Get-Prose $lines)) + ''))</dev:remarks>
</command:example>
"@
    }
    "<command:examples>$($examples -join '')</command:examples>"
}

function Format-RelatedLink([string[]] $Lines) {
    $links = foreach ($match in [regex]::Matches(($Lines -join "`n"), '\[([^\]]+)\]\(([^)]*)\)')) {
        # Links to sibling markdown pages are help topics, not URIs.
        $uri = if ($match.Groups[2].Value -match '^https?://') { $match.Groups[2].Value } else { '' }
        "<maml:navigationLink><maml:linkText>$(Protect-Xml $match.Groups[1].Value)</maml:linkText><maml:uri>$(Protect-Xml $uri)</maml:uri></maml:navigationLink>"
    }
    "<command:relatedLinks>$($links -join '')</command:relatedLinks>"
}

function ConvertTo-MamlCommand([string[]] $Body) {
    $name = (Split-Heading (Split-Heading $Body '## ')[''] '# ').Keys | Where-Object { $_ } | Select-Object -First 1
    if (-not $name) { throw "No '# Command-Name' heading." }
    $sections = Split-Heading (Expand-Include $Body $name) '## '
    foreach ($required in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS') {
        if (-not $sections.Contains($required)) { throw "$name has no '## $required' section." }
    }
    $verb, $noun = $name -split '-', 2
    $parameterSections = Split-Heading $sections['PARAMETERS'] '### '
    $parameters = @(foreach ($title in $parameterSections.Keys) {
        if ($title -like '-*') { Read-ParameterMetadata $title.Substring(1) $parameterSections[$title] }
    })
    @"
<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10" xmlns:MSHelp="http://msdn.microsoft.com/mshelp">
<command:details>
<command:name>$name</command:name><command:verb>$verb</command:verb><command:noun>$noun</command:noun>
<maml:description>$(Format-Para @(ConvertTo-Paragraph $sections['SYNOPSIS']))</maml:description>
</command:details>
<maml:description>$(Format-Para @(ConvertTo-Paragraph $sections['DESCRIPTION']))</maml:description>
<command:syntax>$((Format-Syntax $name $parameters) -join '')</command:syntax>
<command:parameters>$(($parameters | ForEach-Object { Format-Parameter $_ }) -join '')</command:parameters>
$(Format-TypeList 'inputTypes' 'inputType' (Split-Heading $sections['INPUTS'] '### '))
$(Format-TypeList 'returnValues' 'returnValue' (Split-Heading $sections['OUTPUTS'] '### '))
<maml:alertSet><maml:alert>$(Format-Para @(ConvertTo-Paragraph $sections['NOTES']))</maml:alert></maml:alertSet>
$(Format-Example (Split-Heading $sections['EXAMPLES'] '### '))
$(Format-RelatedLink $sections['RELATED LINKS'])
</command:command>
"@
}

# ---- about topics ----------------------------------------------------------------------------------

function Format-Wrapped([string] $Text, [int] $Indent) {
    $pad = ' ' * $Indent
    $line = ''
    foreach ($word in $Text -split '\s+') {
        if ($line -and ($pad.Length + $line.Length + 1 + $word.Length) -gt $TextWidth) { $pad + $line; $line = $word }
        else { $line = if ($line) { "$line $word" } else { $word } }
    }
    if ($line) { $pad + $line }
}

# H1 → TOPIC, H2 → upper-case heading, H3 → indented heading, prose wrapped and indented, code
# indented further and never wrapped: the layout of PowerShell's own about_ topics.
function ConvertTo-AboutText([string[]] $Lines) {
    $output = [Collections.Generic.List[string]]::new()
    $prose = [Collections.Generic.List[string]]::new()
    $flush = {
        foreach ($paragraph in ConvertTo-Paragraph $prose) {
            foreach ($row in $paragraph -split "`n") { Format-Wrapped $row 4 | ForEach-Object { $output.Add($_) } }
            $output.Add('')
        }
        $prose.Clear()
    }
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') {
            if (-not $inCode) { & $flush } else { $output.Add('') }
            $inCode = -not $inCode
        }
        elseif ($inCode) { $output.Add("        $line".TrimEnd()) }
        elseif ($line -match '^# (.+)$') { & $flush; $output.Add('TOPIC'); $output.Add("    $($Matches[1])"); $output.Add('') }
        elseif ($line -match '^## (.+)$') { & $flush; $output.Add($Matches[1].ToUpperInvariant()) }
        elseif ($line -match '^### (.+)$') { & $flush; $output.Add("  $($Matches[1])") }
        else { $prose.Add($line) }
    }
    & $flush
    ($output -join [Environment]::NewLine).TrimEnd() + [Environment]::NewLine
}

# ---- files -----------------------------------------------------------------------------------------

New-Item -ItemType Directory -Force $OutputPath | Out-Null
$utf8 = [Text.UTF8Encoding]::new($false)
$commandsByHelpFile = [ordered]@{}
foreach ($file in Get-ChildItem -LiteralPath $DocsPath -Filter *.md | Sort-Object Name) {
    $lines = [IO.File]::ReadAllLines($file.FullName)
    if ($file.BaseName -like 'about_*') {
        [IO.File]::WriteAllText((Join-Path $OutputPath "$($file.BaseName).help.txt"), (ConvertTo-AboutText $lines), $utf8)
        continue
    }
    $page = Read-FrontMatter $lines
    $helpFile = $page.Values['external help file']
    if (-not $helpFile) { throw "$($file.Name): the front matter has no 'external help file'." }
    if (-not $commandsByHelpFile.Contains($helpFile)) { $commandsByHelpFile[$helpFile] = [Collections.Generic.List[string]]::new() }
    try { $commandsByHelpFile[$helpFile].Add((ConvertTo-MamlCommand $page.Body)) }
    catch { throw "$($file.Name): $_" }
}
foreach ($helpFile in $commandsByHelpFile.Keys) {
    $maml = "<?xml version=`"1.0`" encoding=`"utf-8`"?>`n<helpItems schema=`"maml`" xmlns=`"http://msh`">`n$($commandsByHelpFile[$helpFile] -join "`n")`n</helpItems>`n"
    # Well-formedness check: a broken file would make Get-Help fall back to the bare syntax silently.
    [xml] $maml | Out-Null
    [IO.File]::WriteAllText((Join-Path $OutputPath $helpFile), $maml, $utf8)
}
Write-Host "Help written to $OutputPath ($($commandsByHelpFile.Count) MAML file(s))"
