using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using SpPlus.Core.Imports;

namespace SpPlus.Web.Infrastructure;

/// <summary>
/// The one way a controller sends an .xlsx: the workbook is written straight into the response body as it is read from
/// the database (never built in memory first), with its content type and file name.
/// </summary>
public static class SpreadsheetResponse
{
    public static async Task<IActionResult> StreamXlsxAsync(this ControllerBase controller, string fileName, Func<Stream, Task> write)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(write);
        var response = controller.Response;
        response.ContentType = QuarterlyTemplate.ContentType;
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
        // SpreadCheetah writes the zip's central directory synchronously when the workbook ends.
        if (controller.HttpContext.Features.Get<IHttpBodyControlFeature>() is { } bodyControl)
        {
            bodyControl.AllowSynchronousIO = true;
        }

        await write(response.Body);
        return new EmptyResult();
    }
}
