using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Auditing;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Governance;
using SpPlus.Core.Identity;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Core.Settings;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Data;

public class SpPlusDbContext(DbContextOptions<SpPlusDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<UserStructure> UserStructures => Set<UserStructure>();
    public DbSet<EngagementFramework> EngagementFrameworks => Set<EngagementFramework>();
    public DbSet<Engagement> Engagements => Set<Engagement>();
    public DbSet<EngagementSubCriterion> EngagementSubCriteria => Set<EngagementSubCriterion>();
    public DbSet<LocalCommitment> LocalCommitments => Set<LocalCommitment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ReviewEvent> ReviewEvents => Set<ReviewEvent>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorStructureType> IndicatorStructureTypes => Set<IndicatorStructureType>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<QuarterlyReport> QuarterlyReports => Set<QuarterlyReport>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<Experience> Experiences => Set<Experience>();
    public DbSet<ExperienceComment> ExperienceComments => Set<ExperienceComment>();
    public DbSet<ExperienceAnswer> ExperienceAnswers => Set<ExperienceAnswer>();
    public DbSet<AnswerTemplate> AnswerTemplates => Set<AnswerTemplate>();
    public DbSet<StructureLabelMapping> StructureLabelMappings => Set<StructureLabelMapping>();
    public DbSet<ExperienceImport> ExperienceImports => Set<ExperienceImport>();
    public DbSet<DocumentReport> DocumentReports => Set<DocumentReport>();
    public DbSet<DocumentReportNote> DocumentReportNotes => Set<DocumentReportNote>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<AssessmentGrid> AssessmentGrids => Set<AssessmentGrid>();
    public DbSet<AssessmentCriterion> AssessmentCriteria => Set<AssessmentCriterion>();
    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();
    public DbSet<CriterionRating> CriterionRatings => Set<CriterionRating>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<ImprovementAction> ImprovementActions => Set<ImprovementAction>();
    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();
    public DbSet<MeetingDecision> MeetingDecisions => Set<MeetingDecision>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SpPlusDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and stable if members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
