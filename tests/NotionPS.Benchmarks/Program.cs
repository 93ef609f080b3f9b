using NotionPS.Benchmarks;

// Two roles in one executable: without --workload it is the harness (emulator, seeding, repetitions,
// report); with --workload it is the fresh process that runs one NotionPS workload and reports on it.
try
{
    if (args.Contains("--workload"))
    {
        return ModuleWorkload.Run(Arguments.Parse(args));
    }

    if (args.Contains("--serve"))
    {
        return await Harness.ServeAsync(Arguments.Parse(args).Int("serve"));
    }

    if (args.Contains("--help"))
    {
        Console.WriteLine("dotnet run -c Release --project tests/NotionPS.Benchmarks -- [--quick] [--repetitions <n>] [--only <workload-prefix>] | --serve <rows>");
        return 0;
    }

    var arguments = Arguments.Parse(args);
    var plan = BenchmarkPlan.Create(arguments.Has("quick"), arguments.IntOrNull("repetitions"), arguments.ValueOrNull("only"));
    return await Harness.RunAsync(plan);
}
catch (BenchmarkException ex)
{
    Console.Error.WriteLine($"Benchmark failed: {ex.Message}");
    return 1;
}
