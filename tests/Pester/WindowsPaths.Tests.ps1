param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
    $tasks = $Demo.TasksId
    $folder = Join-Path ([IO.Path]::GetTempPath()) "notionps-paths-$PID"
    New-Item -ItemType Directory -Path $folder -Force | Out-Null
}

AfterAll {
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestEnvironment
}

# A NUL is refused as a path by every runtime; Windows PowerShell (.NET Framework) refuses | < > " as well, and
# PowerShell 7 only once the file is opened. Either way the command names the path, not an ArgumentException.
Describe 'A local path the system refuses as a path' {
    It '<Command> stops with NotionLocalPathInvalid' -ForEach @(
        @{ Command = 'Export-NotionDatabase'; Script = 'Export-NotionDatabase -DatabaseId $tasks -Path $bad' }
        @{ Command = 'Export-NotionDatabase'; Script = 'Export-NotionDatabase -DatabaseId $tasks -Path (Join-Path $folder rows.csv) -IncludeFiles $bad' }
        @{ Command = 'Import-NotionDatabase'; Script = 'Import-NotionDatabase -DatabaseId $tasks -Path $bad' }
        @{ Command = 'Get-NotionDatabaseRow'; Script = 'Get-NotionDatabaseRow -DatabaseId $tasks -Checkpoint $bad' }
        @{ Command = 'Save-NotionFile'; Script = 'Save-NotionFile -PageId $tasks -Destination $bad' }
    ) {
        $bad = Join-Path $folder "rows`0.csv"

        { & ([scriptblock]::Create($Script)) } | Should -Throw -ErrorId "NotionLocalPathInvalid,NotionPS.Cmdlets.$($Command -replace '-')Command"
        Get-ChildItem -LiteralPath $folder -Force | Should -BeNullOrEmpty
    }

    It 'New-NotionDatabase writes NotionLocalPathInvalid for its -BackupPath' {
        New-NotionDatabase -ParentId $tasks -BackupPath (Join-Path $folder "backup`0.json") -ErrorVariable failed -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty

        $failed.FullyQualifiedErrorId | Should -Be 'NotionLocalPathInvalid,NotionPS.Cmdlets.NewNotionDatabaseCommand'
    }

    It 'Windows PowerShell refuses a | in a path up front' -Skip:($PSVersionTable.PSEdition -ne 'Desktop') {
        { Export-NotionDatabase -DatabaseId $tasks -Path (Join-Path $folder 'rows|1.csv') } |
            Should -Throw -ErrorId 'NotionLocalPathInvalid,NotionPS.Cmdlets.ExportNotionDatabaseCommand'
    }
}
