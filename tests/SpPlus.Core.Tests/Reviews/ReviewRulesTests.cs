using SpPlus.Core.Common;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Tests.Reviews;

/// <summary>Every cell of the rule table — kind × state × action × who — against an expected table written out by hand.</summary>
public class ReviewRulesTests
{
    private const int OwnStructure = 7;
    private const int OtherStructure = 8;

    public enum Who
    {
        CorrespondentOfTheStructure,
        CorrespondentOfAnotherStructure,
        Referent,
        CopilMember,
        AdministratorOnly,
        ClacReaderOnly,
    }

    private sealed record Expected(ReviewState To, Who[] AllowedTo, bool Comment = false, bool Meeting = false);

    /// <summary>The workflow of the product description, written independently of <see cref="ReviewRules"/>.</summary>
    private static Expected? ExpectedCell(ReviewDocumentKind kind, ReviewState state, ReviewAction action)
    {
        var twoLevel = kind is ReviewDocumentKind.SelfAssessment or ReviewDocumentKind.ActionPlan;
        return (state, action) switch
        {
            (ReviewState.Draft, ReviewAction.Submit) => new(ReviewState.Submitted, [Who.CorrespondentOfTheStructure]),
            (ReviewState.Submitted, ReviewAction.Approve) => new(ReviewState.Approved, [Who.Referent]),
            (ReviewState.Submitted, ReviewAction.Return) => new(ReviewState.Draft, [Who.Referent], Comment: true),
            (ReviewState.Approved, ReviewAction.Reopen) => new(ReviewState.Draft, [Who.Referent], Comment: true),
            (ReviewState.Approved, ReviewAction.Publish) when kind == ReviewDocumentKind.QuarterlyReport =>
                new(ReviewState.Published, [Who.Referent]),
            (ReviewState.Approved, ReviewAction.Publish) when kind == ReviewDocumentKind.ExperienceAnswer =>
                new(ReviewState.Published, [Who.Referent, Who.CorrespondentOfTheStructure]),
            (ReviewState.Published, ReviewAction.Reopen) when !twoLevel => new(ReviewState.Draft, [Who.Referent], Comment: true),
            (ReviewState.Approved, ReviewAction.Validate) when twoLevel => new(ReviewState.Validated, [Who.CopilMember], Meeting: true),
            (ReviewState.Approved, ReviewAction.Return) when twoLevel => new(ReviewState.Draft, [Who.CopilMember], Comment: true),
            (ReviewState.Validated, ReviewAction.Reopen) when twoLevel => new(ReviewState.Draft, [Who.Referent], Comment: true),
            _ => null,
        };
    }

    public static TheoryData<ReviewDocumentKind, ReviewState, ReviewAction, Who> AllCells()
    {
        var data = new TheoryData<ReviewDocumentKind, ReviewState, ReviewAction, Who>();
        foreach (var kind in Enum.GetValues<ReviewDocumentKind>())
        foreach (var state in Enum.GetValues<ReviewState>())
        foreach (var action in Enum.GetValues<ReviewAction>())
        foreach (var who in Enum.GetValues<Who>())
        {
            data.Add(kind, state, action, who);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCells))]
    public void Each_cell_allows_exactly_what_the_workflow_says(ReviewDocumentKind kind, ReviewState state, ReviewAction action, Who who)
    {
        var expected = ExpectedCell(kind, state, action);
        var document = new Document(kind, state);
        var actor = ActorFor(who);
        var request = new ReviewService.Request(action, Comment: "Motif détaillé", MeetingId: 3, ExpectedToken: document.ConcurrencyToken);

        var result = ReviewService.Check(document, actor, request);
        var shown = ReviewRules.AllowedFor(kind, state, actor, OwnStructure).Any(r => r.Action == action);

        var allowed = expected is not null && expected.AllowedTo.Contains(who);
        Assert.Equal(allowed, result.Succeeded);
        Assert.Equal(allowed, shown);
        if (!allowed)
        {
            Assert.NotEmpty(result.Errors);
        }

        if (expected is not null)
        {
            var rule = ReviewRules.Find(kind, state, action);
            Assert.NotNull(rule);
            Assert.Equal(expected.To, rule.To);
            Assert.Equal(expected.Comment, rule.CommentRequired);
            Assert.Equal(expected.Meeting, rule.MeetingRequired);
        }
        else
        {
            Assert.Null(ReviewRules.Find(kind, state, action));
        }
    }

    [Fact]
    public void The_table_has_no_rule_the_expected_workflow_lacks()
    {
        foreach (var rule in ReviewRules.All)
        {
            Assert.NotNull(ExpectedCell(rule.Kind, rule.From, rule.Action));
        }

        Assert.Equal(ReviewRules.All.Count, ReviewRules.All.Select(r => (r.Kind, r.From, r.Action)).Distinct().Count());
    }

    [Theory]
    [InlineData(ReviewDocumentKind.QuarterlyReport, ReviewState.Submitted, ReviewAction.Return, Who.Referent)]
    [InlineData(ReviewDocumentKind.QuarterlyReport, ReviewState.Published, ReviewAction.Reopen, Who.Referent)]
    [InlineData(ReviewDocumentKind.ActionPlan, ReviewState.Approved, ReviewAction.Return, Who.CopilMember)]
    [InlineData(ReviewDocumentKind.SelfAssessment, ReviewState.Validated, ReviewAction.Reopen, Who.Referent)]
    public void A_return_or_a_reopening_without_a_comment_is_refused_in_french(ReviewDocumentKind kind, ReviewState state, ReviewAction action, Who who)
    {
        var document = new Document(kind, state);
        foreach (var comment in new[] { null, "", "   " })
        {
            var result = ReviewService.Check(document, ActorFor(who), new ReviewService.Request(action, Comment: comment));
            Assert.False(result.Succeeded);
            Assert.Contains(result.Errors, e => e.StartsWith("Indiquez", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(ReviewDocumentKind.SelfAssessment)]
    [InlineData(ReviewDocumentKind.ActionPlan)]
    public void A_copil_validation_needs_a_meeting(ReviewDocumentKind kind)
    {
        var document = new Document(kind, ReviewState.Approved);
        var result = ReviewService.Check(document, ActorFor(Who.CopilMember), new ReviewService.Request(ReviewAction.Validate));
        Assert.Equal(["Indiquez la réunion du COPIL au cours de laquelle la validation a été décidée."], result.Errors);
    }

    [Fact]
    public void A_stale_concurrency_token_is_refused()
    {
        var document = new Document(ReviewDocumentKind.QuarterlyReport, ReviewState.Submitted);
        var result = ReviewService.Check(document, ActorFor(Who.Referent), new ReviewService.Request(ReviewAction.Approve, ExpectedToken: Guid.NewGuid()));
        Assert.Equal([ReviewService.ConflictMessage], result.Errors);
    }

    [Fact]
    public void Content_is_editable_only_in_draft_by_the_structures_correspondents_or_the_referent()
    {
        foreach (var state in Enum.GetValues<ReviewState>())
        foreach (var who in Enum.GetValues<Who>())
        {
            var expected = state == ReviewState.Draft && who is Who.CorrespondentOfTheStructure or Who.Referent && state == ReviewState.Draft;
            Assert.Equal(expected, ReviewRules.CanEditContent(state, ActorFor(who), OwnStructure));
        }
    }

    [Fact]
    public void A_person_with_several_roles_gets_the_union_of_their_parties()
    {
        var actor = new ReviewActor("u", "Personne", IsCorrespondent: true, IsReferent: false, IsCopilMember: true, new HashSet<int> { OwnStructure });
        var actions = ReviewRules.AllowedFor(ReviewDocumentKind.ActionPlan, ReviewState.Approved, actor, OwnStructure).Select(r => r.Action).Order();
        Assert.Equal([ReviewAction.Return, ReviewAction.Validate], actions);
    }

    private static ReviewActor ActorFor(Who who) => who switch
    {
        Who.CorrespondentOfTheStructure => new("c1", "Correspondant", true, false, false, new HashSet<int> { OwnStructure }),
        Who.CorrespondentOfAnotherStructure => new("c2", "Autre correspondant", true, false, false, new HashSet<int> { OtherStructure }),
        Who.Referent => new("r", "Référent", false, true, false, new HashSet<int>()),
        Who.CopilMember => new("p", "Membre du COPIL", false, false, true, new HashSet<int>()),
        // An administrator or a CLAC reader has no part in the workflow, even if assigned to the structure.
        Who.AdministratorOnly => new("a", "Administrateur", false, false, false, new HashSet<int> { OwnStructure }),
        _ => new("l", "Lecteur", false, false, false, new HashSet<int> { OwnStructure }),
    };

    private sealed class Document(ReviewDocumentKind kind, ReviewState state) : IReviewable
    {
        public int Id => 1;

        public int StructureId => OwnStructure;

        public ReviewDocumentKind ReviewKind => kind;

        public ReviewState State { get; set; } = state;

        public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

        public DateTime? StateChangedAtUtc { get; set; }
    }
}
