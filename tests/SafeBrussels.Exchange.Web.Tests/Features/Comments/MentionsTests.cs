using SafeBrussels.Exchange.Web.Features.Comments;

namespace SafeBrussels.Exchange.Web.Tests.Features.Comments;

public sealed class MentionsTests
{
    [Theory]
    [InlineData("@Bram Claes, pouvez-vous relire ?", true)]
    [InlineData("Merci @bram claes.", true)]
    [InlineData("(@Bram Claes)", true)]
    [InlineData("@Bram Claes", true)]
    [InlineData("@Bram Claessens, merci", false)]
    [InlineData("@Bram Claes-Peeters", false)]
    [InlineData("bram.claes@Bram Claes", false)]
    [InlineData("Bram Claes sans arobase", false)]
    public void A_member_is_mentioned_by_at_and_their_whole_name(string body, bool mentioned) =>
        Assert.Equal(mentioned, Mentions.Mentioned(body, "Bram Claes"));

    [Fact]
    public void Every_member_named_is_found_once()
    {
        var bram = Guid.NewGuid();
        var julie = Guid.NewGuid();
        var eva = Guid.NewGuid();

        var found = Mentions.Find("@Julie Peeters et @Bram Claes, puis encore @Bram Claes", [(bram, "Bram Claes"), (julie, "Julie Peeters"), (eva, "Eva Janssens")]);

        Assert.Equal([bram, julie], found);
    }
}
