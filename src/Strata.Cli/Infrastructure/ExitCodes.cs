using Strata.Errors;

namespace Strata.Cli.Infrastructure;

/// <summary>The exit codes of product.md, and the one place errors are mapped to them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;
    public const int CheckFailed = 3;
    public const int MigrationFailed = 4;
    public const int Unavailable = 5;
    public const int Cancelled = 130;

    public static int For(Exception exception) => exception switch
    {
        StrataException { Category: ErrorCategory.BadInput } => BadInput,
        StrataException { Category: ErrorCategory.CheckFailed } => CheckFailed,
        StrataException { Category: ErrorCategory.MigrationFailed } => MigrationFailed,
        StrataException { Category: ErrorCategory.Unavailable } => Unavailable,
        OperationCanceledException => Cancelled,
        _ => InternalError,
    };
}
