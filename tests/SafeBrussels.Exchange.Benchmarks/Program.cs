using SafeBrussels.Exchange.Benchmarks;

// Measurement tools, not part of the test run (deploy/local/measure.sh runs them on a throwaway PostgreSQL).
// Outside a test runner, WebApplicationFactory is told where the application's content root is.
for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
{
    var web = Path.Combine(directory.FullName, "src", "SafeBrussels.Exchange.Web");
    if (Directory.Exists(web))
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SAFEBRUSSELS_EXCHANGE_WEB", web);
        break;
    }
}

return args.FirstOrDefault() switch
{
    "search-eval" => await SearchEvalCommand.RunAsync(args.Skip(1).ToArray()),
    "benchmark" => await BenchmarkCommand.RunAsync(args.Skip(1).ToArray()),
    "digest-benchmark" => await DigestBenchmarkCommand.RunAsync(args.Skip(1).ToArray()),
    "page-benchmark" => await PageBenchmarkCommand.RunAsync(args.Skip(1).ToArray()),
    "page-driver" => await PageDriver.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: deploy/local/measure.sh search-eval [--queries FILE [--corpus FILE]]");
    Console.Error.WriteLine("       deploy/local/measure.sh benchmark [--practices N] [--meetings N] [--seconds S] [--keep] [--reuse DB]");
    Console.Error.WriteLine("       deploy/local/measure.sh digest-benchmark [--practices N] [--meetings N] [--users N] [--keep] [--reuse DB]");
    Console.Error.WriteLine("       deploy/local/measure.sh page-benchmark [--loads N] [--tabs N] [--member EMAIL]");
    return 2;
}
