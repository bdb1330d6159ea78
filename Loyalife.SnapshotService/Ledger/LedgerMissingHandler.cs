using Microsoft.AspNetCore.Diagnostics;

namespace Loyalife.SnapshotService.Ledger;

/// <summary>
/// A database without the `loyalty` schema (or one of its tables) is an operator's problem to fix, so it
/// answers a 503 problem naming what is missing rather than a bare 500.
/// </summary>
public sealed class LedgerMissingHandler(IProblemDetailsService problems, ILogger<LedgerMissingHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not PostgresException { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName or PostgresErrorCodes.UndefinedColumn } missing)
        {
            return false;
        }

        logger.LogError("The ledger schema is incomplete: {Message}", missing.MessageText);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Ledger schema missing",
                Detail = $"The database does not hold the loyalty schema this service reads ({missing.MessageText}). " +
                         "Loyalife's core creates it; for local runs the demo ledger (dev/Loyalife.DemoLedger) does.",
            },
        });
    }
}
