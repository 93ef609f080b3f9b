<#
    One of TwoProcesses.Tests.ps1's writers, run in its own pwsh process: connects (with the default retries), says it is ready, waits for the
    test's go, then adds 12 rows named "<Tag> <Name> <n>". Errors go to standard error, where the test looks for them.
#>
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $Token,
    [Parameter(Mandatory)] [string] $DatabaseId,
    [Parameter(Mandatory)] [string] $Tag,
    [Parameter(Mandatory)] [string] $Name,
    [Parameter(Mandatory)] [string] $Folder
)

$ErrorActionPreference = 'Stop'
Import-Module $Manifest
# Each process paces only itself, so at first the two ask for twice the token's limit; the 429s they draw lower each
# one's pace (adaptive pacing) until together they fit, and the default five retries are plenty.
Connect-NotionIntegration -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -BaseUri $BaseUri | Out-Null
# The data source's columns are read before the go, so both processes' writes start together.
Get-NotionDatabaseSchema -DatabaseId $DatabaseId | Out-Null
New-Item -Path (Join-Path $Folder "$Name.ready") -ItemType File | Out-Null

while (-not (Test-Path -LiteralPath (Join-Path $Folder 'go'))) {
    Start-Sleep -Milliseconds 50
}

$added = 1..12 | ForEach-Object { @{ Name = "$Tag $Name $_" } } | Add-NotionDatabaseRow -DatabaseId $DatabaseId -ErrorAction Continue
"added $(@($added).Count) rows"
