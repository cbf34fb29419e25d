namespace Strata.Codegen;

/// <summary>How PostgreSQL <c>bigint</c> values read through node-postgres are typed in TypeScript.</summary>
public enum BigIntMode
{
    /// <summary>
    /// <c>string</c> on select, <c>string | number | bigint</c> on insert and update (kysely-codegen's <c>Int8</c>):
    /// node-postgres's default, exact beyond 2^53.
    /// </summary>
    Text,

    /// <summary><c>number</c>: for a pool that parses int8 into numbers (exact only up to 2^53).</summary>
    Number,

    /// <summary><c>bigint</c>: for a pool that parses int8 into <c>BigInt</c>.</summary>
    BigInt,
}
