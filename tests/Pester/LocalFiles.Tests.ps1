param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
    $tasks = $Demo.TasksId
    $folder = Join-Path ([IO.Path]::GetTempPath()) "notionps-localfiles-$PID"
    New-Item -ItemType Directory -Path (Join-Path $folder 'rows.csv'), (Join-Path $folder 'rows.json') -Force | Out-Null
}

AfterAll {
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestEnvironment
}

# A folder where a file is wanted is named as a folder before any row is read, not "already exists", "access denied",
# or (for -Checkpoint) a failure only after every row was read.
Describe 'A folder given where a file is wanted' {
    It '<Command> says the path is a folder, with <ErrorId>' -ForEach @(
        @{ Command = 'Export-NotionDatabase'; ErrorId = 'NotionExportPathNotAFile'; Script = 'Export-NotionDatabase -DatabaseId $tasks -Path (Join-Path $folder rows.csv) -Force' }
        @{ Command = 'Import-NotionDatabase'; ErrorId = 'NotionImportFileNotFound'; Script = 'Import-NotionDatabase -DatabaseId $tasks -Path (Join-Path $folder rows.json)' }
        @{ Command = 'Get-NotionDatabaseRow'; ErrorId = 'NotionCheckpointUnreadable'; Script = 'Get-NotionDatabaseRow -DatabaseId $tasks -Checkpoint $folder' }
        @{ Command = 'Send-NotionFile'; ErrorId = 'NotionFileNotFound'; Script = 'Send-NotionFile -LiteralPath $folder -ErrorAction Stop' }
    ) {
        { & ([scriptblock]::Create($Script)) } | Should -Throw -ErrorId "$ErrorId,NotionPS.Cmdlets.$($Command -replace '-')Command" -ExpectedMessage '*is a folder*'
        Get-ChildItem -LiteralPath (Join-Path $folder rows.csv), (Join-Path $folder rows.json) -Force | Should -BeNullOrEmpty
    }
}

Describe 'A device where a file is wanted' -Skip:(-not (Test-Path -LiteralPath /dev/zero)) {
    It 'Send-NotionFile refuses /dev/zero as a device, not as an empty file' {
        Send-NotionFile -LiteralPath /dev/zero -Name zero.txt -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failed.FullyQualifiedErrorId | Should -Be 'NotionFileNotRegular,NotionPS.Cmdlets.SendNotionFileCommand'
        $failed.Exception.Message | Should -BeLike "'/dev/zero' is a device, not a file*"
    }

    It 'Get-NotionDatabaseRow -Checkpoint /dev/zero stops at once instead of reading without end' {
        { Get-NotionDatabaseRow -DatabaseId $tasks -Checkpoint /dev/zero } | Should -Throw -ErrorId 'NotionCheckpointUnreadable,NotionPS.Cmdlets.GetNotionDatabaseRowCommand'
    }

    It 'New-NotionDatabase -BackupPath /dev/zero writes NotionImportFileInvalid' {
        New-NotionDatabase -ParentId $tasks -BackupPath /dev/zero -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failed.FullyQualifiedErrorId | Should -Be 'NotionImportFileInvalid,NotionPS.Cmdlets.NewNotionDatabaseCommand'
    }
}
