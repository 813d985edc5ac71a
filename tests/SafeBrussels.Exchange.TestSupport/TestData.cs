namespace SafeBrussels.Exchange.TestSupport;

/// <summary>Files under tests/SafeBrussels.Exchange.TestSupport/TestData, copied beside the test assemblies.</summary>
public static class TestData
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    /// <summary>The judged multilingual corpus in exchange format (40 practices, 12 meetings, 5 organizations).</summary>
    public static string SearchDevCorpus => PathOf(Path.Combine("search-dev", "corpus.json"));
}
