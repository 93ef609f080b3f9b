# Workload 5 in real pwsh, as users run NotionPS: Import-Module of a manifest in a fresh process (the engine
# already started, as in a fresh prompt), then the first call: Connect-NotionIntegration (one users/me) with
# -Connect, or the same users/me made with a bare HttpClient with -BareHttp (what any .NET client pays for its
# first request, beside the empty module). Prints one RESULT line in the harness's shape.
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $Token,
    [switch] $Connect,
    [switch] $BareHttp
)

$ErrorActionPreference = 'Stop'
# Loaded and compiled before the clock starts, as in the hosted run (Get-Command Import-Module there).
$null = Get-Command Import-Module
$process = [System.Diagnostics.Process]::GetCurrentProcess()
$cpuBefore = $process.TotalProcessorTime
$jitBefore = [System.Runtime.JitInfo]::GetCompilationTime($false)
$import = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module $Manifest
$import.Stop()
$importJitMs = ([System.Runtime.JitInfo]::GetCompilationTime($false) - $jitBefore).TotalMilliseconds
$process.Refresh()
$importCpuMs = ($process.TotalProcessorTime - $cpuBefore).TotalMilliseconds

$firstCallMs = $null
if ($Connect) {
    # The SecureString is made before the clock starts, as the hosted run makes its own: the first ConvertTo-SecureString
    # of a process loads Microsoft.PowerShell.Security (about 100 ms), PowerShell's cost and not the connect's.
    $secureToken = ConvertTo-SecureString $Token -AsPlainText -Force
    $firstCall = [System.Diagnostics.Stopwatch]::StartNew()
    Connect-NotionIntegration -Token $secureToken -BaseUri $BaseUri -RequestsPerSecond 0 | Out-Null
    $firstCallMs = $firstCall.Elapsed.TotalMilliseconds
}
elseif ($BareHttp) {
    $firstCall = [System.Diagnostics.Stopwatch]::StartNew()
    $handler = [System.Net.Http.HttpClientHandler]@{ AllowAutoRedirect = $false; UseProxy = $false }
    $http = [System.Net.Http.HttpClient]::new($handler)
    try {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, [uri]::new([uri]$BaseUri, 'v1/users/me'))
        $request.Headers.Add('Authorization', "Bearer $Token")
        $request.Headers.Add('Notion-Version', '2026-03-11')
        $response = $http.SendAsync($request).GetAwaiter().GetResult()
        $null = $response.EnsureSuccessStatusCode()
        $document = [System.Text.Json.JsonDocument]::Parse($response.Content.ReadAsStream())
        $document.Dispose()
    }
    finally { $http.Dispose() }
    $firstCallMs = $firstCall.Elapsed.TotalMilliseconds
}

$process.Refresh()
$result = [ordered]@{
    elapsedMs = $import.Elapsed.TotalMilliseconds
    importMs = $import.Elapsed.TotalMilliseconds
    cpuMs = $importCpuMs
    jitMs = $importJitMs
    firstCallMs = $firstCallMs
    peakBytes = $process.PeakWorkingSet64
}
'RESULT ' + ($result | ConvertTo-Json -Compress)
