using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace SpPlus.Web.Authorization;

/// <summary>What a user wants to do with a structure's data.</summary>
public static class StructureOperations
{
    /// <summary>Read a structure's shared data (engagements, local commitments): every agent.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Write a structure's content (local commitments, drafts): its correspondents and the referent.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}

/// <summary>The structure a piece of data belongs to: the resource of every per-record check.</summary>
public sealed record StructureResource(int StructureId);
