<#
.SYNOPSIS
    Walks Notion's three setup steps with NotionPS against the emulator's demo workspace.

.DESCRIPTION
    Connects as the demo integration (step 1: the token), turns the demo database links into IDs
    (step 3: the database ID), then tests access to each database (step 2: sharing): Tasks is
    accessible, Private Notes is not shared and the result says how to share it.

    It expects NotionPS to be imported and uses only the engine's core cmdlets, so the tests run it
    in a hosted engine exactly as `./build.ps1 -Task Demo` runs it in pwsh. It shows each step on the
    host (Out-Host) as a person would see it at the prompt: one Out-Host per step, so each kind of
    object gets its own table view. It writes nothing to the output.

.EXAMPLE
    ./tools/Demo/Start-NotionDemo.ps1 -BaseUri http://127.0.0.1:7700
#>
[CmdletBinding()]
param(
    # The emulator's address, as printed when it starts.
    [Parameter(Mandatory)]
    [uri] $BaseUri,

    # The demo integration's token: the emulator's demo workspace knows it, Notion does not.
    [string] $DemoToken = 'demo-token-full-access',

    # Database links as a person copies them from Notion (••• > Copy link).
    [string[]] $DatabaseUrl = @(
        'https://www.notion.so/acme/Tasks-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6?v=aaaabbbbccccddddeeeeffff00001111'
        'https://www.notion.so/acme/Private-Notes-3c4d5e6f70814b92a0d1e2f3a4b5c6d7?v=bbbbccccddddeeeeffff000011112222'
    )
)

$ErrorActionPreference = 'Stop'

# A real token comes from Read-Host -AsSecureString, a vault or NOTION_TOKEN; the demo token is no secret.
$token = [System.Security.SecureString]::new()
foreach ($character in $DemoToken.ToCharArray()) {
    $token.AppendChar($character)
}

'Step 1: create an integration and copy its token. Connect-NotionIntegration checks the token with Notion:' | Out-Host
Connect-NotionIntegration -Token $token -BaseUri $BaseUri | Out-Host

'Step 3: copy the database ID. Get-NotionDatabaseId finds it in each database link:' | Out-Host
$databaseIds = $DatabaseUrl | Get-NotionDatabaseId
$databaseIds | Out-Host

'Step 2: share the database with the integration. Test-NotionDatabaseAccess checks it, and says what to click when it is not shared:' | Out-Host
$access = $databaseIds | Test-NotionDatabaseAccess
$access | Out-Host

# A narrow console cuts the table's Message column: what to do is also said in full, one database a line.
foreach ($result in $access | Where-Object Status -ne 'Accessible') {
    "What to do for $($result.Title ?? $result.DatabaseId) ($($result.Status)): $($result.Message)" | Out-Host
}
