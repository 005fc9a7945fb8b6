using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Core.Feedback;
using SpPlus.Core.Governance;

namespace SpPlus.Web.Areas.Governance.Models;

/// <summary>The meetings list: its filters and one page of rows.</summary>
public sealed class MeetingListViewModel
{
    [Display(Name = "Type de réunion")]
    public MeetingKind? Kind { get; init; }

    [Display(Name = "Année")]
    public int? Year { get; init; }

    public IReadOnlyList<SelectListItem> KindChoices { get; init; } = [];

    public IReadOnlyList<SelectListItem> YearChoices { get; init; } = [];

    public required PagedList<MeetingRow> Meetings { get; init; }

    public bool IsFiltered { get; init; }

    /// <summary>The user records meetings (the policy ManageMeetings).</summary>
    public bool CanManage { get; init; }
}

/// <summary>The meeting form (create and edit). The rules are checked by <see cref="MeetingService"/>.</summary>
public sealed class MeetingForm
{
    [Display(Name = "Type de réunion")]
    public MeetingKind? Kind { get; set; }

    [Display(Name = "Date", Description = "Format attendu : jj/mm/aaaa.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Heure", Description = "Format attendu : hh:mm.")]
    public TimeOnly? Time { get; set; }

    [Display(Name = "Lieu")]
    public string? Place { get; set; }

    [Display(Name = "Participants ayant un compte sur le portail")]
    public List<string> ParticipantUserIds { get; set; } = [];

    [Display(Name = "Autres participants (facultatif)", Description = "Un par ligne, sous la forme « Nom — qualité », par exemple « Camille Durand — représentante des usagers ». 50 au plus.")]
    public string? OtherParticipants { get; set; }

    [Display(Name = "Ordre du jour (facultatif)")]
    public string? Agenda { get; set; }

    [Display(Name = "Compte rendu (facultatif)")]
    public string? Minutes { get; set; }

    [Display(Name = "Décisions (facultatif)", Description = "Une décision par ligne, dans l'ordre du relevé. 30 au plus.")]
    public string? Decisions { get; set; }

    /// <summary>The version of the meeting the user edits (empty for a new meeting).</summary>
    public Guid Token { get; set; }

    [BindNever]
    [ValidateNever]
    public int? Id { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SelectListItem> AccountChoices { get; set; } = [];

    /// <summary>Why the kind can no longer change (validations or actions cite the meeting); null when it can.</summary>
    [BindNever]
    [ValidateNever]
    public string? KindLock { get; set; }

    public static IReadOnlyList<SelectListItem> KindChoices { get; } =
        [.. Enum.GetValues<MeetingKind>().Select(k => new SelectListItem(k.Label(), k.ToString()))];

    /// <summary>The kinds offered: both, or only the meeting's own when <see cref="KindLock"/> says why.</summary>
    public IReadOnlyList<SelectListItem> KindItems => KindLock is null
        ? KindChoices
        : [.. KindChoices.Select(k => new SelectListItem(k.Text, k.Value) { Disabled = k.Value != Kind?.ToString() })];

    public MeetingInput ToInput() => new(Kind, Date, Time, Place, ParticipantUserIds, OtherParticipants, Agenda, Minutes, Decisions);

    public static MeetingForm From(MeetingInput input, Guid token, int id) => new()
    {
        Id = id,
        Kind = input.Kind,
        Date = input.Date,
        Time = input.Time,
        Place = input.Place,
        ParticipantUserIds = [.. input.ParticipantUserIds ?? []],
        OtherParticipants = input.OtherParticipants,
        Agenda = input.Agenda,
        Minutes = input.Minutes,
        Decisions = input.Decisions,
        Token = token,
    };
}

/// <summary>A meeting's page.</summary>
public sealed class MeetingDetailsViewModel
{
    public required MeetingDetails Meeting { get; init; }

    public bool CanManage { get; init; }
}

/// <summary>The year's decisions record.</summary>
public sealed class DecisionsViewModel
{
    [Display(Name = "Année")]
    public int Year { get; init; }

    public IReadOnlyList<SelectListItem> YearChoices { get; init; } = [];

    public required IReadOnlyList<YearMeetingDecisions> Meetings { get; init; }
}

/// <summary>Dates and texts of the governance pages.</summary>
public static class GovernanceFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 12/03/2026 à 14:00 »: a meeting's local date and time.</summary>
    public static string DateAndTime(DateTime heldAt) => heldAt.ToString("dd/MM/yyyy 'à' HH:mm", French);

    public static string Date(DateTime heldAt) => heldAt.ToString("dd/MM/yyyy", French);

    /// <summary>A text typed on several lines, as paragraphs (blank lines separate them) of lines; encoded by the view.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string? text)
    {
        var paragraphs = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var line in (text ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(current);
                    current = [];
                }

                continue;
            }

            current.Add(line.TrimEnd());
        }

        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        return paragraphs;
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The table of validations recorded in a meeting (details page and decisions record).</summary>
public sealed record ValidationsTableModel(string Caption, IReadOnlyList<RecordedValidation> Validations);
