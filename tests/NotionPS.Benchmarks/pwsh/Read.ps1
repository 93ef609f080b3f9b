# Workload 1 in real pwsh 7.6.9 (`dotnet pwsh`), as users run NotionPS: the module imported as usual, so each data
# source's display set is registered with Update-TypeData, and the rows piped into Measure-Object. Prints one
# RESULT line in the harness's shape; elapsed, CPU and allocation cover the read alone.
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $DataSourceId,
    [Parameter(Mandatory)] [string] $Token
)

$ErrorActionPreference = 'Stop'
Import-Module $Manifest
Connect-NotionIntegration -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -BaseUri $BaseUri -RequestsPerSecond 0 | Out-Null

$process = [System.Diagnostics.Process]::GetCurrentProcess()
$cpuBefore = $process.TotalProcessorTime
$allocatedBefore = [GC]::GetTotalAllocatedBytes($false)
$gen2Before = [GC]::CollectionCount(2)
$jitBefore = [System.Runtime.JitInfo]::GetCompilationTime($false)
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$rows = (Get-NotionDatabaseRow -DataSourceId $DataSourceId -ErrorVariable failures | Measure-Object).Count
$watch.Stop()
$process.Refresh()

$result = [ordered]@{
    elapsedMs = $watch.Elapsed.TotalMilliseconds
    cpuMs = ($process.TotalProcessorTime - $cpuBefore).TotalMilliseconds
    peakBytes = $process.PeakWorkingSet64
    allocatedBytes = [GC]::GetTotalAllocatedBytes($false) - $allocatedBefore
    gen2Collections = [GC]::CollectionCount(2) - $gen2Before
    jitMs = ([System.Runtime.JitInfo]::GetCompilationTime($false) - $jitBefore).TotalMilliseconds
    rows = $rows
    failed = $failures.Count
}
'RESULT ' + ($result | ConvertTo-Json -Compress)
