param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'People given by e-mail address' {
    It 'New-NotionPage -Property finds the person, as Add-NotionDatabaseRow does' {
        $null = New-NotionPage -ParentId $Demo.TasksId -Title 'Page owned by Ada' -Property @{ Owner = 'ADA@acme.example' }
        $null = @{ Name = 'Row owned by Ada'; Owner = 'ADA@acme.example' } | Add-NotionDatabaseRow -DatabaseId $Demo.TasksId

        (Get-NotionDatabaseRow -DatabaseId $Demo.TasksId -Where @{ Name = 'Page owned by Ada' }).Owner.Email | Should -Be 'ada@acme.example'
        (Get-NotionDatabaseRow -DatabaseId $Demo.TasksId -Where @{ Name = 'Row owned by Ada' }).Owner.Email | Should -Be 'ada@acme.example'
    }

    It 'refuses an address nobody has with the error Add-NotionDatabaseRow gives, and creates nothing' {
        { New-NotionPage -ParentId $Demo.TasksId -Title 'Owned by nobody' -Property @{ Owner = 'nobody@acme.example' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionRowValueInvalid,NotionPS.Cmdlets.NewNotionPageCommand'
        { @{ Name = 'Owned by nobody'; Owner = 'nobody@acme.example' } | Add-NotionDatabaseRow -DatabaseId $Demo.TasksId -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionRowValueInvalid,NotionPS.Cmdlets.AddNotionDatabaseRowCommand'

        Get-NotionDatabaseRow -DatabaseId $Demo.TasksId -Where @{ Name = 'Owned by nobody' } | Should -BeNullOrEmpty
    }
}
