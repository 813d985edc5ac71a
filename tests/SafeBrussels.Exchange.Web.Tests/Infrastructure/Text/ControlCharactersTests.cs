using System.Text.Json;
using SafeBrussels.Exchange.Web.Infrastructure.Text;

namespace SafeBrussels.Exchange.Web.Tests.Infrastructure.Text;

public sealed class ControlCharactersTests
{
    [Theory]
    [InlineData("plain text, accents: é à ü, Nederlands: ĳ", "plain text, accents: é à ü, Nederlands: ĳ")]
    [InlineData("tab\tline\ncarriage\r\nreturn\r", "tab\tline\ncarriage\r\nreturn\r")]
    [InlineData("nul\u0000 vt\u000B ff\u000C esc\u001B bel\u0007", "nul vt ff esc bel")]
    [InlineData("del\u007F next-line\u0085 c1\u009F", "del next-line c1")]
    [InlineData("nonchars\uFFFE\uFFFF end", "nonchars end")]
    [InlineData("emoji 🚨 kept", "emoji 🚨 kept")]
    [InlineData("", "")]
    public void Clean_removes_what_no_text_of_the_platform_may_hold(string input, string expected)
    {
        Assert.Equal(expected, ControlCharacters.Clean(input));
        Assert.Equal(input != expected, ControlCharacters.Contains(input));
    }

    [Fact]
    public void Clean_removes_unpaired_surrogates_and_keeps_pairs()
    {
        // Built from chars: an attribute's string cannot carry an unpaired surrogate.
        var text = new string(['a', '\uD83D', 'b', '\uDE80', 'c', '\uD83D', '\uDE80']);
        Assert.Equal("abc\uD83D\uDE80", ControlCharacters.Clean(text));
    }

    [Fact]
    public void Clean_returns_the_same_instance_when_there_is_nothing_to_remove()
    {
        var text = "Réunion de crise";
        Assert.Same(text, ControlCharacters.Clean(text));
    }

    [Fact]
    public void The_json_converter_reads_strings_cleaned()
    {
        var options = new JsonSerializerOptions { Converters = { new ControlCharacters.JsonConverter() } };
        var read = JsonSerializer.Deserialize<Dictionary<string, string[]>>("""{ "a": ["x\u0000y", "z\u000bw"] }""", options)!;
        Assert.Equal(["xy", "zw"], read["a"]);
    }
}
