# Workloads 6 to 11 in real pwsh 7.6.9 (`dotnet pwsh`), against a running emulator started with no rate limit
# (`--rate-limit 0`) and used by nothing else meanwhile (its limits and counts are global): each workload sets the emulator's limits it needs through
# PUT /__emulator/rate-limit, seeds its own data through the admin API, and puts the limits back afterwards.
# Prints one `RESULT {json}` line per workload; requests and 429s come from GET /__emulator/stats (differences
# taken around the measured part, so the connect call is left out). The harness runs one workload per fresh
# process (`--only 8-blocks` etc.); run by hand, -Only takes several. See the benchmark README.
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $BaseUri,
    [string] $Token = 'demo-token-full-access',
    [string[]] $Only = @('6-budget-read', '6-budget-add', '7-workspace', '7-workspace-declared', '8-blocks', '9-sync', '10-upload', '11-export'),
    [int] $RequestsPerMinute = 30,
    [int] $BudgetReadRows = 6000,
    [int] $BudgetWriteRows = 61,
    [int] $WorkspaceBudget = 60,
    [int] $WorkspaceReadRows = 3000,
    [int] $Blocks = 1000,
    [int] $SyncRows = 1000,
    [int] $SyncChanged = 100,
    [int] $UploadMegabytes = 45,
    # A file to upload instead of one of $UploadMegabytes MB of random bytes made here (the harness makes one for both clients).
    [string] $UploadPath,
    [int] $ExportRows = 12000
)

$ErrorActionPreference = 'Stop'
$BaseUri = $BaseUri.TrimEnd('/') + '/'
$fullAccessToken = $Token
$readOnlyToken = 'demo-token-read-only'
$fullAccessBot = 'b0b0b0b0-0000-4000-8000-000000000001'
$readOnlyBot = 'b0b0b0b0-0000-4000-8000-000000000002'
$teamHome = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'
# Import-Module takes a relative path without ./ for a module name: resolved here, for the runspaces of workload 7 too.
$Manifest = (Resolve-Path -LiteralPath $Manifest).ProviderPath

Import-Module $Manifest

function Invoke-Admin([string] $Method, [string] $Path, $Body) {
    $arguments = @{ Method = $Method; Uri = "${BaseUri}__emulator/$Path"; ContentType = 'application/json' }
    if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json -Depth 10 -Compress) }
    Invoke-RestMethod @arguments
}

function Set-Limits([hashtable] $Limits) {
    $all = @{ requestsPerSecond = 0; burst = 10; retryAfterSeconds = 1; requestsPerMinute = 0; workspaceRequestsPerWindow = 0; workspaceWindowSeconds = 60 }
    foreach ($key in $Limits.Keys) { $all[$key] = $Limits[$key] }
    Invoke-Admin PUT 'rate-limit' $all | Out-Null
}

function Get-Counts([string] $Bot = $fullAccessBot) {
    $stats = (Invoke-Admin GET 'stats').integrations.$Bot
    [pscustomobject]@{ Requests = [int]$stats.requests; RateLimited = [int]$stats.rateLimited }
}

function New-DataSource([string] $Title, [int] $Rows) {
    $statuses = 'Todo', 'Doing', 'Done'
    $database = Invoke-Admin POST 'databases' @{
        title = $Title; parent = $teamHome; sharedWith = @('NotionPS Demo', 'Read-only Reporter')
        dataSources = @(@{ name = $Title; properties = @{
            Name = @{ type = 'title' }; Seq = @{ type = 'number'; format = 'number' }
            Status = @{ type = 'select'; options = @($statuses | ForEach-Object { @{ name = $_ } }) }
            Notes = @{ type = 'rich_text' } } })
    }
    $dataSource = [string]$database.dataSources[0]
    $start = [datetime]::new(2026, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
    for ($first = 1; $first -le $Rows; $first += 500) {
        $chunk = foreach ($seq in $first..([Math]::Min($Rows, $first + 499))) {
            @{ createdTime = $start.AddSeconds($seq).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'")
               properties = @{ Name = "Row $seq"; Seq = $seq; Status = $statuses[$seq % 3]; Notes = "Benchmark row $seq" } }
        }
        Invoke-Admin POST "data_sources/$dataSource/rows" @{ rows = @($chunk) } | Out-Null
    }
    $dataSource
}

function Connect-As([string] $Token, [hashtable] $Extra = @{}) {
    Connect-NotionIntegration -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -BaseUri $BaseUri @Extra
}

# Elapsed, CPU, allocation and the benchmark integration's requests and 429s around one script block, and its output.
function Measure-Part([scriptblock] $Work) {
    $process = [System.Diagnostics.Process]::GetCurrentProcess()
    $before = Get-Counts
    $peakBefore = $process.PeakWorkingSet64
    $cpuBefore = $process.TotalProcessorTime
    $allocatedBefore = [GC]::GetTotalAllocatedBytes($false)
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $output = & $Work
    $watch.Stop()
    $process.Refresh()
    $after = Get-Counts
    [pscustomobject]@{
        Output = $output
        Figures = [ordered]@{
            elapsedMs = [Math]::Round($watch.Elapsed.TotalMilliseconds)
            cpuMs = [Math]::Round(($process.TotalProcessorTime - $cpuBefore).TotalMilliseconds)
            allocatedBytes = [GC]::GetTotalAllocatedBytes($false) - $allocatedBefore
            peakBytes = $process.PeakWorkingSet64
            # The process's peak before the workload: a peak above it is the workload's own.
            peakBytesBefore = $peakBefore
            requests = $after.Requests - $before.Requests
            rateLimited = $after.RateLimited - $before.RateLimited
        }
    }
}

function Write-Result([string] $Name, [System.Collections.Specialized.OrderedDictionary] $Figures) {
    $result = [ordered]@{ workload = $Name }
    foreach ($key in $Figures.Keys) { $result[$key] = $Figures[$key] }
    $result.load = (Get-Content /proc/loadavg -ErrorAction Ignore) -split ' ' | Select-Object -First 1
    'RESULT ' + ($result | ConvertTo-Json -Compress)
}

# One measured part, with figures worked out from its result and output.
function Measure-Workload([string] $Name, [scriptblock] $Work, [hashtable] $Figures = @{}) {
    $part = Measure-Part $Work
    $result = $part.Figures
    foreach ($key in $Figures.Keys) { $result[$key] = & $Figures[$key] $result $part.Output }
    Write-Result $Name $result
}

# A per-minute budget can be spent at once, then again a minute later: from a full budget, N requests need at
# least floor((N - 1) / budget) minutes. shareOfBudget is that least time over the time taken (100 % = the budget
# spent as fast as it allows); 429s are counted apart.
$budgetShare = { param($r) [Math]::Round(100 * [Math]::Floor(($r.requests - $r.rateLimited - 1) / $RequestsPerMinute) * 60000 / $r.elapsedMs, 1) }

# Reading and adding under the budget are two workloads (each from a full budget, in a process of its own).
foreach ($budgetWorkload in '6-budget-read', '6-budget-add' | Where-Object { $Only -contains $_ }) {
    $dataSource = if ($budgetWorkload -eq '6-budget-read') { New-DataSource 'Budget read' $BudgetReadRows } else { New-DataSource 'Budget write' 0 }
    Set-Limits @{ requestsPerMinute = $RequestsPerMinute }
    $connection = Connect-As $fullAccessToken @{ RequestsPerMinute = $RequestsPerMinute }
    # The connect call spent one request of this minute's budget; wait for the next window so each run starts full.
    Start-Sleep -Seconds 61
    if ($budgetWorkload -eq '6-budget-read') {
        Measure-Workload "6-budget read $BudgetReadRows rows, $RequestsPerMinute/min" {
            (Get-NotionDatabaseRow -DataSourceId $dataSource -Connection $connection | Measure-Object).Count
        } @{ rows = { param($r, $o) $o }; shareOfBudget = $budgetShare }
    }
    else {
        Measure-Workload "6-budget add $BudgetWriteRows rows, $RequestsPerMinute/min" {
            (1..$BudgetWriteRows | ForEach-Object { @{ Name = "Added $_"; Seq = $_ } } |
                Add-NotionDatabaseRow -DataSourceId $dataSource -Connection $connection | Measure-Object).Count
        } @{ rows = { param($r, $o) $o }; shareOfBudget = $budgetShare }
    }
    Set-Limits @{}
}

# Two tokens of one workspace (the two demo integrations, both in Acme Demo) reading at once in two runspaces, no
# per-token limit, under one workspace budget of $WorkspaceBudget per 60 s: without a declaration the first 429 pauses
# both until the window turns; declared (-WorkspaceRequestsPerMinute at the budget), one shared limiter paces both.
# Each runspace imports and connects first, before the limits are set (a fresh window for the reads), then the reads
# alone are measured. shareOfWorkspaceBudget is workload 6's share over both tokens' requests.
foreach ($workspaceWorkload in '7-workspace', '7-workspace-declared' | Where-Object { $Only -contains $_ }) {
    $declared = $workspaceWorkload -eq '7-workspace-declared'
    $dataSource = New-DataSource 'Workspace read' $WorkspaceReadRows
    $connectOptions = if ($declared) { @{ WorkspaceRequestsPerMinute = $WorkspaceBudget } } else { @{} }
    $shells = foreach ($token in $fullAccessToken, $readOnlyToken) {
        $shell = [powershell]::Create()
        $shell.AddScript({
            param($Manifest, $BaseUri, $Token, $Options)
            Import-Module $Manifest
            $global:connection = Connect-NotionIntegration -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -BaseUri $BaseUri -RequestsPerSecond 0 @Options
        }).AddParameters(@{ Manifest = $Manifest; BaseUri = $BaseUri; Token = $token; Options = $connectOptions }).Invoke() | Out-Null
        $shell.Streams.Error | ForEach-Object { throw "Connect in a runspace of $workspaceWorkload failed: $_" }
        $shell.Commands.Clear()
        $shell.AddScript({
            param($DataSource)
            (Get-NotionDatabaseRow -DataSourceId $DataSource -Connection $global:connection | Measure-Object).Count
        }).AddParameter('DataSource', $dataSource) | Out-Null
        $shell
    }
    Set-Limits @{ workspaceRequestsPerWindow = $WorkspaceBudget; workspaceWindowSeconds = 60 }
    $beforeOther = Get-Counts $readOnlyBot
    $name = "$workspaceWorkload two tokens, $WorkspaceBudget per 60 s$(if ($declared) { ' declared' }), $WorkspaceReadRows rows each"
    Measure-Workload $name {
        $running = @($shells | ForEach-Object { $_.BeginInvoke() })
        for ($i = 0; $i -lt $shells.Count; $i++) { $shells[$i].EndInvoke($running[$i]) }
        $shells | ForEach-Object { $_.Streams.Error } | ForEach-Object { Write-Warning "$_" }
    } @{
        rows = { param($r, $o) [int]($o | Measure-Object -Sum).Sum }
        otherTokenRequests = { $after = Get-Counts $readOnlyBot; $after.Requests - $beforeOther.Requests }
        otherTokenRateLimited = { $after = Get-Counts $readOnlyBot; $after.RateLimited - $beforeOther.RateLimited }
        shareOfWorkspaceBudget = {
            param($r)
            $after = Get-Counts $readOnlyBot
            $answered = $r.requests + $after.Requests - $beforeOther.Requests - $r.rateLimited - ($after.RateLimited - $beforeOther.RateLimited)
            [Math]::Round(100 * [Math]::Floor(($answered - 1) / $WorkspaceBudget) * 60000 / $r.elapsedMs, 1)
        }
    }
    $shells | ForEach-Object { $_.Dispose() }
    Set-Limits @{}
}

if ($Only -contains '8-blocks') {
    $connection = Connect-As $fullAccessToken @{ RequestsPerSecond = 0 }
    $markdown = (1..$Blocks | ForEach-Object { "Paragraph $_ of the benchmark page, a sentence of plain text." }) -join "`n`n"
    $write = Measure-Part { New-NotionPage -ParentId $teamHome -Title 'Benchmark blocks' -Markdown $markdown -Connection $connection }
    $page = $write.Output
    $read = Measure-Part { (Get-NotionPageContent -PageId $page -AsBlocks -Connection $connection | Measure-Object).Count }
    $markdownRead = Measure-Part { (Get-NotionPageContent -PageId $page -Connection $connection).Length }
    # One line for both parts, in the shape of the SDK's (sdk/workload.mjs blocks): totals, then each part.
    $figures = [ordered]@{}
    foreach ($key in $write.Figures.Keys) { $figures[$key] = $write.Figures[$key] + $read.Figures[$key] }
    $figures.peakBytes = $read.Figures.peakBytes
    $figures.peakBytesBefore = $write.Figures.peakBytesBefore
    # The Markdown read has no SDK counterpart: beside the totals, not in them.
    foreach ($part in @{ write = $write; read = $read; markdown = $markdownRead }.GetEnumerator()) {
        foreach ($key in 'elapsedMs', 'cpuMs', 'allocatedBytes', 'requests') {
            $figures[$part.Key + $key.Substring(0, 1).ToUpperInvariant() + $key.Substring(1)] = $part.Value.Figures[$key]
        }
    }
    $figures.rows = $read.Output
    Write-Result "8-blocks write a $Blocks-block page (New-NotionPage -Markdown), read it back (Get-NotionPageContent -AsBlocks)" $figures
}

if ($Only -contains '9-sync') {
    $dataSource = New-DataSource 'Sync' $SyncRows
    $connection = Connect-As $fullAccessToken @{ RequestsPerSecond = 0 }
    # The first SyncChanged rows get new notes; the rest are as seeded, so only those need a request.
    $sourceRows = foreach ($seq in 1..$SyncRows) {
        [pscustomobject]@{ Name = "Row $seq"; Notes = if ($seq -le $SyncChanged) { "Changed row $seq" } else { "Benchmark row $seq" } }
    }
    Measure-Workload "9-sync $SyncRows rows, $SyncChanged changed" {
        $sourceRows | Sync-NotionDatabaseRow -DataSourceId $dataSource -Key Name -Property Notes -PassThru -Connection $connection
    } @{
        changedReported = { param($r, $o) @($o | Where-Object Action -eq 'Updated').Count }
        minimumRequests = { $SyncChanged }
    }
}

if ($Only -contains '10-upload') {
    $connection = Connect-As $fullAccessToken @{ RequestsPerSecond = 0 }
    $path = $UploadPath
    if (-not $path) {
        $path = Join-Path ([IO.Path]::GetTempPath()) "notionps-benchmark-$UploadMegabytes-MB.mp4"
        $bytes = [byte[]]::new(1MB)
        [Random]::new(19).NextBytes($bytes)
        $stream = [IO.File]::Create($path)
        try { for ($i = 0; $i -lt $UploadMegabytes; $i++) { $stream.Write($bytes, 0, $bytes.Length) } } finally { $stream.Dispose() }
        $bytes = $null
    }
    $size = (Get-Item -LiteralPath $path).Length
    try {
        Measure-Workload "10-upload Send-NotionFile $([Math]::Round($size / 1e6, 1)) MB" {
            Send-NotionFile -LiteralPath $path -Connection $connection
        } @{
            bytes = { $size }
            megabytesPerSecond = { param($r) [Math]::Round($size / 1e6 / ($r.elapsedMs / 1000.0), 1) }
        }
    }
    finally { if (-not $UploadPath) { Remove-Item -LiteralPath $path } }
}

# Export-NotionDatabase came later than the other cmdlets: skipped, with a line saying so, by a module without it.
if ($Only -contains '11-export') {
    if (-not (Get-Command Export-NotionDatabase -ErrorAction Ignore)) {
        'SKIPPED 11-export: this module has no Export-NotionDatabase'
    }
    else {
        $dataSource = New-DataSource 'Export' $ExportRows
        $connection = Connect-As $fullAccessToken @{ RequestsPerSecond = 0 }
        $path = Join-Path ([IO.Path]::GetTempPath()) 'notionps-benchmark-export.csv'
        try {
            Measure-Workload "11-export $ExportRows rows to CSV (Export-NotionDatabase)" {
                Export-NotionDatabase -DataSourceId $dataSource -Path $path -Force -Connection $connection
            } @{
                # Counted after the clock stops (no cell of these rows holds a line break).
                rows = { (Get-Content -LiteralPath $path | Measure-Object).Count - 1 }
                rowsPerSecond = { param($r) [Math]::Round(((Get-Content -LiteralPath $path | Measure-Object).Count - 1) / ($r.elapsedMs / 1000.0)) }
            }
        }
        finally { Remove-Item -LiteralPath $path -ErrorAction Ignore }
    }
}
