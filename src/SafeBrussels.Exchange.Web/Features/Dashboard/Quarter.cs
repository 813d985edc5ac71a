namespace SafeBrussels.Exchange.Web.Features.Dashboard;

/// <summary>A calendar quarter in Brussels time: [<see cref="Start"/>, <see cref="End"/>) as dates.</summary>
public sealed record Quarter(int Year, int Number)
{
    public DateOnly Start => new(Year, (Number * 3) - 2, 1);

    /// <summary>The first day after the quarter.</summary>
    public DateOnly End => Start.AddMonths(3);

    /// <summary>The last day of the quarter (filters take inclusive dates).</summary>
    public DateOnly Last => End.AddDays(-1);

    public static Quarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    /// <summary>The <paramref name="count"/> quarters ending with the one holding <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<Quarter> Ending(DateOnly today, int count)
    {
        var quarters = new List<Quarter> { Of(today) };
        while (quarters.Count < count)
        {
            quarters.Insert(0, quarters[0].Previous);
        }

        return quarters;
    }
}
