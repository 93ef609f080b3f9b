param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
    $teamHome = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'
    $notes = Join-Path $TestDrive 'notes.txt'
    Set-Content -LiteralPath $notes -Value 'sent'
}

AfterAll {
    Stop-TestEnvironment
}

# Every command that takes a local path says the same of one in another provider or on a drive that does not exist.
Describe 'A path that is not on disk' {
    It 'Send-NotionFile writes NotionLocalPathInvalid for <Path> and still sends the other file' -ForEach @(
        @{ Path = 'Env:\PATH' }
        @{ Path = 'Function:\prompt' }
        @{ Path = 'Q:\notes.txt' }
    ) {
        $sent = Send-NotionFile -LiteralPath $Path, $notes -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.FullyQualifiedErrorId | Should -Be 'NotionLocalPathInvalid,NotionPS.Cmdlets.SendNotionFileCommand'
        $sent.Name | Should -Be 'notes.txt'
    }

    It 'New-NotionPage -Icon stops with NotionLocalPathInvalid for a path in another provider' {
        { New-NotionPage -ParentId $teamHome -Title 'Never' -Icon 'Variable:\notes' } |
            Should -Throw -ErrorId 'NotionLocalPathInvalid,NotionPS.Cmdlets.NewNotionPageCommand'
    }
}

Describe 'Save-NotionFile -Column naming no files column' {
    It 'is one error for all the rows of a data source, not one per row' {
        $expenses = New-NotionDatabase -ParentId $teamHome -Title 'Receipts' -Property @{ Name = 'title'; Receipt = 'files' }
        $rows = @{ Name = 'Taxi'; Receipt = $notes }, @{ Name = 'Train'; Receipt = $notes }, @{ Name = 'Hotel' } |
            Add-NotionDatabaseRow -DatabaseId $expenses.DatabaseId -LocalFileRoot (Split-Path -Parent $notes)

        $rows | Save-NotionFile -Destination (Join-Path $TestDrive 'saved') -Column Reciept -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'NotionFilesColumnNotFound,NotionPS.Cmdlets.SaveNotionFileCommand'
        $failed[0].Exception.Message | Should -BeLike "*Its files columns: 'Receipt'.*are not reported again."
    }
}
