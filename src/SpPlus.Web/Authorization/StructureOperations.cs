using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace SpPlus.Web.Authorization;

/// <summary>What a user wants to do with a structure's data.</summary>
public static class StructureOperations
{
    /// <summary>Read a structure's shared data (engagements, local commitments): every agent.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Write a structure's content (local commitments, drafts): its correspondents and the referent.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };

    /// <summary>
    /// Read a structure's unpublished work (drafts and submitted documents): the referent, the administrator, and the
    /// structure's correspondents. COPIL members also read approved documents and everyone reads published ones: that
    /// depends on the document's state, and the area's controller adds it on top of this operation.
    /// </summary>
    public static readonly OperationAuthorizationRequirement ReadDrafts = new() { Name = nameof(ReadDrafts) };
}

/// <summary>The structure a piece of data belongs to: the resource of every per-record check.</summary>
public sealed record StructureResource(int StructureId);
