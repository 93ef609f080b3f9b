using Xunit;

// The module keeps one current connection per process, as a PowerShell session does, so tests that
// connect must not run side by side: the whole suite runs one test class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
