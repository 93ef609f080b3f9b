<#
    The hostile-input sweep: every NotionPS cmdlet, every parameter (from Get-Command's metadata), a family of
    hostile values each, against the emulator as the connected demo integration. Each case runs in the same
    runspace with a timeout; its outcome is classified (see Get-CaseVerdict) and written, one JSON object a line,
    to -OutFile. Build first (dotnet build NotionPS.sln); run with `dotnet pwsh -NoProfile -File tests/Sweep/Invoke-HostileSweep.ps1`.
    Not part of the test suites: it takes minutes, and its findings become focused tests.
#>
param(
    [string] $Configuration = 'Debug',
    [string] $OutFile = (Join-Path ([IO.Path]::GetTempPath()) 'notionps-hostile-sweep.jsonl'),
    # The cultures every case runs under; the first is the full sweep, the others run the culture-sensitive values only.
    [string[]] $Culture = @('en-US', 'de-DE', 'tr-TR'),
    [int] $TimeoutSec = 30,
    # Only these cmdlets (wildcards), for a quick rerun.
    [string[]] $Command = '*',
    # Also these values only (names from $Values), for a quick rerun.
    [string[]] $Value = '*'
)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $root 'tools/EmulatorProcess.psm1') -Force
$emulator = Start-EmulatorProcess -RepositoryRoot $root -Configuration $Configuration -EmulatorArgument '--rate-limit', '0'
try {
$tokenText = 'demo-token-full-access'
$scratch = Join-Path ([IO.Path]::GetTempPath()) "notionps-sweep-$PID"
$null = New-Item -ItemType Directory -Path $scratch -Force

# One runspace for the cases: the module imported, connected, fixtures in $F.
$runspace = [runspacefactory]::CreateRunspace()
$runspace.Open()
$setup = @'
param($ModulePath, $Emu, $Token, $Scratch, $SecretManagement)
# The repository's double of SecretManagement, so Register/Unregister never touch the user's own vaults.
Import-Module $SecretManagement -ErrorAction Stop
Reset-SecretDouble
Add-SecretDoubleVault -Name SweepVault
Import-Module $ModulePath
$PSDefaultParameterValues['Connect-NotionIntegration:RequestsPerSecond'] = 0
$ConfirmPreference = 'None'
$ProgressPreference = 'SilentlyContinue'
$global:F = @{
    Emu = $Emu; Token = $Token; Scratch = $Scratch
    Db = '1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6'; DataSource = '2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d'
    TasksUrl = 'https://www.notion.so/acme/Tasks-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6?v=aaaabbbbccccddddeeeeffff00001111'
    TeamHome = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'; Page = '92a3b4c5-d6e7-4f18-86d7-e8f9a0b1c2d3'
    Row = 'e1000000-0000-4000-8000-000000000001'
}
function global:Connect-Sweep { $null = Connect-NotionIntegration -Token $F.Token -BaseUri $F.Emu }
Connect-Sweep
Set-Content -Path (Join-Path $Scratch 'small.txt') -Value 'hello'
Set-Content -Path (Join-Path $Scratch 'rows.csv') -Value "Name,Notes`nimported,one"
$F.Small = Join-Path $Scratch 'small.txt'
$F.Csv = Join-Path $Scratch 'rows.csv'
# A link to a file outside the folders the cases use; Test-Victim says whether a case wrote through it.
$F.Victim = Join-Path (New-Item -ItemType Directory -Path (Join-Path $Scratch 'outside') -Force) 'victim.csv'
Set-Content -Path $F.Victim -Value 'victim'
$F.Symlink = Join-Path $Scratch 'elsewhere.csv'
$null = New-Item -ItemType SymbolicLink -Path $F.Symlink -Target $F.Victim -Force
# Relative paths land in the scratch folder: ../../etc/passwd is $Scratch/a/etc/passwd.
Set-Location (New-Item -ItemType Directory -Path (Join-Path $Scratch 'a/b/c') -Force)
'@
$ps = [powershell]::Create(); $ps.Runspace = $runspace
# A copy of the staged module, so a build during the sweep cannot change the assembly under it.
Copy-Item -Path (Join-Path $root 'out/NotionPS') -Destination (Join-Path $scratch 'module') -Recurse
$null = $ps.AddScript($setup).AddArgument((Join-Path $scratch 'module/NotionPS.psd1')).AddArgument($emulator.BaseUri.ToString()).AddArgument((ConvertTo-SecureString $tokenText -AsPlainText -Force)).AddArgument($scratch).AddArgument((Join-Path $PSScriptRoot '../SecretManagementDouble/Microsoft.PowerShell.SecretManagement/Microsoft.PowerShell.SecretManagement.psd1'))
$null = $ps.Invoke()
if ($ps.HadErrors) { throw "setup: $($ps.Streams.Error | Out-String)" }
$ps.Dispose()

# A valid call of each cmdlet (splatted), so one hostile value is the only thing wrong. A fresh page is
# made for the cmdlets that change or trash one ($fresh).
$bases = @{
    'Add-NotionComment'            = '@{ PageId = $F.Page; Text = "hi" }'
    'Add-NotionDatabaseRow'        = '@{ DatabaseId = $F.Db; InputObject = @{ Name = "added" } }'
    'Connect-NotionIntegration'    = '@{ Token = $F.Token; BaseUri = $F.Emu }'
    'Disconnect-NotionIntegration' = '@{}'
    'Export-NotionDatabase'        = '@{ DatabaseId = $F.Db; Path = (Join-Path $F.Scratch "out.csv"); Force = $true }'
    'Find-NotionDatabase'          = '@{ Title = "Tasks" }'
    'Get-NotionComment'            = '@{ PageId = $F.Page }'
    'Get-NotionConnection'         = '@{}'
    'Get-NotionDatabase'           = '@{ DatabaseId = $F.Db }'
    'Get-NotionDatabaseId'         = '@{ Url = $F.TasksUrl }'
    'Get-NotionDatabaseRow'        = '@{ DatabaseId = $F.Db; First = 2 }'
    'Get-NotionDatabaseSchema'     = '@{ DatabaseId = $F.Db }'
    'Get-NotionIntegration'        = '@{}'
    'Get-NotionPage'               = '@{ PageId = $F.Page }'
    'Get-NotionPageContent'        = '@{ PageId = $F.Page }'
    'Import-NotionDatabase'        = '@{ Path = $F.Csv; DatabaseId = $F.Db }'
    'Invoke-NotionApi'             = '@{ Path = "v1/users/me" }'
    'Move-NotionPage'              = '@{ PageId = $fresh; ParentId = $F.Page }'
    'New-NotionDatabase'           = '@{ ParentId = $F.Page; Title = "made"; Property = @{ Name = "title" } }'
    'New-NotionPage'               = '@{ ParentId = $F.Page; Title = "made" }'
    'Register-NotionIntegration'   = '@{ Name = "sweep"; Token = $F.Token }'
    'Remove-NotionDatabaseRow'     = '@{ PageId = $freshRow }'
    'Remove-NotionPage'            = '@{ PageId = $fresh }'
    'Restore-NotionPage'           = '@{ PageId = $trashed }'
    'Save-NotionFile'              = '@{ PageId = $F.Row; Destination = $F.Scratch; Force = $true }'
    'Send-NotionFile'              = '@{ Path = $F.Small }'
    'Set-NotionDatabaseRow'        = '@{ PageId = $F.Row; Property = @{ Notes = "set" } }'
    'Set-NotionDatabaseSchema'     = '@{ DatabaseId = $F.Db; InputObject = (Get-NotionDatabaseSchema $F.Db) }'
    'Set-NotionPage'               = '@{ PageId = $fresh; Title = "renamed" }'
    'Set-NotionPageContent'        = '@{ PageId = $fresh; Markdown = "more"; Append = $true }'
    'Sync-NotionDatabaseRow'       = '@{ DatabaseId = $F.Db; Key = "Name"; InputObject = @{ Name = "synced" } }'
    'Test-NotionDatabaseAccess'    = '@{ DatabaseId = $F.Db }'
    'Unregister-NotionIntegration' = '@{ Name = "sweep" }'
}
$freshPrelude = @'
$fresh = (New-NotionPage -ParentId $F.TeamHome -Title fresh).PageId
$freshRow = (Add-NotionDatabaseRow $F.Db @{ Name = 'fresh row' }).PageId
$trashed = (New-NotionPage -ParentId $F.TeamHome -Title trashed).PageId; $null = Remove-NotionPage $trashed
'@

# Hostile values: name = PowerShell expression (evaluated in the case's runspace). Culture marks the ones run under every culture.
$Values = [ordered]@{
    'null'               = '$null'
    'empty'              = "''"
    'whitespace'         = '" `t  "'
    'megabyte string'    = "'a' * 1000000"
    'NUL'                = '"a`0b"'
    'ESC sequences'      = '"`e[31mred`e[0m`e]0;title`a"'
    'CR LF'              = '"line1`r`nline2"'
    'U+2028 U+2029'      = '"a$([char]0x2028)b$([char]0x2029)c"'
    'bidi override'      = '"abc$([char]0x202E)fdp.exe"'
    'lone high surrogate'= '"x$([char]0xD800)y"'
    'lone low surrogate' = '"$([char]0xDC00)"'
    'path ../../etc/passwd' = "'../../etc/passwd'"
    'path \\?\'          = "'\\?\C:\Windows\win.ini'"
    'path CON'           = "'CON'"
    'path /dev/zero'     = "'/dev/zero'"
    'path symlink'       = '$F.Symlink'
    'url with credentials' = "'https://user:secret@evil.example/v1/users/me'"
    'url file:'          = "'file:///etc/passwd'"
    'url javascript:'    = "'javascript:alert(1)'"
    'url other host'     = "'http://127.0.0.1:9/v1/users/me'"
    'zero'               = '0'
    'minus one'          = '-1'
    'Int32.MaxValue'     = '[int]::MaxValue'
    'Int64.MinValue'     = '[long]::MinValue'
    'NaN'                = '[double]::NaN'
    'date de-DE text'    = "'31.12.2026'"
    'date ISO text'      = "'2026-12-31T23:59:59+14:00'"
    'DateTime.MinValue'  = '[datetime]::MinValue'
    'DateTime.MaxValue'  = '[datetime]::MaxValue'
    'Turkish I'          = "'İıIi'"
    'number text 1,5'    = "'1,5'"
    'DBNull'             = '[DBNull]::Value'
    'AutomationNull'     = '(& {})'
    'ScriptBlock'        = '{ "sb" }'
    'PSObject in PSObject' = '[psobject]::new([psobject]::new("wrapped"))'
    'hashtable odd keys' = '@{ 1 = "one"; "" = "empty"; [datetime]::MinValue = "date"; $true = "bool" }'
    'ordered dictionary' = '[ordered]@{ Name = "ordered"; Notes = "n" }'
    'empty hashtable'    = '@{}'
    'empty PSCustomObject' = '[pscustomobject]@{}'
    'array of 100,000'   = '[object[]](1..100000)'
    'empty array'        = '@()'
    'array with null'    = '@($null, "x")'
    'all-zero GUID'      = "'00000000-0000-0000-0000-000000000000'"
    'empty SecureString' = '[securestring]::new()'
}
$cultureValues = 'date de-DE text', 'date ISO text', 'DateTime.MinValue', 'Turkish I', 'number text 1,5', 'NaN', 'hashtable odd keys', 'whitespace', 'path CON'

# PowerShell's own refusals of a value: fine.
$bindingIds = 'ParameterArgumentValidationError', 'ParameterArgumentTransformationError', 'CannotConvertArgumentNoMessage', 'CannotConvertArgument',
    'MissingArgument', 'AmbiguousParameterSet', 'NamedParameterNotFound', 'InputObjectNotBound', 'ParameterArgumentValidationErrorNullNotAllowed',
    'ParameterArgumentValidationErrorEmptyStringNotAllowed', 'ParameterArgumentValidationErrorEmptyArrayNotAllowed', 'MissingMandatoryParameter',
    'PositionalParameterNotFound', 'ParameterBindingFailed', 'ParameterAlreadyBound', 'ParameterArgumentValidationErrorEmptyCollectionNotAllowed', 'CannotConvertArgumentNoMessage'
$notionIds = @(
    [regex]::Matches((Get-Content -Raw (Join-Path $root 'src/NotionPS/Errors/NotionErrorIds.cs')), 'public const string (\w+)') | ForEach-Object { $_.Groups[1].Value }
)

function Get-ErrorVerdict([System.Management.Automation.ErrorRecord] $record) {
    $id = ($record.FullyQualifiedErrorId -split ',')[0]
    $exceptionTypes = @(for ($e = $record.Exception; $e; $e = $e.InnerException) { $e.GetType().FullName })
    if ($record.Exception -is [System.Management.Automation.ParameterBindingException] -or $id -in $bindingIds) { return 'binding' }
    # Input quoted in a message (an ID, a title, a value) may carry terminal controls: they must be shown as \uXXXX.
    if ($id -in $notionIds -and "$record$($record.Exception.Message)".IndexOfAny([char[]](0, 7, 27, 0x9B, 0x202E)) -ge 0) { return 'REVIEW control character in the message' }
    if ($id -in $notionIds) { return 'notion' }
    if ($id -match '^System\.|Exception$') { return 'DEFECT unhandled' }
    'REVIEW'
}

function Get-Short([string] $text) {
    $text = $text -replace '\s+', ' '
    $text.Substring(0, [math]::Min(300, $text.Length))
}

function Invoke-Case($cmdlet, $parameter, $valueName, $valueExpression, $culture, [switch] $Pipeline) {
    $base = $bases[$cmdlet]
    $assign = if ($valueName -eq 'AutomationNull') { '$value = $null; $useAutomationNull = $true' } else { "`$value = $valueExpression; `$useAutomationNull = `$false" }
    $call = if ($Pipeline) {
        # One bad item between two good ones, through the parameter's pipeline binding.
        "`$good = `$splat['$parameter']; `$null = `$splat.Remove('$parameter'); @(`$good, `$value, `$good) | $cmdlet @splat"
    } elseif ($valueName -eq 'AutomationNull') {
        "$cmdlet @splat -${parameter}:(& {})"
    } else {
        "`$splat['$parameter'] = `$value; $cmdlet @splat"
    }
    $script = @"
[cultureinfo]::CurrentCulture = '$culture'; [cultureinfo]::CurrentUICulture = '$culture'
Connect-Sweep
$(if ($base -match 'fresh|trashed') { $freshPrelude })
`$splat = $base
$(foreach ($drop in $script:conflicts["$cmdlet|$parameter"]) { "`$null = `$splat.Remove('$drop')`n" })
$assign
$call
"@
    $ps = [powershell]::Create(); $ps.Runspace = $runspace
    $null = $ps.AddScript($script)
    $started = [datetime]::UtcNow
    $async = $ps.BeginInvoke()
    $output = $null; $thrown = $null; $hang = $false
    if (-not $async.AsyncWaitHandle.WaitOne([timespan]::FromSeconds($TimeoutSec))) {
        $hang = $true
        $stop = $ps.BeginStop($null, $null)
        if (-not $stop.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(30))) {
            throw "Case $cmdlet -$parameter '$valueName' did not stop; the runspace is stuck."
        }
    }
    else {
        try { $output = $ps.EndInvoke($async) } catch { $thrown = $_.Exception.InnerException ?? $_.Exception }
    }
    $elapsed = ([datetime]::UtcNow - $started).TotalSeconds
    $records = @($ps.Streams.Error)
    if ($thrown -is [System.Management.Automation.IContainsErrorRecord]) { $records += $thrown.ErrorRecord }
    $texts = @(
        ($output | Out-String -Width 500)
        $records | ForEach-Object { $_.ToString(); $_.Exception.ToString(); "$($_.TargetObject)"; $_.ErrorDetails.RecommendedAction; $_.CategoryInfo.ToString() }
        $ps.Streams.Verbose | ForEach-Object Message
        $ps.Streams.Debug | ForEach-Object Message
        $ps.Streams.Warning | ForEach-Object Message
        $ps.Streams.Information | ForEach-Object { "$($_.MessageData)" }
        "$thrown"
    ) -join "`n"
    # One record of each kind is enough to judge (100,000 bad items give 100,000 alike).
    $kinds = @($records | Group-Object { "$($_.FullyQualifiedErrorId)|$($_.Exception.GetType().FullName)" } | ForEach-Object { $_.Group[0] })
    $verdicts = @($kinds | ForEach-Object { Get-ErrorVerdict $_ })
    if ((Get-Content -Raw -Path (Join-Path $scratch 'outside/victim.csv')) -ne "victim`n") {
        $verdicts += 'REVIEW wrote through the link'
        Set-Content -Path (Join-Path $scratch 'outside/victim.csv') -Value 'victim'
    }
    $verdict = if ($hang) { 'DEFECT hang' }
        elseif ($texts.Contains($tokenText)) { 'DEFECT token' }
        elseif ($thrown -and -not ($thrown -is [System.Management.Automation.IContainsErrorRecord])) { 'DEFECT thrown' }
        elseif ($verdicts -like 'DEFECT*') { $verdicts -like 'DEFECT*' | Select-Object -First 1 }
        elseif ($verdicts -like 'REVIEW*') { $verdicts -like 'REVIEW*' | Select-Object -First 1 }
        elseif ($records) { ($verdicts | Sort-Object -Unique) -join '+' }
        else { 'accepted' }
    $ps.Dispose()
    [pscustomobject]@{
        Cmdlet = $cmdlet; Parameter = $parameter; Value = $valueName; Culture = $culture; Pipeline = [bool] $Pipeline
        Verdict = $verdict; Seconds = [math]::Round($elapsed, 2); Outputs = @($output).Count
        ErrorCount = $records.Count
        Errors = @($kinds | ForEach-Object { [pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Exception = $_.Exception.GetType().FullName; Message = Get-Short "$_" } })
    }
}

$common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$probe = [powershell]::Create(); $probe.Runspace = $runspace
# The connecting cmdlets last: a connection's limits (-WorkspaceRequestsPerMinute 15, say) outlive it, process-wide.
$connecting = 'Connect-NotionIntegration', 'Register-NotionIntegration', 'Unregister-NotionIntegration', 'Disconnect-NotionIntegration'
$commands = $probe.AddScript('Get-Command -Module NotionPS').Invoke() | Where-Object { $name = $_.Name; $Command | Where-Object { $name -like $_ } } | Sort-Object { $_.Name -in $connecting }, Name
$probe.Dispose()

# A parameter outside the base call's parameter set: drop the base keys that share no set with it.
$script:conflicts = @{}
foreach ($info in $commands) {
    $baseKeys = [regex]::Matches($bases[$info.Name], '(\w+)\s*=') | ForEach-Object { $_.Groups[1].Value }
    foreach ($parameter in $info.Parameters.Values | Where-Object Name -NotIn $common) {
        $sets = $parameter.ParameterSets.Keys
        $script:conflicts["$($info.Name)|$($parameter.Name)"] = @($baseKeys | Where-Object {
            $other = $info.Parameters[$_].ParameterSets.Keys
            $_ -ne $parameter.Name -and -not ($sets | Where-Object { $_ -eq '__AllParameterSets' -or $other -contains $_ -or $other -contains '__AllParameterSets' })
        })
    }
}

Remove-Item $OutFile -ErrorAction Ignore
$count = 0
foreach ($culture in $Culture) {
    $valueNames = if ($culture -eq $Culture[0]) { $Values.Keys } else { $cultureValues }
    $valueNames = $valueNames | Where-Object { $name = $_; $Value | Where-Object { $name -like $_ } }
    foreach ($info in $commands) {
        foreach ($parameter in $info.Parameters.Values | Where-Object Name -NotIn $common) {
            # -Connection is one parameter of the base class, bound alike everywhere: swept on one cmdlet.
            if ($parameter.Name -eq 'Connection' -and $info.Name -ne 'Get-NotionPage') { continue }
            foreach ($valueName in $valueNames) {
                $case = Invoke-Case $info.Name $parameter.Name $valueName $Values[$valueName] $culture
                $case | ConvertTo-Json -Depth 4 -Compress | Add-Content -Path $OutFile
                $count++
                if ($case.Verdict -match 'DEFECT|REVIEW') { Write-Host "$($case.Verdict): $($info.Name) -$($parameter.Name) [$valueName] ($culture) $($case.Errors | Select-Object -First 1 | ForEach-Object { "$($_.Id): $($_.Message)" })" }
            }
            $byPipeline = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ValueFromPipeline }
            if ($byPipeline -and $culture -eq $Culture[0] -and $bases[$info.Name] -match "\b$($parameter.Name)\s*=") {
                foreach ($valueName in $valueNames) {
                    $case = Invoke-Case $info.Name $parameter.Name $valueName $Values[$valueName] $culture -Pipeline
                    $case | ConvertTo-Json -Depth 4 -Compress | Add-Content -Path $OutFile
                    if ($case.Verdict -match 'DEFECT|REVIEW') { Write-Host "$($case.Verdict) (pipeline): $($info.Name) -$($parameter.Name) [$valueName] $($case.Errors | Select-Object -First 1 | ForEach-Object { "$($_.Id): $($_.Message)" })" }
                }
            }
        }
        # Each cmdlet starts from the demo workspace.
        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.BaseUri)__emulator/reset" -Body '{}' -ContentType 'application/json'
    }
}

}
finally {
    if ($runspace) { $runspace.Dispose() }
    Stop-EmulatorProcess -Emulator $emulator
    Remove-Item $scratch -Recurse -Force -ErrorAction Ignore
}
Write-Host "$count cases; results in $OutFile"
