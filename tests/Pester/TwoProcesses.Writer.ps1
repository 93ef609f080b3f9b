<#
    One of TwoProcesses.Tests.ps1's writers, run in its own pwsh process: connects (with 20 retries), says it is ready, waits for the
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
# Each process paces only itself, so with two at the token's limit about half the attempts draw a 429, and five
# retries (the default) are used up by some row in about one run of two: a runbook sharing its token raises the count.
Connect-NotionIntegration -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -BaseUri $BaseUri -MaximumRetryCount 20 | Out-Null
# The data source's columns are read before the go, so both processes' writes start together.
Get-NotionDatabaseSchema -DatabaseId $DatabaseId | Out-Null
New-Item -Path (Join-Path $Folder "$Name.ready") -ItemType File | Out-Null

while (-not (Test-Path -LiteralPath (Join-Path $Folder 'go'))) {
    Start-Sleep -Milliseconds 50
}

$added = 1..12 | ForEach-Object { @{ Name = "$Tag $Name $_" } } | Add-NotionDatabaseRow -DatabaseId $DatabaseId -ErrorAction Continue
"added $(@($added).Count) rows"
