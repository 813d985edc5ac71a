using System.Collections;
using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Resources;

namespace SafeBrussels.Exchange.Web.Components.Shared;

/// <summary>
/// Puts the problems of an input on its fields, inside an <see cref="EditForm"/>: the inputs bound with <c>For=</c>
/// show their own message, in the reader's language. As the person edits a field, <see cref="Validator"/> checks it
/// again (the same rules the service applies on save); <see cref="Show"/> shows what the service answered, checks
/// against the database included. A problem's path (<c>Agenda[0].Title</c>, <c>Translations.nl.Title</c>) names the
/// field of the object it is on, as <see cref="FieldIdentifier.Create{TField}"/> does for <c>() => item.Title</c>.
/// </summary>
public sealed class FieldProblems : ComponentBase, IDisposable
{
    private EditContext? _context;
    private ValidationMessageStore? _store;

    [CascadingParameter] private EditContext? CascadedEditContext { get; set; }

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The input's rules, run again as a field changes; without it, problems change only with <see cref="Show"/>.</summary>
    [Parameter] public IValidator? Validator { get; set; }

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_context, CascadedEditContext))
        {
            return;
        }

        Detach();
        _context = CascadedEditContext ?? throw new InvalidOperationException($"{nameof(FieldProblems)} goes inside an EditForm.");
        _store = new ValidationMessageStore(_context);
        _context.OnFieldChanged += FieldChanged;
    }

    /// <summary>Shows the outcome of a save: each problem on its field, or none.</summary>
    public void Show(CommandResult result)
    {
        if (_context is null || _store is null)
        {
            return;
        }

        _store.Clear();
        foreach (var (path, key) in result.Errors)
        {
            _store.Add(Field(_context.Model, path), L[key]);
        }

        _context.NotifyValidationStateChanged();
    }

    /// <summary>The message on a field that no input can name with <c>For=</c> (an entry of a list of texts, <c>Decisions[1]</c>).</summary>
    public string? MessageFor(string path) =>
        _context is null ? null : _context.GetValidationMessages(Field(_context.Model, path)).FirstOrDefault();

    public void Dispose() => Detach();

    private void FieldChanged(object? sender, FieldChangedEventArgs e)
    {
        if (Validator is null || _context is null || _store is null)
        {
            return;
        }

        _store.Clear(e.FieldIdentifier);
        var result = Validator.Validate(new ValidationContext<object>(_context.Model));
        foreach (var failure in result.Errors)
        {
            if (Field(_context.Model, failure.PropertyName).Equals(e.FieldIdentifier))
            {
                _store.Add(e.FieldIdentifier, L[failure.ErrorMessage]);
                break;
            }
        }

        _context.NotifyValidationStateChanged();
    }

    private void Detach()
    {
        if (_context is not null)
        {
            _context.OnFieldChanged -= FieldChanged;
            _store?.Clear();
        }
    }

    /// <summary>
    /// The object and field a path ends on: <c>Agenda[0].Title</c> is <c>Title</c> of the first agenda item,
    /// <c>Translations.nl.Title</c> the <c>Title</c> of the Dutch entry, <c>Decisions[1]</c> stays a field of the input.
    /// A path that does not lead to an object (an entry removed since) stays a field of the input too.
    /// </summary>
    internal static FieldIdentifier Field(object model, string path)
    {
        var segments = path.Split('.');
        object? owner = model;
        for (var i = 0; i < segments.Length - 1 && owner is not null; i++)
        {
            owner = Step(owner, segments[i]);
        }

        return owner is null || segments.Length == 1 ? new FieldIdentifier(model, path) : new FieldIdentifier(owner, segments[^1]);
    }

    private static object? Step(object owner, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return owner is IDictionary dictionary
                ? (dictionary.Contains(segment) ? dictionary[segment] : null)
                : Property(owner, segment);
        }

        var list = Property(owner, segment[..bracket]) as IList;
        return int.TryParse(segment[(bracket + 1)..^1], out var index) && list is not null && index >= 0 && index < list.Count ? list[index] : null;
    }

    private static object? Property(object owner, string name) =>
        owner.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(owner);
}
