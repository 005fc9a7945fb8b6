using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Reviews;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Indicators;

/// <summary>
/// The shared derivation of "returned for correction" (<see cref="ReviewQueries"/>) on the real database: the last
/// action per document, kept apart by kind, translated to SQL inside a projection.
/// </summary>
public sealed class ReviewQueriesTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    // Document ids far from the demo's, shared by two kinds on purpose.
    private const int Returned = 900_001;
    private const int Resubmitted = 900_002;
    private const int Approved = 900_003;

    [Fact]
    public async Task The_last_action_of_each_document_is_read_per_kind()
    {
        await factory.WithDbAsync(async db =>
        {
            var structureId = await db.Structures.Select(s => s.Id).FirstAsync();
            void Add(ReviewDocumentKind kind, int documentId, ReviewAction action, ReviewState from, ReviewState to) =>
                db.ReviewEvents.Add(new ReviewEvent
                {
                    DocumentKind = kind, DocumentId = documentId, StructureId = structureId, Action = action, FromState = from, ToState = to,
                    ActorUserId = "test", ActorName = "Camille Durand", AtUtc = DateTime.UtcNow,
                });

            const ReviewDocumentKind answer = ReviewDocumentKind.ExperienceAnswer;
            Add(answer, Returned, ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted);
            Add(answer, Returned, ReviewAction.Return, ReviewState.Submitted, ReviewState.Draft);
            Add(answer, Resubmitted, ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted);
            Add(answer, Resubmitted, ReviewAction.Return, ReviewState.Submitted, ReviewState.Draft);
            Add(answer, Resubmitted, ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted);
            Add(answer, Approved, ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted);
            Add(answer, Approved, ReviewAction.Approve, ReviewState.Submitted, ReviewState.Approved);
            // Another kind with the same document id: its later return must not make the answer "returned".
            Add(ReviewDocumentKind.ActionPlan, Approved, ReviewAction.Submit, ReviewState.Draft, ReviewState.Submitted);
            Add(ReviewDocumentKind.ActionPlan, Approved, ReviewAction.Return, ReviewState.Submitted, ReviewState.Draft);
            await db.SaveChangesAsync();
        });

        int[] ids = [Returned, Resubmitted, Approved];
        var answers = await factory.WithDbAsync(db => db.ReviewEvents.LastActions(ReviewDocumentKind.ExperienceAnswer)
            .Where(l => ids.Contains(l.DocumentId))
            .ToDictionaryAsync(l => l.DocumentId, l => l.Action));
        var returnedAnswers = await factory.WithDbAsync(db => db.ReviewEvents.ReturnedIds(ReviewDocumentKind.ExperienceAnswer)
            .Where(id => ids.Contains(id)).ToListAsync());
        var returnedPlans = await factory.WithDbAsync(db => db.ReviewEvents.ReturnedIds(ReviewDocumentKind.ActionPlan)
            .Where(id => ids.Contains(id)).ToListAsync());

        Assert.Equal(
            new Dictionary<int, ReviewAction> { [Returned] = ReviewAction.Return, [Resubmitted] = ReviewAction.Submit, [Approved] = ReviewAction.Approve },
            answers);
        Assert.Equal([Returned], returnedAnswers);
        Assert.Equal([Approved], returnedPlans);

        // Inside a projection, as the lists use it: one query, the flag computed by the database.
        var projected = await factory.WithDbAsync(db =>
        {
            var lastActions = db.ReviewEvents.LastActions(ReviewDocumentKind.ExperienceAnswer);
            return db.ReviewEvents
                .Where(e => e.DocumentKind == ReviewDocumentKind.ExperienceAnswer && ids.Contains(e.DocumentId))
                .Select(e => e.DocumentId).Distinct()
                .Select(id => new { Id = id, Last = lastActions.Where(l => l.DocumentId == id).Select(l => (ReviewAction?)l.Action).FirstOrDefault() })
                .ToDictionaryAsync(x => x.Id, x => x.Last);
        });
        Assert.Equal(ReviewAction.Return, projected[Returned]);
        Assert.Equal(ReviewAction.Submit, projected[Resubmitted]);
    }
}
