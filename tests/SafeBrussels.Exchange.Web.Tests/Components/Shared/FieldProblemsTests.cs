using System.Globalization;
using System.Linq.Expressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using SafeBrussels.Exchange.Web.Components.Shared;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Practices;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Components.Shared;

/// <summary>The editors' problems reach the input they are about, through the form's EditContext and the inputs' <c>For=</c>.</summary>
public sealed class FieldProblemsTests : MudBunitContext
{
    [Fact]
    public void A_path_names_the_field_of_the_object_it_is_on()
    {
        var meeting = new MeetingInput { Agenda = [new AgendaItemInput(), new AgendaItemInput()] };
        Assert.Equal(FieldIdentifier.Create(() => meeting.Title), FieldProblems.Field(meeting, "Title"));
        Assert.Equal(FieldIdentifier.Create(() => meeting.Agenda[1].Title), FieldProblems.Field(meeting, "Agenda[1].Title"));
        Assert.Equal(new FieldIdentifier(meeting, "Decisions[0]"), FieldProblems.Field(meeting, "Decisions[0]"));
        // An entry removed since the save: the problem stays on the input rather than on nothing.
        Assert.Equal(new FieldIdentifier(meeting, "Agenda[5].Title"), FieldProblems.Field(meeting, "Agenda[5].Title"));

        var practice = new PracticeInput { Translations = { ["nl"] = new TranslationInput() } };
        Assert.Equal(FieldIdentifier.Create(() => practice.Translations["nl"].Title), FieldProblems.Field(practice, "Translations.nl.Title"));
    }

    [Fact]
    public void What_the_service_answers_shows_on_each_field_in_the_readers_language()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");
        var input = new MeetingInput { Agenda = [new AgendaItemInput { Title = "Stand van zaken" }, new AgendaItemInput()] };
        FieldProblems? problems = null;
        var form = RenderEditor(input, p => problems = p);

        form.InvokeAsync(() => problems!.Show(MeetingInputValidator.Instance.Check(input)));

        Assert.Contains("Dit veld is verplicht.", Control(form, "title").TextContent);
        Assert.DoesNotContain("verplicht", Control(form, "agenda-0-title").TextContent);
        Assert.Contains("Dit veld is verplicht.", Control(form, "agenda-1-title").TextContent);
        Assert.Equal("Kies minstens één thema.", problems!.MessageFor(nameof(MeetingInput.Themes)));
    }

    [Fact]
    public void A_field_is_checked_again_as_it_changes_with_the_same_rules()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
        var input = new MeetingInput();
        var form = RenderEditor(input, _ => { });

        form.Find("#title").Change(new string('t', FieldLengths.Line + 1));
        Assert.Contains("Trop long : au maximum 300 caractères.", Control(form, "title").TextContent);
        Assert.DoesNotContain("obligatoire", Control(form, "agenda-0-title").TextContent);

        form.Find("#title").Change("Réunion de suivi");
        Assert.DoesNotContain("Trop long", Control(form, "title").TextContent);
    }

    private IRenderedComponent<EditForm> RenderEditor(MeetingInput input, Action<FieldProblems> capture)
    {
        if (input.Agenda.Count == 0)
        {
            input.Agenda.Add(new AgendaItemInput { Title = "Accueil" });
        }

        return Render<EditForm>(form => form
            .Add(f => f.Model, input)
            .Add(f => f.ChildContent, (RenderFragment<EditContext>)(_ => builder =>
            {
                builder.OpenComponent<FieldProblems>(0);
                builder.AddAttribute(1, nameof(FieldProblems.Validator), MeetingInputValidator.Instance);
                builder.AddComponentReferenceCapture(2, component => capture((FieldProblems)component));
                builder.CloseComponent();
                builder.OpenComponent<MudTextField<string>>(3);
                builder.AddAttribute(4, nameof(MudTextField<string>.Value), input.Title);
                builder.AddAttribute(5, nameof(MudTextField<string>.ValueChanged), EventCallback.Factory.Create<string>(this, value => input.Title = value));
                builder.AddAttribute(6, nameof(MudTextField<string>.For), (Expression<Func<string>>)(() => input.Title));
                builder.AddAttribute(7, nameof(MudTextField<string>.InputId), "title");
                builder.CloseComponent();
                builder.OpenComponent<AgendaEditor>(8);
                builder.AddAttribute(9, nameof(AgendaEditor.Items), input.Agenda);
                builder.CloseComponent();
            })));
    }

    private static AngleSharp.Dom.IElement Control(IRenderedComponent<EditForm> form, string inputId) =>
        form.FindAll(".mud-input-control").Single(control => control.QuerySelector($"#{inputId}") is not null);
}
