param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
}

AfterAll {
    # Back for Stop-TestEnvironment, which disconnects.
    Import-Module (Join-Path $RepositoryRoot 'out/NotionPS/NotionPS.psd1') -Force
    Stop-TestEnvironment
}

Describe 'Remove-Module NotionPS' {
    It 'removes the row display types that reading rows registered' {
        $null = Get-NotionDatabaseRow $Demo.TasksId -First 1
        Get-TypeData -TypeName 'NotionPS.Row#*' | Should -Not -BeNullOrEmpty

        Remove-Module NotionPS

        Get-TypeData -TypeName 'NotionPS.Row#*' | Should -BeNullOrEmpty
    }
}
