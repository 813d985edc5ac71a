using SafeBrussels.Exchange.Benchmarks;

// Measurement tools, not part of the test run: deploy/local/measure.sh search-eval runs "search-eval".
return args.FirstOrDefault() switch
{
    "search-eval" => await SearchEvalCommand.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run --project tests/SafeBrussels.Exchange.Benchmarks -- search-eval [--queries FILE]");
    return 2;
}
