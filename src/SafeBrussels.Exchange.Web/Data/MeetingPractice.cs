namespace SafeBrussels.Exchange.Web.Data;

/// <summary>A practice presented or discussed at a meeting.</summary>
public sealed class MeetingPractice
{
    public Guid MeetingId { get; set; }

    public Meeting? Meeting { get; set; }

    public Guid PracticeId { get; set; }

    public Practice? Practice { get; set; }
}
