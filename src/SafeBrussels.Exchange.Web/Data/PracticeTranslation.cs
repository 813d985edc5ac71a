namespace SafeBrussels.Exchange.Web.Data;

public sealed record PracticeTranslation(string Language, string Title, string Summary);
