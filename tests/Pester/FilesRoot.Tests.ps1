param([string] $Configuration = 'Debug')

# Files cells and backups that name local files (audit2 findings 2 and 3): a row read from Notion never names one, text
# does only under -LocalFileRoot, and a backup's saved file is read only from under its own folder.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
    $teamHome = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'
    $secret = Join-Path $TestDrive 'home/.docker/config.json'
    New-Item -ItemType Directory -Path (Split-Path -Parent $secret) -Force | Out-Null
    Set-Content -Path $secret -Value '{"auths":{"registry.corp":{"auth":"c2VjcmV0"}}}'

    function New-FilesDatabase([string] $Title) {
        Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.BaseUri, '__emulator/databases')) -ContentType 'application/json' -Body (@{
            title = $Title; parent = $teamHome
            dataSources = @(@{ name = $Title; properties = @{ Name = @{ type = 'title' }; Attachments = @{ type = 'files' } } })
        } | ConvertTo-Json -Depth 5)
    }

    function Get-UploadCount {
        # Every upload the demo integration holds, all pages of the list.
        $count = 0
        $cursor = $null
        do {
            $page = Invoke-NotionApi -Method GET -Path ('v1/file_uploads?page_size=100' + $(if ($cursor) { "&start_cursor=$cursor" }))
            $count += @($page.results).Count
            $cursor = if ($page.has_more) { $page.next_cursor }
        } while ($cursor)
        $count
    }

    function Get-FilesCell([string] $DataSourceId) {
        (Invoke-NotionApi -Method POST -Path "v1/data_sources/$DataSourceId/query" -Body @{}).results | ForEach-Object { , @($_.properties.Attachments.files) }
    }
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'A row copied from Notion' {
    It 'never uploads the local file its external URL names, even with -LocalFileRoot /' {
        $theirs = New-FilesDatabase 'Their inbox'
        $mine = New-FilesDatabase 'My inbox'
        # Stored straight in the emulator, as another client might have: an external "URL" that is a path.
        Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.BaseUri, "__emulator/data_sources/$($theirs.dataSources[0])/rows")) -ContentType 'application/json' -Body (@{
            rows = @(@{ properties = @{ Name = 'invoice'; Attachments = @(@{ name = 'invoice.json'; type = 'external'; external = @{ url = $secret } }) } })
        } | ConvertTo-Json -Depth 8) | Out-Null
        $before = Get-UploadCount

        Get-NotionDatabaseRow -DatabaseId $theirs.id | Add-NotionDatabaseRow -DatabaseId $mine.id -LocalFileRoot / -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null

        Get-UploadCount | Should -Be $before
        $failed.FullyQualifiedErrorId | Where-Object { $_ -notlike 'NotionValidationError,*' } | Should -BeNullOrEmpty
        Get-FilesCell $mine.dataSources[0] | ForEach-Object { $_.type | Should -Be 'external'; $_.external.url | Should -Be $secret }
    }
}

Describe 'Text in a files cell' {
    It 'is NotionLocalFileNotAllowed without -LocalFileRoot, and the other rows go on' {
        $db = New-FilesDatabase 'Receipts'
        $before = Get-UploadCount

        $rows = [pscustomobject]@{ Name = 'Secret'; Attachments = $secret }, [pscustomobject]@{ Name = 'Linked'; Attachments = 'https://example.com/a.pdf' } |
            Add-NotionDatabaseRow -DatabaseId $db.id -ErrorVariable failed -ErrorAction SilentlyContinue

        $rows.Name | Should -Be 'Linked'
        $failed.FullyQualifiedErrorId | Should -Be 'NotionLocalFileNotAllowed,NotionPS.Cmdlets.AddNotionDatabaseRowCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        Get-UploadCount | Should -Be $before
    }
}

Describe 'A hostile JSON backup' {
    It 'does not upload a saved path that <Case>, and restores the URL with a warning' -ForEach @(
        @{ Case = 'climbs out with ..'; Recorded = '../home/.docker/config.json' }
        @{ Case = 'is a full path elsewhere'; Recorded = 'SECRET' }
        @{ Case = 'goes through a symbolic link'; Recorded = 'linked/config.json' }
    ) {
        $backups = New-Item -ItemType Directory -Path (Join-Path $TestDrive "backups-$([guid]::NewGuid())") -Force
        New-Item -ItemType SymbolicLink -Path (Join-Path $backups 'linked') -Target (Split-Path -Parent $secret) | Out-Null
        $path = if ($Recorded -eq 'SECRET') { $secret } else { $Recorded }
        $backup = Join-Path $backups 'inbox.json'
        [ordered]@{
            format = 'NotionPS.DatabaseExport'; formatVersion = 1; apiVersion = '2025-09-03'; exportedTime = '2026-11-30T00:00:00Z'
            databaseId = [guid]::NewGuid().ToString(); dataSourceId = $null; title = 'Inbox'
            columns = @(@{ name = 'Name'; id = 'title'; type = 'title'; definition = @{} }, @{ name = 'Attachments'; id = 'a'; type = 'files'; definition = @{} })
            rows = @(@{ pageId = [guid]::NewGuid().ToString(); createdTime = '2026-11-30T00:00:00Z'; lastEditedTime = '2026-11-30T00:00:00Z'
                    cells = [ordered]@{ Name = 'restored'; Attachments = @(@{ name = 'report.json'; url = 'https://files.example/expired/report.json'; path = $path }) } })
            rowCount = 1
        } | ConvertTo-Json -Depth 10 | Set-Content -Path $backup
        $restore = New-FilesDatabase 'Restored'
        $before = Get-UploadCount

        Import-NotionDatabase -Path $backup -DatabaseId $restore.id -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable failed

        $failed | Should -BeNullOrEmpty
        Get-UploadCount | Should -Be $before
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -BeLike "Row 1, column 'Attachments': the saved file is not read. *"
        $cell = Get-FilesCell $restore.dataSources[0]
        $cell.type | Should -Be 'external'
        $cell.external.url | Should -Be 'https://files.example/expired/report.json'
    }
}
