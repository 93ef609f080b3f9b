param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
    $tasks = $Demo.TasksId
    $folder = Join-Path ([IO.Path]::GetTempPath()) "notionps-export-$PID"
    New-Item -ItemType Directory -Path $folder -Force | Out-Null

    # The columns Notion lets a row write (Related points at Tasks itself, so a copy can point at the same rows).
    $written = 'Name', 'Status', 'Priority', 'Tags', 'Due', 'Done', 'Estimate', 'Notes', 'Link', 'Email', 'Phone', 'Owner', 'Related'

    function New-BareDatabase {
        # A database under Team Home with only its title column, made through the emulator's admin API.
        param([string] $Title)

        $id = [guid]::NewGuid().Guid
        $body = @{
            id          = $id
            title       = $Title
            parent      = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'
            dataSources = @(@{ id = [guid]::NewGuid().Guid; name = $Title; properties = @{ Name = @{ type = 'title' } } })
        } | ConvertTo-Json -Depth 6
        Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri.ToString().TrimEnd('/'))/__emulator/databases" -Body $body -ContentType 'application/json' | Out-Null
        $id
    }

    function Get-Cells {
        # Each written cell of each row as text, ordered by Name, for a cell-by-cell comparison.
        param([object[]] $Rows)

        foreach ($row in $Rows | Sort-Object Name) {
            foreach ($column in $written) { '{0}.{1} = {2}' -f $row.Name, $column, $row.$column }
        }
    }
}

AfterAll {
    Remove-Item -Path $folder -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestEnvironment
}

Describe 'Export-NotionDatabase' {
    It 'writes a JSON backup with the schema and typed cells' {
        $path = Join-Path $folder 'tasks.json'

        Export-NotionDatabase -DatabaseId $tasks -Path $path

        $backup = Get-Content -Raw -Path $path | ConvertFrom-Json
        $rows = @(Get-NotionDatabaseRow $tasks)
        $backup.format | Should -Be 'NotionPS.DatabaseExport'
        $backup.rowCount | Should -Be $rows.Count
        $backup.rows.Count | Should -Be $rows.Count
        ($backup.columns | Where-Object name -EQ 'Priority').definition.select.options.name | Should -Contain 'High'
        ($backup.columns | Where-Object name -EQ 'Estimate').type | Should -Be 'number'
        $estimates = $backup.rows.cells.Estimate | Where-Object { $null -ne $_ }
        $estimates | Should -Not -BeNullOrEmpty
        $estimates | ForEach-Object { $_ -is [double] -or $_ -is [long] -or $_ -is [int] | Should -BeTrue -Because "$_ is a JSON number" }
        $backup.rows.cells.Done | ForEach-Object { $_ | Should -BeOfType ([bool]) }
    }

    It 'writes the CSV cells Get-NotionDatabaseRow | Export-Csv writes, whatever the culture' {
        $ours = Join-Path $folder 'ours.csv'
        $theirs = Join-Path $folder 'theirs.csv'
        $german = Join-Path $folder 'german.csv'

        Export-NotionDatabase -DatabaseId $tasks -Path $ours
        Invoke-InCulture 'en-US' { Get-NotionDatabaseRow $tasks | Export-Csv -Path $theirs }
        Invoke-InCulture 'de-DE' { Export-NotionDatabase -DatabaseId $tasks -Path $german }

        Get-Cells (Import-Csv $ours) | Should -Be (Get-Cells (Import-Csv $theirs))
        Get-Content -Raw $german | Should -BeExactly (Get-Content -Raw $ours)
    }

    It 'writes a CSV file that Import-Csv | Add-NotionDatabaseRow reads back' {
        $path = Join-Path $folder 'back.csv'
        Export-NotionDatabase -DatabaseId $tasks -Path $path -Where @{ Priority = 'High' }

        $rows = Import-Csv $path | Add-NotionDatabaseRow -DatabaseId $tasks -MatchOn Name -ErrorVariable failed -WarningAction SilentlyContinue

        $failed | Should -BeNullOrEmpty
        Get-Cells $rows | Should -Be (Get-Cells (Get-NotionDatabaseRow $tasks -Where @{ Priority = 'High' }))
    }

    It 'leaves an existing file alone with -NoClobber' {
        $path = Join-Path $folder 'kept.json'
        Set-Content -Path $path -Value 'kept'

        { Export-NotionDatabase -DatabaseId $tasks -Path $path -NoClobber -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionExportFileExists,NotionPS.Cmdlets.ExportNotionDatabaseCommand'
        Get-Content -Path $path | Should -Be 'kept'
    }

    It 'refuses a file that is neither .csv nor .json' {
        { Export-NotionDatabase -DatabaseId $tasks -Path (Join-Path $folder 'rows.txt') } |
            Should -Throw -ErrorId 'NotionExportFormatUnknown,NotionPS.Cmdlets.ExportNotionDatabaseCommand'
    }
}

Describe 'Import-NotionDatabase' {
    It 'restores a backup into an empty database, creating its columns, with equal cells' {
        $path = Join-Path $folder 'restore.json'
        Export-NotionDatabase -DatabaseId $tasks -Path $path
        $copy = New-BareDatabase -Title 'Tasks restored'

        $restored = Import-NotionDatabase -Path $path -DatabaseId $copy -CreateMissingColumns -PassThru -ErrorVariable failed

        $failed | Should -BeNullOrEmpty
        $restored.Count | Should -Be (Get-NotionDatabaseRow $tasks).Count
        Get-Cells (Get-NotionDatabaseRow $copy) | Should -Be (Get-Cells (Get-NotionDatabaseRow $tasks))
        (Get-NotionDatabase $copy).DataSources[0].Properties.Name | Should -Contain 'Score'
    }

    It 'lists the missing columns before writing any row' {
        $path = Join-Path $folder 'missing.json'
        Export-NotionDatabase -DatabaseId $tasks -Path $path
        $bare = New-BareDatabase -Title 'Tasks bare'

        { Import-NotionDatabase -Path $path -DatabaseId $bare -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionImportColumnsMissing,NotionPS.Cmdlets.ImportNotionDatabaseCommand' -ExpectedMessage "*'Priority' (select)*"
        Get-NotionDatabaseRow $bare | Should -BeNullOrEmpty
    }

    It 'runs twice with -MatchOn without duplicates' {
        $path = Join-Path $folder 'twice.json'
        Export-NotionDatabase -DatabaseId $tasks -Path $path
        $copy = New-BareDatabase -Title 'Tasks twice'

        Import-NotionDatabase -Path $path -DatabaseId $copy -CreateMissingColumns -MatchOn Name
        Import-NotionDatabase -Path $path -DatabaseId $copy -MatchOn Name

        @(Get-NotionDatabaseRow $copy).Count | Should -Be @(Get-NotionDatabaseRow $tasks).Count
    }

    It 'restores a backup into a new database New-NotionDatabase makes from it, with equal cells' {
        $path = Join-Path $folder 'new.json'
        Export-NotionDatabase -DatabaseId $tasks -Path $path

        $copy = New-NotionDatabase -ParentId '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8' -Title 'Tasks copy' -BackupPath $path
        Import-NotionDatabase -Path $path -DatabaseId $copy.DatabaseId -ErrorVariable failed

        $failed | Should -BeNullOrEmpty
        Get-Cells (Get-NotionDatabaseRow $copy.DatabaseId) | Should -Be (Get-Cells (Get-NotionDatabaseRow $tasks))
    }

    It 'saves the files with -IncludeFiles and uploads them again on restore' {
        $source = New-NotionDatabase -ParentId '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8' -Title 'With files' -Property ([ordered]@{ Name = 'title'; Attachments = 'files' })
        $file = Join-Path $folder 'minutes.txt'
        Set-Content -Path $file -Value ('minutes ' * 500)
        @{ Name = 'Board'; Attachments = $file } | Add-NotionDatabaseRow -DatabaseId $source.DatabaseId -LocalFileRoot $folder | Out-Null
        $path = Join-Path $folder 'files.json'

        Export-NotionDatabase -DatabaseId $source.DatabaseId -Path $path -IncludeFiles (Join-Path $folder 'files')

        $saved = (Get-Content -Raw -Path $path | ConvertFrom-Json).rows[0].cells.Attachments[0].path
        $saved | Should -BeLike 'files/Board *'
        (Get-FileHash (Join-Path $folder $saved)).Hash | Should -Be (Get-FileHash $file).Hash
        $copy = New-NotionDatabase -ParentId '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8' -BackupPath $path
        Import-NotionDatabase -Path $path -DatabaseId $copy.DatabaseId -ErrorVariable failed
        $back = Get-NotionDatabaseRow $copy.DatabaseId | Save-NotionFile -Destination (Join-Path $folder 'back')
        $failed | Should -BeNullOrEmpty
        (Get-FileHash $back.FullName).Hash | Should -Be (Get-FileHash $file).Hash
    }
}
