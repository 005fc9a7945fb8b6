using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpPlus.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Improvement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StructureId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StateChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ValidatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentGrids",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FrameworkId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ChangeNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentGrids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentGrids_EngagementFrameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "EngagementFrameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    HeldAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Agenda = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    Minutes = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    GridId = table.Column<int>(type: "int", nullable: false),
                    EngagementId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Wording = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Guidance = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentCriteria_AssessmentGrids_GridId",
                        column: x => x.GridId,
                        principalTable: "AssessmentGrids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentCriteria_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StructureId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    GridId = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StateChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ValidatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_AssessmentGrids_GridId",
                        column: x => x.GridId,
                        principalTable: "AssessmentGrids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeetingId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingDecisions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeetingId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Quality = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CriterionRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AssessmentId = table.Column<int>(type: "int", nullable: false),
                    CriterionId = table.Column<int>(type: "int", nullable: false),
                    Level = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Evidence = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Comment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CriterionRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CriterionRatings_AssessmentCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "AssessmentCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CriterionRatings_SelfAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "SelfAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImprovementActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    EngagementId = table.Column<int>(type: "int", nullable: true),
                    Origin = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SourceCriterionId = table.Column<int>(type: "int", nullable: true),
                    SourceAssessmentId = table.Column<int>(type: "int", nullable: true),
                    SourceExperienceId = table.Column<int>(type: "int", nullable: true),
                    SourceIndicatorId = table.Column<int>(type: "int", nullable: true),
                    SourceMeetingId = table.Column<int>(type: "int", nullable: true),
                    OriginDetail = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    OwnerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Progress = table.Column<int>(type: "int", nullable: false),
                    Priority = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ShowToUsers = table.Column<bool>(type: "bit", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_ActionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_AssessmentCriteria_SourceCriterionId",
                        column: x => x.SourceCriterionId,
                        principalTable: "AssessmentCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_Experiences_SourceExperienceId",
                        column: x => x.SourceExperienceId,
                        principalTable: "Experiences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_Indicators_SourceIndicatorId",
                        column: x => x.SourceIndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_Meetings_SourceMeetingId",
                        column: x => x.SourceMeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_SelfAssessments_SourceAssessmentId",
                        column: x => x.SourceAssessmentId,
                        principalTable: "SelfAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActionId = table.Column<int>(type: "int", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AuthorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    FromStatus = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ToStatus = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    FromProgress = table.Column<int>(type: "int", nullable: false),
                    ToProgress = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionUpdates_ImprovementActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "ImprovementActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewEvents_MeetingId",
                table: "ReviewEvents",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiences_ImprovementActionId",
                table: "Experiences",
                column: "ImprovementActionId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentReports_ImprovementActionId",
                table: "DocumentReports",
                column: "ImprovementActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_State",
                table: "ActionPlans",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_StructureId_Year",
                table: "ActionPlans",
                columns: new[] { "StructureId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_Year_State",
                table: "ActionPlans",
                columns: new[] { "Year", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionUpdates_ActionId_AtUtc",
                table: "ActionUpdates",
                columns: new[] { "ActionId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentCriteria_EngagementId",
                table: "AssessmentCriteria",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentCriteria_GridId_EngagementId_Order",
                table: "AssessmentCriteria",
                columns: new[] { "GridId", "EngagementId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentGrids_FrameworkId_Version",
                table: "AssessmentGrids",
                columns: new[] { "FrameworkId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CriterionRatings_AssessmentId_CriterionId",
                table: "CriterionRatings",
                columns: new[] { "AssessmentId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CriterionRatings_CriterionId",
                table: "CriterionRatings",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_DueOn",
                table: "ImprovementActions",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_EngagementId",
                table: "ImprovementActions",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_PlanId_Status",
                table: "ImprovementActions",
                columns: new[] { "PlanId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_SourceAssessmentId",
                table: "ImprovementActions",
                column: "SourceAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_SourceCriterionId",
                table: "ImprovementActions",
                column: "SourceCriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_SourceExperienceId",
                table: "ImprovementActions",
                column: "SourceExperienceId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_SourceIndicatorId",
                table: "ImprovementActions",
                column: "SourceIndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_SourceMeetingId",
                table: "ImprovementActions",
                column: "SourceMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDecisions_MeetingId_Order",
                table: "MeetingDecisions",
                columns: new[] { "MeetingId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_MeetingId",
                table: "MeetingParticipants",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_UserId",
                table: "MeetingParticipants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_HeldAt",
                table: "Meetings",
                column: "HeldAt");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Kind_HeldAt",
                table: "Meetings",
                columns: new[] { "Kind", "HeldAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_GridId",
                table: "SelfAssessments",
                column: "GridId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_State",
                table: "SelfAssessments",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_StructureId_Year",
                table: "SelfAssessments",
                columns: new[] { "StructureId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_Year_State",
                table: "SelfAssessments",
                columns: new[] { "Year", "State" });

            migrationBuilder.AddForeignKey(
                name: "FK_DocumentReports_ImprovementActions_ImprovementActionId",
                table: "DocumentReports",
                column: "ImprovementActionId",
                principalTable: "ImprovementActions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Experiences_ImprovementActions_ImprovementActionId",
                table: "Experiences",
                column: "ImprovementActionId",
                principalTable: "ImprovementActions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewEvents_Meetings_MeetingId",
                table: "ReviewEvents",
                column: "MeetingId",
                principalTable: "Meetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DocumentReports_ImprovementActions_ImprovementActionId",
                table: "DocumentReports");

            migrationBuilder.DropForeignKey(
                name: "FK_Experiences_ImprovementActions_ImprovementActionId",
                table: "Experiences");

            migrationBuilder.DropForeignKey(
                name: "FK_ReviewEvents_Meetings_MeetingId",
                table: "ReviewEvents");

            migrationBuilder.DropTable(
                name: "ActionUpdates");

            migrationBuilder.DropTable(
                name: "CriterionRatings");

            migrationBuilder.DropTable(
                name: "MeetingDecisions");

            migrationBuilder.DropTable(
                name: "MeetingParticipants");

            migrationBuilder.DropTable(
                name: "ImprovementActions");

            migrationBuilder.DropTable(
                name: "ActionPlans");

            migrationBuilder.DropTable(
                name: "AssessmentCriteria");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "SelfAssessments");

            migrationBuilder.DropTable(
                name: "AssessmentGrids");

            migrationBuilder.DropIndex(
                name: "IX_ReviewEvents_MeetingId",
                table: "ReviewEvents");

            migrationBuilder.DropIndex(
                name: "IX_Experiences_ImprovementActionId",
                table: "Experiences");

            migrationBuilder.DropIndex(
                name: "IX_DocumentReports_ImprovementActionId",
                table: "DocumentReports");
        }
    }
}
