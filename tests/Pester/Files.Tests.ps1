param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null

    # A database of its own with a files column, made through the emulator's admin API (under Team Home).
    $database = Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.BaseUri, '__emulator/databases')) -ContentType 'application/json' -Body (@{
        title       = 'Pester files'
        parent      = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'
        dataSources = @(@{ name = 'Pester files'; properties = @{ Name = @{ type = 'title' }; Attachments = @{ type = 'files' } } })
    } | ConvertTo-Json -Depth 5)
    $filesDb = $database.id

    $work = Join-Path ([IO.Path]::GetTempPath()) "notionps-pester-files-$PID"
    New-Item -ItemType Directory -Path $work -Force | Out-Null
    Set-Content -LiteralPath (Join-Path $work 'notes.txt') -Value ('x' * 3000) -NoNewline
    [IO.File]::WriteAllBytes((Join-Path $work 'chart.png'), [byte[]](1..255) * 4000)
    Set-Content -LiteralPath (Join-Path $work 'build.log') -Value 'log' -NoNewline
    New-Item -ItemType File -Path (Join-Path $work 'empty.txt') -Force | Out-Null

    function Get-Sha256([string] $Path) { (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash }
}

AfterAll {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestEnvironment
}

Describe 'Send-NotionFile' {
    It 'takes the files of Get-ChildItem from the pipeline and outputs uploads' {
        $uploads = Get-ChildItem -LiteralPath $work -Filter *.txt | Where-Object Length -GT 0 | Send-NotionFile

        $uploads | Should -BeOfType ([NotionPS.NotionFileUpload])
        $uploads.Name | Should -Be 'notes.txt'
        $uploads.Size | Should -Be 3000
        $uploads.ContentType | Should -Be 'text/plain'
        $uploads.Status | Should -Be 'uploaded'
        $uploads.ExpiryTime | Should -BeGreaterThan ([datetime]::UtcNow)
    }

    It 'writes one error per file it cannot send and sends the others' {
        $uploads = Send-NotionFile -Path (Join-Path $work '*') -ErrorVariable failures -ErrorAction SilentlyContinue

        ($uploads.Name | Sort-Object) -join ', ' | Should -Be 'chart.png, notes.txt'
        ($failures.FullyQualifiedErrorId | Sort-Object) -join ', ' |
            Should -Be 'NotionFileEmpty,NotionPS.Cmdlets.SendNotionFileCommand, NotionFileNameRefused,NotionPS.Cmdlets.SendNotionFileCommand'
    }

    It 'sends a file Notion would refuse by its extension under another name and type' {
        $upload = Get-Item -LiteralPath (Join-Path $work 'build.log') | Send-NotionFile -Name 'build' -ContentType 'text/plain'

        $upload.Name | Should -Be 'build.txt'
    }

    It 'refuses a missing file with <_>' -ForEach 'NotionFileNotFound' {
        { Send-NotionFile -LiteralPath (Join-Path $work 'nothing-here.txt') -ErrorAction Stop } |
            Should -Throw -ErrorId "$_,NotionPS.Cmdlets.SendNotionFileCommand"
    }

    It 'sends nothing with -WhatIf' {
        Send-NotionFile -LiteralPath (Join-Path $work 'notes.txt') -WhatIf | Should -BeNullOrEmpty
    }
}

Describe 'Files columns and Save-NotionFile' {
    It 'attaches a FileInfo, a path and an upload in one cell and saves them back byte-equal' {
        $upload = Send-NotionFile -LiteralPath (Join-Path $work 'chart.png')
        Push-Location -LiteralPath $work
        try {
            # A relative path is taken from -LocalFileRoot, here the current location.
            $row = @{ Name = 'Three files'; Attachments = (Get-Item -LiteralPath (Join-Path $work 'notes.txt')), $upload, 'notes.txt' } |
                Add-NotionDatabaseRow -DatabaseId $filesDb -LocalFileRoot .
        }
        finally {
            Pop-Location
        }
        $row.Attachments.Count | Should -Be 3

        $saved = $row | Save-NotionFile -Destination (Join-Path $work 'saved')

        $saved | Should -BeOfType ([IO.FileInfo])
        $saved.Name -join ', ' | Should -Be 'notes.txt, chart.png, notes (2).txt'
        Get-Sha256 $saved[0].FullName | Should -Be (Get-Sha256 (Join-Path $work 'notes.txt'))
        Get-Sha256 $saved[1].FullName | Should -Be (Get-Sha256 (Join-Path $work 'chart.png'))
    }

    It 'outputs each saved file as Get-Item does: its provider path, and its mode and size at the prompt' {
        $row = Get-NotionDatabaseRow -DatabaseId $filesDb -Where @{ Name = 'Three files' }

        $saved = $row | Save-NotionFile -Destination (Join-Path $work 'as-items')

        $item = Get-Item -LiteralPath $saved[0].FullName
        $saved[0].PSPath | Should -Be $item.PSPath
        $saved[0].PSIsContainer | Should -BeFalse
        # Linux and macOS show UnixMode, User, Group and Size, which a bare FileInfo leaves empty.
        if (-not $IsWindows) {
            $saved[0].UnixMode | Should -Be $item.UnixMode
            $saved[0].Size | Should -Be $item.Size
        }
    }

    It 'keeps the files of a row copied to another database' {
        $other = Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.BaseUri, '__emulator/databases')) -ContentType 'application/json' -Body (@{
            title = 'Pester copies'; parent = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'
            dataSources = @(@{ name = 'Pester copies'; properties = @{ Name = @{ type = 'title' }; Attachments = @{ type = 'files' } } })
        } | ConvertTo-Json -Depth 5)

        $copy = Get-NotionDatabaseRow -DatabaseId $filesDb -Where @{ Name = 'Three files' } | Add-NotionDatabaseRow -DatabaseId $other.id
        $saved = $copy | Save-NotionFile -Destination (Join-Path $work 'copied')

        $saved.Count | Should -Be 3
        Get-Sha256 $saved[1].FullName | Should -Be (Get-Sha256 (Join-Path $work 'chart.png'))
    }

    It 'leaves an existing file unless -Force' {
        $row = Get-NotionDatabaseRow -DatabaseId $filesDb -Where @{ Name = 'Three files' }
        $destination = Join-Path $work 'again'
        $row | Save-NotionFile -Destination $destination | Out-Null

        $row | Save-NotionFile -Destination $destination -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures.Count | Should -Be 3
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotionFileExists,NotionPS.Cmdlets.SaveNotionFileCommand'
        ($row | Save-NotionFile -Destination $destination -Force).Count | Should -Be 3
    }

    It 'fails a row whose file is missing, names the error, and adds the other rows' {
        $rows = @{ Name = 'Missing file'; Attachments = (Join-Path $work 'gone.pdf') }, @{ Name = 'No file' } |
            Add-NotionDatabaseRow -DatabaseId $filesDb -LocalFileRoot $work -ErrorVariable failures -ErrorAction SilentlyContinue

        $rows.Name | Should -Be 'No file'
        $failures.FullyQualifiedErrorId | Should -Be 'NotionFileNotFound,NotionPS.Cmdlets.AddNotionDatabaseRowCommand'
        $failures[0].ToString() | Should -BeLike 'Row 1 ("Missing file"): *gone.pdf*'
    }
}

Describe 'Local files in page Markdown' {
    It 'embeds an image and a file by path relative to -LocalFileRoot, and Save-NotionFile saves them back byte-equal' {
        $page = New-NotionPage -ParentId '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8' -Title 'Pester embedded files' -LocalFileRoot $work -Markdown "![A chart](./chart.png)`n`n[notes.txt](notes.txt)"

        $blocks = Get-NotionPageContent -PageId $page -AsBlocks
        ($blocks | ForEach-Object { '{0}:{1}' -f $_.type, $_.($_.type).type }) -join ', ' | Should -Be 'image:file, file:file'
        $saved = Save-NotionFile -PageId $page -Destination (Join-Path $work 'embedded')
        $saved.Name -join ', ' | Should -Be 'chart.png, notes.txt'
        $saved | ForEach-Object { Get-Sha256 $_.FullName } | Should -Be (Get-Sha256 (Join-Path $work 'chart.png')), (Get-Sha256 (Join-Path $work 'notes.txt'))
    }
}
