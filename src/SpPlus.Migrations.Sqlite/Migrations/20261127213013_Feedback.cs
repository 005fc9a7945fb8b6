using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpPlus.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnswerTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DocumentReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Difficulty = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Suggestion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ImprovementActionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentReports_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExperienceImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ImportedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NewCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UnchangedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UnmappedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperienceImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Experiences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NationalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: true),
                    NationalStructureLabel = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Typology1 = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Typology2 = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Typology3 = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    NationalState = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Sentiment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TagAccessibility = table.Column<bool>(type: "INTEGER", nullable: false),
                    TagInformation = table.Column<bool>(type: "INTEGER", nullable: false),
                    TagRelation = table.Column<bool>(type: "INTEGER", nullable: false),
                    TagReactivity = table.Column<bool>(type: "INTEGER", nullable: false),
                    TagSimplicity = table.Column<bool>(type: "INTEGER", nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstAnswerOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NationalAnswer = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssigneeUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ImprovementActionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experiences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Experiences_AspNetUsers_AssigneeUserId",
                        column: x => x.AssigneeUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Experiences_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StructureLabelMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NormalizedLabel = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StructureLabelMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StructureLabelMappings_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentReportNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentReportNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentReportNotes_DocumentReports_DocumentReportId",
                        column: x => x.DocumentReportId,
                        principalTable: "DocumentReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExperienceAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExperienceId = table.Column<int>(type: "INTEGER", nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false),
                    StateChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PostedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperienceAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperienceAnswers_AnswerTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "AnswerTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExperienceAnswers_Experiences_ExperienceId",
                        column: x => x.ExperienceId,
                        principalTable: "Experiences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExperienceAnswers_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExperienceComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExperienceId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperienceComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperienceComments_Experiences_ExperienceId",
                        column: x => x.ExperienceId,
                        principalTable: "Experiences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnswerTemplates_Title",
                table: "AnswerTemplates",
                column: "Title",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentReportNotes_DocumentReportId",
                table: "DocumentReportNotes",
                column: "DocumentReportId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentReports_StructureId_Status",
                table: "DocumentReports",
                columns: new[] { "StructureId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ExperienceAnswers_ExperienceId",
                table: "ExperienceAnswers",
                column: "ExperienceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExperienceAnswers_State",
                table: "ExperienceAnswers",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_ExperienceAnswers_StructureId_State",
                table: "ExperienceAnswers",
                columns: new[] { "StructureId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ExperienceAnswers_TemplateId",
                table: "ExperienceAnswers",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_ExperienceComments_ExperienceId",
                table: "ExperienceComments",
                column: "ExperienceId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiences_AssigneeUserId",
                table: "Experiences",
                column: "AssigneeUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiences_DueOn",
                table: "Experiences",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Experiences_NationalId",
                table: "Experiences",
                column: "NationalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Experiences_PublishedOn",
                table: "Experiences",
                column: "PublishedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Experiences_StructureId_PublishedOn",
                table: "Experiences",
                columns: new[] { "StructureId", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StructureLabelMappings_NormalizedLabel",
                table: "StructureLabelMappings",
                column: "NormalizedLabel",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StructureLabelMappings_StructureId",
                table: "StructureLabelMappings",
                column: "StructureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentReportNotes");

            migrationBuilder.DropTable(
                name: "ExperienceAnswers");

            migrationBuilder.DropTable(
                name: "ExperienceComments");

            migrationBuilder.DropTable(
                name: "ExperienceImports");

            migrationBuilder.DropTable(
                name: "StructureLabelMappings");

            migrationBuilder.DropTable(
                name: "DocumentReports");

            migrationBuilder.DropTable(
                name: "AnswerTemplates");

            migrationBuilder.DropTable(
                name: "Experiences");
        }
    }
}
